// Registers the service worker that keeps guidance, contacts and the blank checklist offline.
(function () {
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) { return; }
  var hadWorker = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.register(script.getAttribute("data-worker"), { scope: "/" })
    .then(function (registration) {
      // Ask at once whether the content, language, region or sign-in changed, so the saved
      // copies follow; the server answers 304 when nothing did.
      if (hadWorker && navigator.onLine) { return registration.update(); }
      return undefined;
    })
    .catch(function () { /* No signal or no support: the pages work as before. */ });
})();
