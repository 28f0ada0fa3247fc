// Passkeys (WebAuthn) on our pages. allauth's webauthn.js (with webauthn-json.js) does the
// work; this file starts it from data attributes of the page's button, and the options the
// server made come in a json_script block: no inline script (CSP script-src 'self').
//   <button data-passkey="login|authenticate|add" data-credential="<input id>"
//           data-options="<json_script id>" data-passwordless="<checkbox id>">
// When the browser or the authenticator refuses, the page's translated message
// (#passkey_error) is shown instead of failing silently.
(function () {
  'use strict'
  document.addEventListener('allauth.error', function (event) {
    var box = document.getElementById('passkey_error')
    if (box) {
      box.hidden = false
      event.preventDefault()
    }
  })
  document.addEventListener('DOMContentLoaded', function () {
    var forms = window.allauth && window.allauth.webauthn && window.allauth.webauthn.forms
    if (!forms) {
      return
    }
    Array.prototype.forEach.call(document.querySelectorAll('[data-passkey]'), function (button) {
      var kind = button.dataset.passkey
      var ids = { credential: button.dataset.credential }
      if (button.dataset.options) {
        ids.data = button.dataset.options
      }
      if (kind === 'login') {
        ids.login = button.id
        forms.loginForm({ ids: ids })
      } else if (kind === 'authenticate') {
        ids.authenticate = button.id
        forms.authenticateForm({ ids: ids })
      } else if (kind === 'add') {
        ids.add = button.id
        ids.passwordless = button.dataset.passwordless
        forms.addForm({ ids: ids })
      }
    })
  })
})()
