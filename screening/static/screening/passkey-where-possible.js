// Passkeys (WebAuthn) work only in a secure context on a domain name: at an IP address such
// as 127.0.0.1, or over plain http elsewhere than localhost, the browser refuses them and the
// button could only fail. There, django-otp-webauthn's script (which runs after this one) is
// given the "unavailable" template in place of the button. Without JavaScript no button shows.
(function () {
  "use strict";
  var host = window.location.hostname;
  var isAddress = /^[0-9.]+$/.test(host) || host.indexOf(":") !== -1 || host.charAt(0) === "[";
  if (window.isSecureContext && !isAddress) {
    return;
  }
  document.querySelectorAll("template[id$='-available-template']").forEach(function (available) {
    var unavailable = document.getElementById(
      available.id.replace("-available-template", "-unavailable-template")
    );
    available.content.replaceChildren(unavailable ? unavailable.content.cloneNode(true) : "");
  });
})();
