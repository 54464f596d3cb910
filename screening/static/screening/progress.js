// The checklist's progress line in the bar that keeps "See next steps" in view: how many signs
// are answered. Without JavaScript the line says how many signs there are.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("checklist-form");
  var line = form && form.querySelector("[data-progress]");
  if (!line) { return; }
  var total = line.getAttribute("data-total");
  var template = line.getAttribute("data-template");
  function update() {
    var answered = {};
    form.querySelectorAll("fieldset.section input[type=radio]:checked").forEach(function (input) {
      answered[input.name] = true;
    });
    line.textContent = template
      .replace("%(answered)s", String(Object.keys(answered).length))
      .replace("%(total)s", total);
  }
  form.addEventListener("change", update);
  update();
});
