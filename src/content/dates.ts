/**
 * Jekyll-style post dates. Front matter gives `2024-01-03`, `2024-01-03 16:40:16`
 * or either with an offset (`+0100`, `-05:00`, `+01`, `Z`, `UTC`); without an
 * offset the time is local to the site's time zone, as in Jekyll. Month and
 * day may have one digit (`2024-3-7`), as Ruby's Time.parse (which Jekyll
 * uses) accepts them.
 */

const DATE_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;

export interface PostDate {
  /** ISO 8601 with the offset that applied: `2024-01-03T00:00:00+01:00`. */
  iso: string;
  /** Year in the site's time zone. */
  year: string;
}

// Creating an Intl.DateTimeFormat costs ~0.2 ms (locale and zone data are resolved each time):
// one per zone, kept, instead of one per call (a build parses every post's date several times).
const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    // A site has one zone; the bound only guards a process that sees many.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset in minutes of `timeZone` at the UTC instant `utcMs`. */
function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  // The default zone has no offset to look up (formatToParts costs ~20 µs a call).
  if (timeZone === "UTC") return 0;
  const parts = zoneFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - utcMs) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Parse a front-matter date; null when it is not a real calendar date/time. */
export function parsePostDate(text: string, timeZone: string): PostDate | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", off] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const localAsUtc = Date.UTC(...fields);
  const check = new Date(localAsUtc);
  // Reject 2024-02-30 and 25:00, which Date would silently roll over.
  if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || check.getUTCHours() !== fields[3]) return null;
  if (Number(mi) > 59 || Number(s) > 59) return null;

  let offset: number;
  if (off === undefined) {
    // Local time in the site zone: find the offset that applies at that wall-clock time.
    offset = zoneOffsetMinutes(timeZone, localAsUtc);
    offset = zoneOffsetMinutes(timeZone, localAsUtc - offset * 60000);
  } else if (/^(?:Z|UTC|GMT)$/i.test(off)) {
    offset = 0;
  } else {
    // `+1`, `+01`, `+0100`, `+01:00`: hours are the digits before the last two when there are more than two.
    const digits = off.slice(1).replace(":", "");
    const [hours, minutes] = digits.length > 2 ? [digits.slice(0, -2), digits.slice(-2)] : [digits, "0"];
    if (Number(hours) > 14 || Number(minutes) > 59) return null;
    offset = (off[0] === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  const utcMs = localAsUtc - offset * 60000;
  // The URL year is the year where the site lives, as Jekyll computes it.
  const siteOffset = zoneOffsetMinutes(timeZone, utcMs);
  const siteYear = new Date(utcMs + siteOffset * 60000).getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = new Date(utcMs + siteOffset * 60000);
  const iso =
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${formatOffset(siteOffset)}`;
  return { iso, year: String(siteYear).padStart(4, "0") };
}

/** `January 3, 2024`: how posts show their date. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${months[(m ?? 1) - 1]} ${d}, ${y}`;
}
