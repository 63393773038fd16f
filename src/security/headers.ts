/**
 * Security headers on every response the worker makes (pages, documents,
 * redirects, 304s, status pages), with Hono's secure-headers middleware.
 * A handler that sets its own Content-Security-Policy (a post page, fitted
 * to what it embeds) keeps it; everything else gets the base policy.
 * Static assets never reach the worker: they get the same headers from
 * `public/_headers` (see staticHeaders below, written by the build).
 *
 * @example app.use(securityHeaders())
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { contentSecurityPolicy } from "./csp.ts";

/** Two years, with subdomains: the value hstspreload.org asks for. */
export const HSTS = "max-age=63072000; includeSubDomains";
export const REFERRER_POLICY = "strict-origin-when-cross-origin";
/**
 * Powerful features no page of a blog uses. Autoplay, fullscreen,
 * encrypted-media and picture-in-picture stay allowed: video embeds delegate them.
 * Only features browsers recognise: Chromium logs a warning on every page for
 * an unknown one (`bluetooth` is not a Permissions-Policy feature).
 */
const DENIED_FEATURES = [
  "accelerometer", "browsingTopics", "camera", "displayCapture", "geolocation", "gyroscope",
  "hid", "magnetometer", "microphone", "midi", "payment", "serial", "usb",
] as const;
/** The header value, as secure-headers writes it (`camera=()`), for `_headers`. */
export const PERMISSIONS_POLICY = DENIED_FEATURES.map((f) => `${f.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())}=()`).join(", ");

export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    strictTransportSecurity: HSTS,
    referrerPolicy: REFERRER_POLICY,
    xFrameOptions: "DENY",
    permissionsPolicy: Object.fromEntries(DENIED_FEATURES.map((f) => [f, false])),
    // Feed readers and other sites may show our pictures; pages are not fetched cross-origin anyway.
    crossOriginResourcePolicy: false,
    // Pages set their own (fitted) policy; secure-headers must not replace it.
    overwrite: false,
  });
  const policy = contentSecurityPolicy();
  return async (c, next) => {
    await headers(c, next);
    if (!c.res.headers.has("Content-Security-Policy")) c.res.headers.set("Content-Security-Policy", policy);
  };
}

/**
 * Static Assets' `_headers` rules giving files under /assets/ the same
 * headers. Their CSP only forbids framing by other sites and plugins: the
 * files are the author's (an HTML demo shown in a post's iframe is one), as
 * trusted as raw HTML in a post.
 * https://developers.cloudflare.com/workers/static-assets/headers/
 */
export function staticHeaders(): string {
  return `/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: ${REFERRER_POLICY}
  Strict-Transport-Security: ${HSTS}
  Permissions-Policy: ${PERMISSIONS_POLICY}
  Content-Security-Policy: frame-ancestors 'self'; object-src 'none'; base-uri 'self'
  X-Frame-Options: SAMEORIGIN
`;
}
