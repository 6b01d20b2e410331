// The results, from the engine's report, every figure formatted here in the
// reader's locale with Intl (the verdict too, from its parts): the verdict,
// a card per option with its tornado, the chart and its table, and how it is
// calculated with where each default comes from.
import { formatMoney, formatNumber, formatPercent, multiplyDecimals } from "./format.js";
import { renderChart, chartTable } from "./chart.js";
import { SCHEMA, fieldSpec, kindName } from "./schema.js";
import { el, nameOf } from "./dom.js";

/** Money as a headline shows it: whole units from 100 up (or down from −100), cents nearer 0. */
function headlineMoney(amount, currency, locale) {
  return formatMoney(amount, currency, locale, { whole: amount.replace("-", "").split(".")[0].length >= 3 });
}

/**
 * "net" and an option's net as a headline shows it, coloured by its sign,
 * or "…" for a net not known yet (`net` null): in the brief, and beside
 * each option's name in the form.
 */
export function netTerm(net, currency, locale) {
  const figure = net === null ? "…"
    : el("span", { class: net.startsWith("-") ? "net negative" : "net positive" }, headlineMoney(net, currency, locale));
  return el("span", { class: "net-term" }, "net ", figure);
}

/** A probability of the report (a number with at most 4 places) as a percentage, read exactly from its text. */
function chanceText(p, locale) {
  return formatPercent(String(p), locale, 1);
}

/**
 * The verdict's sentence from the report's verdictParts, as a list of pieces:
 * strings, and option names as {name}. `verdictNodes` and `verdictText` put
 * them on screen and in plain text.
 */
function verdictPieces(r, locale) {
  const v = r.comparison.verdictParts;
  if (v.case === "incomplete") return ["Nothing to compare yet: give each option its costs (fees, meals, hours) and its referrals."];
  const blanks = v.incomplete.flatMap((i) => [" ", { name: r.options[i].name }, " has no costs or referrals yet: give it its figures to compare it."]);
  return [...comparisonPieces(r, v, locale), ...blanks];
}

/**
 * The verdict's sentence on the options that have figures. A renewal (the
 * best option has a record) speaks of renewing over the next months, with
 * the chance that staying pays; each case keeps its meaning.
 */
function comparisonPieces(r, v, locale) {
  const best = { name: r.options[v.best].name };
  const runnerUp = v.runnerUp === null ? null : { name: r.options[v.runnerUp].name };
  const amount = headlineMoney(v.amount, r.currency, locale);
  const months = `${formatNumber(v.horizonMonths, locale)} ${v.horizonMonths === 1 ? "month" : "months"}`;
  const over = !v.renewal ? ` over ${months}` : v.horizonMonths === 1 ? " over the next month" : ` over the next ${months}`;
  const paysBack = v.paybackMonth === null ? "" : `, paying back in month ${formatNumber(v.paybackMonth, locale)}${v.renewal ? " from now" : ""}`;
  const chance = v.chanceBest === null ? "" : `, with a ${chanceText(v.chanceBest, locale)} chance of coming out best`;
  const staying = v.renewal && v.chanceStayingPays != null ? ` The chance that staying pays is ${chanceText(v.chanceStayingPays, locale)}.` : "";
  const needs = v.referralsToBreakEven === null ? [] : [" To break even, ", best,
    ` would need ${formatNumber(v.referralsToBreakEven, locale)} referrals a month once established, where ${v.renewal ? "its record and " : ""}these figures give ${formatNumber(r.options[v.best].referralsPerMonth, locale)}.`];
  if (v.renewal) {
    switch (v.case) {
      case "does_not_pay": return ["Renewing ", best, ` is expected to cost ${amount} more than it brings${over}; leaving saves that.${staying}`, ...needs];
      case "pays": return ["Renewing ", best, ` is expected to earn ${amount}${over}${paysBack}.${staying}`];
      case "even": return ["Renewing ", best, " comes out even with ", runnerUp, ` at ${amount} net${over}.${staying}`];
      case "none_pays": return [`None of the options pays${over}; renewing `, best, ` loses least, ${amount} less than `, runnerUp, `${chance}.${staying}`, ...needs];
      default: return ["Renewing ", best, ` pays best: ${amount} more than `, runnerUp, `${over}${paysBack}${chance}.${staying}`];
    }
  }
  switch (v.case) {
    case "does_not_pay": return [best, ` does not pay: it costs ${amount} more than it brings${over}.`, ...needs];
    case "pays": return [best, ` pays: ${amount} net${over}${paysBack}.`];
    case "even": return [best, " and ", runnerUp, ` come out even at ${amount} net${over}.`];
    case "none_pays": return [`None of the options pays${over}; `, best, ` loses least, ${amount} less than `, runnerUp, `${chance}.`, ...needs];
    default: return [best, ` pays best: ${amount} more than `, runnerUp, `${over}${paysBack}${chance}.`];
  }
}

/** The verdict on screen: names isolated in <bdi>. */
export function verdictNodes(r, locale) {
  return verdictPieces(r, locale).map((p) => (typeof p === "string" ? p : nameOf(p.name)));
}

/** The verdict as plain text, for the live region and a copied summary. */
export function verdictText(r, locale) {
  return verdictPieces(r, locale).map((p) => (typeof p === "string" ? p : p.name)).join("");
}

/**
 * The results in brief, which widget.css keeps in view while the reader
 * edits: a line per option with its name, its net, when it pays back and
 * (with more than one option) its chance of coming out best, each figure
 * worded so that it reads alone, on screen and to a screen reader. Before
 * the first result (`r` null) the lines hold the input's option names and
 * "…", so that the result fills them without moving the form. Not a live
 * region: the verdict is the one announced, and these figures repeat the
 * cards'.
 */
export function brief(r, locale, input) {
  const options = r?.options ?? input.options;
  const horizon = formatNumber(r?.horizonMonths ?? input.horizonMonths, locale);
  const outlook = (o, i) => {
    if (!r) return "…";
    if (o.incomplete) return "no figures yet";
    const payback = o.paybackMonth ? `pays back in month ${formatNumber(o.paybackMonth, locale)}` : `no payback by month ${horizon}`;
    return options.length > 1 ? `${payback} · ${chanceText(r.comparison.chanceBest[i], locale)} chance best` : payback;
  };
  return el("ul", { "aria-label": "Results in brief" }, ...options.map((o, i) => el("li", {},
    el("span", { class: "name" }, nameOf(o.name)),
    netTerm(r ? o.net : null, r?.currency, locale),
    el("span", { class: "outlook" }, outlook(o, i)))));
}

/** Figures set side by side with " · ", each kept whole on its line: a line never breaks between a minus sign and its number. */
function figures(...texts) {
  return el("span", {}, ...texts.flatMap((t, k) => [k ? " · " : null, el("span", { class: "figure" }, t)]));
}

/** The cards, the chart and its table, for a report. */
export function resultsSection(r, { input, locale, id }) {
  const money = (v, whole) => formatMoney(v, r.currency, locale, { whole });
  const cards = el("div", { class: "cards" });
  r.options.forEach((o, i) => cards.append(card(o, i, r, { input, locale, headingId: `${id}-card-${i}` }, money)));
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "chart");
  const series = r.options.map((o) => ({ name: o.name, months: o.months, paybackMonth: o.paybackMonth }));
  renderChart(svg, series, { currency: r.currency, locale, title: "Cumulative net by month" });
  const table = el("details", { class: "more-results" }, el("summary", {}, "The chart as a table"),
    el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Cumulative net by month, as a table" },
      chartTable(series, { currency: r.currency, locale })));
  return [el("h2", {}, "Results"), cards,
    el("figure", {}, el("figcaption", {}, "Cumulative net by month, after the cost of your time"), svg, table)];
}

function card(o, i, r, { input, locale, headingId }, money) {
  const best = i === r.comparison.best && r.options.length > 1 && !r.comparison.tie;
  const signed = (v) => el("span", { class: v.startsWith("-") ? "negative" : "positive" }, money(v));
  const row = (term, value, cls) => [el("dt", cls ? { class: cls } : {}, term), el("dd", cls ? { class: cls } : {}, value)];
  const maybe = (v, f) => (v === null || v === undefined ? "—" : f(v));
  // Set against what an hour of networking displaces: the hourly value, for the share of hours that would be billed.
  const displaced = multiplyDecimals(String(input.hourlyValue), String(input.billableShare ?? "1"));
  const hourly = o.hourlyReturn === null ? "—" : `${money(o.hourlyReturn)} (your time: ${money(displaced)})`;
  const u = o.uncertainty;
  return el("article", { class: best ? "card best" : "card", "aria-labelledby": headingId },
    el("h3", { id: headingId }, nameOf(o.name), best ? el("span", { class: "badge" }, "Pays best") : null),
    o.track ? el("p", { class: "record" }, recordText(o, input.options[i], locale),
      ` The figures below are the next ${r.horizonMonths === 1 ? "month" : `${formatNumber(r.horizonMonths, locale)} months`}, from month ${formatNumber(o.track.monthsIn + 1, locale)} of your membership: what you have spent so far is not counted.`) : null,
    el("dl", {},
      ...row("Fees", money(o.fees)), ...row("Meals and coffees", money(o.meals)), ...row("Travel", money(o.travel)),
      ...row(`Your time (${formatNumber(o.hours, locale, 0)} h)`, money(o.timeCost)),
      ...row("Total cost", money(o.cost), "total"),
      ...row("Referrals", formatNumber(o.referrals, locale, 1)),
      ...row("Clients", formatNumber(o.clients, locale, 1)),
      ...row("Profit from them", money(o.profit)),
      ...row("Net", signed(o.net), "total"),
      ...row("Return on cost, time included", maybe(o.roi, (v) => formatPercent(v, locale))),
      ...row("Return on cash only", maybe(o.cashRoi, (v) => formatPercent(v, locale))),
      ...row("Pays back", o.paybackMonth ? `in month ${o.paybackMonth}${o.track ? " from now" : ""}` : `not within ${o.track ? "the next " : ""}${r.horizonMonths} months`),
      ...row("Cost per client", maybe(o.costPerClient, (v) => money(v))),
      ...row("A networking hour earns", hourly),
      ...row("Chance of breaking even", u ? formatPercent(u.breakEvenProbability.toFixed(4), locale, 0) : "—"),
      ...(r.options.length > 1 ? row("Chance of coming out best", o.incomplete ? "— (no figures yet)" : chanceText(r.comparison.chanceBest[i], locale)) : []),
      ...(u ? row("Net, low · typical · high", figures(money(u.p10, true), money(u.p50, true), money(u.p90, true))) : []),
    ),
    typicalNote(o),
    whatItTakes(o, r, locale),
    tornado(o, money));
}

/**
 * Why the typical net differs from the net, where it does. The typical
 * (p50) is the net of the median count of clients won, a whole number (at
 * most half the outcomes win more); the net counts the clients expected on
 * average, which the few outcomes with many more clients pull up (the count
 * is skewed to the right), or which may fall below the median's whole
 * number. Null where the two agree or there is no range.
 */
function typicalNote(o) {
  const u = o.uncertainty;
  if (!u || u.p50 === o.net) return null;
  const why = Number(u.p50) < Number(o.net) ? "which a few very good outcomes pull up" : "which is lower here";
  return el("p", { class: "typical-note" },
    `Typical is the middle outcome, in whole clients: no more than half do better. Net counts the average number of clients, ${why}.`);
}

/**
 * A member's record in words, from the report's track: what happened in
 * the months in, what the model expected, and how the months ahead changed
 * (the referral rate's factor, the close rate). `option` is the option's
 * input (its spread and close rate as typed).
 */
export function recordText(o, option, locale) {
  const t = o.track;
  const n = (v, one, many) => `${formatNumber(v, locale)} ${Number(v) === 1 ? one : many}`;
  const had = `You had ${n(t.referrals, "referral", "referrals")} and ${n(t.clients, "client", "clients")} in ${n(t.monthsIn, "month", "months")}`;
  // Expected none in reach mode, though each relationship refers: no relationship was trusted yet.
  const untrusted = o.referralsPerRelationship != null && Number(o.referralsPerRelationship) > 0 ? " (no relationship trusted you enough yet to refer you)" : "";
  const none = Number(t.expected) === 0;
  const expected = none ? `, where the model expected none so far${untrusted}` : `, where the model expected ${formatNumber(t.expected, locale)}`;
  const factor = `${formatNumber(t.factor, locale)} times the model's referral rate`;
  const rate = Number(option.referralSpread) === 0
    ? "; with no uncertainty about the referral rate you trust the model, so the record's referrals do not change the rate ahead"
    : none ? `; the record still scales the months ahead, to ${factor}` : `; the months ahead are scaled to ${factor}`;
  const typed = formatPercent(String(option.closeRate), locale);
  const close = Number(t.closeRate) === Number(option.closeRate) ? `, and ${typed} of referrals are expected to close, as typed`
    : `, and ${formatPercent(t.closeRate, locale)} of referrals are expected to close, not ${typed}`;
  return `${had}${expected}${rate}${close}.`;
}

/**
 * What it takes: the referrals a month, once established, that would break
 * even and that would match the best option, set against what the model
 * expects, from the engine's figures.
 */
function whatItTakes(o, r, locale) {
  if (o.incomplete) return null;
  const rate = (v) => `${formatNumber(v, locale)} referrals a month`;
  const none = o.relationshipsAtHorizon != null && Number(o.relationshipsAtHorizon) === 0
    ? `no relationship refers you within ${formatNumber(r.horizonMonths, locale)} months`
    : "a referral brings no profit (a close rate, deal value or margin of 0)";
  const lines = [[o.referralsToBreakEven === null ? `No referral rate breaks even: ${none}.`
    : `Breaks even at ${rate(o.referralsToBreakEven)} once established (the model expects ${formatNumber(o.referralsPerMonth, locale)}).`]];
  if (o.referralsToMatchBest != null) lines.push(["Matches ", nameOf(r.options[r.comparison.best].name), ` at ${rate(o.referralsToMatchBest)}.`]);
  return el("div", { class: "takes" }, el("h4", {}, "What it takes"), ...lines.map((l) => el("p", {}, ...l)));
}

/**
 * The tornado's entries with those that move net alike merged into one line
 * (revenue, margin, referrals and close rate all scale profit): each has
 * the labels of its fields and their shared low and high, in the engine's
 * order, largest swing first. Inputs of cash or time alone (costOnly) never
 * share a line with the others.
 */
export function mergedSensitivity(sensitivity) {
  const lines = new Map();
  for (const s of sensitivity) {
    const key = `${s.low} ${s.high} ${s.costOnly}`;
    const label = fieldSpec(s.field)?.label ?? s.field;
    if (lines.has(key)) lines.get(key).labels.push(label);
    else lines.set(key, { ...s, labels: [label] });
  }
  return [...lines.values()];
}

/** What matters most: the five lines that swing net furthest, as bars. */
function tornado(o, money) {
  const top = mergedSensitivity(o.sensitivity).slice(0, 5);
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
    const fixed = s.costOnly ? " (referrals held fixed)" : "";
    list.append(el("li", s.costOnly ? { class: "cost-only" } : {},
      el("span", { class: "bar-label" }, `${s.labels.join(" · ")}: ${money(s.low, true)} at −20 %, ${money(s.high, true)} at +20 %${fixed}`),
      el("span", { class: "bar-track", "aria-hidden": "true" }, bar, mark)));
  }
  return el("div", { class: "more-results" }, el("h4", {}, "What matters most"), list);
}

/** A default as a reader reads it: rates as percentages, money in the currency its source gives it in. */
function defaultValue(d, locale) {
  const spec = fieldSpec(d.field);
  if (spec?.unit === "rate") return formatPercent(d.value, locale);
  if (spec?.unit === "money") return formatMoney(d.value, SCHEMA.referenceRates.from, locale, { whole: !d.value.includes(".") });
  return formatNumber(d.value, locale);
}

/** How the defaults' money reaches the reader's currency: the engine's table of reference rates, named and dated. */
function conversion(currency, locale) {
  const { date, source, from, rates } = SCHEMA.referenceRates;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  const rate = rates.find((r) => r.currency === currency);
  const converted = `Starting amounts are in ${from}, as their sources give them. In another currency the calculator converts them at the ${source} of ${day} and rounds them to 2 significant figures`;
  if (!rate) return `${converted}. ${currency} is not in that table, so the starting amounts stay ${from} figures: replace them with your own.`;
  if (currency === from) return `${converted}.`;
  return `${converted}: 1 ${from} = ${formatNumber(rate.perDollar, locale)} ${currency}.`;
}

/** How the model works, and every default with its source, from the engine's schema. */
export function howItWorks(currency, locale) {
  const item = (text) => el("li", {}, text);
  const groups = [["Your business", ""], ["What every group shares: your relationships in it", "reach"], ...SCHEMA.kinds.map((k) => [k.name, k.kind])];
  const sources = el("div", { class: "sources" });
  // A default's group: its preset's kind, or for the shared defaults the groups' reach or the business's.
  const groupOf = (d) => d.kind || (d.field.startsWith("reach.") ? "reach" : "");
  for (const [title, group] of groups) {
    const own = SCHEMA.defaults.filter((d) => groupOf(d) === group);
    if (!own.length) continue;
    const list = el("ul", {});
    for (const d of own) {
      list.append(el("li", {}, `${fieldSpec(d.field)?.label ?? d.field}: ${defaultValue(d, locale)}. ${d.source}`));
    }
    sources.append(el("h3", {}, title), list);
  }
  return el("details", { class: "how" }, el("summary", {}, "How this is calculated"),
    el("p", {}, "For each option, month by month:"),
    el("ul", {},
      item("Cash: the joining fee in month 1, the annual fee in months 1, 13, 25…, the monthly fee, and at every meeting the meal or room fee and travel, plus a coffee at every one-to-one."),
      item("Time: meetings, travel, one-to-ones and other hours, valued at your hourly value. It is usually the largest cost."),
      item("Referrals come from your relationships in the group: you build a few working relationships a month, never more than the group's other members, and each refers you once it has trusted you for some months; each brings its contacts × the share in your market × the share buying this year × the chance they pass a need on, split among the members who sell what you sell, spread over 12 months. Or, if you know your rate, referrals grow evenly from nothing to it over the ramp-up months."),
      item("Clients are the referrals that close; profit is their revenue, for every deal a client brings, times your gross margin, not the invoice value."),
      item("Net is profit minus cash minus time. It pays back in the first month when the running total of net reaches zero."),
      item("Clients arrive at random, and the referral rate itself is uncertain (the uncertainty figure under More referrals: 0 if you know the rate), so the number won follows a negative binomial distribution (a Poisson when the rate is known): the chance of breaking even, the chance each option comes out best and the low, typical and high nets come from it, exactly, without sampling."),
      item("Already a member: tick it and give your months in, referrals and clients so far. What you have spent is sunk and not counted: the figures are the months ahead, with no joining fee and the annual fee on each anniversary. Your record moves the referral rate ahead by as much as your uncertainty about it allows (with k = 1 / uncertainty², by (k + your referrals) / (k + the referrals the model expected)), and the close rate as if the model's were worth 10 referrals: (10 × the close rate + your clients) / (10 + your referrals)."),
      item("What it takes: the referrals a month, once established and with the same build-up, at which an option would break even or match the best one."),
      item("What matters most: net with each figure 20 % lower and 20 % higher, largest swing first. A figure of cash or time alone, such as meetings, is moved with the referrals held fixed, though fewer meetings rarely bring as many.")),
    el("h3", {}, "Where these figures come from"),
    el("p", {}, `Every starting figure, with its source or marked as our assumption: replace them with your own. ${kindName("custom")}s start at zero.`),
    el("p", {}, conversion(currency, locale)),
    sources,
    el("p", { class: "muted" }, "Your figures never leave this browser: the calculator runs here, and a shared link keeps them after the # sign, which browsers do not send to servers."));
}
