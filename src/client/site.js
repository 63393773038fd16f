/* global window, document, localStorage, navigator, setTimeout, CSS, Event, requestAnimationFrame, getComputedStyle */
/**
 * Progressive enhancement for every page, loaded with `defer` from /assets/.
 * The page reads fine without it: cards open on :hover/:focus-within, links
 * go to the appendix, the theme follows the OS.
 * - the theme toggle in the header cycles auto → light → dark (see theme.js);
 * - citation and footnote cards: one open at a time, Escape closes, a tap on
 *   a touch screen opens the card instead of following the link (a second tap
 *   follows it), kept inside the viewport where CSS anchor positioning is missing;
 * - the table of contents marks the section being read (aria-current);
 * - "Copy" buttons (`data-copy-target`, hidden in the HTML) appear and copy
 *   their target's text (the BibTeX of "cite this post") to the clipboard.
 */
(function () {
  var doc = document;
  var root = doc.documentElement;

  // Theme toggle.
  var ORDER = ["auto", "light", "dark"];
  var toggle = doc.querySelector(".theme-toggle");
  function label() {
    var choice = root.getAttribute("data-theme-choice") || "auto";
    var text = "Colour theme: " + choice + (choice === "auto" ? " (follows the system)" : "");
    toggle.setAttribute("aria-label", text);
    toggle.title = text;
  }
  if (toggle) {
    label();
    toggle.addEventListener("click", function () {
      var next = ORDER[(ORDER.indexOf(root.getAttribute("data-theme-choice")) + 1) % ORDER.length];
      try {
        if (next === "auto") localStorage.removeItem("theme");
        else localStorage.setItem("theme", next);
      } catch {
        return; // Storage blocked: nothing would be remembered.
      }
      doc.dispatchEvent(new Event("edgefolio:theme"));
      label();
    });
  }

  // Cards.
  var anchored = window.CSS && CSS.supports("anchor-name: --a");
  var open = null;
  var touchOpened = false;
  function show(holder) {
    if (open === holder) return;
    if (open) hide(open);
    open = holder;
    holder.classList.add("card-open");
    if (!anchored) nudge(holder.querySelector(".hover-card"));
  }
  function hide(holder) {
    holder.classList.remove("card-open");
    if (open === holder) open = null;
  }
  // Without anchor positioning: move an absolutely placed card back inside the viewport.
  function nudge(card) {
    card.style.translate = "";
    card.classList.remove("card-above");
    if (getComputedStyle(card).position !== "absolute") return;
    var r = card.getBoundingClientRect();
    var right = root.clientWidth - 8;
    var dx = r.right > right ? right - r.right : 0;
    if (r.left + dx < 8) dx = 8 - r.left;
    card.style.translate = dx + "px 0";
    if (r.bottom > window.innerHeight && r.top - r.height > 0) card.classList.add("card-above");
  }
  doc.querySelectorAll(".citation, .footnote").forEach(function (holder) {
    if (!holder.querySelector(".hover-card")) return;
    holder.addEventListener("pointerenter", function (e) {
      if (e.pointerType !== "touch") show(holder);
    });
    holder.addEventListener("pointerleave", function (e) {
      // The card is inside the holder, so moving onto it is not leaving.
      if (e.pointerType === "touch" || holder.contains(doc.activeElement)) return;
      hide(holder);
      // Back to the card of the link that has keyboard focus, if any.
      var focused = doc.activeElement && doc.activeElement.closest && doc.activeElement.closest(".citation, .footnote");
      if (focused && focused.querySelector(".hover-card")) show(focused);
    });
    holder.addEventListener("focusin", function () {
      show(holder);
    });
    holder.addEventListener("focusout", function (e) {
      if (!holder.contains(e.relatedTarget)) hide(holder);
    });
    holder.addEventListener("pointerdown", function (e) {
      // Decided before the tap's focus opens the card.
      touchOpened = e.pointerType === "touch" && open !== holder;
    });
    holder.addEventListener("click", function (e) {
      if (!touchOpened || !e.target.closest("a") || e.target.closest(".hover-card")) return;
      touchOpened = false;
      e.preventDefault();
      show(holder);
    });
  });
  doc.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && open) hide(open);
  });
  doc.addEventListener("pointerdown", function (e) {
    if (open && !open.contains(e.target)) hide(open);
  });

  // Table of contents: the section being read.
  var links = [].slice.call(doc.querySelectorAll(".toc a[href^='#']"));
  var targets = links.map(function (a) {
    return doc.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
  });
  var current = null;
  var queued = false;
  function mark() {
    queued = false;
    var line = window.innerHeight / 3;
    var found = null;
    // At the very bottom the last sections may never reach the line: the last one on screen is the one being read.
    var bottom = window.innerHeight + window.scrollY >= root.scrollHeight - 2;
    for (var i = 0; i < targets.length; i++) {
      var top = targets[i] ? targets[i].getBoundingClientRect().top : Infinity;
      if (top <= line || (bottom && top < window.innerHeight)) found = links[i];
    }
    if (found === current) return;
    if (current) current.removeAttribute("aria-current");
    if (found) found.setAttribute("aria-current", "location");
    current = found;
  }
  if (links.length) {
    window.addEventListener("scroll", function () {
      if (!queued) requestAnimationFrame(mark);
      queued = true;
    }, { passive: true });
    mark();
  }

  // Copy buttons: shown only here, since without script they could do nothing.
  doc.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var target = doc.getElementById(button.getAttribute("data-copy-target"));
    if (!target) return;
    var status = doc.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.after(status);
    function done(message) {
      status.textContent = message;
      setTimeout(function () {
        status.textContent = "";
      }, 2500);
    }
    // No clipboard (an insecure origin, an old browser): select the text, for the reader's own copy.
    function select() {
      var range = doc.createRange();
      range.selectNodeContents(target);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      done("Selected: press Ctrl+C or ⌘C to copy");
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!navigator.clipboard || !navigator.clipboard.writeText) return select();
      navigator.clipboard.writeText(target.textContent).then(function () {
        done("Copied");
      }, select);
    });
  });
})();
