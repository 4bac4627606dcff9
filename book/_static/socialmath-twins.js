// The explorers' browser twins (src/socialmath/twins): each <div class="sm-twin"> holds a
// Vega-Lite specification in a JSON script. Draw it with the site's own vega-embed, then hide the
// explorer's still image and its static-page note, which stay for readers without JavaScript.
// Each drawn twin's Vega view is kept in window.socialmathTwins, by explorer name.
(function () {
  "use strict";
  window.socialmathTwins = window.socialmathTwins || {};

  function draw(box) {
    var spec = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var target = box.querySelector(".sm-twin-chart");
    return vegaEmbed(target, spec, {actions: false, renderer: "canvas"}).then(function (result) {
      var name = box.getAttribute("data-explorer");
      window.socialmathTwins[name] = result.view;
      box.hidden = false;
      var cell = document.getElementById(box.getAttribute("data-cell"));
      if (cell) {
        cell.querySelectorAll(".cell_output").forEach(function (output) { output.hidden = true; });
        var note = cell.previousElementSibling;
        if (note && note.classList.contains("sm-static-explorer-note")) { note.hidden = true; }
      }
      return result.view;
    });
  }

  function start() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("div.sm-twin"));
    window.socialmathTwinsReady = Promise.all(boxes.map(draw));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
