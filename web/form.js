// The calculator's form, built from the engine's schema: the reader's
// business, one fieldset per option, the reach helper, and adding, removing
// and switching options. Labels, units and kinds come from the schema; only
// the layout (which field sits where, which behind "More …") is written here.
import { parseLocaleNumber, percentToFraction, fractionToPercent, formatNumber, formatInput } from "./format.js";
import { SCHEMA, PRESETS, fieldSpec, kindName, reachStart } from "./schema.js";
import { el, nameOf } from "./dom.js";

const BUSINESS = ["hourlyValue", "billableShare", "dealValue", "dealsPerClient", "grossMargin", "horizonMonths"];
// [heading, fields in view, fields behind "More …"]
const OPTION_GROUPS = [
  ["Costs", ["annualFee", "monthlyFee", "mealCost"], ["joiningFee", "travelCost", "oneToOneCost"]],
  ["Time", ["meetingsPerYear", "meetingHours"], ["travelHours", "oneToOnesPerMonth", "oneToOneHours", "otherHoursPerMonth"]],
  ["Referrals", ["referralsPerMonth", "closeRate"], ["rampMonths", "referralSpread"]],
];
const REACH = ["relationships", "contactsPerRelationship", "targetShare", "inMarketShare", "passOnRate", "competitors"];

/** The form of one widget: it edits `widget.input` and asks the widget to compute after each change. */
export class Form {
  constructor(widget) {
    this.widget = widget;
    this.fields = new Map(); // field path → its <input> and error element
    this.estimates = []; // per option: the reach helper's figures
    this.element = el("form", { "aria-label": "Your figures", novalidate: "" });
    this.element.addEventListener("submit", (e) => e.preventDefault());
  }

  get input() { return this.widget.input; }

  /** Builds every field afresh from the widget's input. */
  build() {
    this.fields.clear();
    const business = el("fieldset", { class: "business" }, el("legend", {}, "Your business"));
    for (const key of BUSINESS) business.append(this.field(key, () => this.input));
    business.append(this.currencySelect());
    const options = el("div", { class: "options" });
    this.input.options.forEach((_, i) => options.append(this.optionFieldset(i)));
    this.element.replaceChildren(el("h2", { class: "visually-hidden" }, "Your figures"), business, options, this.addControls());
  }

  /** Starts again from new figures: the reach helper's too. */
  reset() {
    this.estimates = [];
    this.build();
  }

  currencySelect() {
    const id = `${this.widget.id}-currency`;
    const select = el("select", { id });
    const offered = SCHEMA.currencies;
    for (const c of offered.includes(this.input.currency) ? offered : [this.input.currency, ...offered]) {
      select.append(el("option", { value: c }, c));
    }
    select.value = this.input.currency;
    select.addEventListener("change", () => {
      this.input.currency = select.value;
      this.build();
      this.widget.compute();
    });
    return el("div", { class: "field" }, el("label", { for: id }, "Currency"), select);
  }

  kindSelect(id, value) {
    const select = el("select", { id });
    for (const k of SCHEMA.kinds) select.append(el("option", { value: k.kind }, k.name));
    select.value = SCHEMA.kinds.some((k) => k.kind === value) ? value : "custom";
    return select;
  }

  optionFieldset(i) {
    const option = this.input.options[i];
    const at = `options[${i}]`;
    const legend = el("legend", {}, nameOf(option.name));
    const nameId = `${this.widget.id}-${i}-name`;
    const name = el("input", { id: nameId, value: option.name, maxlength: String(SCHEMA.maxNameRunes), autocomplete: "off" });
    const nameError = el("p", { class: "error", id: `${nameId}-error` });
    name.setAttribute("aria-describedby", nameError.id);
    name.addEventListener("input", () => {
      option.name = name.value;
      legend.replaceChildren(nameOf(name.value));
      this.widget.compute();
    });
    this.fields.set(`${at}.name`, { input: name, error: nameError });
    const kindId = `${this.widget.id}-${i}-kind`;
    const kind = this.kindSelect(kindId, option.kind);
    kind.addEventListener("change", () => this.switchPreset(i, kind.value));
    const remove = el("button", { type: "button", "aria-label": `Remove ${option.name}` }, "Remove");
    remove.disabled = this.input.options.length <= 1;
    remove.addEventListener("click", () => this.removeOption(i));
    const fieldset = el("fieldset", { "data-option": String(i) }, legend,
      el("div", { class: "field" }, el("label", { for: nameId }, "Name"), name, nameError),
      el("div", { class: "option-head" },
        el("div", { class: "field" }, el("label", { for: kindId }, "Starting figures"), kind), remove));
    for (const [title, shown, behind] of OPTION_GROUPS) {
      const owner = () => this.input.options[i];
      const group = el("div", { class: "group" }, el("h3", {}, title));
      for (const key of shown) group.append(this.field(key, owner, at));
      const more = el("details", {}, el("summary", {}, `More ${title.toLowerCase()}`));
      for (const key of behind) more.append(this.field(key, owner, at));
      if (title === "Referrals") more.append(this.reachHelper(i));
      group.append(more);
      fieldset.append(group);
    }
    return fieldset;
  }

  /**
   * One labelled input, its error line, and the handler that reads it.
   * `owner()` is the object holding the value; the field's description is
   * the schema's for `spec` (its path, `options[].key` for an option's).
   */
  field(key, owner, at = "", spec = fieldSpec(at ? `${at}.${key}` : key)) {
    const path = at ? `${at}.${key}` : key;
    const id = `${this.widget.id}-${path.replace(/[^\w]/g, "-")}`;
    const input = el("input", { id, inputmode: "decimal", autocomplete: "off", spellcheck: "false" });
    const error = el("p", { class: "error", id: `${id}-error` });
    input.setAttribute("aria-describedby", error.id);
    input.value = this.shown(owner()[key], spec.unit);
    input.addEventListener("input", () => {
      owner()[key] = this.read(input.value, spec.unit);
      this.widget.compute();
    });
    this.fields.set(path, { input, error });
    return el("div", { class: "field" }, el("label", { for: id }, this.labelText(spec)), input, error);
  }

  labelText(spec) {
    const unit = { money: this.input.currency, rate: "%", hours: "hours" }[spec.unit];
    return unit ? `${spec.label} (${unit})` : spec.label;
  }

  /** A value as the reader sees it in an input: percentages for rates. */
  shown(value, unit) {
    if (value === undefined || value === null) return "";
    const text = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(text)) return text; // a bad value stays as the reader typed it
    return formatInput(unit === "rate" ? fractionToPercent(text) : text, this.widget.locale);
  }

  /** What the reader typed, for the engine: a canonical decimal, or the raw text so the engine names the problem. */
  read(text, unit) {
    const parsed = parseLocaleNumber(text, this.widget.locale);
    if (!parsed.ok) return text.trim();
    return unit === "rate" ? percentToFraction(parsed.value) : parsed.value;
  }

  /** Estimates referrals a month from who the reader knows, with the engine, and offers to use the estimate. */
  reachHelper(i) {
    const figures = this.estimates[i] ??= reachStart();
    const out = el("output", { "aria-live": "polite" });
    const use = el("button", { type: "button" }, "Use this estimate");
    const box = el("div", { class: "estimate" },
      el("p", { class: "muted" }, "Estimate referrals from who you know: relationships × their contacts × the share in your market × the share buying this year × the chance they pass it on, split among competitors, a year spread over 12 months."));
    for (const key of REACH) box.append(this.field(key, () => figures, `estimates[${i}]`, fieldSpec(`options[].reach.${key}`)));
    const estimate = () => {
      const api = this.widget.api;
      if (!api) return undefined; // the engine is still loading
      const trial = structuredClone(this.input);
      const option = trial.options[i];
      delete option.referralsPerMonth;
      option.reach = { ...figures };
      const reply = JSON.parse(api.compute(JSON.stringify(trial)));
      this.widget.showErrors((reply.errors || []).filter((e) => e.field.startsWith(`options[${i}].reach`))
        .map((e) => ({ ...e, field: e.field.replace(`options[${i}].reach`, `estimates[${i}]`) })), `estimates[${i}]`);
      const value = reply.report?.options[i].referralsPerMonth;
      out.textContent = value !== undefined ? `≈ ${formatNumber(value, this.widget.locale)} referrals a month` : "";
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
      this.widget.compute();
    });
    box.append(el("p", {}, out), use);
    return details;
  }

  addControls() {
    const id = `${this.widget.id}-add-kind`;
    const kind = this.kindSelect(id, this.addKind ?? "chamber_of_commerce");
    kind.addEventListener("change", () => { this.addKind = kind.value; });
    const add = el("button", { type: "button", class: "primary" }, "Add an option");
    add.disabled = this.input.options.length >= SCHEMA.maxOptions;
    add.addEventListener("click", () => {
      this.input.options.push(presetOption(kind.value, this.input.options.length));
      this.rebuild(`options[${this.input.options.length - 1}].name`);
    });
    return el("div", { class: "add" }, el("div", { class: "field" }, el("label", { for: id }, "Kind of option to add"), kind), add);
  }

  switchPreset(i, kind) {
    const old = this.input.options[i];
    const renamed = old.name !== kindName(old.kind) && !/^Option \d+$/.test(old.name);
    const next = presetOption(kind, i);
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
    this.build();
    this.widget.compute();
    const kind = /^options\[(\d+)\]\.kind$/.exec(focusPath);
    const target = kind
      ? this.element.querySelector(`#${this.widget.id}-${kind[1]}-kind`)
      : this.fields.get(focusPath)?.input;
    target?.focus();
  }
}

/** A new option of a kind, from its preset; a custom one is numbered. */
export function presetOption(kind, index) {
  const option = structuredClone(PRESETS[kind]);
  if (kind === "custom") option.name = `Option ${index + 1}`;
  return option;
}
