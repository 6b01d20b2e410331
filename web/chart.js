// The cumulative-net chart: one line per option, drawn as SVG elements (never
// markup from strings, so an option's name can only ever be text), with a
// table as its text alternative. Colours come from the stylesheet through the
// classes series-0, series-1, …: every mark uses currentColor.
import { formatMoney, formatNumber } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 640;
const PLOT = { left: 88, right: 620, top: 12, bottom: 212 };
const LEGEND_TOP = 262;
const LEGEND_ROW = 20;
// Dash patterns tell the lines apart without colour; the engine allows 6 options.
const DASHES = ["", "8 4", "2 4", "12 4 2 4", "4 4", "12 3 2 3 2 3"];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24];
let chartCount = 0; // makes the ids of title and desc unique when several charts share a document

/** Sets attributes on an element; text, when given, goes in as text (never as markup). */
function set(node, attrs, text) {
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Creates an SVG element with attributes and, optionally, text. */
const el = (doc, name, attrs = {}, text) => set(doc.createElementNS(SVG, name), attrs, text);

/** About `count` round tick values (1, 2 or 5 × 10^k, at least 1: labels are whole money) covering [lo, hi]. */
function niceTicks(lo, hi, count = 4) {
  const raw = Math.max((hi - lo) / count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const first = Math.floor(lo / step) * step;
  const last = Math.max(Math.ceil(hi / step) * step, first + step); // two ticks at least, even when all is zero
  const ticks = [];
  for (let t = first; t <= last + step / 2; t += step) ticks.push(t);
  return ticks;
}

/** A tick value as a decimal string for formatMoney (BigInt, because String() of a huge number uses an exponent). */
const tickText = (value) => BigInt(Math.round(value)).toString();

/**
 * Draws the cumulative net of each option by month into an existing <svg>,
 * replacing what it held. Sizing is left to CSS (a viewBox, no width or height).
 * @param {SVGSVGElement} svg
 * @param {{name: string, months: {month: number, cumulativeNet: string}[], paybackMonth: number|null}[]} series
 * @param {{currency: string, locale?: string, title?: string}} options
 * @returns {SVGSVGElement} the same svg
 */
export function renderChart(svg, series, { currency, locale, title = "Cumulative net by month" }) {
  const doc = svg.ownerDocument;
  const id = `nroi-chart-${++chartCount}`;
  const height = LEGEND_TOP + LEGEND_ROW * series.length;
  svg.replaceChildren();
  set(svg, {
    viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`,
    "font-size": 12, fill: "currentColor", // presentation attributes: the stylesheet overrides them
  });
  svg.removeAttribute("width");
  svg.removeAttribute("height");

  const money = (value) => formatMoney(value, currency, locale, { whole: true });
  const ends = series.map((s) => {
    const last = s.months[s.months.length - 1];
    const end = `${s.name} ends at ${last ? money(last.cumulativeNet) : money("0")}`;
    return s.paybackMonth == null ? end : `${end}, paying back in month ${s.paybackMonth}`;
  });
  svg.append(
    el(doc, "title", { id: `${id}-title` }, title),
    el(doc, "desc", { id: `${id}-desc` }, ends.length ? ends.join("; ") + "." : "No options to show."),
  );

  // Scales. Month 0 (before anything is spent) is at zero, so every line starts at the origin.
  const values = series.flatMap((s) => s.months.map((m) => Number(m.cumulativeNet))).filter(Number.isFinite);
  const horizon = Math.max(1, ...series.flatMap((s) => s.months.map((m) => m.month)));
  const yTicks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const x = (month) => PLOT.left + ((PLOT.right - PLOT.left) * month) / horizon;
  const y = (value) => PLOT.bottom - ((PLOT.bottom - PLOT.top) * (value - yMin)) / (yMax - yMin);

  const axes = el(doc, "g", { class: "axes" });
  for (const t of yTicks) {
    axes.append(
      el(doc, "line", { class: "grid", x1: PLOT.left, x2: PLOT.right, y1: y(t), y2: y(t), stroke: "currentColor", "stroke-opacity": 0.15 }),
      el(doc, "text", { class: "tick", x: PLOT.left - 6, y: y(t), "text-anchor": "end", "dominant-baseline": "middle" }, money(tickText(t))),
    );
  }
  const monthStep = MONTH_STEPS.find((s) => horizon / s <= 8) ?? Math.ceil(horizon / 8);
  for (let m = 0; m <= horizon; m += monthStep) {
    axes.append(el(doc, "text", { class: "tick", x: x(m), y: PLOT.bottom + 18, "text-anchor": "middle" }, formatNumber(m, locale, 0)));
  }
  axes.append(
    el(doc, "text", { class: "axis-title", x: PLOT.right, y: PLOT.bottom + 36, "text-anchor": "end" }, "Month"),
    el(doc, "line", { class: "zero", x1: PLOT.left, x2: PLOT.right, y1: y(0), y2: y(0), stroke: "currentColor" }),
  );
  svg.append(axes);

  const legend = el(doc, "g", { class: "legend" });
  series.forEach((s, i) => {
    const stroke = { stroke: "currentColor", "stroke-width": 2, fill: "none", "stroke-dasharray": DASHES[i % DASHES.length] || "none" };
    const group = el(doc, "g", { class: `series series-${i}` });
    const points = [[0, 0], ...s.months.map((m) => [m.month, Number(m.cumulativeNet)])].filter(([, v]) => Number.isFinite(v));
    group.append(el(doc, "polyline", { class: "line", points: points.map(([m, v]) => `${x(m).toFixed(1)},${y(v).toFixed(1)}`).join(" "), ...stroke }));
    const payback = s.months.find((m) => m.month === s.paybackMonth);
    if (payback) {
      const marker = el(doc, "circle", { class: "payback", cx: x(payback.month), cy: y(Number(payback.cumulativeNet)), r: 4.5, fill: "currentColor" });
      marker.append(el(doc, "title", {}, `${s.name} pays back in month ${s.paybackMonth}`));
      group.append(marker);
    }
    svg.append(group);

    const top = LEGEND_TOP + LEGEND_ROW * i;
    // Only the swatch takes the series colour: the label keeps the text colour, for contrast.
    const entry = el(doc, "g", { class: "legend-entry" });
    entry.append(
      el(doc, "line", { class: `swatch series-${i}`, x1: PLOT.left, x2: PLOT.left + 28, y1: top, y2: top, ...stroke }),
      el(doc, "text", { class: "label", x: PLOT.left + 36, y: top, "dominant-baseline": "middle" }, s.name),
    );
    legend.append(entry);
  });
  svg.append(legend);
  return svg;
}

/**
 * The chart's data as a table, its text alternative.
 * @param {{name: string, months: {month: number, cumulativeNet: string}[]}[]} series
 * @param {{currency: string, locale?: string, title?: string, document?: Document}} options
 *   document: the one to create elements in (defaults to the global document)
 * @returns {HTMLTableElement} caption, a header row (Month and the option names), one row per month
 */
export function chartTable(series, { currency, locale, title = "Cumulative net by month", document: doc = globalThis.document }) {
  const cell = (tag, text, attrs = {}) => set(doc.createElement(tag), attrs, text);
  const table = doc.createElement("table");
  table.className = "chart-table";
  table.append(cell("caption", title));
  const head = doc.createElement("thead");
  const headRow = doc.createElement("tr");
  headRow.append(cell("th", "Month", { scope: "col" }), ...series.map((s) => cell("th", s.name, { scope: "col" })));
  head.append(headRow);
  // Rows keyed by month number, so options with different months still line up.
  const byMonth = series.map((s) => new Map(s.months.map((m) => [m.month, m.cumulativeNet])));
  const months = [...new Set(series.flatMap((s) => s.months.map((m) => m.month)))].sort((a, b) => a - b);
  const body = doc.createElement("tbody");
  for (const month of months) {
    const row = doc.createElement("tr");
    row.append(cell("th", formatNumber(month, locale, 0), { scope: "row" }));
    for (const values of byMonth) {
      const value = values.get(month);
      row.append(cell("td", value === undefined ? "" : formatMoney(value, currency, locale)));
    }
    body.append(row);
  }
  table.append(head, body);
  return table;
}
