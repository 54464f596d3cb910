// Shows the Call button under the danger question as soon as Yes or Not sure is chosen, and
// switches it, and the number in the question's hint, to the emergency number of the region
// the worker picks further down the form: never one region's number beside another's.
document.addEventListener("DOMContentLoaded", function () {
  var block = document.querySelector("[data-danger-call]");
  var form = document.getElementById("checklist-form");
  if (!block || !form) { return; }
  var slot = block.querySelector("[data-call-slot]");
  var original = slot ? Array.prototype.slice.call(slot.childNodes) : [];
  var select = form.querySelector("select[name=region]");
  var hint = form.querySelector("[data-danger-numbers]");
  var hintOriginal = hint ? Array.prototype.slice.call(hint.childNodes) : [];
  function update() {
    var chosen = form.querySelector("input[name=immediate_danger]:checked");
    var flagged = chosen && (chosen.value === "yes" || chosen.value === "not_sure");
    if (flagged) { block.hidden = false; }
    else if (!block.hasAttribute("data-keep")) { block.hidden = true; }
  }
  function followRegion() {
    if (!slot || !select) { return; }
    var match = null;
    block.querySelectorAll("template[data-region-call]").forEach(function (template) {
      if (select.value && template.getAttribute("data-region-call") === select.value) { match = template; }
    });
    while (slot.firstChild) { slot.removeChild(slot.firstChild); }
    if (match) { slot.appendChild(match.content.cloneNode(true)); }
    else { original.forEach(function (node) { slot.appendChild(node); }); }
    if (!hint) { return; }
    while (hint.firstChild) { hint.removeChild(hint.firstChild); }
    var button = match ? slot.querySelector("a.call-button") : null;
    if (button) {
      var link = document.createElement("a");
      link.href = button.getAttribute("href");
      link.textContent = button.querySelector(".phone-number").textContent;
      hint.appendChild(link);
    } else {
      hintOriginal.forEach(function (node) { hint.appendChild(node); });
    }
  }
  if (!block.hidden) { block.setAttribute("data-keep", ""); }
  form.addEventListener("change", function (event) {
    if (event.target.name === "immediate_danger") { update(); }
    if (event.target.name === "region") { followRegion(); }
  });
  update();
  followRegion();
});
