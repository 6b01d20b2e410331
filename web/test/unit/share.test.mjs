// Unit tests of web/share.js: node --test unit/
import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeShare, decodeShare, MAX_SHARE_LENGTH } from "../../share.js";

/** base64url of UTF-8 text, written independently of share.js with Node's Buffer. */
const b64url = (text) => Buffer.from(text, "utf8").toString("base64url");

const sample = {
  currency: "EUR",
  horizonMonths: "24",
  hourlyValue: "62.50",
  options: [
    { kind: "weekly_group", name: "Café Ünïcode 🚀" },
    { kind: "custom", name: "日本の交流会 — ½ price", annualFee: "600", closeRate: "0.35" },
  ],
};

// [name, input]: each comes back equal after encode → decode.
const roundTrips = [
  ["empty object", {}],
  ["sample input with non-ASCII names", sample],
  ["every byte length of a tail (padding cases)", { name: "a" }],
  ["two-byte tail", { name: "ab" }],
  ["emoji only", { name: "🚀🚀🚀" }],
  ["HTML in a name stays a string", { options: [{ name: "<script>alert(1)</script>" }] }],
  ["img onerror in a name", { options: [{ name: '<img src=x onerror="alert(1)">' }] }],
  ["javascript: URL in a name", { options: [{ name: "javascript:alert(document.cookie)" }] }],
  ["long input beyond one chunk", { notes: "é".repeat(5000) }],
];

for (const [name, input] of roundTrips) {
  test(`round trip: ${name}`, () => {
    const fragment = encodeShare(input);
    assert.match(fragment, /^v1\.[A-Za-z0-9_-]*$/);
    assert.deepEqual(decodeShare(fragment), { ok: true, input });
    assert.deepEqual(decodeShare("#" + fragment), { ok: true, input });
  });
}

test("a link's numbers come back exactly, as decimal strings, not rounded to binary floats", () => {
  // JSON.parse would give 123456789.12345679 for the deal value.
  const fragment = "v1." + b64url('{"horizonMonths":24,"dealValue":123456789.123456789,"options":[{"closeRate":0.1,"name":"12"}]}');
  assert.deepEqual(decodeShare(fragment), {
    ok: true, input: { horizonMonths: "24", dealValue: "123456789.123456789", options: [{ closeRate: "0.1", name: "12" }] },
  });
});

test("encodeShare is base64url of the UTF-8 JSON, unpadded", () => {
  assert.equal(encodeShare(sample), "v1." + b64url(JSON.stringify(sample)));
});

test("hostile names come back as the exact plain strings", () => {
  const names = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"];
  const { input } = decodeShare(encodeShare({ options: names.map((name) => ({ name })) }));
  assert.deepEqual(input.options.map((o) => o.name), names);
  for (const o of input.options) assert.equal(typeof o.name, "string");
});

const valid = encodeShare(sample);
const megabyte = "v1." + "A".repeat(1 << 20);

// [name, fragment, reason]
const failures = [
  ["undefined", undefined, "empty"],
  ["empty string", "", "empty"],
  ["lone hash", "#", "empty"],
  ["1 MB of valid base64url", megabyte, "too_long"],
  ["1 MB of garbage is refused on length before version", "x".repeat(1 << 20), "too_long"],
  ["one character over the limit", "v1." + "A".repeat(MAX_SHARE_LENGTH - 2), "too_long"],
  ["no version", b64url(JSON.stringify(sample)), "version"],
  ["wrong version", "v2." + valid.slice(3), "version"],
  ["upper-case version", "V1." + valid.slice(3), "version"],
  ["not base64", "v1.not base64!", "encoding"],
  ["standard base64 characters", "v1." + Buffer.from("{}?>").toString("base64"), "encoding"],
  ["truncated to an impossible length", valid.slice(0, valid.length - ((valid.length - 3) % 4) + 1), "encoding"],
  ["invalid UTF-8", "v1." + Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString("base64url"), "encoding"],
  ["truncated mid-character", "v1." + Buffer.from("{\"a\":\"🚀", "utf8").subarray(0, 8).toString("base64url"), "encoding"],
  ["truncated JSON", valid.slice(0, 3 + 40), "json"],
  ["empty payload", "v1.", "json"],
  ["JSON array", "v1." + b64url("[1,2,3]"), "json"],
  ["JSON string", "v1." + b64url('"<script>alert(1)</script>"'), "json"],
  ["JSON null", "v1." + b64url("null"), "json"],
  ["JSON number", "v1." + b64url("42"), "json"],
  ["JavaScript, not JSON", "v1." + b64url("{a: alert(1)}"), "json"],
];

for (const [name, fragment, reason] of failures) {
  test(`decodeShare refuses: ${name}`, () => {
    assert.deepEqual(decodeShare(fragment), { ok: false, reason });
  });
}

test("the length limit is checked before any decoding", () => {
  const start = Date.now();
  for (let i = 0; i < 1000; i++) decodeShare(megabyte);
  assert.ok(Date.now() - start < 1000, "a megabyte fragment must return at once");
});

test("the longest fragment within the limit is decoded, with or without '#'", () => {
  let input = { pad: "" };
  for (let n = 12000; encodeShare({ pad: "x".repeat(n) }).length <= MAX_SHARE_LENGTH; n++) input = { pad: "x".repeat(n) };
  const fragment = encodeShare(input);
  assert.ok(fragment.length > MAX_SHARE_LENGTH - 4);
  assert.deepEqual(decodeShare(fragment), { ok: true, input });
  assert.deepEqual(decodeShare("#" + fragment), { ok: true, input });
});

test("prototype keys are dropped, and nothing is polluted", () => {
  const json = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"options":[{"__proto__":{"x":1},"name":"a"}]}';
  const result = decodeShare("v1." + b64url(json));
  assert.deepEqual(result, { ok: true, input: { options: [{ name: "a" }] } });
  assert.equal(Object.getPrototypeOf(result.input), Object.prototype);
  assert.equal({}.polluted, undefined);
});
