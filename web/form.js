// The calculator's form, built from the engine's schema: the reader's
// business, one fieldset per option with where its referrals come from, and
// adding, removing and switching options. Labels, units and kinds come from
// the schema; only the layout (which field sits where, which behind
// "More …") is written here.
import { parseLocaleNumber, percentToFraction, fractionToPercent, formatNumber, formatInput } from "./format.js";
import { SCHEMA, fieldSpec, kindName, reachStart } from "./schema.js";
import { netTerm } from "./results.js";
import { el, nameOf } from "./dom.js";

const BUSINESS = ["hourlyValue", "billableShare", "dealValue", "dealsPerClient", "grossMargin", "horizonMonths"];
// [heading, fields in view, fields behind "More …"]
const OPTION_GROUPS = [
  ["Costs", ["annualFee", "monthlyFee", "mealCost"], ["joiningFee", "travelCost", "oneToOneCost"]],
  ["Time", ["meetingsPerYear", "meetingHours"], ["travelHours", "oneToOnesPerMonth", "oneToOneHours", "otherHoursPerMonth"]],
];
// The referrals group by where they come from: [fields in view, fields behind "More referrals"].
const REFERRALS = {
  reach: [["reach.relationshipsPerMonth", "reach.trustMonths", "reach.groupSize", "closeRate"],
    ["reach.relationships", "reach.contactsPerRelationship", "reach.targetShare", "reach.inMarketShare", "reach.passOnRate", "reach.competitors", "referralSpread"]],
  rate: [["referralsPerMonth", "rampMonths", "closeRate"], ["referralSpread"]],
};
const MODES = [["reach", "From your relationships in the group"], ["rate", "I know my referral rate"]];
// A member's record, shown while "I am already a member" is ticked.
const TRACK = ["track.monthsIn", "track.referrals", "track.clients"];

// The keys the reader has typed in, by the object holding them (the input, an option): they never follow the currency.
const typed = new WeakMap();

/** A field's label, in the form and in the printed figures: the schema's, with its unit (the currency, %, hours). */
function fieldLabel(spec, currency) {
  const unit = { money: currency, rate: "%", hours: "hours" }[spec.unit];
  return unit ? `${spec.label} (${unit})` : spec.label;
}

/** A value as the reader sees it in an input and in the printed figures: in the locale, rates as percentages. */
function fieldValue(value, unit, locale) {
  if (value === undefined || value === null) return "";
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text; // a bad value stays as the reader typed it
  return formatInput(unit === "rate" ? fractionToPercent(text) : text, locale);
}

/** An option's referral fields, by where its referrals come from: [in view, behind "More referrals"]. */
function referralFields(option) {
  if (!option.reach) return REFERRALS.rate;
  // A ramp given with reach still counts: shown when it is not 0.
  const [inView, behind] = REFERRALS.reach;
  return [inView, Number(option.rampMonths) ? [...behind, "rampMonths"] : behind];
}

/** The form of one widget: it edits `widget.input` and asks the widget to compute after each change. */
export class Form {
  constructor(widget) {
    this.widget = widget;
    this.fields = new Map(); // field path → its <input> and error element
    this.kept = []; // per option: figures taken out of the input (the referral mode not chosen, a record switched off), for switching back
    this.reachLines = []; // per option in reach mode: what the group gives, from the last report
    this.nets = []; // per option: its net in the heading its fields fold under, from the last report
    this.folded = []; // per option: whether the reader folded its fields away
    this.element = el("form", { "aria-label": "Your figures", novalidate: "" });
    this.element.addEventListener("submit", (e) => e.preventDefault());
  }

  get input() { return this.widget.input; }

  /** Builds every field afresh from the widget's input. */
  build() {
    this.fields.clear();
    this.reachLines = [];
    this.nets = [];
    const business = el("fieldset", { class: "business" }, el("legend", {}, "Your business"));
    for (const key of BUSINESS) business.append(this.field(key, () => this.input));
    business.append(this.currencySelect());
    const options = el("div", { class: "options" });
    this.input.options.forEach((_, i) => options.append(this.optionFieldset(i)));
    this.element.replaceChildren(el("h2", { class: "visually-hidden" }, "Your figures"), business, options, this.addControls());
  }

  /** Starts again from new figures: forgets the figures kept for switching back, and unfolds every option. */
  reset() {
    this.kept = [];
    this.folded = [];
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
      this.followCurrency();
      this.build();
      this.widget.compute();
    });
    const field = el("div", { class: "field" }, el("label", { for: id }, "Currency"), select);
    if (!SCHEMA.referenceRates.rates.some((r) => r.currency === this.input.currency)) {
      const note = el("p", { class: "muted currency-note", id: `${id}-note` },
        `The starting amounts are in US dollars: ${this.input.currency} is not among the currencies the calculator converts them to, so replace them with your own.`);
      select.setAttribute("aria-describedby", note.id);
      field.append(note);
    }
    return field;
  }

  /**
   * Money the reader has not typed follows the currency: each amount still
   * at the engine's default in the currency the defaults were in takes the
   * engine's default in the input's currency. Typed and given amounts stay.
   */
  followCurrency() {
    const { widget } = this;
    const to = this.input.currency;
    if (!widget.api || widget.defaultsIn === to) return;
    const kinds = this.input.options.map((o) => o.kind);
    const before = widget.defaults(widget.defaultsIn, kinds);
    const after = widget.defaults(to, kinds);
    if (!before || !after) return; // a currency the engine refuses: it says so when it computes
    const follow = (owner, old, fresh, at) => {
      for (const key of Object.keys(old)) {
        if (fieldSpec(at + key)?.unit !== "money" || typed.get(owner)?.has(key) || owner[key] !== old[key]) continue;
        owner[key] = fresh[key];
        const field = this.fields.get(at + key);
        if (field) field.input.value = fieldValue(fresh[key], "money", this.widget.locale);
      }
    };
    follow(this.input, before, after, "");
    this.input.options.forEach((o, i) => follow(o, before.options[i], after.options[i], `options[${i}].`));
    widget.defaultsIn = to;
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
    const legend = el("legend", { class: "visually-hidden" }, nameOf(option.name));
    // The option's heading: a disclosure that folds its fields away, showing its name and net.
    const title = el("span", { class: "fold-name" }, nameOf(option.name));
    this.nets[i] = el("span");
    const fold = el("details", { class: "fold" }, el("summary", {}, title, this.nets[i]));
    fold.open = !this.folded[i];
    fold.addEventListener("toggle", () => { this.folded[i] = !fold.open; });
    const nameId = `${this.widget.id}-${i}-name`;
    const name = el("input", { id: nameId, value: option.name, maxlength: String(SCHEMA.maxNameRunes), autocomplete: "off" });
    const nameError = el("p", { class: "error", id: `${nameId}-error` });
    name.setAttribute("aria-describedby", nameError.id);
    name.addEventListener("input", () => {
      option.name = name.value;
      for (const shown of [legend, title]) shown.replaceChildren(nameOf(name.value));
      this.widget.compute();
    });
    this.fields.set(`${at}.name`, { input: name, error: nameError });
    const kindId = `${this.widget.id}-${i}-kind`;
    const kind = this.kindSelect(kindId, option.kind);
    kind.addEventListener("change", () => this.switchPreset(i, kind.value));
    const remove = el("button", { type: "button", "aria-label": `Remove ${option.name}` }, "Remove");
    remove.disabled = this.input.options.length <= 1;
    remove.addEventListener("click", () => this.removeOption(i));
    fold.append(el("div", { class: "field" }, el("label", { for: nameId }, "Name"), name, nameError),
      el("div", { class: "option-head" },
        el("div", { class: "field" }, el("label", { for: kindId }, "Starting figures"), kind), remove));
    const mode = option.reach ? "reach" : "rate";
    const [shown, behind] = referralFields(option);
    // A field by its key in the option, "reach.…" or "track.…" for one of its reach's or track's.
    const place = (key) => {
      const [part, sub] = key.split(".");
      return sub ? this.field(sub, () => this.input.options[i][part], `${at}.${part}`) : this.field(key, () => this.input.options[i], at);
    };
    for (const [title, inView, more] of [...OPTION_GROUPS, ["Referrals", shown, behind]]) {
      const group = el("div", { class: "group" }, el("h3", {}, title));
      if (title === "Referrals") group.append(this.modeChoice(i, mode));
      group.append(...inView.map(place));
      if (mode === "reach" && title === "Referrals") group.append(this.reachLines[i] = el("p", { class: "reach-figures" }));
      group.append(el("details", {}, el("summary", {}, `More ${title.toLowerCase()}`), ...more.map(place)));
      fold.append(group);
    }
    fold.append(this.memberGroup(i, place));
    return el("fieldset", { class: "option", "data-option": String(i) }, legend, fold);
  }

  /**
   * "I am already a member": a checkbox, and while it is ticked the option's
   * record (months in, referrals and clients so far), which the input then
   * carries as its track.
   */
  memberGroup(i, place) {
    const id = `${this.widget.id}-${i}-member`;
    const box = el("input", { type: "checkbox", id });
    box.checked = Boolean(this.input.options[i].track);
    box.addEventListener("change", () => {
      this.keep(i, "track", box.checked, () => this.trackStart(i));
      this.rebuild(id);
    });
    const group = el("div", { class: "group member" }, el("h3", {}, "Your membership"),
      el("label", { class: "check" }, box, "I am already a member"));
    if (box.checked) group.append(...TRACK.map(place));
    return group;
  }

  /**
   * A record to start from when the box is first ticked: 12 months in, with
   * the referrals the model expects in them and the clients its close rate
   * makes of those, in whole numbers, so that ticking the box alone changes
   * only what is sunk (the months ahead start after the months in). 0 and 0
   * if the engine refuses the figures as they stand, or is still loading.
   */
  trackStart(i) {
    const monthsIn = "12";
    const trial = structuredClone(this.input);
    trial.options[i].track = { monthsIn, referrals: "0", clients: "0" };
    const reply = this.widget.api ? JSON.parse(this.widget.api.compute(JSON.stringify(trial))) : {}; // none while the engine loads
    const expected = reply.report?.options[i].track.expected ?? "0";
    const referrals = Math.round(Number(expected));
    const clients = Math.min(referrals, Math.round(referrals * Number(this.input.options[i].closeRate) || 0));
    return { monthsIn, referrals: String(referrals), clients: String(clients) };
  }

  /** Where the option's referrals come from: its relationships in the group, or a rate the reader knows. */
  modeChoice(i, mode) {
    const name = `${this.widget.id}-${i}-mode`;
    const choice = el("fieldset", { class: "mode" }, el("legend", {}, "Where referrals come from"));
    for (const [value, text] of MODES) {
      const radio = el("input", { type: "radio", name, id: `${name}-${value}`, value });
      radio.checked = value === mode;
      radio.addEventListener("change", () => this.switchMode(i, value));
      choice.append(el("label", {}, radio, text));
    }
    return choice;
  }

  /**
   * Switches an option's referrals to the other mode, keeping the figures of
   * the one left for switching back: only the chosen one is in the input.
   * Without kept figures, reach starts from the kind's preset, and a rate
   * from the referrals the relationships brought over the horizon, spread
   * evenly: the switch alone leaves the totals as they were (to the cent of
   * a referral), rather than counting the rate reached at the horizon
   * from month 1.
   */
  switchMode(i, mode) {
    const kind = this.input.options[i].kind;
    this.keep(i, "reach", mode === "reach", () => reachStart(kind));
    this.keep(i, "referralsPerMonth", mode === "rate", () => averageRate(this.widget.report, i));
    this.spoken = i;
    this.rebuild(`${this.widget.id}-${i}-mode-${mode}`);
  }

  /**
   * Puts an option's `key` into the input (`on`) or takes it out, keeping
   * its figures for switching back: the kept figures come back, or `start()`
   * gives the first ones.
   */
  keep(i, key, on, start) {
    const option = this.input.options[i];
    const kept = this.kept[i] ??= {};
    if (on) {
      option[key] ??= kept[key] ?? start();
    } else if (option[key] !== undefined) {
      kept[key] = option[key];
      delete option[key];
    }
  }

  /**
   * Shows what the group gives each option in reach mode, from the engine's
   * report; returns it for the option last edited there, for the live region.
   */
  showReach(report) {
    const { locale } = this.widget;
    this.reachLines.forEach((p, i) => {
      const o = report.options[i];
      p.textContent = `${formatNumber(o.relationshipsAtHorizon ?? "0", locale, 1)} relationships by month ${formatNumber(report.horizonMonths, locale)}; `
        + `${formatNumber(o.referralsPerMonth, locale)} referrals a month once established.`;
    });
    const line = this.reachLines[this.spoken];
    return line ? `${report.options[this.spoken].name}: ${line.textContent}` : "";
  }

  /** Shows each option's net beside its name, in the heading its fields fold under. */
  showNets(report) {
    this.nets.forEach((span, i) => {
      const net = report.options[i]?.net;
      span.replaceChildren(net ? netTerm(net, report.currency, this.widget.locale) : "");
    });
  }

  /**
   * One labelled input, its error line, and the handler that reads it.
   * `owner()` is the object holding the value, `at` its path in the input;
   * the field's label and unit are the schema's.
   */
  field(key, owner, at = "") {
    const path = at ? `${at}.${key}` : key;
    const spec = fieldSpec(path);
    const id = `${this.widget.id}-${path.replace(/[^\w]/g, "-")}`;
    const input = el("input", { id, inputmode: "decimal", autocomplete: "off", spellcheck: "false" });
    const error = el("p", { class: "error", id: `${id}-error` });
    input.setAttribute("aria-describedby", error.id);
    input.value = fieldValue(owner()[key], spec.unit, this.widget.locale);
    input.addEventListener("input", () => {
      owner()[key] = this.read(input.value, spec.unit);
      if (!typed.has(owner())) typed.set(owner(), new Set());
      typed.get(owner()).add(key);
      this.spoken = /^options\[(\d+)\]\.reach\./.exec(path)?.[1]; // what the group gives is announced with the verdict
      this.widget.compute();
    });
    this.fields.set(path, { input, error });
    return el("div", { class: "field" }, el("label", { for: id }, fieldLabel(spec, this.input.currency)), input, error);
  }

  /** What the reader typed, for the engine: a canonical decimal, or the raw text so the engine names the problem. */
  read(text, unit) {
    const parsed = parseLocaleNumber(text, this.widget.locale);
    if (!parsed.ok) return text.trim();
    return unit === "rate" ? percentToFraction(parsed.value) : parsed.value;
  }

  addControls() {
    const id = `${this.widget.id}-add-kind`;
    const kind = this.kindSelect(id, this.addKind ?? "chamber_of_commerce");
    kind.addEventListener("change", () => { this.addKind = kind.value; });
    const add = el("button", { type: "button", class: "primary" }, "Add an option");
    add.disabled = this.input.options.length >= SCHEMA.maxOptions;
    add.addEventListener("click", () => {
      this.input.options.push(this.presetOption(kind.value, this.input.options.length));
      this.rebuild(`options[${this.input.options.length - 1}].name`);
    });
    return el("div", { class: "add" }, el("div", { class: "field" }, el("label", { for: id }, "Kind of option to add"), kind), add);
  }

  switchPreset(i, kind) {
    const old = this.input.options[i];
    const renamed = old.name !== kindName(old.kind) && !/^Option \d+$/.test(old.name);
    const next = this.presetOption(kind, i);
    if (renamed) next.name = old.name;
    this.input.options[i] = next;
    this.kept[i] = undefined;
    this.rebuild(`${this.widget.id}-${i}-kind`);
  }

  /** A new option of a kind, from its preset; a custom one is numbered. */
  presetOption(kind, index) {
    const option = this.widget.preset(kind);
    if (kind === "custom") option.name = `Option ${index + 1}`;
    return option;
  }

  removeOption(i) {
    this.input.options.splice(i, 1);
    this.kept.splice(i, 1);
    this.folded.splice(i, 1);
    this.rebuild(`options[${Math.min(i, this.input.options.length - 1)}].name`);
  }

  /** Rebuilds the form after options change, keeping focus where the reader expects it: on a field by its path, or an element by its id. */
  rebuild(focus) {
    this.build();
    this.widget.compute();
    (this.fields.get(focus)?.input ?? this.element.getRootNode().getElementById?.(focus))?.focus();
  }
}

/** An option's referrals over the report's horizon as a rate a month, to 2 places ("0" before any report): a count, not money. */
function averageRate(report, i) {
  const referrals = report?.options[i]?.referrals;
  return referrals === undefined ? "0" : String(Number((Number(referrals) / report.horizonMonths).toFixed(2)));
}

/**
 * The reader's figures on paper, where the form is not printed: the
 * business's, then a table with a column per option and a row per field of
 * the form, in its groups and order, those behind "More …" included; "—"
 * where an option has no such field (those of the other referral mode, a
 * record where it has none).
 * Labels and values are written as the form writes them. Returns the
 * nodes: a heading, the business's figures and the table.
 */
export function figuresSummary(input, locale) {
  const { options, currency } = input;
  const business = el("dl", { class: "business-figures" });
  for (const key of BUSINESS) {
    const spec = fieldSpec(key);
    business.append(el("dt", {}, fieldLabel(spec, currency)), el("dd", {}, fieldValue(input[key], spec.unit, locale)));
  }

  const row = (label, cell) => el("tr", {}, el("th", { scope: "row" }, label), ...options.map((o) => el("td", {}, cell(o))));
  // A field of the options by its key ("reach.…" and "track.…" for their reach's and track's), where `has(option)`.
  const field = (key, has = () => true) => {
    const spec = fieldSpec(key);
    const [part, sub] = key.split(".");
    return row(fieldLabel(spec, currency), (o) => (has(o) ? fieldValue(sub ? o[part][sub] : o[key], spec.unit, locale) : "—"));
  };
  const group = (title, ...rows) => el("tbody", {}, el("tr", {}, el("th", { scope: "rowgroup", colspan: String(options.length + 1) }, title)), ...rows);
  const referralKeys = [...new Set(options.flatMap((o) => referralFields(o).flat()))];
  const table = el("table", { class: "option-figures" },
    el("thead", {}, el("tr", {}, el("td"), ...options.map((o) => el("th", { scope: "col" }, nameOf(o.name))))),
    ...OPTION_GROUPS.map(([title, inView, more]) => group(title, ...[...inView, ...more].map((key) => field(key)))),
    group("Referrals", ...referralKeys.map((key) => field(key, (o) => referralFields(o).flat().includes(key)))),
    options.some((o) => o.track) ? group("Your membership", ...TRACK.map((key) => field(key, (o) => Boolean(o.track)))) : null);
  return [el("h2", {}, "Your figures"), business, table];
}
