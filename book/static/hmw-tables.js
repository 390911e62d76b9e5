/* Searchable tables of the Data page (hundred_models/site/datapage.py writes them).
 *
 * Each <div class="hmw-datatable"> holds its rows as JSON and an empty <table> with human headers.
 * DataTables (core only, vendored) shows them with a search box, sorting on every column, paging,
 * and a drop-down filter for each column with few distinct values. Nothing is fetched from elsewhere.
 * A table of the Chinese edition carries its interface words in its JSON ("language" for DataTables,
 * "ui" for this script); without them the words are English.
 */
(function () {
  "use strict";
  var BLANK = "\u0000blank";
  var ENGLISH = { all: "all", blank: "(blank)", more: "More", allRows: "All" };

  function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function filters(box, api, spec, ui) {
    var bar = document.createElement("div");
    bar.className = "hmw-filters";
    spec.columns.forEach(function (col, index) {
      if (!col.filter) return;
      var label = document.createElement("label");
      var select = document.createElement("select");
      label.textContent = col.title + " ";
      var values = Array.from(new Set(spec.data.map(function (row) { return row[index]; }))).sort();
      var all = document.createElement("option");
      all.value = "";
      all.textContent = ui.all;
      select.appendChild(all);
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value === "" ? BLANK : value;
        option.textContent = value === "" ? ui.blank : value;
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        var value = select.value;
        var wanted = value === "" ? "" : value === BLANK ? "^$" : "^" + escapeRegex(value) + "$";
        api.column(index).search(wanted, true, false).draw();
      });
      label.appendChild(select);
      bar.appendChild(label);
    });
    if (bar.children.length) box.insertBefore(bar, box.firstChild);
  }

  function init(box) {
    var source = box.querySelector("script.hmw-datatable-data");
    var table = box.querySelector("table");
    if (!source || !table || box.dataset.ready) return;
    box.dataset.ready = "1";
    var spec = JSON.parse(source.textContent);
    var ui = Object.assign({}, ENGLISH, spec.ui || {});
    // Long text (notes, citations) is kept out of the grid: hidden columns (still searched) shown in a row's details.
    var wide = [];
    var columns = spec.columns.map(function (col, index) {
      var def = { title: col.title };
      if (col.wide) {
        wide.push(index);
        def.visible = false;
      }
      if (col.sort) {
        // Sort on the key (a number, an ISO date) rather than the words shown; a missing value sorts as the smallest.
        var numeric = typeof col.sort.find(function (k) { return k !== null; }) === "number";
        def.render = function (data, type, row, meta) {
          if (type !== "sort" && type !== "type") return data;
          var key = col.sort[meta.row];
          return key === null ? (numeric ? -Infinity : "") : key;
        };
        def.type = numeric ? "num" : "string";
      }
      return def;
    });
    if (wide.length) {
      var label = wide.map(function (i) { return spec.columns[i].title; }).join(", ");
      columns.push({
        title: ui.more, data: null, orderable: false, searchable: false, className: "hmw-more-cell",
        render: function (data, type, row) {
          if (type !== "display") return "";
          var any = wide.some(function (i) { return row[i] !== ""; });
          return any ? '<button type="button" class="hmw-more" aria-expanded="false">' + label + "</button>" : "";
        }
      });
    }
    var api = new DataTable(table, {
      data: spec.data,
      columns: columns,
      pageLength: 10,
      lengthMenu: [10, 25, 50, 100, { label: ui.allRows, value: -1 }],
      autoWidth: false,
      language: Object.assign({ search: "Search this table:" }, spec.language || {})
    });
    filters(box, api, spec, ui);
    table.addEventListener("click", function (event) {
      var button = event.target.closest("button.hmw-more");
      if (!button) return;
      var row = api.row(button.closest("tr"));
      if (row.child.isShown()) {
        row.child.hide();
        button.setAttribute("aria-expanded", "false");
        return;
      }
      var list = document.createElement("dl");
      list.className = "hmw-details";
      wide.forEach(function (i) {
        var value = row.data()[i];
        if (value === "") return;
        var term = document.createElement("dt");
        var text = document.createElement("dd");
        term.textContent = spec.columns[i].title;
        text.textContent = value;
        list.appendChild(term);
        list.appendChild(text);
      });
      row.child(list).show();
      button.setAttribute("aria-expanded", "true");
    });
    // DataTables marks its events with a delegateTarget, which clipboard.js (the theme's copy buttons, listening on
    // <body>) takes for one of its buttons; clicks inside a table stop at the table's box.
    box.addEventListener("click", function (event) { event.stopPropagation(); });
  }

  function start() {
    if (typeof DataTable === "undefined") return;
    document.querySelectorAll("div.hmw-datatable").forEach(init);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
