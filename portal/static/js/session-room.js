// Fast entry of what is raised in the room: Ctrl+Enter saves from any field,
// and only the fields of the chosen outcome are shown (all of them without
// JavaScript; the server checks what each outcome needs).
(function () {
  var form = document.getElementById("raised-form");
  if (!form) { return; }
  // The first field is ready for the next speaker after every save.
  var first = form.querySelector("[autofocus]");
  if (first && document.activeElement !== first) { first.focus(); }
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  var answer = form.querySelector("#answer");
  var promised = form.querySelector("#promised_on");
  function sync() {
    var chosen = form.querySelector("input[name=outcome]:checked");
    var answered = chosen && chosen.value === "answered";
    if (answer) { answer.closest(".field").hidden = !answered; }
    if (promised) { promised.closest(".field").hidden = answered; }
  }
  form.querySelectorAll("input[name=outcome]").forEach(function (radio) {
    radio.addEventListener("change", sync);
  });
  sync();
})();
