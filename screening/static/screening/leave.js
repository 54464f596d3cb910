// "Leave this page": pressing Shift three times in a row sends the leave form, which clears
// the answers and the result and shows a neutral page (the GOV.UK "Exit this page" pattern).
// A page that Back brings out of the browser's back-forward cache is loaded again from the
// server, which shows no answer and no result once the worker has left.
window.addEventListener("pageshow", function (event) {
  if (event.persisted) { window.location.reload(); }
});
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("[data-leave-form]");
  if (!form) { return; }
  var hint = form.querySelector("[data-leave-hint]");
  // The hint speaks of a key: shown where a mouse and a keyboard are likely (not on a phone),
  // or once a key has been pressed.
  var showHint = function () { if (hint) { hint.hidden = false; } };
  if (window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
    showHint();
  }
  var presses = 0;
  var timer = null;
  document.addEventListener("keydown", function (event) {
    // Phones' on-screen keyboards send "Unidentified".
    if (event.key !== "Unidentified") { showHint(); }
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
