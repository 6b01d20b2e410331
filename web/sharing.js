// Taking the results away: a link that holds the figures (after the #, never
// sent to a server), a plain-text summary, the monthly figures as CSV, and
// printing.
import { formatMoney } from "./format.js";
import { encodeShare } from "./share.js";
import { verdictText, recordText } from "./results.js";
import { el } from "./dom.js";

const base = new URL(".", import.meta.url);

/** The share bar of a widget: its buttons and the status line they speak through. */
export function shareBar(widget) {
  const status = el("output", { "aria-live": "polite" });
  const button = (text, action) => {
    const b = el("button", { type: "button" }, text);
    b.addEventListener("click", action);
    return b;
  };
  const copy = async (text, done) => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = done;
    } catch {
      status.textContent = "Copying is blocked here; select and copy the text below.";
      const area = el("textarea", { readonly: "", rows: "3", "aria-label": "Text to copy" });
      area.value = text;
      status.append(area);
      area.select();
    }
  };
  return el("div", { class: "share", role: "group", "aria-label": "Share" },
    button("Copy link", () => copy(shareLink(widget), "Link copied: it holds your figures, which stay in the link and are never sent to a server.")),
    button("Copy summary", () => copy(summary(widget.report, widget.goodInput, widget.locale), "Summary copied.")),
    button("Download CSV", () => {
      download(csv(widget.report), widget.host.shadowRoot);
      status.textContent = "CSV of the monthly figures downloaded.";
    }),
    button("Print", () => widget.host.ownerDocument.defaultView.print()),
    status);
}

/** A link to the calculator's page with the figures of the result shown in its fragment. */
function shareLink(widget) {
  const page = widget.syncFragment ? new URL(location.href) : new URL(widget.host.getAttribute("page") || "index.html", base);
  page.hash = encodeShare(widget.goodInput);
  return page.href;
}

/** The verdict and each option's figures, with a member's record, as plain text in the reader's locale. */
export function summary(r, input, locale) {
  const money = (v) => formatMoney(v, r.currency, locale, { whole: true });
  const lines = [verdictText(r, locale), ""];
  r.options.forEach((o, i) => {
    const ahead = o.track ? "the next " : "";
    lines.push(`${o.name}: cost ${money(o.cost)} (time ${money(o.timeCost)}), profit ${money(o.profit)}, net ${money(o.net)}, `
      + (o.paybackMonth ? `pays back in month ${o.paybackMonth}${o.track ? " from now" : ""}` : `no payback within ${ahead}${r.horizonMonths} months`) + ".");
    if (o.track) lines.push(recordText(o, input.options[i], locale));
  });
  return lines.join("\n");
}

// A member's record, the report's track, in columns of its own: empty for an option without one.
const TRACK_COLUMNS = ["monthsIn", "referrals", "clients", "expected", "factor", "closeRate"];

/**
 * The monthly figures of every option, as CSV, with where its referrals
 * come from (its relationships or a rate) and a member's record (the
 * track… columns; its months are then the months ahead, from month
 * trackMonthsIn + 1 of the membership).
 */
export function csv(r) {
  const header = ["option", "referralsFrom", ...TRACK_COLUMNS.map((k) => `track${k[0].toUpperCase()}${k.slice(1)}`),
    "month", "cash", "hours", "timeCost", "referrals", "clients", "profit", "net", "cumulativeNet"];
  const rows = [header];
  for (const o of r.options) {
    const from = o.relationshipsAtHorizon == null ? "rate" : "relationships";
    const track = TRACK_COLUMNS.map((k) => o.track?.[k] ?? "");
    for (const m of o.months) rows.push([o.name, from, ...track, m.month, m.cash, m.hours, m.timeCost, m.referrals, m.clients, m.profit, m.net, m.cumulativeNet]);
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Saves text as networking-roi.csv, through a link clicked inside the widget. */
function download(text, root) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: "networking-roi.csv", hidden: "" });
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
