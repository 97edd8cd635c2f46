// Timeline enhancement: names the hovered or focused mark in a live region below the legend (the SVG
// <title> tooltip only shows on hover), and highlights the same meeting in both pictures.
(function () {
  "use strict";
  var out = document.getElementById("timeline-detail");
  if (!out) return;
  var links = document.querySelectorAll("svg.timeline a");
  function highlight(id, on) {
    if (!id) return;
    document.querySelectorAll('svg.timeline a[data-meeting="' + CSS.escape(id) + '"]').forEach(function (a) {
      a.classList.toggle("related", on);
    });
  }
  links.forEach(function (a) {
    function show() {
      out.textContent = a.getAttribute("aria-label") || "";
      highlight(a.getAttribute("data-meeting"), true);
    }
    function hide() {
      highlight(a.getAttribute("data-meeting"), false);
    }
    a.addEventListener("focus", show);
    a.addEventListener("mouseenter", show);
    a.addEventListener("blur", hide);
    a.addEventListener("mouseleave", hide);
  });
})();
