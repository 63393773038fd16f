/* global window, document, location, getComputedStyle, requestAnimationFrame, setTimeout, PerformanceObserver, MutationObserver */
/**
 * In-page probes for the browser tests, installed by an init script before
 * any page script runs (plain browser JavaScript: the project's TypeScript has
 * no DOM types). The tests call them as `__probes.name(...)`.
 */
(() => {
  // Layout shifts not caused by input, from the first paint on (CLS without session windows).
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && `${s.node.nodeName}.${s.node.className || ""}`) });
    }
  }).observe({ type: "layout-shift", buffered: true });

  // The theme the page has when <body> is first parsed: set before any paint, or not at all.
  let themeAtBody;
  new MutationObserver((records, observer) => {
    if (!document.body) return;
    themeAtBody = document.documentElement.getAttribute("data-theme");
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });

  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const viewport = () => ({ w: document.documentElement.clientWidth, h: document.documentElement.clientHeight });
  const shown = (el) => getComputedStyle(el).display !== "none" && el.getBoundingClientRect().width > 0;
  const openCards = () => [...document.querySelectorAll(".hover-card")].filter(shown);
  const TRIGGERS = "a[aria-describedby^='cite-card-'], a[aria-describedby^='fn-card-']";
  const triggers = () => [...document.querySelectorAll(TRIGGERS)];
  const cardOf = (link) => document.getElementById(link.getAttribute("aria-describedby"));

  /** What is wrong with `link`'s card now: not shown, outside the viewport, not alone. */
  function cardProblem(link, how) {
    const card = cardOf(link);
    const id = `${card.id} (${how})`;
    if (!shown(card)) return `${id}: not shown`;
    const r = card.getBoundingClientRect();
    const { w, h } = viewport();
    if (r.left < 0 || r.top < 0 || r.right > w + 0.5 || r.bottom > h + 0.5) {
      return `${id}: at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in ${w}×${h}`;
    }
    const open = openCards().length;
    return open > 1 ? `${id}: ${open} cards open at once` : "";
  }

  window.__probes = {
    layoutShift: () => ({ cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts }),
    themeAtBody: () => themeAtBody,
    pageWidth: () => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }),

    /** Scroll to the bottom a screen at a time (lazy images load, their shifts show), then back to the top. */
    async scrollThrough() {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await frame();
      }
      window.scrollTo(0, 0);
      // Every picture loaded or failed (lazy ones never reached, as in closed <details>, are not waited for).
      const pending = [...document.images].filter((img) => !img.complete && img.getClientRects().length);
      const loaded = pending.map((img) => new Promise((r) => ["load", "error"].forEach((t) => img.addEventListener(t, r, { once: true }))));
      await Promise.race([Promise.all(loaded), new Promise((r) => setTimeout(r, 3000))]);
      await frame();
      await frame();
    },

    triggerCount: () => triggers().length,
    /** Open every <details>, as a reader would to reach the citations inside. */
    openDetails: () => document.querySelectorAll("details").forEach((d) => (d.open = true)),

    /** Focus every card link (centred on screen first); the problems of their cards. */
    focusEveryCard() {
      const bad = [];
      for (const link of triggers()) {
        link.scrollIntoView({ block: "center", inline: "nearest" });
        link.focus();
        const problem = cardProblem(link, "focus");
        if (problem) bad.push(problem);
        link.blur();
      }
      return bad;
    },

    /** Centre card link `i` on screen; where to point at it. */
    centre(i) {
      const link = triggers()[i];
      link.scrollIntoView({ block: "center", inline: "nearest" });
      const r = link.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    cardProblem: (i, how) => cardProblem(triggers()[i], how),
    cardShown: (i) => shown(cardOf(triggers()[i])),
    openCardCount: () => openCards().length,
    focusCard: (i) => triggers()[i].focus(),
    hash: () => location.hash,

    tocHrefs: () => [...document.querySelectorAll("nav.toc a[href^='#']")].map((a) => a.getAttribute("href")),

    /** Click TOC link `href` as a reader would (the page's own click handling and scrolling). */
    followToc(href) {
      window.scrollTo(0, 0);
      document.querySelector(`nav.toc a[href="${href}"]`).click();
    },
    /** After following TOC link `href`: is its heading at the top of the screen (or visible, at the page's end)? */
    tocLanding(href) {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (!target) return `${href}: no such heading`;
      if (location.hash !== href) return `${href}: the address shows ${location.hash}`;
      const r = target.getBoundingClientRect();
      const { h } = viewport();
      const atEnd = Math.ceil(window.scrollY + h) >= document.documentElement.scrollHeight - 1;
      if (r.top < -1 || r.bottom > h) return `${href}: heading at ${Math.round(r.top)}–${Math.round(r.bottom)} in a ${h} px screen`;
      if (r.top > 100 && !atEnd) return `${href}: heading ${Math.round(r.top)} px below the top`;
      return "";
    },
    toTop: () => window.scrollTo(0, 0),
    /** Every chart or diagram box (src/client/diagrams.js) has its drawing (with a size, unless hidden, as in a closed tab): some libraries draw after load. */
    diagramsDrawn: () => [...document.querySelectorAll(".diagram")].every((b) => b.firstElementChild && (!b.getClientRects().length || b.getBoundingClientRect().height > 0)),

    background: () => getComputedStyle(document.body).backgroundColor,
  };
})();
