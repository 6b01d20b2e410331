// Reading and writing numbers the way readers type and expect them in their
// locale. Values travel as decimal strings ("1200.5"), never as binary floats:
// reading is string work, and writing hands the string to Intl.NumberFormat,
// which formats a decimal string exactly.

const FAIL = Object.freeze({ ok: false });
/** A canonical-enough decimal string: what the engine writes and parseLocaleNumber returns. */
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)$/;

// Every sign people use for minus: hyphen, Unicode minus, dashes, small/fullwidth hyphen-minus.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
// Marks that copy-paste and right-to-left formatting leave around numbers.
const INVISIBLE = /[\u200B-\u200F\u061C\u2060\uFEFF]/g;
// A currency sign with the letters that sometimes prefix it (US$, R$, CA$), and
// the common letter symbols that have no sign (Rs. in India, kr, zł, Kč, Fr.).
const CURRENCY_SIGN = /[A-Z]{0,3}\p{Sc}|(?<!\p{L})(?:Rs\.?|kr\.?|zł|Kč|Fr\.)(?!\p{L})/gu;
const ISO_CODE = /(?<!\p{L})\p{L}{3}(?!\p{L})/gu;
const ISO_CODES = new Set(Intl.supportedValuesOf?.("currency") ?? []);
// Sign, then the number body; currency (replaced by ¤), percent and spaces may surround both.
// (The junk before and after the sign is matched in one way only, so that a
// long run of spaces cannot make the match backtrack quadratically.)
const SHAPE = /^[\s¤%٪]*(?:([+-])[\s¤%٪]*)?([^\s¤%٪+-](?:.*[^\s¤%٪])?)[\s¤%٪]*$/su;

const localeCache = new Map();
const formatCache = new Map();

/** The locale as Intl understands it; a malformed tag falls back to the default locale rather than throwing. */
function safeLocale(locale) {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** A cached Intl.NumberFormat: a report formats hundreds of figures with a handful of formats. */
function numberFormat(locale, options = {}) {
  const key = JSON.stringify([safeLocale(locale) ?? "", options]);
  if (!formatCache.has(key)) formatCache.set(key, new Intl.NumberFormat(safeLocale(locale), options));
  return formatCache.get(key);
}

/** The locale's separators and, for non-Latin numbering systems, its digits mapped to ASCII. */
function localeInfo(locale) {
  const key = safeLocale(locale);
  if (!localeCache.has(key)) {
    const parts = numberFormat(key).formatToParts(12345.6);
    const part = (type) => parts.find((p) => p.type === type)?.value;
    const native = Array.from(numberFormat(key, { useGrouping: false }).format(9876543210));
    const digits = new Map(native.map((d, i) => [d, String(9 - i)]));
    localeCache.set(key, { group: part("group") ?? ",", decimal: part("decimal") ?? ".", digits });
  }
  return localeCache.get(key);
}

/** Builds the canonical string: no leading zeros, no trailing fraction zeros, no "-0". */
function canonical(negative, int, frac) {
  int = int.replace(/^0+(?=\d)/, "") || "0";
  frac = frac.replace(/0+$/, "");
  const sign = negative && (int !== "0" || frac) ? "-" : "";
  return sign + int + (frac ? "." + frac : "");
}

/**
 * Reads a number as a person types it in `locale`.
 *
 * Accepted: the locale's digits and separators, spaces (any kind) and
 * apostrophes as group separators, currency signs and ISO codes anywhere
 * around the number, a leading or trailing "%", a leading "+" or any dash as
 * minus, full-width characters from CJK input methods. The rules for "." and ",":
 * - The locale's decimal separator is always the decimal separator (twice: rejected).
 * - When both "." and "," appear, the last one is the decimal separator ("1.234,5" in en is 1234.5).
 * - A single "." or "," that is not the locale's decimal separator is a group
 *   separator only when exactly three digits follow it and the number does not
 *   start with 0; otherwise it can only be a decimal separator ("12.5" in de,
 *   "1200,5" in en, "0,500" in en). Followed by three digits it is the
 *   locale's group separator if it is that ("1.234" in de is 1234), and
 *   ambiguous otherwise ("1.234" in fr, whose group separator is a space): rejected.
 * - Group separators must make groups of three (or Indian 2-2-3): "1,2,3" is rejected.
 * Exponents, NaN, Infinity and letters are rejected: readers don't type them.
 *
 * @param {string} text what the reader typed
 * @param {string} [locale] a BCP 47 tag; malformed or missing means the default locale
 * @returns {{ok: true, value: string} | {ok: false}} value is "-"?digits("."digits)?, e.g. "1200.5"
 */
export function parseLocaleNumber(text, locale) {
  if (typeof text !== "string") return FAIL;
  const { group, decimal, digits } = localeInfo(locale);
  const shaped = Array.from(text, (ch) => digits.get(ch) ?? ch)
    .join("")
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(INVISIBLE, "")
    .replace(DASHES, "-")
    .replace(CURRENCY_SIGN, "¤")
    .replace(ISO_CODE, (code) => (ISO_CODES.has(code.toUpperCase()) ? "¤" : code))
    .match(SHAPE);
  if (!shaped) return FAIL;
  // Tokens: digit runs and single separators; a run of spaces counts as one.
  const tokens = shaped[2].replace(/\s+/g, " ").match(/\d+|./gsu);
  const isGroupOnly = (t) => t === " " || t === "'" || t === "’" || (t === group && t !== decimal && t !== "." && t !== ",");
  const seps = tokens.map((t, i) => ({ t, i, mark: t === decimal || t === "." || t === "," })).filter(({ t }) => !/^\d/.test(t));
  if (seps.some((s) => !s.mark && !isGroupOnly(s.t))) return FAIL;
  if (seps.some(({ i }) => i + 1 < tokens.length && !/^\d/.test(tokens[i + 1]))) return FAIL; // "1,,2"
  const point = decimalIndex(tokens, seps, group, decimal);
  if (point === null) return FAIL;

  const intTokens = point < 0 ? tokens : tokens.slice(0, point);
  const frac = point < 0 ? "" : tokens.slice(point + 1).join("");
  const runs = intTokens.filter((t) => /^\d/.test(t));
  // Separators and digit runs alternate, so a group separator at either end (",234.5" in en) shows as a missing run.
  if (intTokens.length && intTokens.length !== 2 * runs.length - 1) return FAIL;
  if (!/^\d*$/.test(frac) || !wellGrouped(runs.map((r) => r.length)) || runs.length + frac.length === 0) return FAIL;
  return { ok: true, value: canonical(shaped[1] === "-", runs.join(""), frac) };
}

/**
 * The token index of the decimal separator by the rules of parseLocaleNumber:
 * -1 when there is none, null when the text breaks the rules or is ambiguous.
 */
function decimalIndex(tokens, seps, group, decimal) {
  const marks = seps.filter((s) => s.mark);
  if (marks.length === 0) return -1;
  const last = marks[marks.length - 1];
  const sameAsLast = marks.filter((m) => m.t === last.t).length;
  if (sameAsLast < marks.length) { // both "." and ",": the last one, if single and last of all, is decimal
    return sameAsLast === 1 && seps[seps.length - 1] === last ? last.i : null;
  }
  if (last.t === decimal) return marks.length === 1 ? last.i : null;
  if (marks.length > 1) return -1; // repeated, so grouping
  const couldGroup = tokens[last.i + 1]?.length === 3 && /^[1-9]/.test(tokens[0]);
  if (!couldGroup) return last.i;
  return last.t === group ? -1 : null; // "1.234" where "." is neither separator of the locale: ambiguous
}

/** Whether digit-run lengths make a grouped integer: 1-3 then threes, or Indian 1-2, twos, then three. */
function wellGrouped(sizes) {
  if (sizes.length < 2) return true;
  const [first, ...rest] = sizes;
  const last = rest.pop();
  return last === 3 && ((first <= 3 && rest.every((n) => n === 3)) || (first <= 2 && rest.every((n) => n === 2)));
}

/** Moves the decimal point of a decimal string `by` places (right if positive), exactly. */
function shiftPoint(value, by) {
  const m = typeof value === "string" && DECIMAL.test(value) && /^(-?)(\d*)\.?(\d*)$/.exec(value);
  if (!m) throw new TypeError(`not a decimal string: ${String(value)}`);
  let digits = m[2] + m[3];
  let point = m[2].length + by;
  if (point < 0) [digits, point] = ["0".repeat(-point) + digits, 0];
  digits = digits.padEnd(point, "0");
  return canonical(m[1] === "-", digits.slice(0, point), digits.slice(point));
}

/**
 * A percentage as a fraction, exactly: "35" → "0.35", "-5" → "-0.05".
 * @param {string} decimalString a decimal string
 * @returns {string} canonical decimal string
 * @throws {TypeError} when the argument is not a decimal string
 */
export const percentToFraction = (decimalString) => shiftPoint(decimalString, -2);

/**
 * A fraction as a percentage, exactly: "0.355" → "35.5", "1" → "100".
 * @param {string} decimalString a decimal string
 * @returns {string} canonical decimal string
 * @throws {TypeError} when the argument is not a decimal string
 */
export const fractionToPercent = (decimalString) => shiftPoint(decimalString, 2);

// The one minus sign of every figure the widget writes: the Unicode minus
// (U+2212), as the engine's own text writes it and as Intl writes it in
// locales such as sv or fi, where en and de use the hyphen-minus. It is as wide
// as a digit, so columns of figures line up. parseLocaleNumber reads it, and
// the hyphen-minus, alike. Machine-readable output (the CSV, the events'
// decimal strings) keeps the ASCII hyphen-minus.
const MINUS = "\u2212";

/**
 * Formats with Intl. Only decimal strings reach it (a stray "0x10" or "" would
 * be read by Intl as 16 or 0); finite numbers only where the caller allows them.
 * Rounds half-even like the engine, never shows "-0", and writes minus as MINUS.
 */
function format(value, locale, options, allowNumber = false) {
  const fine = typeof value === "string" ? DECIMAL.test(value) : allowNumber && Number.isFinite(value);
  if (!fine) throw new TypeError(`not a decimal string: ${String(value)}`);
  const text = numberFormat(locale, { roundingMode: "halfEven", signDisplay: "negative", ...options }).format(value);
  // Intl writes no other hyphen-minus in a number, whatever the locale.
  return text.includes("-") ? text.replaceAll("-", MINUS) : text;
}

/**
 * Formats an amount of money: "-1234.5" → "−$1,234.50" (en, USD), "−1.234,50 €" (de, EUR).
 * Cents are shown to at most two places and never more than the currency has
 * (yen show none), since the engine rounds money to cents.
 * @param {string} decimalString amount as a decimal string (a number is refused: money is never a float)
 * @param {string} currency ISO 4217 code, e.g. "USD"
 * @param {string} [locale]
 * @param {{whole?: boolean}} [options] whole: round to whole units (for axes and headlines)
 * @returns {string}
 * @throws {TypeError|RangeError} on a non-decimal amount or a malformed currency code
 */
export function formatMoney(decimalString, currency, locale, { whole = false } = {}) {
  const own = numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  const places = whole ? 0 : Math.min(2, own);
  return format(decimalString, locale, { style: "currency", currency, minimumFractionDigits: places, maximumFractionDigits: places });
}

/**
 * Formats a plain number with grouping: "1234.567" → "1,234.57" (en).
 * @param {string|number} decimalString decimal string, or a finite number for counts and months
 * @param {string} [locale]
 * @param {number} [maxFractionDigits=2]
 * @returns {string}
 * @throws {TypeError} on anything else
 */
export function formatNumber(decimalString, locale, maxFractionDigits = 2) {
  return format(decimalString, locale, { maximumFractionDigits: maxFractionDigits }, true);
}

/**
 * Formats a fraction as a percentage in the locale's style: "0.4488" → "44.9%"
 * (en), "44,9 %" (de, fr). Uses Intl's percent style, which shifts a decimal
 * string's point exactly.
 * @param {string|number} fractionString decimal string, or a finite number (the engine's probabilities are numbers)
 * @param {string} [locale]
 * @param {number} [maxFractionDigits=1]
 * @returns {string}
 * @throws {TypeError} on anything else
 */
export function formatPercent(fractionString, locale, maxFractionDigits = 1) {
  return format(fractionString, locale, { style: "percent", maximumFractionDigits: maxFractionDigits }, true);
}

/**
 * Formats a value to show back in an input: the locale's digits and decimal
 * separator, no grouping, up to 12 fraction digits (the most the engine
 * accepts, so every value it takes is shown exactly): "1200.5" → "1200,5" (de),
 * "-3" → "−3".
 * parseLocaleNumber reads the result back to the same value.
 * @param {string} decimalString
 * @param {string} [locale]
 * @returns {string}
 * @throws {TypeError} on a non-decimal string
 */
export function formatInput(decimalString, locale) {
  return format(decimalString, locale, { useGrouping: false, maximumFractionDigits: 12 });
}

// A JSON string (skipped whole, so that digits inside it stay) or a JSON number.
const JSON_STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON.parse, with every number kept exactly as its text, a decimal string:
 * JSON.parse would turn 123456789.123456789 into the nearest binary float,
 * 123456789.12345679. The engine reads numbers and decimal strings alike.
 * @param {string} text JSON text
 * @param {Function} [reviver] as JSON.parse's
 * @returns {*} the parsed value, numbers as strings
 * @throws {SyntaxError} when the text is not JSON
 */
export function parseExactJSON(text, reviver) {
  JSON.parse(text); // the text's own errors, before numbers become strings
  return JSON.parse(text.replace(JSON_STRING_OR_NUMBER, (token) => (token[0] === '"' ? token : `"${token}"`)), reviver);
}

/**
 * The exact product of two decimal strings, as a decimal string, without a
 * float: "50" × "0.5" → "25.0", "-1.5" × "2.25" → "-3.375".
 * @param {string} a
 * @param {string} b
 * @returns {string}
 * @throws {TypeError} on a non-decimal string
 */
export function multiplyDecimals(a, b) {
  const scaled = (text) => {
    if (!DECIMAL.test(text)) throw new TypeError(`not a decimal string: ${text}`);
    const [int, frac = ""] = text.replace("-", "").split(".");
    return { digits: BigInt((int || "0") + frac) * (text.startsWith("-") ? -1n : 1n), places: frac.length };
  };
  const x = scaled(a), y = scaled(b);
  const product = x.digits * y.digits;
  const places = x.places + y.places;
  const digits = (product < 0n ? -product : product).toString().padStart(places + 1, "0");
  const sign = product < 0n ? "-" : "";
  return places ? `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}` : `${sign}${digits}`;
}
