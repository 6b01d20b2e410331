// The full calculator, built inside a <networking-roi> element's shadow root
// once the loader has fetched it and the engine. One JSON crossing per change:
// the form's state goes to networkingROI.compute, the reply comes back and is
// shown. Everything a reader or a share link supplies is set as text, never
// as HTML.
import {
  parseLocaleNumber, percentToFraction, fractionToPercent,
  formatMoney, formatNumber, formatPercent, formatInput, parseExactJSON,
} from "./format.js";
import { encodeShare, decodeShare } from "./share.js";
import { renderChart, chartTable } from "./chart.js";

const CSS = __CSS__;
const PRESETS = __PRESETS__;
const DEFAULT_INPUT = __DEFAULT_INPUT__;
const SETTINGS = __SETTINGS__; // from the engine: kinds, offered currencies, horizon limits
const base = new URL(".", import.meta.url);

const sheet = new CSSStyleSheet();
sheet.replaceSync(CSS);

const KIND_NAMES = {
  weekly_group: "Weekly referral group",
  open_network: "Large open network",
  chamber_of_commerce: "Chamber of commerce",
  custom: "Blank option",
};
const CURRENCIES = SETTINGS.currencies;
const MAX_OPTIONS = SETTINGS.maxOptions;

// Every input of the model, in the reader's words. `more` ones sit behind a
// disclosure; `percent` ones are typed as percentages and sent as fractions.
const BUSINESS_FIELDS = [
  { key: "hourlyValue", label: "What an hour of your time is worth", unit: "money" },
  { key: "dealValue", label: "Revenue from a new client", unit: "money" },
  { key: "grossMargin", label: "Gross margin", unit: "percent" },
  { key: "horizonMonths", label: "Months to look ahead", unit: "months" },
];
const OPTION_GROUPS = [
  ["Costs", [
    { key: "annualFee", label: "Annual fee", unit: "money" },
    { key: "monthlyFee", label: "Monthly fee", unit: "money" },
    { key: "mealCost", label: "Meal or room fee per meeting", unit: "money" },
    { key: "joiningFee", label: "Joining fee", unit: "money", more: true },
    { key: "travelCost", label: "Travel cost per meeting", unit: "money", more: true },
    { key: "oneToOneCost", label: "Cost per one-to-one", unit: "money", more: true },
  ]],
  ["Time", [
    { key: "meetingsPerYear", label: "Meetings a year", unit: "count" },
    { key: "meetingHours", label: "Hours per meeting", unit: "hours" },
    { key: "travelHours", label: "Travel hours per meeting, both ways", unit: "hours", more: true },
    { key: "oneToOnesPerMonth", label: "One-to-ones a month", unit: "count", more: true },
    { key: "oneToOneHours", label: "Hours per one-to-one", unit: "hours", more: true },
    { key: "otherHoursPerMonth", label: "Other hours a month (preparation, follow-up)", unit: "hours", more: true },
  ]],
  ["Referrals", [
    { key: "referralsPerMonth", label: "Referrals a month, once established", unit: "count" },
    { key: "closeRate", label: "Referrals that become clients", unit: "percent" },
    { key: "rampMonths", label: "Months until referrals reach that rate", unit: "months", more: true },
  ]],
];
const REACH_FIELDS = [
  { key: "relationships", label: "Members who know you well", unit: "count", start: "10" },
  { key: "contactsPerRelationship", label: "People each of them knows", unit: "count", start: "200" },
  { key: "targetShare", label: "Of those, in your target market", unit: "percent", start: "0.05" },
  { key: "inMarketShare", label: "Of your market, buying in a year", unit: "percent", start: "0.1" },
  { key: "passOnRate", label: "Chance they pass on a need they hear of", unit: "percent", start: "0.2" },
  { key: "competitors", label: "Members who offer what you offer", unit: "count", start: "0" },
];
const LABELS = Object.fromEntries([...BUSINESS_FIELDS, ...OPTION_GROUPS.flatMap(([, f]) => f)].map((f) => [f.key, f.label]));

let widgetCount = 0;

/**
 * Builds the full calculator into the element's shadow root, before the
 * engine is ready when it can: call start(api) on the result once it is.
 * `settings` are the element's attributes, read and checked by the loader;
 * `given` is an input set through the element's `input` property, if any.
 */
export function upgrade(host, settings, given) {
  return new Widget(host, settings, given);
}

class Widget {
  constructor(host, settings, given) {
    this.host = host;
    this.api = null; // networkingROI, once start() has it
    this.id = `roi${++widgetCount}`;
    this.settings = settings;
    this.locale = settings.locale;
    this.syncFragment = host.hasAttribute("fragment");
    this.fields = new Map(); // field path → its <input> and error element
    this.estimates = []; // per option: the reach helper's figures
    this.report = null; // the last good report
    this.goodInput = null; // the input of that report
    const { input, notice, unchecked } = this.startingInput(given);
    this.input = input;
    // A share link's or an embedder's figures are shown only once the engine
    // accepts them; the rest is built now, while the engine loads.
    this.unchecked = unchecked;
    if (!unchecked) this.build(notice);
  }

  /** Takes the engine, checks the starting figures if they need it, and shows the first result. */
  start(api) {
    this.api = api;
    if (this.unchecked) {
      const completed = this.completed(this.input);
      this.input = completed ?? this.fromSettings();
      this.build(completed ? "" : this.unchecked);
    }
    this.compute();
    this.ready = true;
    this.tell("networking-roi:ready");
  }

  /** Tells the host page what the calculator shows: a bubbling, composed event with the summary. */
  tell(type) {
    this.host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: this.eventDetail() }));
  }

  /**
   * The results in brief, for the host page (its own analytics, a caption):
   * each option's name, net, payback month and chance of coming out best,
   * and which is best. Decimals are strings, as in the report. Null while the
   * figures are refused and nothing has been computed yet.
   */
  eventDetail() {
    const r = this.report;
    if (!r) return null;
    const c = r.comparison;
    return {
      currency: r.currency,
      horizonMonths: r.horizonMonths,
      best: c.best,
      bestName: c.bestName,
      tie: c.tie,
      options: r.options.map((o, i) => ({
        name: o.name, kind: o.kind, net: o.net, paybackMonth: o.paybackMonth, chanceBest: c.chanceBest?.[i] ?? null,
      })),
    };
  }

  /** The calculator's page: notice, verdict, form, results, sharing, and how it works. */
  build(notice) {
    const root = this.host.shadowRoot;
    // The loader's figures for the default comparison, until the engine's own.
    const prebuilt = notice ? "" : root.querySelector(".verdict:not(.loading)")?.textContent ?? "";
    root.adoptedStyleSheets = [sheet];
    this.el = {
      notice: el("p", { class: "notice", role: "status" }, notice),
      verdict: el("p", { class: "verdict" }, prebuilt),
      live: el("div", { class: "visually-hidden", role: "status", "aria-live": "polite" }),
      form: el("form", { "aria-label": "Your figures", novalidate: "" }),
      results: el("section", { class: "results", "aria-label": "Results" }, el("p", { class: "muted" }, "Loading the calculator…")),
      shareStatus: el("output", { "aria-live": "polite" }),
    };
    this.el.form.addEventListener("submit", (e) => e.preventDefault());
    root.replaceChildren(el("div", { class: "widget" }, this.el.notice, this.el.verdict, this.el.live,
      this.el.form, this.el.results, this.shareBar(), this.howItWorks()));
    this.buildForm();
  }

  /**
   * The input to start from: a share link, an input set on the element, the
   * JSON child, or the attributes over the defaults. `unchecked` is set for
   * figures the engine must accept first: the notice to show if it does not.
   */
  startingInput(given) {
    if (this.syncFragment && location.hash.length > 1) {
      const shared = decodeShare(location.hash);
      const refused = "This link could not be read, so the calculator shows its default figures.";
      return shared.ok ? { input: shared.input, notice: "", unchecked: refused } : { input: this.fromSettings(), notice: refused };
    }
    const script = this.host.querySelector('script[type="application/json"]');
    const text = given ?? script?.textContent;
    if (text !== undefined) {
      const refused = "The figures given to this calculator could not be read; it shows its defaults.";
      try {
        return { input: typeof text === "string" ? parseExactJSON(text) : text, notice: "", unchecked: refused };
      } catch {
        return { input: this.fromSettings(), notice: refused };
      }
    }
    return { input: this.fromSettings(), notice: "" };
  }

  /** The default input with the element's settings: its presets, currency and horizon. */
  fromSettings() {
    const input = structuredClone(DEFAULT_INPUT);
    input.options = this.settings.presets.map((k) => structuredClone(PRESETS[k]));
    input.currency = this.settings.currency;
    input.horizonMonths = this.settings.horizon;
    return input;
  }

  /**
   * Follows a changed attribute. The reader's own figures stay where they
   * still apply: new presets keep the options already there of the same kind
   * (in order), and the business figures are untouched.
   */
  configure(settings, name) {
    const old = this.settings;
    this.settings = settings;
    if (!this.el) return; // still checking its starting figures: start() builds with these settings
    if (name === "preset" && settings.presets.join() !== old.presets.join()) {
      const left = [...this.input.options];
      this.input.options = settings.presets.map((kind) => {
        const same = left.findIndex((o) => o.kind === kind);
        return same < 0 ? structuredClone(PRESETS[kind]) : left.splice(same, 1)[0];
      });
      this.estimates = [];
    } else if (name === "currency") {
      this.input.currency = settings.currency;
    } else if (name === "horizon") {
      this.input.horizonMonths = settings.horizon;
    } else if (name === "locale") {
      this.locale = settings.locale;
    } else {
      return; // theme and compact are styles: the shadow root's CSS follows the attribute
    }
    this.buildForm();
    this.compute();
    if (name === "locale" && this.report) this.renderFigures();
  }

  /** The model's JSON input of the figures shown: a copy, with decimals as strings. */
  currentInput() {
    return structuredClone(this.goodInput);
  }

  /** Replaces every figure with an embedder's input, if the engine accepts it; says why not on the console. */
  replaceInput(value) {
    let input;
    try {
      input = typeof value === "string" ? parseExactJSON(value) : structuredClone(value);
    } catch (err) {
      console.warn(`<networking-roi>: the input is not JSON (${err.message}); the figures are unchanged.`);
      return;
    }
    if (!this.api) { // the engine is still loading: start() checks it
      this.input = input;
      this.unchecked = "The figures given to this calculator could not be read; it shows its defaults.";
      if (this.el) this.buildForm();
      return;
    }
    const completed = this.completed(input);
    if (!completed) return;
    this.input = completed;
    this.estimates = [];
    this.buildForm();
    this.compute();
  }

  /**
   * Figures given to the widget (a share link, a JSON child, the input
   * property) with every field the engine would default written out, so that
   * the form shows them; null, with a console warning naming each refused
   * field, if the engine refuses them.
   */
  completed(input) {
    const reply = JSON.parse(this.api.complete(JSON.stringify(input)));
    if (reply.errors) console.warn(`<networking-roi>: the figures given were refused: ${reply.errors.map((e) => `${e.field}: ${e.message}`).join(" ")}`);
    return reply.input ?? null;
  }

  /** Stops pending work while the element is out of the document; the next render catches up. */
  pause() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.announceTimer);
  }

  // ---- the form ----

  buildForm() {
    this.fields.clear();
    const business = el("fieldset", { class: "business" }, el("legend", {}, "Your business"));
    for (const f of BUSINESS_FIELDS) business.append(this.field(f.key, f, () => this.input));
    business.append(this.currencySelect());
    const options = el("div", { class: "options" });
    this.input.options.forEach((_, i) => options.append(this.optionFieldset(i)));
    this.el.form.replaceChildren(el("h2", { class: "visually-hidden" }, "Your figures"), business, options, this.addControls());
  }

  currencySelect() {
    const id = `${this.id}-currency`;
    const select = el("select", { id });
    const codes = CURRENCIES.includes(this.input.currency) ? CURRENCIES : [this.input.currency, ...CURRENCIES];
    for (const c of codes) select.append(el("option", { value: c }, c));
    select.value = this.input.currency;
    select.addEventListener("change", () => { this.input.currency = select.value; this.buildForm(); this.compute(); });
    return el("div", { class: "field" }, el("label", { for: id }, "Currency"), select);
  }

  optionFieldset(i) {
    const option = this.input.options[i];
    const at = `options[${i}]`;
    const legend = el("legend", {}, option.name);
    const nameId = `${this.id}-${i}-name`;
    const name = el("input", { id: nameId, value: option.name, maxlength: "60", autocomplete: "off" });
    const nameError = el("p", { class: "error", id: `${nameId}-error` });
    name.setAttribute("aria-describedby", nameError.id);
    name.addEventListener("input", () => {
      option.name = name.value;
      legend.textContent = name.value;
      this.compute();
    });
    this.fields.set(`${at}.name`, { input: name, error: nameError });
    const kindId = `${this.id}-${i}-kind`;
    const kind = el("select", { id: kindId });
    for (const [k, label] of Object.entries(KIND_NAMES)) kind.append(el("option", { value: k }, label));
    kind.value = option.kind in KIND_NAMES ? option.kind : "custom";
    kind.addEventListener("change", () => this.switchPreset(i, kind.value));
    const remove = el("button", { type: "button", "aria-label": `Remove ${option.name}` }, "Remove");
    remove.disabled = this.input.options.length <= 1;
    remove.addEventListener("click", () => this.removeOption(i));
    const fieldset = el("fieldset", { "data-option": String(i) }, legend,
      el("div", { class: "field" }, el("label", { for: nameId }, "Name"), name, nameError),
      el("div", { class: "option-head" },
        el("div", { class: "field" }, el("label", { for: kindId }, "Starting figures"), kind), remove));
    for (const [title, fields] of OPTION_GROUPS) {
      const group = el("div", { class: "group" }, el("h3", {}, title));
      const more = el("details", {}, el("summary", {}, `More ${title.toLowerCase()}`));
      for (const f of fields) (f.more ? more : group).append(this.field(f.key, f, () => this.input.options[i], at));
      if (title === "Referrals") more.append(this.reachHelper(i));
      group.append(more);
      fieldset.append(group);
    }
    return fieldset;
  }

  /** One labelled input, its error line, and the handler that reads it. */
  field(key, f, owner, at = "") {
    const path = at ? `${at}.${key}` : key;
    const id = `${this.id}-${path.replace(/[^\w]/g, "-")}`;
    const input = el("input", { id, inputmode: "decimal", autocomplete: "off", spellcheck: "false" });
    const error = el("p", { class: "error", id: `${id}-error` });
    input.setAttribute("aria-describedby", error.id);
    input.value = this.shown(owner()[key], f.unit);
    input.addEventListener("input", () => {
      owner()[key] = this.read(input.value, f.unit);
      this.compute();
    });
    this.fields.set(path, { input, error });
    return el("div", { class: "field" }, el("label", { for: id }, this.labelText(f)), input, error);
  }

  labelText(f) {
    const unit = { money: this.input.currency, percent: "%", hours: "hours", months: "months" }[f.unit];
    return unit ? `${f.label} (${unit})` : f.label;
  }

  /** A value as the reader sees it in an input: percentages for rates. */
  shown(value, unit) {
    if (value === undefined || value === null) return "";
    const text = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(text)) return text; // a bad value stays as the reader typed it
    return formatInput(unit === "percent" ? fractionToPercent(text) : text, this.locale);
  }

  /** What the reader typed, for the engine: a canonical decimal, or the raw text so the engine names the problem. */
  read(text, unit) {
    const parsed = parseLocaleNumber(text, this.locale);
    if (!parsed.ok) return text.trim();
    return unit === "percent" ? percentToFraction(parsed.value) : parsed.value;
  }

  reachHelper(i) {
    const figures = this.estimates[i] ??= Object.fromEntries(REACH_FIELDS.map((f) => [f.key, f.start]));
    const out = el("output", { "aria-live": "polite" });
    const use = el("button", { type: "button" }, "Use this estimate");
    const box = el("div", { class: "estimate" },
      el("p", { class: "muted" }, "Estimate referrals from who you know: relationships × their contacts × the share in your market × the share buying this year × the chance they pass it on, split among competitors, a year spread over 12 months."));
    for (const f of REACH_FIELDS) {
      box.append(this.field(f.key, f, () => figures, `estimates[${i}]`));
    }
    const estimate = () => {
      if (!this.api) return undefined; // the engine is still loading
      const trial = structuredClone(this.input);
      const option = trial.options[i];
      delete option.referralsPerMonth;
      option.reach = { ...figures };
      const reply = JSON.parse(this.api.compute(JSON.stringify(trial)));
      this.showErrors((reply.errors || []).filter((e) => e.field.startsWith(`options[${i}].reach`))
        .map((e) => ({ ...e, field: e.field.replace(`options[${i}].reach`, `estimates[${i}]`) })), `estimates[${i}]`);
      const value = reply.report?.options[i].referralsPerMonth;
      out.textContent = value !== undefined ? `≈ ${formatNumber(value, this.locale)} referrals a month` : "";
      return value;
    };
    box.addEventListener("input", estimate);
    const details = el("details", {}, el("summary", {}, "Estimate referrals from your reach"), box);
    details.addEventListener("toggle", () => { if (details.open) estimate(); }); // no work until asked
    use.addEventListener("click", () => {
      const value = estimate();
      if (value === undefined) return;
      this.input.options[i].referralsPerMonth = value;
      this.fields.get(`options[${i}].referralsPerMonth`).input.value = this.shown(value, "count");
      this.compute();
    });
    box.append(el("p", {}, out), use);
    return details;
  }

  addControls() {
    const id = `${this.id}-add-kind`;
    const kind = el("select", { id });
    for (const [k, label] of Object.entries(KIND_NAMES)) kind.append(el("option", { value: k }, label));
    kind.value = this.addKind ?? "chamber_of_commerce";
    kind.addEventListener("change", () => { this.addKind = kind.value; });
    const add = el("button", { type: "button", class: "primary" }, "Add an option");
    add.disabled = this.input.options.length >= MAX_OPTIONS;
    add.addEventListener("click", () => {
      this.input.options.push(this.presetOption(kind.value, this.input.options.length));
      this.rebuild(`options[${this.input.options.length - 1}].name`);
    });
    return el("div", { class: "add" }, el("div", { class: "field" }, el("label", { for: id }, "Kind of option to add"), kind), add);
  }

  presetOption(kind, index) {
    const option = structuredClone(PRESETS[kind]);
    if (kind === "custom") option.name = `Option ${index + 1}`;
    return option;
  }

  switchPreset(i, kind) {
    const old = this.input.options[i];
    const renamed = old.name !== (PRESETS[old.kind]?.name ?? "") && !/^Option \d+$/.test(old.name);
    const next = this.presetOption(kind, i);
    if (renamed) next.name = old.name;
    this.input.options[i] = next;
    this.rebuild(`options[${i}].kind`);
  }

  removeOption(i) {
    this.input.options.splice(i, 1);
    this.estimates.splice(i, 1);
    this.rebuild(`options[${Math.min(i, this.input.options.length - 1)}].name`);
  }

  /** Rebuilds the form after options change, keeping focus where the reader expects it. */
  rebuild(focusPath) {
    this.buildForm();
    this.compute();
    const target = focusPath.endsWith(".kind")
      ? this.host.shadowRoot.getElementById(`${this.id}-${focusPath.replace(/^options\[(\d+)\]\.kind$/, "$1")}-kind`)
      : this.fields.get(focusPath)?.input;
    target?.focus();
  }

  // ---- computing and showing ----

  compute() {
    if (!this.api) return; // start() computes whatever the reader typed meanwhile
    const json = JSON.stringify(this.input);
    const reply = JSON.parse(this.api.compute(json));
    if (reply.errors) {
      this.showErrors(reply.errors.filter((e) => !e.field.startsWith("estimates")), "");
      if (!this.report) { // figures typed while the engine loaded, refused at once: no result to keep
        this.el.verdict.textContent = "";
        this.el.results.replaceChildren(el("p", { class: "muted" }, "Correct the figures marked above to see the results."));
      }
      return;
    }
    this.showErrors([], "");
    this.report = reply.report;
    this.goodInput = JSON.parse(json);
    this.render();
    if (this.ready) this.tell("networking-roi:change");
    if (this.syncFragment) {
      clearTimeout(this.fragmentTimer);
      this.fragmentTimer = setTimeout(() => history.replaceState(null, "", `#${encodeShare(this.goodInput)}`), 250);
    }
  }

  /**
   * Marks each field the engine refused; clears the others under the prefix.
   * Only fields whose message changes are touched: on most keystrokes, none.
   */
  showErrors(errors, prefix) {
    const byPath = new Map(errors.map((e) => [e.field, e.message]));
    for (const [path, field] of this.fields) {
      if (!path.startsWith(prefix) || (prefix === "" && path.startsWith("estimates"))) continue;
      const message = byPath.get(path) || "";
      byPath.delete(path);
      if (message === (field.shown ?? "")) continue;
      field.shown = message;
      field.error.textContent = message;
      if (message) field.input.setAttribute("aria-invalid", "true");
      else field.input.removeAttribute("aria-invalid");
    }
    if (prefix === "") {
      const general = [...byPath.values()].join(" ");
      this.el.notice.textContent = general || (this.report ? "" : this.el.notice.textContent);
    }
  }

  /** Shows the verdict at once and the figures and chart at the next frame, once however fast the reader types. */
  render() {
    const r = this.report;
    this.el.verdict.textContent = r.comparison.verdict;
    clearTimeout(this.announceTimer); // announce the verdict once typing pauses, not on every key
    this.announceTimer = setTimeout(() => {
      if (this.el.live.textContent !== r.comparison.verdict) this.el.live.textContent = r.comparison.verdict;
    }, 900);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.renderFigures();
    });
  }

  renderFigures() {
    const r = this.report;
    const money = (v, whole) => formatMoney(v, r.currency, this.locale, { whole });
    const cards = el("div", { class: "cards" });
    r.options.forEach((o, i) => cards.append(this.card(o, i, r, money)));
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "chart");
    const series = r.options.map((o) => ({ name: o.name, months: o.months, paybackMonth: o.paybackMonth }));
    renderChart(svg, series, { currency: r.currency, locale: this.locale, title: "Cumulative net by month" });
    const table = el("details", { class: "more-results" }, el("summary", {}, "The chart as a table"),
      el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Cumulative net by month, as a table" },
        chartTable(series, { currency: r.currency, locale: this.locale })));
    this.el.results.replaceChildren(el("h2", {}, "Results"), cards,
      el("figure", {}, el("figcaption", {}, "Cumulative net by month, after the cost of your time"), svg, table));
  }

  card(o, i, r, money) {
    const best = i === r.comparison.best && r.options.length > 1 && !r.comparison.tie;
    const signed = (v) => el("span", { class: v.startsWith("-") ? "negative" : "positive" }, money(v));
    const row = (term, value, cls) => [el("dt", cls ? { class: cls } : {}, term), el("dd", cls ? { class: cls } : {}, value)];
    const maybe = (v, f) => (v === null || v === undefined ? "—" : f(v));
    const hourly = o.hourlyReturn === null ? "—"
      : `${money(o.hourlyReturn)} (your time: ${money(String(this.goodInput.hourlyValue))})`;
    const u = o.uncertainty;
    const card = el("article", { class: best ? "card best" : "card", "aria-labelledby": `${this.id}-card-${i}` },
      el("h3", { id: `${this.id}-card-${i}` }, o.name, best ? el("span", { class: "badge" }, "Pays best") : null),
      el("dl", {},
        ...row("Fees", money(o.fees)), ...row("Meals and coffees", money(o.meals)), ...row("Travel", money(o.travel)),
        ...row(`Your time (${formatNumber(o.hours, this.locale, 0)} h)`, money(o.timeCost)),
        ...row("Total cost", money(o.cost), "total"),
        ...row("Referrals", formatNumber(o.referrals, this.locale, 1)),
        ...row("Clients", formatNumber(o.clients, this.locale, 1)),
        ...row("Profit from them", money(o.profit)),
        ...row("Net", signed(o.net), "total"),
        ...row("Return on cost, time included", maybe(o.roi, (v) => formatPercent(v, this.locale))),
        ...row("Return on cash only", maybe(o.cashRoi, (v) => formatPercent(v, this.locale))),
        ...row("Pays back", o.paybackMonth ? `in month ${o.paybackMonth}` : `not within ${r.horizonMonths} months`),
        ...row("Referrals a year to break even", maybe(o.breakEvenReferralsPerYear, (v) => formatNumber(v, this.locale, 1))),
        ...row("Cost per client", maybe(o.costPerClient, (v) => money(v))),
        ...row("A networking hour earns", hourly),
        ...row("Chance of breaking even", u ? formatPercent(fractionString(u.breakEvenProbability), this.locale, 0) : "—"),
        ...(u ? row("Net, low · typical · high", `${money(u.p10, true)} · ${money(u.p50, true)} · ${money(u.p90, true)}`) : []),
      ),
      this.tornado(o, money));
    return card;
  }

  /** What matters most: the five inputs that swing net furthest, as bars. */
  tornado(o, money) {
    const top = o.sensitivity.slice(0, 5);
    if (!top.length) return null;
    const values = top.flatMap((s) => [Number(s.low), Number(s.high)]).concat(Number(o.net));
    const lo = Math.min(...values), hi = Math.max(...values), span = hi - lo || 1;
    const at = (v) => ((Number(v) - lo) / span) * 100;
    const list = el("ul", { class: "bars" });
    for (const s of top) {
      const [a, b] = [at(s.low), at(s.high)].sort((x, y) => x - y);
      const bar = el("span", { class: "bar" });
      bar.style.left = `${a}%`;
      bar.style.width = `${b - a}%`;
      const mark = el("span", { class: "bar-base" });
      mark.style.left = `${at(o.net)}%`;
      list.append(el("li", {},
        el("span", { class: "bar-label" }, `${LABELS[s.field] || s.field}: ${money(s.low, true)} at −20 %, ${money(s.high, true)} at +20 %`),
        el("span", { class: "bar-track", "aria-hidden": "true" }, bar, mark)));
    }
    return el("div", { class: "more-results" }, el("h4", {}, "What matters most"), list);
  }

  // ---- sharing ----

  shareBar() {
    const copyLink = el("button", { type: "button" }, "Copy link");
    const copySummary = el("button", { type: "button" }, "Copy summary");
    const csv = el("button", { type: "button" }, "Download CSV");
    const print = el("button", { type: "button" }, "Print");
    copyLink.addEventListener("click", () => this.copy(this.shareLink(), "Link copied: it holds your figures, which stay in the link and are never sent to a server."));
    copySummary.addEventListener("click", () => this.copy(this.summary(), "Summary copied."));
    csv.addEventListener("click", () => this.downloadCSV());
    print.addEventListener("click", () => print.ownerDocument.defaultView.print());
    return el("div", { class: "share", role: "group", "aria-label": "Share" }, copyLink, copySummary, csv, print, this.el.shareStatus);
  }

  shareLink() {
    const page = this.syncFragment ? new URL(location.href) : new URL(this.host.getAttribute("page") || "index.html", base);
    page.hash = encodeShare(this.goodInput);
    return page.href;
  }

  async copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
      this.el.shareStatus.textContent = done;
    } catch {
      this.el.shareStatus.textContent = "Copying is blocked here; select and copy the text below.";
      const area = el("textarea", { readonly: "", rows: "3", "aria-label": "Text to copy" });
      area.value = text;
      this.el.shareStatus.append(area);
      area.select();
    }
  }

  summary() {
    const r = this.report;
    const money = (v) => formatMoney(v, r.currency, this.locale, { whole: true });
    const lines = [r.comparison.verdict, ""];
    for (const o of r.options) {
      lines.push(`${o.name}: cost ${money(o.cost)} (time ${money(o.timeCost)}), profit ${money(o.profit)}, net ${money(o.net)}, `
        + (o.paybackMonth ? `pays back in month ${o.paybackMonth}` : `no payback within ${r.horizonMonths} months`) + ".");
    }
    return lines.join("\n");
  }

  downloadCSV() {
    const header = ["option", "month", "cash", "hours", "timeCost", "referrals", "clients", "profit", "net", "cumulativeNet"];
    const rows = [header];
    for (const o of this.report.options) {
      for (const m of o.months) rows.push([o.name, m.month, m.cash, m.hours, m.timeCost, m.referrals, m.clients, m.profit, m.net, m.cumulativeNet]);
    }
    const text = rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = el("a", { href: url, download: "networking-roi.csv" });
    this.el.results.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.el.shareStatus.textContent = "CSV of the monthly figures downloaded.";
  }

  howItWorks() {
    const item = (text) => el("li", {}, text);
    return el("details", { class: "how" }, el("summary", {}, "How this is calculated"),
      el("p", {}, "For each option, month by month:"),
      el("ul", {},
        item("Cash: the joining fee in month 1, the annual fee in months 1, 13, 25…, the monthly fee, and at every meeting the meal or room fee and travel, plus a coffee at every one-to-one."),
        item("Time: meetings, travel, one-to-ones and other hours, valued at your hourly value. It is usually the largest cost."),
        item("Referrals grow evenly from nothing to their full rate over the ramp-up months; clients are the referrals that close; profit is their revenue times your gross margin, not the invoice value."),
        item("Net is profit minus cash minus time. It pays back in the first month when the running total of net reaches zero."),
        item("Clients arrive at random, so the number won follows a Poisson distribution: the chance of breaking even and the low, typical and high nets come from it, exactly, without sampling."),
        item("What matters most: net with each figure 20 % lower and 20 % higher, largest swing first.")),
      el("p", {}, "Defaults, to be replaced by your own: weekly group fees of 650 a year, 100 to join and 15 a meeting, 50 meetings of 1.5 hours, 4 one-to-ones a month (BNI-style costs and policies); an open network at 10 a month with 12 two-hour events (4Networking-style); an hourly value of 50 (100,000 a year over 2,000 hours); relationships maturing over 6 to 9 months (Misner: 6 to 18); close rates of 50 % for expected calls and 30 % for looser introductions (Sandler). Deal value and margin are placeholders."),
      el("p", { class: "muted" }, "Your figures never leave this browser: the calculator runs here, and a shared link keeps them after the # sign, which browsers do not send to servers."));
  }
}

/** A probability (a JS number) as a decimal string for the formatters. */
function fractionString(p) {
  return p.toFixed(4);
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Creates an element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}
