/* global window */
// `images: {photoswipe: true}`: every `.pswp-gallery` (al-folio's markup) opens
// its links in PhotoSwipe; without script the links open the full image.
"use strict";
(function () {
  if (!window.PhotoSwipeLightbox || !window.PhotoSwipe) return;
  new window.PhotoSwipeLightbox({ gallery: ".pswp-gallery", children: "a", pswpModule: window.PhotoSwipe }).init();
})();
