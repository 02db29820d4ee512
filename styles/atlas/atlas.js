// regio atlas: tooltips on map regions (mouse and keyboard focus) and
// sortable tables. Plain JavaScript, no libraries, nothing fetched; text is
// only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";

  // Tooltips: a map region's row in the page's table holds everything the
  // tooltip shows (name, value, rank, numerator, denominator, flag, class).
  function setupMap(svg) {
    var figure = svg.parentNode;
    var tip = figure.querySelector(".tooltip");
    var table = document.getElementById("values");
    if (!tip || !table) return;
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var rows = {};
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) { rows[tr.getAttribute("data-id")] = tr; });

    function show(link, x, y) {
      var tr = rows[link.getAttribute("data-id")];
      if (!tr) return;
      while (tip.firstChild) tip.removeChild(tip.firstChild);
      Array.prototype.forEach.call(tr.cells, function (cell, i) {
        var text = cell.textContent.trim();
        if (text === "") return;
        var p = document.createElement("p");
        if (i === 0) { var b = document.createElement("strong"); b.textContent = text; p.appendChild(b); }
        else p.textContent = heads[i] + ": " + text;
        tip.appendChild(p);
      });
      var box = figure.getBoundingClientRect();
      tip.style.left = Math.max(0, Math.min(x - box.left + 12, box.width - 200)) + "px";
      tip.style.top = (y - box.top + 12) + "px";
      tip.hidden = false;
    }
    function hide() { tip.hidden = true; }
    svg.addEventListener("mousemove", function (e) {
      var link = e.target.closest ? e.target.closest("a[data-id]") : null;
      if (link) show(link, e.clientX, e.clientY); else hide();
    });
    svg.addEventListener("mouseleave", hide);
    svg.addEventListener("focusin", function (e) {
      var link = e.target.closest ? e.target.closest("a[data-id]") : null;
      if (!link) return;
      var r = link.getBoundingClientRect();
      show(link, r.left + r.width / 2, r.top + r.height / 2);
    });
    svg.addEventListener("focusout", hide);
  }

  // Sortable tables: each column heading is a button; numbers sort by their
  // data-sort value, text in natural order; empty cells go last.
  function setupTable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = button.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(tr) {
          var cell = tr.cells[column];
          var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
          return numeric ? (v === "" ? NaN : parseFloat(v)) : v;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (numeric) {
            if (isNaN(x) || isNaN(y)) return isNaN(x) - isNaN(y);
            return ascending ? x - y : y - x;
          }
          var c = String(x).localeCompare(String(y), document.documentElement.lang, { numeric: true });
          return ascending ? c : -c;
        });
        rows.forEach(function (tr) { body.appendChild(tr); });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("svg.choropleth"), setupMap);
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), setupTable);
})();
