// While a resident writes a petition, show existing petitions of the same
// commune that look alike, so they can follow one instead of sending another.
// The form works the same without it.
(function () {
  "use strict";

  var panel = document.getElementById("similar-petitions");
  if (!panel) { return; }
  var form = panel.closest("form") || document;
  var title = form.querySelector("[name=title]");
  var body = form.querySelector("[name=body]");
  var code = form.querySelector("[name=commune_code]");
  var list = panel.querySelector("ul");
  var url = panel.getAttribute("data-url");
  var timer = null;
  var latest = 0;

  function render(items) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = item.title;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" · " + item.status));
      list.appendChild(li);
    });
    panel.hidden = items.length === 0;
  }

  function look() {
    if (!code || !code.value) { render([]); return; }
    var text = (title ? title.value : "") + " " + (body ? body.value : "");
    if (text.trim().length < 12) { render([]); return; }
    var ticket = ++latest;
    var query = "?unit=" + encodeURIComponent(code.value) +
      "&title=" + encodeURIComponent(title ? title.value : "") +
      "&body=" + encodeURIComponent((body ? body.value : "").slice(0, 1500));
    fetch(url + query, { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) { if (ticket === latest) { render(data.items || []); } })
      .catch(function () { render([]); });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(look, 400);
  }

  [title, body].forEach(function (field) { if (field) { field.addEventListener("input", later); } });
  if (code) { code.addEventListener("change", later); }
  document.addEventListener("commune-picked", later);
})();
