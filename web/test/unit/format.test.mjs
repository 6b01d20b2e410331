// Unit tests of web/format.js: node --test unit/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  parseLocaleNumber, percentToFraction, fractionToPercent,
  formatMoney, formatNumber, formatPercent, formatInput, parseExactJSON, multiplyDecimals,
} from "../../format.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

// [name, text, locale, expected value or null for {ok:false}]
const parseCases = [
  ["en grouped with cents", "1,200.50", "en", "1200.5"],
  ["de grouped with cents", "1.200,50", "de", "1200.5"],
  ["fr space group", "1 200,50", "fr", "1200.5"],
  ["fr NBSP group", `1${NBSP}200,50`, "fr", "1200.5"],
  ["fr narrow NBSP group", `1${NNBSP}200,50`, "fr", "1200.5"],
  ["fr as Intl writes money", `-1${NNBSP}234,50${NBSP}€`, "fr", "-1234.5"],
  ["en-IN lakh grouping", "12,34,567.50", "en-IN", "1234567.5"],
  ["en-IN rupee sign", "₹1,00,000", "en-IN", "100000"],
  ["en-IN Rs. prefix", "Rs. 1,200", "en-IN", "1200"],
  ["ja yen sign", "¥12,345", "ja", "12345"],
  ["ja full-width digits from an IME", "１２，３４５．６", "ja", "12345.6"],
  ["ja full-width yen and minus", "－￥１，０００", "ja", "-1000"],
  ["de-CH apostrophe group", "CHF 1’234.50", "de-CH", "1234.5"],
  ["ar-EG Arabic-Indic digits", "١٢٣٤٫٥", "ar-EG", "1234.5"],
  ["dollar sign", "$1,200", "en", "1200"],
  ["euro after", "1.200 €", "de", "1200"],
  ["pound sign", "£12", "en-GB", "12"],
  ["code before", "USD 1,200", "en", "1200"],
  ["code after, lower case", "12 eur", "de", "12"],
  ["US$ prefix", "US$12", "en", "12"],
  ["surrounding spaces", "  42  ", "en", "42"],
  ["trailing percent", "35 %", "fr", "35"],
  ["leading percent", "%35", "en", "35"],
  ["Unicode minus", "−12.5", "en", "-12.5"],
  ["en dash as minus", "–12", "en", "-12"],
  ["minus before currency", "-$1,200", "en", "-1200"],
  ["minus after currency", "$ -1,200", "en", "-1200"],
  ["leading plus", "+7", "en", "7"],
  ["minus zero is zero", "-0.00", "en", "0"],
  ["leading zeros stripped", "007.50", "en", "7.5"],
  ["zero kept", "0", "en", "0"],
  ["bare fraction", ".5", "en", "0.5"],
  ["trailing point while typing", "12.", "en", "12"],
  ["de point before non-3 digits is decimal", "12.5", "de", "12.5"],
  ["de point before 3 digits is group", "1.234", "de", "1234"],
  ["de leading zero makes point decimal", "0.500", "de", "0.5"],
  ["de comma is decimal", "1,234", "de", "1.234"],
  ["en comma before non-3 digits is decimal", "1200,5", "en", "1200.5"],
  ["en comma before 3 digits is group", "1,234", "en", "1234"],
  ["en both marks, last is decimal", "1.234,5", "en", "1234.5"],
  ["en space group with comma decimal", "1 234,5", "en", "1234.5"],
  ["de repeated points are groups", "1.234.567", "de", "1234567"],
  ["huge digit string kept as is", "9".repeat(40), "en", "9".repeat(40)],
  ["fr point before 3 digits is ambiguous", "1.234", "fr", null],
  ["empty", "", "en", null],
  ["spaces only", "   ", "en", null],
  ["currency only", "$", "en", null],
  ["NaN", "NaN", "en", null],
  ["Infinity", "Infinity", "en", null],
  ["exponent", "1e5", "en", null],
  ["letters", "abc", "en", null],
  ["letters after digits", "12abc", "en", null],
  ["hex", "0x10", "en", null],
  ["two decimal separators", "1.2.3", "en", null],
  ["two de decimal separators", "1,2,3", "de", null],
  ["en comma before 4 digits is decimal", "1,2345", "en", "1.2345"],
  ["bad grouping", "1,234,56", "en", null],
  ["group separator first", ",234.5", "en", null],
  ["group after decimal", "1.5,000", "en", null],
  ["doubled separator", "1,,000", "en", null],
  ["double minus", "--5", "en", null],
  ["trailing minus", "5-", "en", null],
  ["minus inside", "5-3", "en", null],
  ["currency inside digits", "1$200", "en", null],
  ["not a string", 12, "en", null],
];

for (const [name, text, locale, expected] of parseCases) {
  test(`parseLocaleNumber: ${name} (${locale})`, () => {
    const want = expected === null ? { ok: false } : { ok: true, value: expected };
    assert.deepEqual(parseLocaleNumber(text, locale), want);
  });
}

test("parseLocaleNumber: a malformed locale tag falls back instead of throwing", () => {
  assert.deepEqual(parseLocaleNumber("12", "not a locale!"), { ok: true, value: "12" });
});

test("parseLocaleNumber: a megabyte of spaces is rejected quickly", () => {
  const start = Date.now();
  assert.deepEqual(parseLocaleNumber(" ".repeat(1 << 20) + "+", "en"), { ok: false });
  assert.ok(Date.now() - start < 2000);
});

// [name, percent, fraction]: each converts exactly into the other.
const shiftCases = [
  ["whole percent", "35", "0.35"],
  ["fractional percent", "35.5", "0.355"],
  ["negative", "-5", "-0.05"],
  ["hundred", "100", "1"],
  ["zero", "0", "0"],
  ["tiny", "0.001", "0.00001"],
  ["big", "12345.678", "123.45678"],
  ["more digits than a float holds", "12.345678901234567890123", "0.12345678901234567890123"],
];

for (const [name, percent, fraction] of shiftCases) {
  test(`percentToFraction / fractionToPercent: ${name}`, () => {
    assert.equal(percentToFraction(percent), fraction);
    assert.equal(fractionToPercent(fraction), percent);
  });
}

test("percent shifts trim needless zeros", () => {
  assert.equal(percentToFraction("50.00"), "0.5");
  assert.equal(fractionToPercent("0.500"), "50");
  assert.equal(fractionToPercent("-0.00"), "0");
});

test("percent shifts refuse what is not a decimal string", () => {
  for (const bad of ["", "abc", "1e5", "0x10", 0.35, null]) {
    assert.throws(() => percentToFraction(bad), TypeError, String(bad));
  }
});

// Intl puts narrow and ordinary no-break spaces in; compare with plain spaces.
const plain = (s) => s.replace(/[\u00a0\u202f]/g, " ");

// [name, actual thunk, expected]
const formatCases = [
  // One minus sign in every locale: U+2212, where Intl writes a hyphen-minus in en and de and U+2212 in sv.
  ["money en", () => formatMoney("-1234.5", "USD", "en"), "\u2212$1,234.50"],
  ["money de", () => formatMoney("-1234.5", "EUR", "de"), "\u22121.234,50 €"],
  ["money sv", () => formatMoney("-1234.5", "SEK", "sv"), "\u22121 234,50 kr"],
  ["number en negative", () => formatNumber("-3", "en"), "\u22123"],
  ["percent en negative", () => formatPercent("-0.25", "en"), "\u221225%"],
  ["money fr", () => formatMoney("1234567.89", "EUR", "fr"), "1 234 567,89 €"],
  ["money en-IN", () => formatMoney("1234567.5", "INR", "en-IN"), "₹12,34,567.50"],
  ["money ja yen has no minor unit", () => formatMoney("1234.5", "JPY", "ja"), "￥1,234"],
  ["money whole", () => formatMoney("1234.5", "USD", "en", { whole: true }), "$1,234"],
  ["money whole rounds half to even like the engine", () => formatMoney("2.50", "USD", "en", { whole: true }), "$2"],
  ["money never shows minus zero", () => formatMoney("-0.40", "USD", "en", { whole: true }), "$0"],
  ["money keeps digits a float would lose", () => formatMoney("123456789012345.67", "USD", "en"), "$123,456,789,012,345.67"],
  ["number en", () => formatNumber("1234.567", "en"), "1,234.57"],
  ["number de", () => formatNumber("1234.567", "de"), "1.234,57"],
  ["number fr", () => formatNumber("1234.5", "fr", 0), "1 234"],
  ["number en-IN", () => formatNumber("1234567", "en-IN"), "12,34,567"],
  ["number of months", () => formatNumber(24, "ja", 0), "24"],
  ["percent en", () => formatPercent("0.4488", "en"), "44.9%"],
  ["percent de", () => formatPercent("0.4488", "de"), "44,9 %"],
  ["percent fr", () => formatPercent("0.4488", "fr"), "44,9 %"],
  ["percent ja", () => formatPercent("0.4488", "ja"), "44.9%"],
  ["percent from an engine probability number", () => formatPercent(0.4488, "en-IN"), "44.9%"],
  ["percent exact past float precision", () => formatPercent("0.123456789012345678", "en", 16), "12.3456789012345678%"],
  ["input en", () => formatInput("1234567.125", "en"), "1234567.125"],
  ["input de", () => formatInput("-1200.50", "de"), "\u22121200,5"],
  ["input fr", () => formatInput("1200.5", "fr"), "1200,5"],
  ["input twelve fraction digits", () => formatInput("0.123456789012", "en"), "0.123456789012"],
];

for (const [name, actual, expected] of formatCases) {
  test(`format: ${name}`, () => assert.equal(plain(actual()), expected));
}

test("formatters refuse non-decimal values (money is never a float)", () => {
  assert.throws(() => formatMoney(12.5, "USD", "en"), TypeError);
  assert.throws(() => formatMoney("0x10", "USD", "en"), TypeError);
  assert.throws(() => formatNumber("", "en"), TypeError);
  assert.throws(() => formatPercent(NaN, "en"), TypeError);
  assert.throws(() => formatInput(null, "en"), TypeError);
});

// What formatInput writes, parseLocaleNumber reads back to the same value.
for (const locale of ["en", "de", "fr", "en-IN", "ja", "de-CH", "ar-EG"]) {
  test(`formatInput → parseLocaleNumber round trip (${locale})`, () => {
    for (const value of ["0", "7", "-1200.5", "1234567.125", "0.000000000001", "999999999999999"]) {
      assert.deepEqual(parseLocaleNumber(formatInput(value, locale), locale), { ok: true, value });
    }
  });
  test(`formatMoney → parseLocaleNumber round trip (${locale})`, () => {
    for (const value of ["-1234567.5", "0.5", "1000"]) {
      assert.deepEqual(parseLocaleNumber(formatMoney(value, "EUR", locale), locale), { ok: true, value });
    }
  });
}

// [name, JSON text, expected]: numbers come back as their exact text; strings are untouched.
const exactCases = [
  ["more digits than a double holds", '{"dealValue": 123456789.123456789}', { dealValue: "123456789.123456789" }],
  ["negative, exponent and zero", "[-0.5, 1e3, 2E-2, 0]", ["-0.5", "1e3", "2E-2", "0"]],
  ["digits, escapes and quotes inside strings stay", '{"a": "12 \\"34\\" 5", "b": "x1.5"}', { a: '12 "34" 5', b: "x1.5" }],
  ["keys that look like numbers", '{"1": 2}', { 1: "2" }],
  ["true, false and null", '{"t": true, "f": false, "n": null}', { t: true, f: false, n: null }],
  ["nested", '{"options": [{"reach": {"competitors": 3}}]}', { options: [{ reach: { competitors: "3" } }] }],
];
for (const [name, text, expected] of exactCases) {
  test(`parseExactJSON: ${name}`, () => assert.deepEqual(parseExactJSON(text), expected));
}

test("parseExactJSON refuses what JSON.parse refuses, a leading zero included", () => {
  for (const text of ["{", "01", '{"a": 01}', "{'a': 1}", ""]) assert.throws(() => parseExactJSON(text), SyntaxError, text);
});

// [a, b, product]: exact, worked by hand.
const productCases = [
  ["50", "1", "50"],
  ["50", "0.5", "25.0"],
  ["-1.5", "2.25", "-3.375"],
  ["0.1", "0.2", "0.02"],
  ["123456789.123456789", "1000", "123456789123.456789000"],
  ["0", "-7", "0"],
];
for (const [a, b, product] of productCases) {
  test(`multiplyDecimals: ${a} × ${b} = ${product}`, () => assert.equal(multiplyDecimals(a, b), product));
}

test("multiplyDecimals refuses what is not a decimal string", () => {
  assert.throws(() => multiplyDecimals("1e3", "2"), TypeError);
});
