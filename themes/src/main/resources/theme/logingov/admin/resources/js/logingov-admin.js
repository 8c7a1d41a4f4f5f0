// The admin console's pages for a Login.gov identity provider (provider type "login.gov"), changed
// in the ways below, which the console offers no setting for. (One file of about 500 lines: the
// changes share the page's re-render loop at the bottom and a few helpers.)
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
// 6. A refused save: the console shows the server's message in an alert that closes by itself after
//    a few seconds. The message is also kept at the top of the form until the admin closes it, and
//    each problem in it ("<field label>: <what to do>", numbered when there are several) is shown
//    under its field, where the admin fixes it.
// 7. Alias (Add page). The console refills an emptied Alias with the provider type ("login.gov") on
//    every render, so an admin who clears it and types gets "login.govsandbox". The admin types in a
//    field of this script's instead, which proposes "logingov" (the alias the docs and the demo
//    realm use) and stays empty when emptied; the console's own field, hidden, follows every
//    non-empty value. Add with an empty Alias is refused under the field, nothing is sent.
// 8. The Redirect URI, the logout redirect URI and the push URL follow the alias as typed, at every
//    change; the two Login.gov URLs are shown whole (wrapped) with a copy button.
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

// Proposed on the Add page: the alias the application developers' guide's kc_idp_hint example and the demo realm use.
const PROPOSED_ALIAS = "logingov";
const ALIAS_ID = "alias";
const CONSOLE_ALIAS_ID = "logingov-console-alias";
const ALIAS_PROBLEM_ID = "logingov-alias-problem";
const ALIAS_REQUIRED = "Enter an alias: it names the provider in its URLs (e.g. logingov), and cannot be changed later.";
const COPYABLE_URLS = ["logingovLogoutRedirectUri", "logingovSecurityEventsPushUrl"];
const REFUSAL_ID = "logingov-refusal";

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
const BROKER_ENDPOINT = /^(https?:\/\/.+)\/realms\/([^/]+)\/broker\/([^/]*)\/endpoint$/;

// Server and realm of the console's own Redirect URI ({server}/realms/{realm}/broker/{alias}/endpoint),
// kept once read: the alias part is rewritten below.
let endpointBase = null;

function brokerEndpointBase() {
  for (const input of document.querySelectorAll(".pf-v5-c-clipboard-copy input")) {
    const parts = NATIVE_VALUE.get.call(input).match(BROKER_ENDPOINT);
    if (parts) {
      endpointBase = { server: parts[1], realm: parts[2] };
      return endpointBase;
    }
  }
  return endpointBase;
}

function show(name, value) {
  const input = document.getElementById("config." + name);
  if (input && input.value !== value) {
    NATIVE_VALUE.set.call(input, value);
  }
}

// The alias as the admin has it now: this script's field on the Add page, the saved one elsewhere.
function currentAlias() {
  const field = document.getElementById(ALIAS_ID);
  return field ? field.value.trim() : null;
}

function completeDerivedValues() {
  const base = brokerEndpointBase();
  const alias = currentAlias();
  if (!base || alias === null) {
    return;
  }
  const realmUrl = base.server + "/realms/" + base.realm;
  const endpoint = alias === "" ? "" : realmUrl + "/broker/" + alias + "/endpoint";
  const pushUrl = alias === "" ? "" : realmUrl + "/logingov/" + alias + "/security-events";
  const absolute = (name) => /^https?:\/\//.test((document.getElementById("config." + name) || {}).value || "");
  const typing = document.querySelector("[data-logingov-alias]") !== null;
  const certificate = document.getElementById("config." + CERTIFICATE_URL_SETTING);
  if (certificate && certificate.value.startsWith("/")) {
    show(CERTIFICATE_URL_SETTING, base.server + certificate.value);
  }
  if (!typing) {
    // A saved provider: what the server wrote (from its frontend URL) is shown, or completed
    // when it was imported incomplete.
    if (!absolute("logingovLogoutRedirectUri")) {
      show("logingovLogoutRedirectUri", endpoint + "/logout_response");
    }
    if (!absolute("logingovSecurityEventsPushUrl")) {
      show("logingovSecurityEventsPushUrl", pushUrl);
    }
    return;
  }
  for (const input of document.querySelectorAll(".pf-v5-c-clipboard-copy input")) {
    if (BROKER_ENDPOINT.test(NATIVE_VALUE.get.call(input)) || input.dataset.logingovEndpoint) {
      input.dataset.logingovEndpoint = "true";
      if (NATIVE_VALUE.get.call(input) !== endpoint) {
        NATIVE_VALUE.set.call(input, endpoint);
      }
    }
  }
  show("logingovLogoutRedirectUri", endpoint === "" ? "" : endpoint + "/logout_response");
  show("logingovSecurityEventsPushUrl", pushUrl);
}

// Add page: the admin's Alias field, in place of the console's (see 7 above).
function ownAliasField() {
  const consoleAlias = document.querySelector("form input[name='alias']:not([data-logingov-alias])");
  if (!consoleAlias || consoleAlias.readOnly || !/\/add$/.test(window.location.hash || window.location.pathname)) {
    return;
  }
  if (consoleAlias.id !== CONSOLE_ALIAS_ID) {
    consoleAlias.id = CONSOLE_ALIAS_ID;
  }
  const consoleControl = consoleAlias.closest(".pf-v5-c-form-control") || consoleAlias;
  if (consoleControl.style.display !== "none") {
    consoleControl.style.display = "none";
  }
  if (document.getElementById(ALIAS_ID)) {
    return;
  }
  const control = document.createElement("span");
  control.className = "pf-v5-c-form-control";
  const field = document.createElement("input");
  field.id = ALIAS_ID;
  field.type = "text";
  field.dataset.logingovAlias = "true";
  field.setAttribute("aria-label", "Alias");
  field.value = PROPOSED_ALIAS;
  control.appendChild(field);
  consoleControl.after(control);
  field.addEventListener("input", () => {
    const alias = field.value.trim();
    if (alias !== "") {
      aliasProblem(false);
      const hidden = document.getElementById(CONSOLE_ALIAS_ID);
      if (hidden && hidden.value !== alias) {
        setAsTyped(hidden, alias);
      }
    }
    completeDerivedValues();
    copyableUrls();
  });
  setAsTyped(consoleAlias, PROPOSED_ALIAS);
}

function aliasProblem(shown) {
  const existing = document.getElementById(ALIAS_PROBLEM_ID);
  const field = document.getElementById(ALIAS_ID);
  if (!shown || !field) {
    if (existing) {
      existing.remove();
    }
    if (field) {
      field.removeAttribute("aria-invalid");
      field.parentElement.classList.remove("pf-m-error");
    }
    return;
  }
  field.setAttribute("aria-invalid", "true");
  field.parentElement.classList.add("pf-m-error");
  if (!existing) {
    const note = helperText(ALIAS_REQUIRED, "pf-m-error");
    note.id = ALIAS_PROBLEM_ID;
    field.parentElement.after(note);
  }
}

// Add with an empty Alias: refused here, before the console would send its own default.
function refuseEmptyAlias(event) {
  const alias = currentAlias();
  if (!onLoginGovProviderPage() || alias === null || alias !== "") {
    return;
  }
  const submit = event.type === "submit" ? event.target : event.target.closest("[data-testid='createProvider']");
  if (!submit) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  aliasProblem(true);
  document.getElementById(ALIAS_ID).focus();
}
document.addEventListener("click", refuseEmptyAlias, true);
document.addEventListener("submit", refuseEmptyAlias, true);

function helperText(message, modifier) {
  const note = document.createElement("div");
  note.className = "pf-v5-c-helper-text";
  const item = document.createElement("div");
  item.className = "pf-v5-c-helper-text__item " + modifier;
  // PatternFly colours the item's text element, not the item.
  const text = document.createElement("span");
  text.className = "pf-v5-c-helper-text__item-text";
  text.textContent = message;
  item.appendChild(text);
  note.appendChild(item);
  return note;
}

const COPY_ICON =
  '<svg fill="currentColor" height="1em" width="1em" viewBox="0 0 448 512" aria-hidden="true" role="img">' +
  '<path d="M320 448v40c0 13.255-10.745 24-24 24H24c-13.255 0-24-10.745-24-24V120c0-13.255 10.745-24 24-24h72v296c0 ' +
  '30.879 25.121 56 56 56h168zm0-344V0H152c-13.255 0-24 10.745-24 24v368c0 13.255 10.745 24 24 24h272c13.255 0 ' +
  '24-10.745 24-24V128H344c-13.2 0-24-10.8-24-24zm120.971-31.029L375.029 7.029A24 24 0 0 0 358.059 0H352v96h96v-6.059a24 ' +
  '24 0 0 0-7.029-16.97z"></path></svg>';

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    // No clipboard permission (e.g. an insecure origin): the older way.
    const holder = document.createElement("textarea");
    holder.value = text;
    holder.style.position = "fixed";
    holder.style.opacity = "0";
    document.body.appendChild(holder);
    holder.select();
    const copied = document.execCommand("copy");
    holder.remove();
    return copied;
  }
}

// The Login.gov URLs to register, whole (wrapped) and with a copy button, like the console's
// Redirect URI; the read-only input stays in the form, hidden.
function copyableUrls() {
  for (const name of COPYABLE_URLS) {
    const input = document.getElementById("config." + name);
    if (!input) {
      continue;
    }
    const control = input.closest(".pf-v5-c-form-control") || input;
    if (control.style.display !== "none") {
      control.style.display = "none";
    }
    const id = "logingov-copy-" + name;
    let block = document.getElementById(id);
    if (!block) {
      block = document.createElement("div");
      block.id = id;
      block.className = "pf-v5-c-clipboard-copy pf-m-inline pf-m-block logingov-copyable";
      const text = document.createElement("span");
      text.className = "pf-v5-c-clipboard-copy__text";
      text.style.wordBreak = "break-all";
      const actions = document.createElement("span");
      actions.className = "pf-v5-c-clipboard-copy__actions";
      const item = document.createElement("span");
      item.className = "pf-v5-c-clipboard-copy__actions-item";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "pf-v5-c-button pf-m-plain";
      button.setAttribute("aria-label", "Copy to clipboard");
      button.title = "Copy to clipboard";
      button.innerHTML = COPY_ICON;
      button.addEventListener("click", async () => {
        const copied = await copyText(text.textContent);
        const label = copied ? "Successfully copied to clipboard!" : "Could not copy: select the text and copy it";
        button.setAttribute("aria-label", label);
        button.title = label;
        button.dataset.copied = String(copied);
      });
      item.appendChild(button);
      actions.appendChild(item);
      block.append(text, actions);
      control.after(block);
    }
    const text = block.querySelector(".pf-v5-c-clipboard-copy__text");
    const value = NATIVE_VALUE.get.call(input);
    if (text.textContent !== value) {
      text.textContent = value;
      const button = block.querySelector("button");
      button.setAttribute("aria-label", "Copy to clipboard");
      button.title = "Copy to clipboard";
      delete button.dataset.copied;
    }
    block.style.display = value === "" ? "none" : "";
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
  const note = helperText(CLIENT_ID_NOTE, "");
  note.id = CLIENT_ID_NOTE_ID;
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

// The refusal stays at the top of the form until the admin closes it, the next refusal or a
// successful save; its problems stay under their fields as long.
function keptRefusal(shown) {
  const existing = document.getElementById(REFUSAL_ID);
  if (existing) {
    existing.remove();
  }
  const form = document.querySelector("form");
  if (shown === "" || !form) {
    return;
  }
  const alert = document.createElement("div");
  alert.id = REFUSAL_ID;
  alert.className = "pf-v5-c-alert pf-m-inline pf-m-danger";
  alert.setAttribute("role", "alert");
  alert.style.marginBottom = "var(--pf-v5-global--spacer--md, 1rem)";
  const title = document.createElement("p");
  title.className = "pf-v5-c-alert__title";
  title.style.whiteSpace = "pre-line";
  title.textContent = shown;
  const action = document.createElement("div");
  action.className = "pf-v5-c-alert__action";
  const close = document.createElement("button");
  close.type = "button";
  close.className = "pf-v5-c-button pf-m-plain";
  close.setAttribute("aria-label", "Close the refusal");
  close.textContent = "\u00d7";
  close.addEventListener("click", () => alert.remove());
  action.appendChild(close);
  alert.append(title, action);
  form.prepend(alert);
}

function inlineProblems() {
  const refusals = [
    ...document.querySelectorAll(".pf-v5-c-alert.pf-m-danger:not(#" + REFUSAL_ID + ") .pf-v5-c-alert__title"),
  ].map(alertText);
  const saved = document.querySelector(".pf-v5-c-alert.pf-m-success");
  const shown = refusals.join("\n");
  if (saved) {
    document.querySelectorAll("." + PROBLEM_CLASS).forEach((old) => old.remove());
    keptRefusal("");
    delete document.body.dataset.logingovProblems;
    return;
  }
  if (shown === "") {
    // The console's alert has closed by itself; what it said is kept (above).
    delete document.body.dataset.logingovProblems;
    return;
  }
  if (document.body.dataset.logingovProblems === shown) {
    return;
  }
  document.body.dataset.logingovProblems = shown;
  keptRefusal(shown);
  document.querySelectorAll("." + PROBLEM_CLASS).forEach((old) => old.remove());
  const groups = labelledGroups();
  for (const problem of refusals.flatMap(problemsIn)) {
    const field = groups.find((candidate) => problem.startsWith(candidate.label + ": "));
    if (!field) {
      continue;
    }
    const note = helperText(problem.substring(field.label.length + 2), "pf-m-error");
    note.classList.add(PROBLEM_CLASS);
    const control = field.group.querySelector(".pf-v5-c-form__group-control") || field.group;
    control.appendChild(note);
  }
}

function apply() {
  if (!onLoginGovProviderPage()) {
    return;
  }
  withoutClientSecret();
  ownAliasField();
  readOnlySettings();
  completeDerivedValues();
  copyableUrls();
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
