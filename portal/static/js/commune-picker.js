// Commune type-ahead for the petition form (ARIA 1.2 combobox with a listbox).
//
// Without JavaScript the form still works: the server resolves the typed
// commune name. With it, the communes of the chosen province are fetched once
// and filtered as the person types, with or without diacritics.
(function () {
  "use strict";

  var picker = document.querySelector(".commune-picker");
  if (!picker) { return; }
  var province = picker.querySelector("select[name=province]");
  var input = picker.querySelector("input[name=commune]");
  var list = picker.querySelector("#commune-options");
  var status = picker.querySelector("#commune-status");
  var codeField = picker.querySelector("input[type=hidden][name=commune_code]");
  if (!province || !input || !list) { return; }

  var MAX_SHOWN = 12;
  var communes = [];
  var shown = [];
  var active = -1;
  var cache = {};

  // Same folding as the server: no diacritics, đ as d, lower case.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
  }

  function load(code) {
    communes = [];
    if (!code) { return; }
    if (cache[code]) { communes = cache[code]; return; }
    var url = picker.getAttribute("data-units-url") + "?parent=" + encodeURIComponent(code);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) {
        cache[code] = data.items.map(function (unit) {
          return { code: unit.code, name: unit.full_name, folded: fold(unit.name), foldedFull: fold(unit.full_name) };
        });
        if (province.value === code) {
          communes = cache[code];
          // The person may have typed before the list arrived.
          if (document.activeElement === input && input.value) { render(); }
        }
      })
      .catch(function () { communes = []; });
  }

  function rank(unit, typed) {
    if (unit.folded === typed || unit.foldedFull === typed) { return 0; }
    if (unit.folded.indexOf(typed) === 0) { return 1; }
    if ((" " + unit.folded).indexOf(" " + typed) >= 0) { return 2; }
    if (unit.foldedFull.indexOf(typed) === 0) { return 3; }
    return -1;
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var items = list.querySelectorAll("li");
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }
  }

  function choose(index) {
    var unit = shown[index];
    if (!unit) { return; }
    input.value = unit.name;
    if (codeField) { codeField.value = unit.code; }
    document.dispatchEvent(new CustomEvent("commune-picked"));
    close();
  }

  function render() {
    var typed = fold(input.value);
    if (codeField) { codeField.value = ""; }
    if (!typed) { close(); return; }
    shown = communes
      .map(function (unit) { return { unit: unit, rank: rank(unit, typed) }; })
      .filter(function (entry) { return entry.rank >= 0; })
      .sort(function (a, b) { return a.rank - b.rank || a.unit.folded.localeCompare(b.unit.folded); })
      .slice(0, MAX_SHOWN)
      .map(function (entry) { return entry.unit; });
    list.innerHTML = "";
    shown.forEach(function (unit, i) {
      var item = document.createElement("li");
      item.id = "commune-option-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = unit.name;
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      list.appendChild(item);
    });
    list.hidden = shown.length === 0;
    input.setAttribute("aria-expanded", shown.length ? "true" : "false");
    if (status) { status.textContent = shown.length ? shown.length + " " + (picker.getAttribute("data-results-label") || "") : ""; }
    active = -1;
  }

  province.addEventListener("change", function () {
    input.value = "";
    if (codeField) { codeField.value = ""; }
    close();
    load(province.value);
  });
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (event) {
    if (list.hidden) {
      if (event.key === "ArrowDown") { render(); }
      return;
    }
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, shown.length - 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(active); }
    else if (event.key === "Escape") { close(); }
  });
  input.addEventListener("blur", function () { window.setTimeout(close, 100); });

  load(province.value);
})();
