// The admin console's pages for a Login.gov identity provider (provider type "login.gov"), changed
// in three ways the console offers no setting for:
//
// 1. Client Secret. Keycloak's page for a provider type it has no page of its own for always asks
//    for a client secret and keeps "Add" greyed out without one. Login.gov has none (private_key_jwt
//    only), and the extension replaces whatever arrives with a fixed marker on save. So the field is
//    filled with that marker and hidden: the admin never types a placeholder.
// 2. Settings the extension writes on save (certificate, its URL, the logout redirect URI, the
//    security events push URL) are shown read-only: the console's generic form ignores the
//    read-only flag the provider sets on them.
// 3. Beside the certificate's URL, a "Download certificate (PEM)" link, for the partner portal.
// 4. Under Client ID, what Login.gov calls it and how it looks (the field's help is Keycloak's).
// 5. A provider imported with its realm at Keycloak's start was saved without a request, so without
//    Keycloak's public URL: its logout redirect URI, push URL and certificate URL are stored
//    incomplete until the next save. They are shown complete, made from the Redirect URI the console
//    itself shows (display only: nothing is submitted).
// 6. A refused save: the console shows the server's message in an alert at the top; each problem
//    in it ("<field label>: <what to do>", numbered when there are several) is also shown under
//    its field, where the admin fixes it.
//
// The console is a React application: these changes are re-applied whenever it re-renders, and
// values are set the way React notices (the input's native setter and an input event).

const PROVIDER_PAGE = /\/identity-providers\/login\.gov\/[^/]+/;

// The marker the extension stores in place of a client secret (LoginGovIdentityProviderConfig).
const UNUSED_CLIENT_SECRET = "unused: Login.gov has no client secret";

// Kept equal to the provider's read-only settings by a unit test (ConfigForm.readOnlyNames()).
const READ_ONLY_SETTINGS = [
  "logingovLogoutRedirectUri",
  "logingovSecurityEventsPushUrl",
  "logingovSigningKeyCertificate",
  "logingovSigningKeyCertificateUrl",
];

const CLIENT_ID_NOTE_ID = "logingov-client-id-note";
const CLIENT_ID_NOTE =
  "Login.gov's Issuer for this application, as registered in the partner portal: " +
  "urn:gov:gsa:openidconnect.profiles:sp:sso:<agency>:<app>.";

const CERTIFICATE_URL_SETTING = "logingovSigningKeyCertificateUrl";
const DOWNLOAD_LINK_ID = "logingov-download-certificate";

function onLoginGovProviderPage() {
  return PROVIDER_PAGE.test(window.location.hash || window.location.pathname);
}

function formGroupOf(element) {
  return element.closest(".pf-v5-c-form__group") || element.parentElement;
}

function setAsTyped(input, value) {
  NATIVE_VALUE.set.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function withoutClientSecret() {
  const secret = document.getElementById("config.clientSecret");
  if (!secret) {
    return;
  }
  if (secret.value === "") {
    setAsTyped(secret, UNUSED_CLIENT_SECRET);
  }
  const group = formGroupOf(secret);
  if (group.style.display !== "none") {
    group.style.display = "none";
  }
}

function readOnlySettings() {
  for (const name of READ_ONLY_SETTINGS) {
    const input = document.getElementById("config." + name);
    if (input && !input.readOnly) {
      input.readOnly = true;
      input.setAttribute("aria-readonly", "true");
      const control = input.closest(".pf-v5-c-form-control");
      if (control) {
        control.classList.add("pf-m-readonly");
      }
    }
  }
}

const NATIVE_VALUE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
const BROKER_ENDPOINT = /^(https?:\/\/.+)\/realms\/([^/]+)\/broker\/([^/]+)\/endpoint$/;

// The console's own Redirect URI: {server}/realms/{realm}/broker/{alias}/endpoint.
function brokerEndpoint() {
  for (const input of document.querySelectorAll(".pf-v5-c-clipboard-copy input")) {
    const parts = input.value.match(BROKER_ENDPOINT);
    if (parts) {
      return { url: input.value, server: parts[1], realm: parts[2], alias: parts[3] };
    }
  }
  return null;
}

function show(name, value) {
  const input = document.getElementById("config." + name);
  if (input && input.value !== value) {
    NATIVE_VALUE.set.call(input, value);
  }
}

function completeDerivedValues() {
  const endpoint = brokerEndpoint();
  if (!endpoint) {
    return;
  }
  const absolute = (name) => /^https?:\/\//.test((document.getElementById("config." + name) || {}).value || "");
  if (!absolute("logingovLogoutRedirectUri")) {
    show("logingovLogoutRedirectUri", endpoint.url + "/logout_response");
  }
  const realmBase = endpoint.server + "/realms/" + endpoint.realm + "/logingov/" + endpoint.alias;
  if (!absolute("logingovSecurityEventsPushUrl")) {
    show("logingovSecurityEventsPushUrl", realmBase + "/security-events");
  }
  const certificate = document.getElementById("config." + CERTIFICATE_URL_SETTING);
  if (certificate && certificate.value.startsWith("/")) {
    show(CERTIFICATE_URL_SETTING, endpoint.server + certificate.value);
  }
}

function certificateDownloadLink() {
  const input = document.getElementById("config." + CERTIFICATE_URL_SETTING);
  const existing = document.getElementById(DOWNLOAD_LINK_ID);
  const url = input ? input.value : "";
  if (!input || !/^https?:\/\//.test(url)) {
    if (existing) {
      existing.remove();
    }
    return;
  }
  if (existing) {
    if (existing.getAttribute("href") !== url) {
      existing.setAttribute("href", url);
    }
    return;
  }
  const link = document.createElement("a");
  link.id = DOWNLOAD_LINK_ID;
  link.href = url;
  link.setAttribute("download", "");
  link.className = "pf-v5-c-button pf-m-link pf-m-inline";
  link.textContent = "Download certificate (PEM)";
  const holder = document.createElement("div");
  holder.style.marginTop = "var(--pf-v5-global--spacer--sm, 0.5rem)";
  holder.appendChild(link);
  (input.closest(".pf-v5-c-form-control") || input).after(holder);
}

function clientIdNote() {
  const input = document.getElementById("config.clientId");
  if (!input || document.getElementById(CLIENT_ID_NOTE_ID)) {
    return;
  }
  const note = document.createElement("div");
  note.id = CLIENT_ID_NOTE_ID;
  note.className = "pf-v5-c-helper-text";
  const item = document.createElement("div");
  item.className = "pf-v5-c-helper-text__item";
  const text = document.createElement("span");
  text.className = "pf-v5-c-helper-text__item-text";
  text.textContent = CLIENT_ID_NOTE;
  item.appendChild(text);
  note.appendChild(item);
  (input.closest(".pf-v5-c-form-control") || input).after(note);
}

const PROBLEM_CLASS = "logingov-problem";

// "Could not create the identity provider: 2 Login.gov settings need a change: (1) A: … (2) B: …"
// or "…: A: …" for one problem.
function problemsIn(alertText) {
  const many = alertText.match(/\d+ Login\.gov settings need a change: (.*)$/s);
  if (many) {
    return many[1].split(/\s*\(\d+\)\s+/).filter((item) => item.trim() !== "");
  }
  const colon = alertText.indexOf(": ");
  return colon < 0 ? [] : [alertText.substring(colon + 2)];
}

function labelledGroups() {
  const groups = [];
  for (const label of document.querySelectorAll("form .pf-v5-c-form__label-text")) {
    groups.push({ label: label.textContent.replace("*", "").trim(), group: formGroupOf(label) });
  }
  // The longest label first, so that a label that begins another one never takes its problem.
  return groups.sort((a, b) => b.label.length - a.label.length);
}

function alertText(title) {
  const copy = title.cloneNode(true);
  copy.querySelectorAll(".pf-v5-screen-reader").forEach((hidden) => hidden.remove());
  return copy.textContent.trim();
}

// Problems stay under their fields until the next refusal or a successful save, not only as long
// as the alert (which the console closes by itself after a few seconds).
function inlineProblems() {
  const refusals = [...document.querySelectorAll(".pf-v5-c-alert.pf-m-danger .pf-v5-c-alert__title")].map(alertText);
  const saved = document.querySelector(".pf-v5-c-alert.pf-m-success");
  const shown = refusals.join("\n");
  if (saved) {
    document.querySelectorAll("." + PROBLEM_CLASS).forEach((old) => old.remove());
    delete document.body.dataset.logingovProblems;
    return;
  }
  if (shown === "" || document.body.dataset.logingovProblems === shown) {
    return;
  }
  document.body.dataset.logingovProblems = shown;
  document.querySelectorAll("." + PROBLEM_CLASS).forEach((old) => old.remove());
  const groups = labelledGroups();
  for (const problem of refusals.flatMap(problemsIn)) {
    const field = groups.find((candidate) => problem.startsWith(candidate.label + ": "));
    if (!field) {
      continue;
    }
    const note = document.createElement("div");
    note.className = "pf-v5-c-helper-text " + PROBLEM_CLASS;
    const item = document.createElement("div");
    item.className = "pf-v5-c-helper-text__item pf-m-error";
    // PatternFly colours the item's text element, not the item.
    const text = document.createElement("span");
    text.className = "pf-v5-c-helper-text__item-text";
    text.textContent = problem.substring(field.label.length + 2);
    item.appendChild(text);
    note.appendChild(item);
    const control = field.group.querySelector(".pf-v5-c-form__group-control") || field.group;
    control.appendChild(note);
  }
}

function apply() {
  if (!onLoginGovProviderPage()) {
    return;
  }
  withoutClientSecret();
  readOnlySettings();
  completeDerivedValues();
  certificateDownloadLink();
  clientIdNote();
  inlineProblems();
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      apply();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener("hashchange", apply);
// React may write a field's stored value back without changing the page's structure.
setInterval(apply, 1000);
apply();
