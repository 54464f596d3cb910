// Answers kept while the worker works (screening/frontline/drafts.py): a link that leaves the
// checklist first sends the answers to the server's session (never stored on the phone), and
// before the session's idle limit a warning offers to continue.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("checklist-form");
  var keepUrl = form && form.getAttribute("data-keep");
  // A practice checklist has nowhere to keep answers: nothing of it is kept.
  if (!keepUrl) { return; }
  function answered() {
    return form.querySelector("input[type=radio]:checked") ||
      Array.prototype.some.call(form.querySelectorAll("select"), function (s) { return s.value; });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.origin !== window.location.origin || !answered()) { return; }
    if (link.getAttribute("href").charAt(0) === "#") { return; }
    navigator.sendBeacon(keepUrl, new FormData(form));
  });
  var warning = document.getElementById("idle-warning");
  var idle = Number(form.getAttribute("data-idle-seconds"));
  if (!warning || !idle) { return; }
  var timer = null;
  function arm() {
    window.clearTimeout(timer);
    // Three minutes before the session ends (never sooner than one minute from now).
    timer = window.setTimeout(function () {
      warning.hidden = false;
      warning.querySelector("button").focus();
    }, Math.max(idle - 180, 60) * 1000);
  }
  warning.querySelector("button").addEventListener("click", function () {
    window.fetch(keepUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (response.ok) { warning.hidden = true; arm(); }
      });
  });
  form.addEventListener("change", arm);
  arm();
});
