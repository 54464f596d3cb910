// Shows the Call button under the danger question as soon as Yes or Not sure is chosen.
document.addEventListener("DOMContentLoaded", function () {
  var block = document.querySelector("[data-danger-call]");
  var form = document.getElementById("checklist-form");
  if (!block || !form) { return; }
  function update() {
    var chosen = form.querySelector("input[name=immediate_danger]:checked");
    var flagged = chosen && (chosen.value === "yes" || chosen.value === "not_sure");
    if (flagged) { block.hidden = false; }
    else if (!block.hasAttribute("data-keep")) { block.hidden = true; }
  }
  if (!block.hidden) { block.setAttribute("data-keep", ""); }
  form.addEventListener("change", function (event) {
    if (event.target.name === "immediate_danger") { update(); }
  });
  update();
});
