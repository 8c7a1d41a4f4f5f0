// Hides, on the account console's "Personal info" page, every field the person cannot change and
// that has no value; and a section (with its jump link) whose fields are all hidden that way.
//
// Why: Login.gov releases verified attributes (birth date, address, phone...) only when a sign-in
// asks for a verified level. A user profile lists them all, read-only for the person, so someone
// who signed in at "auth-only" (or is not verified) would see a column of empty, locked boxes
// labelled "verified by Login.gov", as if Login.gov had verified nothing. Keycloak's user profile
// has no "hide when empty" setting, and its account console is a compiled React application, so
// this theme adjusts the rendered page instead of forking it. Fields the person can edit are never
// touched; nothing is removed from the form, only hidden, so saving works as before.
//
// The console fills its inputs through their value property (no DOM mutation), and re-renders when
// the person moves between pages, so the page is re-checked on every DOM change and a few times a
// second; a check reads a few dozen elements.
//
// Two more adjustments make a field the person cannot change look like one, as the console draws
// its locked one-line fields: a read-only text area (Login.gov's street and formatted address) is
// grey and not resizable, and as tall as its lines, never clipping a three-line address; a locked
// multi-valued field (Login.gov's "all email addresses") shows no disabled remove buttons and no
// disabled "Add" link, which only say that something could be done that cannot.

const FIELD_GROUP = ".pf-v5-c-form__group:not(.pf-m-action)";
const READ_ONLY_TEXT_AREA = "textarea[readonly], textarea:disabled";

const LOCKED_LOOK = `
.pf-v5-c-form-control:has(> textarea[readonly]),
.pf-v5-c-form-control:has(> textarea:disabled) {
  --pf-v5-c-form-control--BackgroundColor: var(--pf-v5-c-form-control--m-disabled--BackgroundColor);
  --pf-v5-c-form-control--Color: var(--pf-v5-c-form-control--m-disabled--Color);
  --pf-v5-c-form-control--after--BorderBottomColor: transparent;
  --pf-v5-c-form-control--before--BorderColor: transparent;
  resize: none;
}
textarea[readonly], textarea:disabled {
  resize: none;
  overflow: hidden;
}
`;

function addLockedLook() {
  const style = document.createElement("style");
  style.setAttribute("data-logingov", "locked-look");
  style.textContent = LOCKED_LOOK;
  document.head.appendChild(style);
}

// A multi-valued field whose every value is locked: its remove and "Add" buttons can do nothing
// (Keycloak refuses a change to a read-only attribute), whether or not the console disables them.
function hideButtonsOfLockedList(group) {
  const controls = group.querySelectorAll("input, textarea");
  const locked = controls.length > 0 && [...controls].every(isLocked);
  for (const button of group.querySelectorAll("button")) {
    setHidden(button, locked);
  }
}

// As tall as its content: the console gives a text area a fixed height and a resize handle, which a
// read-only one cannot use.
function fitToContent(textArea) {
  if (textArea.scrollHeight > textArea.clientHeight) {
    textArea.style.height = "auto";
    textArea.style.height = textArea.scrollHeight + 2 + "px";
  }
}
const SECTION = "form section";
const HIDDEN_MARK = "data-logingov-hidden";

function isLocked(control) {
  return control.disabled || control.readOnly;
}

function hasValue(control) {
  return control.value.trim() !== "";
}

// A field is "locked and empty" when it has at least one text control, none of them can be changed,
// and none holds a value. A field with any other control (a drop-down, a button to add a value that
// is enabled) is left alone.
function isLockedAndEmpty(group) {
  const controls = group.querySelectorAll("input, textarea, select");
  if (controls.length === 0) {
    return false;
  }
  if (group.querySelector("button:not([disabled]):not([data-logingov-hidden]), [role='combobox']")) {
    return false;
  }
  for (const control of controls) {
    if (!isLocked(control) || hasValue(control)) {
      return false;
    }
  }
  return true;
}

// An inline display:none, because PatternFly's display:grid on form groups overrides the hidden
// attribute; the mark says which elements this script hid, so it never shows what it did not hide.
function setHidden(element, hidden) {
  if (hidden && !element.hasAttribute(HIDDEN_MARK)) {
    element.setAttribute(HIDDEN_MARK, "");
    element.style.setProperty("display", "none", "important");
  } else if (!hidden && element.hasAttribute(HIDDEN_MARK)) {
    element.removeAttribute(HIDDEN_MARK);
    element.style.removeProperty("display");
  }
}

function jumpLinkFor(section) {
  const heading = section.querySelector("h1[id], h2[id]");
  if (!heading) {
    return null;
  }
  const testId = "jump-link-" + heading.id;
  for (const item of document.querySelectorAll("[data-testid^='jump-link-']")) {
    if (item.getAttribute("data-testid") === testId) {
      return item;
    }
  }
  return null;
}

function check() {
  for (const textArea of document.querySelectorAll(READ_ONLY_TEXT_AREA)) {
    fitToContent(textArea);
  }
  for (const group of document.querySelectorAll(FIELD_GROUP)) {
    hideButtonsOfLockedList(group);
    setHidden(group, isLockedAndEmpty(group));
  }
  for (const section of document.querySelectorAll(SECTION)) {
    const groups = section.querySelectorAll(FIELD_GROUP);
    const allHidden = groups.length > 0 && [...groups].every((group) => group.hasAttribute(HIDDEN_MARK));
    setHidden(section, allHidden);
    const link = jumpLinkFor(section);
    if (link) {
      setHidden(link, allHidden);
    }
  }
}

let scheduled = false;
function schedule() {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      check();
    });
  }
}

addLockedLook();
new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
setInterval(schedule, 250);
