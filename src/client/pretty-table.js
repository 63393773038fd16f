/* global document, window, fetch */
// `pretty_table: true` (al-folio's bootstrap-table): sorting, search and paging
// for the post's tables with simple-datatables, read from al-folio's data-*
// attributes. Every row is in the server's HTML; this only enhances it. A table
// whose rows come from `data-url` (a JSON array of objects) is filled first.
"use strict";
(function () {
  var DataTable = window.simpleDatatables && window.simpleDatatables.DataTable;
  if (!DataTable) return;

  function enhance(table) {
    var pages = table.getAttribute("data-pagination") === "true";
    new DataTable(table, {
      searchable: table.getAttribute("data-search") === "true",
      paging: pages,
      perPage: Number(table.getAttribute("data-page-size")) || 10,
      perPageSelect: pages ? [5, 10, 25, 50] : false,
    });
  }

  function fill(table, rows) {
    var fields = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.getAttribute("data-field");
    });
    var body = table.tBodies[0] || table.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      fields.forEach(function (field) {
        // Text only: the JSON is data, never markup.
        tr.insertCell().textContent = field && row[field] != null ? String(row[field]) : "";
      });
    });
  }

  var tables = document.querySelectorAll(".post-body table");
  Array.prototype.forEach.call(tables, function (table) {
    if (table.closest("pre, code, .highlight")) return;
    var source = table.getAttribute("data-url");
    // Rows the build already wrote stay; otherwise they are fetched from the site.
    if (source && !(table.tBodies[0] && table.tBodies[0].rows.length)) {
      fetch(source)
        .then(function (res) { return res.json(); })
        .then(function (rows) { if (Array.isArray(rows)) fill(table, rows); enhance(table); })
        .catch(function () { enhance(table); });
    } else enhance(table);
  });
})();
