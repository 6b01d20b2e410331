// The embed builder, builder.html: a blogger sets the calculator up as
// readers should first see it, watches it in a live preview (a
// <networking-roi> whose attributes follow the form), may change figures in
// the preview too, and copies code that shows the same on a blog: a script
// and the element, or an iframe of embed.html. The code is shown as text,
// never as HTML.
import { encodeShare } from "./share.js";

const SETTINGS = __SETTINGS__; // from the engine: kinds and their names, offered currencies, horizon limits
// This deployment: where builder.html is, and beside it the loader and embed.html.
const deployment = new URL(".", location.href).href;
// The element's settings, in the order the code writes them.
const ATTRIBUTES = ["preset", "currency", "locale", "horizon", "theme", "compact"];

const $ = (id) => document.getElementById(id);
const box = $("preview-box"); // the preview's events bubble here, whichever element "Back to the default figures" put in
let preview = $("preview");

// The code carries the preview's figures when they are not what its
// attributes alone give. `pristine` is the preview's input (as JSON) as its
// attributes alone give it: taken at its first result and after each change
// of attributes, from the networking-roi:ready and :change events. Once the
// blogger has changed figures, a change of attributes keeps their figures in
// the preview, so `pristine` becomes unknown (null) until the preview starts
// again from its attributes.
let ready = false;
let pristine = null;
let edited = false;
let settingAttributes = false; // a :change event now comes from our own attribute change

let setup = {}; // the attributes the preview has, as the code writes them
// The iframe's starting height is the preview's: the code is redone when it changes.
const sized = new ResizeObserver(() => showCode());

function init() {
  buildChoices();
  $("setup").addEventListener("input", apply);
  $("setup").addEventListener("change", apply);
  box.addEventListener("networking-roi:ready", () => {
    ready = true;
    if (!edited) pristine = inputJSON();
    showCode();
  });
  box.addEventListener("networking-roi:change", () => {
    const now = inputJSON();
    if (settingAttributes) pristine = edited ? null : now;
    else edited = pristine === null || now !== pristine;
    showCode();
  });
  // Typed into the preview's form while its engine loads: its first result already holds the change.
  box.addEventListener("input", () => { if (!ready) edited = true; });
  $("reset").addEventListener("click", restart);
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", () => copy(button.dataset.copy));
  }
  sized.observe(preview);
  apply();
}

/** Fills the form's choices from the engine's lists, starting at the element's defaults. */
function buildChoices() {
  const presets = $("presets");
  for (let i = 0; i < SETTINGS.maxOptions; i++) {
    const id = `option-${i + 1}`;
    const select = document.createElement("select");
    select.id = id;
    if (i > 0) select.append(new Option("None", ""));
    for (const kind of SETTINGS.kinds) select.append(new Option(SETTINGS.kindNames[kind], kind));
    select.value = SETTINGS.defaultPresets[i] ?? "";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = `Option ${i + 1}`;
    const field = document.createElement("div");
    field.className = "field";
    field.append(label, select);
    presets.append(field);
  }
  for (const code of SETTINGS.currencies) $("currency").append(new Option(code, code));
  $("currency").value = SETTINGS.currencies[0];
  $("horizon").value = String(SETTINGS.horizon.default);
}

/**
 * The settings the form holds, as attribute values: absent ones (locale left
 * to the reader's browser, compact off) are left out. A value the element
 * would refuse is marked in the form, and the last good one kept.
 */
function readSetup() {
  const next = {};
  next.preset = [...$("presets").querySelectorAll("select")].map((s) => s.value).filter(Boolean).join(",");
  next.currency = $("currency").value;
  const locale = $("locale").value.trim();
  let localeError = "";
  if (locale) {
    try {
      next.locale = Intl.getCanonicalLocales(locale)[0];
    } catch {
      localeError = "Not a language tag: try en-GB, de or fr, or leave it empty.";
      if (setup.locale) next.locale = setup.locale;
    }
  }
  const horizon = $("horizon").value.trim();
  const { min, max } = SETTINGS.horizon;
  const good = /^\d{1,3}$/.test(horizon) && +horizon >= min && +horizon <= max;
  next.horizon = good ? String(+horizon) : setup.horizon ?? String(SETTINGS.horizon.default);
  next.theme = $("theme").value;
  if ($("compact").checked) next.compact = "";
  mark("locale", localeError);
  mark("horizon", good ? "" : `A whole number of months from ${min} to ${max}.`);
  return next;
}

/** Shows or clears a field's error. */
function mark(id, message) {
  $(`${id}-error`).textContent = message;
  if (message) $(id).setAttribute("aria-invalid", "true");
  else $(id).removeAttribute("aria-invalid");
}

/** Sets the form's settings on the preview, which follows its attributes, and redoes the code. */
function apply() {
  const next = readSetup();
  settingAttributes = true;
  try {
    for (const name of ATTRIBUTES) {
      if (next[name] === undefined) preview.removeAttribute(name);
      else if (preview.getAttribute(name) !== next[name]) preview.setAttribute(name, next[name]);
    }
  } finally {
    settingAttributes = false;
  }
  setup = next;
  showCode();
}

/** Starts the preview again from its attributes alone: the figures changed in it are dropped. */
function restart() {
  const fresh = preview.cloneNode(true); // the attributes and the fallback content, not the shadow root
  sized.unobserve(preview);
  preview.replaceWith(fresh);
  preview = fresh;
  sized.observe(preview);
  ready = false;
  edited = false;
  pristine = null;
  showCode();
}

/** The preview's figures as the model's JSON input, or null before its first result. */
function inputJSON() {
  const input = preview.input;
  return input === null ? null : JSON.stringify(input);
}

/** Whether the code must carry the preview's figures. */
function carriesFigures() {
  return edited && preview.input !== null;
}

/** Writes the three pieces of code for the preview as it is, and says whether they carry its figures. */
function showCode() {
  const figures = carriesFigures() ? preview.input : null;
  show("script-code", scriptCode(figures));
  show("iframe-code", iframeCode(figures));
  show("resize-code", resizeCode());
  const note = figures
    ? "You changed figures in the preview: the code carries them."
    : "The preview shows the default figures of the options chosen. Change any figure in it, and the code will carry your figures.";
  if ($("figures-note").textContent !== note) $("figures-note").textContent = note; // announced when it changes only
}

/** Sets a piece of code, clearing its "copied" note when it changed. */
function show(id, code) {
  const area = $(id);
  if (area.value === code) return;
  area.value = code;
  document.querySelector(`output[data-status="${id}"]`).textContent = "";
}

/** The element's attributes as HTML. */
function attributesHTML() {
  return ATTRIBUTES.filter((name) => setup[name] !== undefined)
    .map((name) => (setup[name] === "" ? ` ${name}` : ` ${name}="${escapeHTML(setup[name])}"`)).join("");
}

/** The script snippet: the loader, and the element with the figures, if any, and a link for readers without JavaScript. */
function scriptCode(figures) {
  const lines = [
    `<script type="module" async src="${escapeHTML(new URL("networking-roi.js", deployment).href)}"></script>`,
    `<networking-roi${attributesHTML()}>`,
  ];
  if (figures) {
    // JSON has "<" only inside strings, where \u003c reads the same: a name
    // holding "</script>" cannot end the script element.
    lines.push(`  <script type="application/json">${JSON.stringify(figures).replaceAll("<", "\\u003c")}</script>`);
  }
  lines.push(`  <p><a href="${escapeHTML(deployment)}">Does networking pay? Open the calculator.</a></p>`, "</networking-roi>");
  return lines.join("\n");
}

/**
 * The iframe snippet: embed.html with the settings as query parameters (the
 * attributes' names) and the figures, if any, in the fragment. Its starting
 * height is the preview's, measured (rounded up to 50 px): the preview is as
 * wide as a blog's column (45rem) where the screen allows, so this is near
 * the real height on most blogs; on a narrower screen it measures taller,
 * the calculator being narrower. The resize script then fits it exactly.
 */
function iframeCode(figures) {
  const query = ATTRIBUTES.filter((name) => setup[name] !== undefined)
    .map((name) => (setup[name] === "" ? name : `${name}=${encodeURIComponent(setup[name]).replaceAll("%2C", ",")}`))
    .join("&");
  const src = new URL(`embed.html?${query}`, deployment);
  if (figures) src.hash = encodeShare(figures);
  const height = Math.ceil(preview.getBoundingClientRect().height / 50) * 50;
  return `<iframe src="${escapeHTML(src.href)}" title="Networking ROI calculator"\n`
    + `        style="width: 100%; height: ${height}px; border: 0" loading="lazy" allow="clipboard-write"></iframe>`;
}

/** The host-side script that lets an iframe of this deployment fit the calculator (as in the README). */
function resizeCode() {
  const origin = new URL(deployment).origin;
  return `<script>
  addEventListener("message", (event) => {
    if (event.origin !== ${JSON.stringify(origin)}) return;
    if (!event.data || event.data.type !== "networking-roi:height") return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow === event.source) frame.style.height = Math.min(Number(event.data.height) || 0, 20000) + "px";
    }
  });
</script>`;
}

/** Copies a piece of code; where the clipboard is blocked, selects it for the blogger to copy. */
async function copy(id) {
  const area = $(id);
  const status = document.querySelector(`output[data-status="${id}"]`);
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = "Copied.";
  } catch {
    area.focus();
    area.select();
    status.textContent = "Copying is blocked here: the code is selected, so press Ctrl+C (⌘C on a Mac) to copy it.";
  }
}

/** Text made safe inside an HTML attribute value or element. */
function escapeHTML(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

init();
