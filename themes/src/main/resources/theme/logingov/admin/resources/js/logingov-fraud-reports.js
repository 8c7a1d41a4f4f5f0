// "Login.gov fraud report": a panel on a user's Details tab (#/{realm}/users/{id}/settings) of the
// admin console, shown only when the user has a link to a Login.gov provider (provider type
// "login.gov"). An admin allowed to manage the user reports fraud to Login.gov from it; every admin
// who may view the user sees the user's reports and their delivery state. The REST contract is the
// extension's /admin/realms/{realm}/logingov/fraud-reports (docs/administrators.md).
//
// Where: the Details tab is the page the console opens for a user (from the user list, a search, a
// link in an alert), so a report's state (RETRYING, REFUSED) is seen where the admin looks at the
// person, not on a secondary tab. The panel is a card above the user's form (the form is long: below
// it the panel would be out of sight), collapsed to one line (how many reports, in which states)
// until the admin opens it, so that the page an admin uses for everything else barely changes.
// (One file of about 850 lines: the panel's state, its REST calls and its rendering share the state
// object and the re-render loop at the bottom, as logingov-admin.js's changes do.)
//
// The token. The panel calls the admin REST API as the signed-in admin, with the console's own
// access token, obtained the way the console obtains it: from the console's keycloak-js instance,
// `await keycloak.updateToken(5)` then `keycloak.token`, just before each call. The console hands
// that instance to React as a context value ({keycloak, adminClient}, in Keycloak 26.5 and 26.7);
// it is found by walking up React's fiber tree from an element the console rendered (the property
// React puts on each element, "__reactFiber$..."). Options weighed:
//   - Reading the Authorization header of the console's own requests (a window.fetch wrapper): it
//     gives a token only as fresh as the console's last request. The master realm's tokens live
//     60 s by default, so a report confirmed a minute after the page loaded, or the list refreshed
//     while a report is retrying, would be refused with 401; and wrapping fetch puts this script in
//     the path of every console request.
//   - A sign-in of its own (prompt=none, PKCE, the console's client): independent of the console's
//     code, but a LOGIN and CODE_TO_TOKEN event for the admin at each token, an iframe, and a flow a
//     realm's login settings may break.
//   - Keycloak 26.7's console exposes nothing else (no global; its "UI extensions" render stored
//     component settings, not actions).
// The keycloak-js instance keeps the token fresh (refreshing it when due, as the console does) and
// adds nothing to the admin's session or events. Its cost: it relies on React's internal property
// names and on the console's context value; if a later Keycloak changes either, the panel says it
// cannot reach the console's sign-in (and AdminConsoleFraudReportTest, run on every supported
// version, fails). The token lives only in keycloak-js's memory and in the request being sent: this
// script never stores it (no variable outlives a call, no storage, no cookie).

const FRAUD_USER_PAGE = /^#\/([^/]+)\/users\/([^/]+)\/settings\/?$/;
const FRAUD_PANEL_ID = "logingov-fraud-panel";
const FRAUD_MODAL_ID = "logingov-fraud-confirm";
const LOGIN_GOV_TYPE = "login.gov";
const REFRESH_MILLIS = 3000;

const EVENT_TYPES = {
  "authorization-fraud-detected": {
    label: "Someone other than this person signed in to their Login.gov account",
    short: "Someone else signed in",
    effect: "Login.gov resets the account's password, forgets its remembered browsers and emails the person.",
  },
  "identity-fraud-detected": {
    label: "The verified identity may be fraudulent",
    short: "Identity may be fraudulent",
    effect: "Login.gov records it and may reset the account's verified profile.",
  },
};

const STATE_LABELS = {
  PENDING: { text: "Pending", color: "pf-m-blue" },
  RETRYING: { text: "Retrying", color: "pf-m-orange" },
  DELIVERED: { text: "Delivered", color: "pf-m-green" },
  REFUSED: { text: "Refused", color: "pf-m-red" },
  EXPIRED: { text: "Expired", color: "pf-m-red" },
};

// What an answer without a usable errorMessage means for the admin (never the raw body).
const STATUS_MESSAGES = {
  401: "Your console sign-in has ended: reload the page to sign in again.",
  403: "You are not allowed to do this: reporting needs the manage-users role for this user, seeing reports view-users.",
  404: "Not found: the user, or the extension's fraud reports (is the Login.gov extension up to date?).",
};

class PanelError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status || 0;
  }
}

// One panel's state: the user whose page is open, what was read about them, the form's values.
let fraud = null;

function environment() {
  const script = document.getElementById("environment");
  return script ? JSON.parse(script.textContent) : {};
}

function consoleKeycloak() {
  const start = document.querySelector("[data-testid='user-details-tab']") || document.querySelector("#app *");
  const fiberKey = start && Object.keys(start).find((key) => key.startsWith("__reactFiber$"));
  for (let fiber = fiberKey ? start[fiberKey] : null; fiber; fiber = fiber.return) {
    const value = fiber.memoizedProps && fiber.memoizedProps.value;
    if (value && value.keycloak && typeof value.keycloak.updateToken === "function") {
      return value.keycloak;
    }
  }
  return null;
}

async function api(state, method, path, body) {
  const keycloak = consoleKeycloak();
  if (!keycloak) {
    throw new PanelError("This panel cannot reach the console's sign-in: reload the page. (If it persists, this Keycloak version's console is not supported by the Login.gov extension's admin theme.)");
  }
  try {
    await keycloak.updateToken(5);
  } catch (e) {
    throw new PanelError(STATUS_MESSAGES[401], 401);
  }
  const headers = { Accept: "application/json", Authorization: "Bearer " + keycloak.token };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(environment().adminBaseUrl + "/admin/realms/" + encodeURIComponent(state.realm) + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new PanelError("Keycloak could not be reached: check the network and try again.");
  }
  const text = await response.text();
  let json = null;
  try {
    json = text === "" ? null : JSON.parse(text);
  } catch (e) {
    json = null; // an HTML error page or a stack: never shown
  }
  if (!response.ok) {
    const message = json && (json.errorMessage || json.error_description);
    throw new PanelError(
      typeof message === "string" && message.trim() !== ""
        ? message
        : STATUS_MESSAGES[response.status] ||
          "Keycloak refused the request (HTTP " + response.status + "). Try again; if it persists, the server log says why.",
      response.status,
    );
  }
  return json;
}

function currentPage() {
  const match = (window.location.hash || "").match(FRAUD_USER_PAGE);
  return match ? { realm: decodeURIComponent(match[1]), userId: decodeURIComponent(match[2]) } : null;
}

// Reads the user's access, links and reports once per visit of their page.
async function load(state) {
  const user = await api(state, "GET", "/users/" + encodeURIComponent(state.userId));
  const links = (await api(state, "GET", "/users/" + encodeURIComponent(state.userId) + "/federated-identity")) || [];
  const providers = [];
  for (const link of links) {
    try {
      const provider = await api(state, "GET", "/identity-provider/instances/" + encodeURIComponent(link.identityProvider));
      if (provider && provider.providerId === LOGIN_GOV_TYPE) {
        providers.push({ alias: provider.alias, name: provider.displayName || provider.alias, enabled: provider.enabled });
      }
    } catch (e) {
      // A provider this admin may not read is not shown as a Login.gov one.
    }
  }
  if (fraud !== state) {
    return;
  }
  state.canReport = Boolean(user && user.access && user.access.manage);
  state.providers = providers;
  state.alias = providers.length === 1 ? providers[0].alias : "";
  state.loaded = true;
  if (providers.length > 0) {
    await refreshReports(state);
  }
  render();
  // Which user's links were read (whether or not a panel followed): what a test waits for.
  document.body.dataset.logingovFraudChecked = state.userId;
}

async function refreshReports(state) {
  try {
    const reports = await api(state, "GET", "/logingov/fraud-reports?userId=" + encodeURIComponent(state.userId));
    if (fraud === state) {
      state.reports = Array.isArray(reports) ? reports : [];
      state.listProblem = null;
    }
  } catch (e) {
    if (fraud === state) {
      state.listProblem = messageOf(e);
    }
  }
  if (fraud === state) {
    scheduleRefresh(state);
  }
}

function scheduleRefresh(state) {
  clearTimeout(state.timer);
  const unsettled = state.reports.some((report) => report.state === "PENDING" || report.state === "RETRYING");
  if (unsettled) {
    state.timer = setTimeout(async () => {
      if (fraud === state) {
        await refreshReports(state);
        render();
      }
    }, REFRESH_MILLIS);
  }
}

function messageOf(e) {
  return e instanceof PanelError ? e.message : "Something went wrong in this panel: reload the page and try again.";
}

function occurredAtSeconds() {
  if (fraud.occurredAt === "") {
    return null;
  }
  const millis = new Date(fraud.occurredAt).getTime();
  return Number.isNaN(millis) ? NaN : Math.floor(millis / 1000);
}

// The form's checks before the confirmation: each problem under its field.
function formProblems() {
  const problems = {};
  if (!EVENT_TYPES[fraud.eventType]) {
    problems.eventType = "Choose what happened.";
  }
  const occurredAt = occurredAtSeconds();
  if (Number.isNaN(occurredAt) || fraud.occurredAtIncomplete) {
    problems.occurredAt = "Enter a date and time, or leave it empty.";
  } else if (occurredAt !== null && occurredAt * 1000 > Date.now()) {
    problems.occurredAt = "This is in the future: enter when it happened, or leave it empty.";
  }
  if (fraud.providers.length > 1 && fraud.alias === "") {
    problems.alias = "Choose the Login.gov provider the report is about.";
  }
  return problems;
}

async function send() {
  const state = fraud;
  state.sending = true;
  state.sendProblem = null;
  state.sent = null;
  render();
  // The alias always, even when the user has one link: the report is about the link the admin saw.
  const body = { userId: state.userId, eventType: state.eventType, alias: state.alias };
  const occurredAt = occurredAtSeconds();
  if (occurredAt !== null) {
    body.occurredAt = occurredAt;
  }
  try {
    const report = await api(state, "POST", "/logingov/fraud-reports", body);
    state.sent = report;
    state.eventType = "";
    state.occurredAt = "";
    state.occurredAtIncomplete = false;
    state.formVersion++;
  } catch (e) {
    state.sendProblem = "The report was not sent: " + messageOf(e);
  }
  state.sending = false;
  await refreshReports(state);
  render();
}

async function retryNow(reportId) {
  const state = fraud;
  state.retrying = reportId;
  state.sendProblem = null;
  render();
  try {
    await api(state, "POST", "/logingov/fraud-reports/" + encodeURIComponent(reportId) + "/retry");
  } catch (e) {
    state.sendProblem = "The report was not sent again: " + messageOf(e);
  }
  state.retrying = null;
  await refreshReports(state);
  render();
}

// --- Rendering (PatternFly 5 classes, as the console's own components render them) ---

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function button(text, modifier, onClick) {
  const node = element("button", "pf-v5-c-button " + modifier, text);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}

function alertBox(variant, title, detail) {
  const box = element("div", "pf-v5-c-alert pf-m-inline pf-m-" + variant);
  box.setAttribute("role", variant === "danger" ? "alert" : "status");
  box.appendChild(element("p", "pf-v5-c-alert__title", title));
  if (detail) {
    box.appendChild(element("div", "pf-v5-c-alert__description", detail));
  }
  return box;
}

function problemUnder(message) {
  const note = element("div", "pf-v5-c-helper-text");
  const item = element("div", "pf-v5-c-helper-text__item pf-m-error");
  item.appendChild(element("span", "pf-v5-c-helper-text__item-text", message));
  note.appendChild(item);
  return note;
}

function formGroup(label, control, problem, helper) {
  const group = element("div", "pf-v5-c-form__group");
  const labelBox = element("div", "pf-v5-c-form__group-label");
  const labelText = element("span", "pf-v5-c-form__label");
  labelText.appendChild(element("span", "pf-v5-c-form__label-text", label));
  labelBox.appendChild(labelText);
  const controlBox = element("div", "pf-v5-c-form__group-control");
  controlBox.appendChild(control);
  if (helper) {
    const note = element("div", "pf-v5-c-helper-text");
    const item = element("div", "pf-v5-c-helper-text__item");
    item.appendChild(element("span", "pf-v5-c-helper-text__item-text", helper));
    note.appendChild(item);
    controlBox.appendChild(note);
  }
  if (problem) {
    controlBox.appendChild(problemUnder(problem));
  }
  group.append(labelBox, controlBox);
  return group;
}

function eventTypeChoices(problem) {
  const choices = element("div", "logingov-fraud-event-types");
  choices.setAttribute("role", "radiogroup");
  for (const [type, text] of Object.entries(EVENT_TYPES)) {
    const radio = element("div", "pf-v5-c-radio");
    radio.style.marginBottom = "var(--pf-v5-global--spacer--sm, 0.5rem)";
    const input = element("input", "pf-v5-c-radio__input");
    input.type = "radio";
    input.name = "logingov-fraud-event-type";
    input.id = "logingov-fraud-" + type;
    input.value = type;
    input.checked = fraud.eventType === type;
    input.addEventListener("change", () => {
      fraud.eventType = type;
      fraud.problems = {};
      render();
    });
    if (problem) {
      input.setAttribute("aria-invalid", "true");
    }
    const label = element("label", "pf-v5-c-radio__label", text.label);
    label.htmlFor = input.id;
    const description = element("span", "pf-v5-c-radio__description", type + ". " + text.effect);
    radio.append(input, label, description);
    choices.appendChild(radio);
  }
  return choices;
}

function textControl(input) {
  const control = element("span", "pf-v5-c-form-control");
  control.appendChild(input);
  return control;
}

function reportForm() {
  const form = element("form", "pf-v5-c-form");
  form.noValidate = true;
  // In the markup, so that render() rebuilds the form when these change (see patch()).
  form.dataset.eventType = fraud.eventType;
  form.dataset.version = String(fraud.formVersion);
  form.addEventListener("submit", (event) => event.preventDefault());
  const problems = fraud.problems || {};
  form.appendChild(formGroup("What happened", eventTypeChoices(problems.eventType), problems.eventType));

  const when = element("input");
  when.type = "datetime-local";
  when.id = "logingov-fraud-occurred-at";
  when.value = fraud.occurredAt;
  when.addEventListener("input", () => {
    fraud.occurredAt = when.value;
    // A date typed in part reads as empty: it must not be sent as "not known".
    fraud.occurredAtIncomplete = when.validity.badInput;
  });
  const whenControl = textControl(when);
  whenControl.style.maxWidth = "20rem";
  if (problems.occurredAt) {
    whenControl.classList.add("pf-m-error");
  }
  form.appendChild(
    formGroup(
      "When it happened (optional)",
      whenControl,
      problems.occurredAt,
      "In your browser's time zone. Leave it empty if it is not known.",
    ),
  );

  if (fraud.providers.length > 1) {
    const select = element("select");
    select.id = "logingov-fraud-alias";
    select.appendChild(new Option("Choose a provider", ""));
    for (const provider of fraud.providers) {
      select.appendChild(new Option(provider.name === provider.alias ? provider.alias : provider.name + " (" + provider.alias + ")", provider.alias));
    }
    select.value = fraud.alias;
    select.addEventListener("change", () => {
      fraud.alias = select.value;
    });
    const control = element("span", "pf-v5-c-form-control" + (problems.alias ? " pf-m-error" : ""));
    control.style.maxWidth = "20rem";
    control.appendChild(select);
    form.appendChild(formGroup("Login.gov provider", control, problems.alias, "The user is linked through several Login.gov providers."));
  }

  const actions = element("div", "pf-v5-c-form__group pf-m-action");
  const report = button(fraud.sending ? "Reporting…" : "Report to Login.gov…", "pf-m-primary", () => {
    fraud.problems = formProblems();
    if (Object.keys(fraud.problems).length > 0) {
      render();
      return;
    }
    confirmation();
  });
  report.id = "logingov-fraud-report";
  report.disabled = fraud.sending;
  actions.appendChild(report);
  form.appendChild(actions);
  return form;
}

function providerText(alias) {
  const provider = fraud.providers.find((candidate) => candidate.alias === alias);
  return provider && provider.name !== alias ? provider.name + " (" + alias + ")" : alias;
}

// The confirmation, in a PatternFly modal like the console's own confirmations (outside React's tree).
function confirmation() {
  closeConfirmation();
  const type = EVENT_TYPES[fraud.eventType];
  const alias = fraud.providers.length > 1 ? fraud.alias : fraud.providers[0].alias;
  const backdrop = element("div", "pf-v5-c-backdrop");
  backdrop.id = FRAUD_MODAL_ID;
  const bullseye = element("div", "pf-v5-l-bullseye");
  const box = element("div", "pf-v5-c-modal-box pf-m-warning pf-m-md");
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-modal", "true");
  box.setAttribute("aria-labelledby", FRAUD_MODAL_ID + "-title");
  const header = element("header", "pf-v5-c-modal-box__header");
  const title = element("h1", "pf-v5-c-modal-box__title pf-m-icon");
  title.id = FRAUD_MODAL_ID + "-title";
  title.appendChild(element("span", "pf-v5-c-modal-box__title-text", "Report fraud to Login.gov?"));
  header.appendChild(title);
  const body = element("div", "pf-v5-c-modal-box__body");
  body.appendChild(
    element(
      "p",
      "",
      "Login.gov will be told \u201c" + type.label + "\u201d (" + fraud.eventType + ") about the account linked through " + providerText(alias) + ".",
    ),
  );
  body.appendChild(element("p", "", type.effect));
  const when = occurredAtSeconds();
  if (when !== null) {
    body.appendChild(element("p", "", "When it happened: " + new Date(when * 1000).toLocaleString() + "."));
  }
  const warning = element("p", "", "This cannot be undone: once sent, a report cannot be withdrawn.");
  warning.style.fontWeight = "var(--pf-v5-global--FontWeight--bold, 700)";
  body.appendChild(warning);
  for (const paragraph of body.children) {
    paragraph.style.marginBottom = "var(--pf-v5-global--spacer--sm, 0.5rem)";
  }
  const footer = element("footer", "pf-v5-c-modal-box__footer");
  const confirm = button("Report", "pf-m-danger", () => {
    closeConfirmation();
    send();
  });
  confirm.id = FRAUD_MODAL_ID + "-yes";
  const cancel = button("Cancel", "pf-m-link", closeConfirmation);
  cancel.id = FRAUD_MODAL_ID + "-cancel";
  footer.append(confirm, cancel);
  box.append(header, body, footer);
  bullseye.appendChild(box);
  backdrop.appendChild(bullseye);
  backdrop.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      closeConfirmation();
    }
  });
  document.body.appendChild(backdrop);
  cancel.focus();
}

function closeConfirmation() {
  const existing = document.getElementById(FRAUD_MODAL_ID);
  if (existing) {
    existing.remove();
  }
}

function dateTime(millis) {
  return millis === null || millis === undefined
    ? ""
    : new Date(millis).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

// The provider's lastProblem is a whole sentence (e.g. "Login.gov answered HTTP 500; the report is
// sent again later."); the HTTP status alone when there is none.
function problemSentence(report) {
  if (report.lastProblem) {
    return /[.!?]$/.test(report.lastProblem.trim()) ? report.lastProblem.trim() : report.lastProblem.trim() + ".";
  }
  return report.lastStatus ? "Login.gov answered HTTP " + report.lastStatus + "." : "";
}

function stateDetail(report) {
  const attempts = report.attempts === 1 ? "1 attempt" : report.attempts + " attempts";
  switch (report.state) {
    case "PENDING":
      return "Being sent to Login.gov.";
    case "RETRYING":
      return (
        (problemSentence(report) || "Login.gov could not take it.") +
        " After " + attempts + "; next attempt at " + dateTime(report.nextAttemptAt) + "."
      );
    case "DELIVERED":
      return (
        "Login.gov accepted it" + (report.lastAttemptAt ? " at " + dateTime(report.lastAttemptAt) : "") + "." +
        (report.lastProblem ? " " + problemSentence(report) : "")
      );
    case "REFUSED":
      if (report.loginGovError) {
        return "Login.gov refused it: " + report.loginGovError.err + ": " + report.loginGovError.description;
      }
      return problemSentence(report) || "Login.gov refused it.";
    case "EXPIRED":
      return "Not delivered: Keycloak gave up after " + attempts + ". " + problemSentence(report);
    default:
      return "";
  }
}

// Who reported: "You", "Automation" (the optional rule on disabled users), or another admin's id
// (the admin events name them; the id may belong to another realm's admin, not readable here).
function reporterCell(report) {
  const cell = element("td", "pf-v5-c-table__td pf-m-wrap");
  if (report.reportedBy === "automation") {
    cell.textContent = "Automation";
    return cell;
  }
  const keycloak = consoleKeycloak();
  // The ID token's sub: the console's access token is a lightweight one, which may leave sub out.
  const me = keycloak && keycloak.idTokenParsed ? keycloak.idTokenParsed.sub : null;
  if (report.reportedBy === me) {
    cell.textContent = "You";
    return cell;
  }
  cell.appendChild(element("div", "", "Another admin"));
  cell.appendChild(small(report.reportedBy || "", true));
  return cell;
}

function small(text, breakAll) {
  const node = element("div", "", text);
  node.style.fontSize = "var(--pf-v5-global--FontSize--sm, 0.875rem)";
  node.style.color = "var(--pf-v5-global--Color--200, #6a6e73)";
  if (breakAll) {
    node.style.overflowWrap = "anywhere";
  }
  return node;
}

function textCell(text, label) {
  const cell = element("td", "pf-v5-c-table__td pf-m-wrap", text);
  cell.dataset.label = label;
  return cell;
}

function reportTable() {
  const table = element("table", "pf-v5-c-table pf-m-compact pf-m-grid-md");
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", "Fraud reports sent to Login.gov");
  table.style.tableLayout = "fixed";
  const head = element("thead", "pf-v5-c-table__thead");
  const headRow = element("tr", "pf-v5-c-table__tr");
  const columns = ["Reported", "What happened", "When it happened", "Provider", "Reported by", "State"];
  const widths = ["14%", "20%", "13%", "10%", "12%", "31%"];
  columns.forEach((column, index) => {
    const cell = element("th", "pf-v5-c-table__th pf-m-wrap", column);
    cell.scope = "col";
    cell.style.width = widths[index];
    headRow.appendChild(cell);
  });
  head.appendChild(headRow);
  const body = element("tbody", "pf-v5-c-table__tbody");
  for (const report of fraud.reports) {
    const row = element("tr", "pf-v5-c-table__tr");
    row.dataset.reportId = report.id;
    row.dataset.state = report.state;
    const type = EVENT_TYPES[report.eventType];
    row.appendChild(textCell(dateTime(report.createdAt), columns[0]));
    const what = textCell("", columns[1]);
    what.append(element("div", "", type ? type.short : report.eventType), small(report.eventType, true));
    row.appendChild(what);
    row.appendChild(textCell(report.occurredAt ? dateTime(report.occurredAt * 1000) : "Not given", columns[2]));
    row.appendChild(textCell(report.alias, columns[3]));
    const by = reporterCell(report);
    by.dataset.label = columns[4];
    row.appendChild(by);
    const stateCell = element("td", "pf-v5-c-table__td pf-m-wrap logingov-fraud-state");
    stateCell.dataset.label = columns[5];
    const label = STATE_LABELS[report.state] || { text: report.state, color: "pf-m-grey" };
    const badge = element("span", "pf-v5-c-label " + label.color);
    const content = element("span", "pf-v5-c-label__content");
    content.appendChild(element("span", "pf-v5-c-label__text", label.text));
    badge.appendChild(content);
    const detail = element("div", "logingov-fraud-state-detail", stateDetail(report));
    detail.style.marginTop = "var(--pf-v5-global--spacer--xs, 0.25rem)";
    detail.style.fontSize = "var(--pf-v5-global--FontSize--sm, 0.875rem)";
    detail.style.overflowWrap = "anywhere";
    stateCell.append(badge, detail);
    if (report.state === "RETRYING" && fraud.canReport) {
      // After an outage the admin knows is over: the next attempt now, not at its scheduled time.
      const now = button(fraud.retrying === report.id ? "Sending…" : "Send now", "pf-m-link pf-m-inline", () => retryNow(report.id));
      now.dataset.retry = report.id;
      now.disabled = fraud.retrying === report.id;
      stateCell.appendChild(now);
    }
    row.appendChild(stateCell);
    body.appendChild(row);
  }
  table.append(head, body);
  // The console's table styles keep cells on one line; these hold sentences.
  for (const cell of table.querySelectorAll("th, td")) {
    cell.style.whiteSpace = "normal";
    cell.style.overflow = "visible";
  }
  // Never wider than the card: the console's page must not scroll sideways.
  const holder = element("div", "logingov-fraud-table");
  holder.style.overflowX = "auto";
  holder.appendChild(table);
  return holder;
}

// What became of the report just sent, as the list shows it now.
function sentAlert(report) {
  switch (report.state) {
    case "DELIVERED":
      return alertBox("success", "Login.gov accepted the report.");
    case "REFUSED":
    case "EXPIRED":
      return alertBox("danger", "The report was not delivered.", stateDetail(report));
    default:
      return alertBox("info", "The report is recorded; Keycloak is still delivering it.", stateDetail(report));
  }
}

function section(title) {
  const node = element("div", "logingov-fraud-section");
  node.style.marginTop = "var(--pf-v5-global--spacer--lg, 1.5rem)";
  node.appendChild(element("h3", "pf-v5-c-title pf-m-md", title));
  node.firstChild.style.marginBottom = "var(--pf-v5-global--spacer--sm, 0.5rem)";
  return node;
}

const ANGLE_RIGHT =
  '<svg fill="currentColor" height="1em" width="1em" viewBox="0 0 256 512" aria-hidden="true" role="img">' +
  '<path d="M224.3 273l-136 136c-9.4 9.4-24.6 9.4-33.9 0l-22.6-22.6c-9.4-9.4-9.4-24.6 0-33.9l96.4-96.4-96.4-96.4c-9.4-9.4-9.4-24.6 ' +
  '0-33.9L54.3 103c9.4-9.4 24.6-9.4 33.9 0l136 136c9.5 9.4 9.5 24.6.1 34z"></path></svg>';

// The collapsed card's one line: how many reports, and those that need the admin's eye.
function summary() {
  if (fraud.listProblem) {
    return "The reports could not be read.";
  }
  if (fraud.reports.length === 0) {
    return "No report yet.";
  }
  const counts = {};
  for (const report of fraud.reports) {
    counts[report.state] = (counts[report.state] || 0) + 1;
  }
  const parts = Object.keys(STATE_LABELS)
    .filter((state) => counts[state])
    .map((state) => counts[state] + " " + STATE_LABELS[state].text.toLowerCase());
  return fraud.reports.length + (fraud.reports.length === 1 ? " report: " : " reports: ") + parts.join(", ") + ".";
}

function cardHeader() {
  const header = element("div", "pf-v5-c-card__header");
  const toggleBox = element("div", "pf-v5-c-card__header-toggle");
  const toggle = element("button", "pf-v5-c-button pf-m-plain");
  toggle.type = "button";
  toggle.id = FRAUD_PANEL_ID + "-toggle";
  toggle.setAttribute("aria-label", fraud.expanded ? "Hide the Login.gov fraud report" : "Show the Login.gov fraud report");
  toggle.setAttribute("aria-expanded", String(fraud.expanded));
  const icon = element("span", "pf-v5-c-card__header-toggle-icon");
  icon.innerHTML = ANGLE_RIGHT;
  toggle.appendChild(icon);
  toggle.addEventListener("click", () => {
    fraud.expanded = !fraud.expanded;
    render();
  });
  toggleBox.appendChild(toggle);
  const main = element("div", "pf-v5-c-card__header-main");
  const title = element("div", "pf-v5-c-card__title");
  title.appendChild(element("h2", "pf-v5-c-card__title-text", "Login.gov fraud report"));
  const line = element("div", "logingov-fraud-summary", summary());
  line.style.fontSize = "var(--pf-v5-global--FontSize--sm, 0.875rem)";
  line.style.color = "var(--pf-v5-global--Color--200, #6a6e73)";
  title.appendChild(line);
  main.appendChild(title);
  header.append(toggleBox, main);
  // The whole header opens the card, as the title invites.
  header.style.cursor = "pointer";
  main.addEventListener("click", () => toggle.click());
  return header;
}

function panelContent() {
  const card = element("div", "pf-v5-c-card pf-m-flat pf-m-expandable" + (fraud.expanded ? " pf-m-expanded" : ""));
  card.id = FRAUD_PANEL_ID;
  card.style.marginTop = "var(--pf-v5-global--spacer--lg, 1.5rem)";
  const body = element("div", "pf-v5-c-card__body");
  const aliases = fraud.providers
    .map((provider) => provider.alias + (provider.enabled === false ? " (disabled)" : ""))
    .join(", ");
  body.appendChild(
    element(
      "p",
      "",
      "This user is linked to Login.gov through " + aliases + ". If their Login.gov account was used for fraud, tell Login.gov here: it acts on the account at once.",
    ),
  );
  if (fraud.loadProblem) {
    body.appendChild(alertBox("danger", fraud.loadProblem));
  }
  if (fraud.sendProblem) {
    const problem = alertBox("danger", fraud.sendProblem);
    problem.id = "logingov-fraud-problem";
    problem.style.marginTop = "var(--pf-v5-global--spacer--md, 1rem)";
    body.appendChild(problem);
  }
  if (fraud.sent) {
    const sent = sentAlert(fraud.reports.find((report) => report.id === fraud.sent.id) || fraud.sent);
    sent.id = "logingov-fraud-sent";
    sent.style.marginTop = "var(--pf-v5-global--spacer--md, 1rem)";
    body.appendChild(sent);
  }
  const newReport = section("New report");
  if (fraud.canReport) {
    newReport.appendChild(reportForm());
  } else {
    newReport.appendChild(element("p", "", "Reporting needs the manage-users role for this user; you may see the reports below."));
  }
  body.appendChild(newReport);
  const list = section("Reports");
  if (fraud.listProblem) {
    list.appendChild(alertBox("danger", "The reports could not be read: " + fraud.listProblem));
  } else if (fraud.reports.length === 0) {
    list.appendChild(element("p", "logingov-fraud-none", "No report about this user yet."));
  } else {
    list.appendChild(reportTable());
  }
  body.appendChild(list);
  card.appendChild(cardHeader());
  if (fraud.expanded) {
    const content = element("div", "pf-v5-c-card__expandable-content");
    content.appendChild(body);
    card.appendChild(content);
  }
  return card;
}

// Where the panel goes: at the top of the Details tab, above the user's form (the form is long:
// below it, the panel would be out of sight). Collapsed to one line until the admin opens it.
function anchor() {
  const tab = document.querySelector("[data-testid='user-details-tab']");
  const panelId = tab && (tab.getAttribute("aria-controls") || (tab.querySelector("button") || tab).getAttribute("aria-controls"));
  const tabPanel = panelId ? document.getElementById(panelId) : null;
  const forms = [...(tabPanel || document).querySelectorAll("form")];
  return forms.find((form) => !form.closest("#" + FRAUD_PANEL_ID)) || null;
}

function render() {
  const existing = document.getElementById(FRAUD_PANEL_ID);
  if (!fraud || !fraud.loaded || (fraud.providers.length === 0 && !fraud.loadProblem)) {
    if (existing) {
      existing.remove();
    }
    return;
  }
  const form = anchor();
  if (!form) {
    return;
  }
  const panel = panelContent();
  if (!existing) {
    form.before(panel);
    return;
  }
  if (form.previousElementSibling !== existing) {
    form.before(existing);
  }
  patch(existing, panel);
}

const REPLACED_WHOLE = ["FORM", "INPUT", "SELECT", "TEXTAREA", "BUTTON", "svg"];

// Replaces only the parts that changed, so that a refresh of the list (every few seconds while a
// report is on its way) never takes the focus or a half-typed value from the form. A form is
// replaced whole when its markup changes (its data attributes carry the state that must show).
function patch(shown, wanted) {
  if (shown.outerHTML === wanted.outerHTML) {
    return;
  }
  const elementsOnly = (node) => [...node.childNodes].every((child) => child.nodeType === Node.ELEMENT_NODE);
  if (
    shown.tagName !== wanted.tagName ||
    REPLACED_WHOLE.includes(shown.tagName) ||
    shown.childNodes.length !== wanted.childNodes.length ||
    shown.children.length === 0 ||
    !elementsOnly(shown) ||
    !elementsOnly(wanted)
  ) {
    shown.replaceWith(wanted);
    return;
  }
  for (const name of shown.getAttributeNames()) {
    if (!wanted.hasAttribute(name)) {
      shown.removeAttribute(name);
    }
  }
  for (const name of wanted.getAttributeNames()) {
    if (shown.getAttribute(name) !== wanted.getAttribute(name)) {
      shown.setAttribute(name, wanted.getAttribute(name));
    }
  }
  const next = [...wanted.children];
  [...shown.children].forEach((child, index) => patch(child, next[index]));
}

function apply() {
  const page = currentPage();
  if (!page) {
    if (fraud) {
      clearTimeout(fraud.timer);
      fraud = null;
      closeConfirmation();
      render();
    }
    return;
  }
  if (!fraud || fraud.realm !== page.realm || fraud.userId !== page.userId) {
    if (fraud) {
      clearTimeout(fraud.timer);
    }
    closeConfirmation();
    fraud = { ...page, loaded: false, providers: [], reports: [], eventType: "", occurredAt: "", alias: "", problems: {}, formVersion: 0, expanded: false };
    const state = fraud;
    // The console's sign-in is set up when its first page renders: wait for the tab to exist.
    if (!anchor()) {
      fraud = null;
      return;
    }
    load(state).catch((e) => {
      // A user this admin may not view: the console's own page says so; no panel.
      if (fraud === state && e.status !== 403) {
        state.loaded = true;
        state.loadProblem = "The Login.gov fraud report panel could not read this user: " + messageOf(e);
        render();
      }
    });
    return;
  }
  // React re-rendered the tab and dropped the panel: put it back as it was.
  if (fraud.loaded && !document.getElementById(FRAUD_PANEL_ID)) {
    render();
  }
}

let fraudScheduled = false;
new MutationObserver(() => {
  if (!fraudScheduled) {
    fraudScheduled = true;
    requestAnimationFrame(() => {
      fraudScheduled = false;
      apply();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener("hashchange", apply);
apply();
