// Signing in to the dashboard: the authorization code flow with PKCE (RFC 7636) at the token
// issuer. The access token lives in this tab's session storage only, and goes with every API call
// and the live feed. A missing, expired or refused token sends the person to sign in again.
(function () {
  'use strict';
  const TOKEN = 'fpr.token';
  const PENDING = 'fpr.sign-in';
  let settings = null;

  const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
  const redirectUri = () => `${location.origin}/`;

  async function issuer() {
    if (!settings) {
      const response = await fetch('/dashboard/sign-in', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`sign-in settings: ${response.status}`);
      settings = await response.json();
    }
    return settings;
  }

  function stored() {
    const token = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
    return token && token.expiresAt > Date.now() + 10000 ? token.value : null;
  }

  // to the issuer's sign-in page; the promise never settles, as the page goes away
  async function signIn() {
    const { issuer: at, clientId } = await issuer();
    const verifier = random();
    const state = random();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, back: location.pathname + location.search }));
    const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope: 'openid',
      state, code_challenge: challenge, code_challenge_method: 'S256' });
    location.assign(`${at}/oauth2/authorize?${query}`);
    return new Promise(() => {});
  }

  // back from the issuer with a code: exchange it, with the verifier only this tab knows, for a token
  async function completeSignIn(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in answer does not belong to this tab');
    const { issuer: at, clientId } = await issuer();
    const response = await fetch(`${at}/oauth2/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: clientId, code_verifier: pending.verifier })
    });
    if (!response.ok) throw new Error(`sign-in: ${response.status}`);
    const token = await response.json();
    sessionStorage.setItem(TOKEN, JSON.stringify({ value: token.access_token, expiresAt: Date.now() + token.expires_in * 1000 }));
    history.replaceState(null, '', pending.back);
  }

  let ready = null;
  // the access token, signing in first where there is none
  function token() {
    if (!ready) {
      const params = new URLSearchParams(location.search);
      ready = params.has('code') && params.has('state') ? completeSignIn(params) : Promise.resolve();
    }
    return ready.then(() => stored() || signIn());
  }

  // what the token says of its holder: user name, roles, region
  function holder() {
    const value = stored();
    if (!value) return null;
    const claims = JSON.parse(decodeURIComponent(escape(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
    return { name: claims.sub, roles: claims.roles || [], region: claims.region };
  }

  async function authorizedFetch(url, options) {
    const value = await token();
    const headers = Object.assign({}, (options || {}).headers, { Authorization: `Bearer ${value}` });
    const response = await fetch(url, Object.assign({}, options, { headers }));
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN);
      return signIn();
    }
    return response;
  }

  window.FPR_AUTH = { token, holder, fetch: authorizedFetch };
})();
