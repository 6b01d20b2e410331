// The cumulative-net chart: one line per option, drawn as SVG elements (never
// markup from strings, so an option's name can only ever be text), with a
// table as its text alternative. Colours come from the stylesheet through the
// classes series-0, series-1, …: every mark uses currentColor.
import { formatMoney, formatNumber } from "./format.js";

const SVG = "http://www.w3.org/2000/svg";
// The chart is drawn in CSS pixels at the width it is shown at (one user unit
// is one CSS px), and drawn again when that width changes: scaling a fixed
// viewBox down to a phone would shrink its text to 6 px. Its height depends on
// the number of options only, never on the width, so that a redraw never
// changes its box (and never loops a ResizeObserver).
const DEFAULT_WIDTH = 640; // until the chart is laid out
const TOP = 12;
const PLOT_HEIGHT = 200;
const BOTTOM = TOP + PLOT_HEIGHT;
const RIGHT_MARGIN = 14; // half of the last month's label, and a little air
const LEGEND_TOP = BOTTOM + 64;
const LEGEND_ROW = 24;
const LEGEND_TEXT = 36; // the swatch's 28 px and a gap
// The font sizes are the stylesheet's (widget.css); these are for drawing
// without it, and for estimating a text's width before it is laid out.
const TICK_FONT = 12;
const LEGEND_FONT = 14;
const MONTH_LABEL_SPACE = 36; // px a month label needs, with a gap
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

/** A text element's width in px: measured once laid out, estimated before. */
function textWidth(text, size) {
  const measured = text.isConnected ? text.getComputedTextLength() : 0;
  return measured > 0 ? measured : text.textContent.length * size * 0.6;
}

/** Shortens a text with "…" until it fits `width` px; the whole text stays in a title (and in the chart's desc and table). */
function fitText(doc, text, width, size) {
  const whole = text.textContent;
  if (textWidth(text, size) <= width) return;
  let [lo, hi] = [0, whole.length];
  while (lo < hi) { // the longest start that fits with its "…"
    const mid = Math.ceil((lo + hi) / 2);
    text.textContent = `${whole.slice(0, mid).trimEnd()}…`;
    if (textWidth(text, size) <= width) lo = mid; else hi = mid - 1;
  }
  text.textContent = `${whole.slice(0, lo).trimEnd()}…`;
  text.append(el(doc, "title", {}, whole));
}

// Each chart's figures, to draw it again at a new width.
const charts = new WeakMap();
let resizes;

/** Draws the chart again whenever the width it is shown at changes. */
function watch(svg) {
  if (typeof ResizeObserver !== "function") return;
  resizes ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const chart = charts.get(target);
      if (!chart) continue;
      if (!target.isConnected) {
        if (chart.shown) resizes.unobserve(target); // replaced by a new result's chart
        continue;
      }
      const width = Math.round(target.getBoundingClientRect().width);
      if (width > 0) chart.shown = true;
      if (width > 0 && width !== chart.width) draw(target, chart, width);
    }
  });
  resizes.observe(svg);
}

/**
 * Draws the cumulative net of each option by month into an existing <svg>,
 * replacing what it held, at the width the svg is shown at, and again
 * whenever that width changes. The stylesheet gives it its width (100 % of
 * its container); its height, in px, is set here.
 * @param {SVGSVGElement} svg
 * @param {{name: string, months: {month: number, cumulativeNet: string}[], paybackMonth: number|null}[]} series
 * @param {{currency: string, locale?: string, title?: string}} options
 * @returns {SVGSVGElement} the same svg
 */
export function renderChart(svg, series, { currency, locale, title = "Cumulative net by month" }) {
  const chart = { series, currency, locale, title, id: `nroi-chart-${++chartCount}`, width: 0, shown: false };
  charts.set(svg, chart);
  const shown = svg.isConnected ? Math.round(svg.getBoundingClientRect().width) : 0;
  draw(svg, chart, shown || DEFAULT_WIDTH);
  watch(svg);
  return svg;
}

/** Draws a chart at `width` px. */
function draw(svg, chart, width) {
  const { series, currency, locale, title, id } = chart;
  chart.width = width;
  const doc = svg.ownerDocument;
  const height = LEGEND_TOP + LEGEND_ROW * series.length;
  svg.replaceChildren();
  set(svg, {
    viewBox: `0 0 ${width} ${height}`, height, role: "img", "aria-labelledby": `${id}-title ${id}-desc`,
    "font-size": TICK_FONT, fill: "currentColor", // presentation attributes: the stylesheet overrides them
  });
  svg.removeAttribute("width");

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

  // The money ticks first: the widest of their labels sets the plot's left edge.
  const values = series.flatMap((s) => s.months.map((m) => Number(m.cumulativeNet))).filter(Number.isFinite);
  const horizon = Math.max(1, ...series.flatMap((s) => s.months.map((m) => m.month)));
  const yTicks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const axes = el(doc, "g", { class: "axes" });
  svg.append(axes);
  const yLabels = yTicks.map((t) => el(doc, "text", { class: "tick", "text-anchor": "end", "dominant-baseline": "middle" }, money(tickText(t))));
  axes.append(...yLabels);
  const left = Math.ceil(Math.max(...yLabels.map((t) => textWidth(t, TICK_FONT)))) + 8;
  const plot = { left, right: Math.max(left + 40, width - RIGHT_MARGIN) };
  const x = (month) => plot.left + ((plot.right - plot.left) * month) / horizon;
  const y = (value) => BOTTOM - ((BOTTOM - TOP) * (value - yMin)) / (yMax - yMin);

  yTicks.forEach((t, i) => {
    set(yLabels[i], { x: plot.left - 6, y: y(t) });
    axes.prepend(el(doc, "line", { class: "grid", x1: plot.left, x2: plot.right, y1: y(t), y2: y(t), stroke: "currentColor", "stroke-opacity": 0.15 }));
  });
  const most = Math.max(1, Math.floor((plot.right - plot.left) / MONTH_LABEL_SPACE));
  const monthStep = MONTH_STEPS.find((s) => horizon / s <= most) ?? Math.ceil(horizon / most / 12) * 12;
  for (let m = 0; m <= horizon; m += monthStep) {
    axes.append(el(doc, "text", { class: "tick", x: x(m), y: BOTTOM + 20, "text-anchor": "middle" }, formatNumber(m, locale, 0)));
  }
  axes.append(
    el(doc, "text", { class: "axis-title", x: plot.right, y: BOTTOM + 42, "text-anchor": "end" }, "Month"),
    el(doc, "line", { class: "zero", x1: plot.left, x2: plot.right, y1: y(0), y2: y(0), stroke: "currentColor" }),
  );

  const legend = el(doc, "g", { class: "legend" });
  svg.append(legend);
  // The legend starts under the plot on a wide chart, at the left edge on a narrow one.
  const legendLeft = width >= 480 ? plot.left : 0;
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
    svg.insertBefore(group, legend);

    const top = LEGEND_TOP + LEGEND_ROW * i;
    // Only the swatch takes the series colour: the label keeps the text colour, for contrast.
    const entry = el(doc, "g", { class: "legend-entry" });
    const label = el(doc, "text", { class: "label", x: legendLeft + LEGEND_TEXT, y: top, "dominant-baseline": "middle", "font-size": LEGEND_FONT }, s.name);
    entry.append(el(doc, "line", { class: `swatch series-${i}`, x1: legendLeft, x2: legendLeft + 28, y1: top, y2: top, ...stroke }), label);
    legend.append(entry);
    fitText(doc, label, width - legendLeft - LEGEND_TEXT, LEGEND_FONT);
  });
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
