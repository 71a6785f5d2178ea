// Passkeys for Pacta's account pages. Loaded as a static file (the CSP allows no inline script); every page
// that uses it works without it through its password-and-authenticator form. A form opts in with
// data-passkey="register", "sign-in" or "vote" (an assertion over a vote's statement) and data-options-url; its messages come from its data-message-*
// attributes, in the page's language. The options are fetched with the form's own fields (its antiforgery
// token included), the credential goes into the form's [data-passkey-credential] field, and the form is posted.
(() => {
  'use strict';

  const toBase64Url = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };

  const fromBase64Url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  };

  const withIds = (list) => (list || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));

  // Chromium has PublicKeyCredential.parse*FromJSON and toJSON; older browsers get the same by hand.
  const creationOptions = (json) => {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    return {
      ...json,
      challenge: fromBase64Url(json.challenge),
      user: { ...json.user, id: fromBase64Url(json.user.id) },
      excludeCredentials: withIds(json.excludeCredentials),
    };
  };

  const requestOptions = (json) => {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    return { ...json, challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) };
  };

  const credentialJson = (credential) => {
    if (typeof credential.toJSON === 'function') return JSON.stringify(credential.toJSON());
    const r = credential.response;
    const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    }
    if (r.authenticatorData) response.authenticatorData = toBase64Url(r.authenticatorData);
    if (r.signature) response.signature = toBase64Url(r.signature);
    if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment,
      clientExtensionResults: credential.getClientExtensionResults(),
      response,
    });
  };

  const show = (form, key) => {
    const place = form.querySelector('[data-passkey-message]');
    if (place) place.textContent = form.dataset[key] || '';
  };

  const run = async (form, button) => {
    if (!form.reportValidity()) return;
    show(form, 'none');
    button.disabled = true;
    try {
      const answer = await fetch(form.dataset.optionsUrl, {
        method: 'POST',
        body: new FormData(form),
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!answer.ok) throw new Error('options ' + answer.status);
      const json = await answer.json();
      const credential = form.dataset.passkey === 'sign-in' || form.dataset.passkey === 'vote'
        ? await navigator.credentials.get({ publicKey: requestOptions(json) })
        : await navigator.credentials.create({ publicKey: creationOptions(json) });
      if (!credential) throw new Error('no credential');
      form.querySelector('[data-passkey-credential]').value = credentialJson(credential);
      form.submit();
    } catch (error) {
      show(form, error && error.name === 'NotAllowedError' ? 'messageCancelled' : 'messageFailed');
      button.disabled = false;
    }
  };

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    const button = form.querySelector('[data-passkey-start]');
    if (!button) continue;
    if (!window.PublicKeyCredential || !navigator.credentials) {
      continue; // the passkey part stays hidden: the form without JavaScript is the way in
    }
    for (const part of form.querySelectorAll('[data-passkey-only]')) part.hidden = false;
    button.addEventListener('click', () => run(form, button));
  }
})();
