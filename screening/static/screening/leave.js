// "Leave this page": pressing Shift three times in a row sends the leave form, which clears
// the answers and the result and shows a neutral page (the GOV.UK "Exit this page" pattern).
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("[data-leave-form]");
  if (!form) { return; }
  var hint = form.querySelector("[data-leave-hint]");
  if (hint) { hint.hidden = false; }
  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) {
      presses = 0;
      form.submit();
    }
  });
});
