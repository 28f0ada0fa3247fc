// Passkeys (WebAuthn) on our pages: allauth's webauthn.js does the work, started by
// onload.js from the JSON blocks of the page (data, never inline script). Here: when the
// browser or the authenticator refuses, show the page's translated message
// (#passkey_error) instead of failing silently.
(function () {
  document.addEventListener('allauth.error', function (event) {
    var box = document.getElementById('passkey_error')
    if (box) {
      box.hidden = false
      event.preventDefault()
    }
  })
})()
