/* global window */
// `images: {venobox: true}`: links with class `venobox` (grouped by `data-gall`)
// open in VenoBox; without script they open the full image.
"use strict";
(function () {
  if (window.VenoBox) new window.VenoBox({ selector: ".venobox" });
})();
