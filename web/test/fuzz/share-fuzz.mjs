// A time-boxed fuzzer for decodeShare (web/share.js), run in Node:
//
//     node web/test/fuzz/share-fuzz.mjs [duration]     # duration: 5 (seconds, the default), 60s, 2m, 500ms
//
// It feeds decodeShare random strings, random bytes base64url-encoded behind
// "v1.", and mutations of valid links (cut, flipped characters, <script>
// inserted, doubled, re-prefixed), plus huge inputs up to 2 MB, and checks
// that it never throws, always answers {ok: true, input: plain object} or
// {ok: false, reason: one of the documented reasons}, never hands back a
// prototype key, and returns within 50 ms. It prints
// "share fuzz: N inputs, F failures" and exits 1 on any failure.
// SHARE_FUZZ_SEED=<n> replays a run.
import { performance } from "node:perf_hooks";
import { decodeShare, encodeShare, MAX_SHARE_LENGTH } from "../../share.js";

const REASONS = new Set(["empty", "too_long", "version", "encoding", "json"]);
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const LIMIT_MS = 50;

/** Seconds from "5", "5s", "60s", "2m", "500ms" (Go's -fuzztime style, so that the Makefile can pass FUZZTIME). */
function parseDuration(text = "5") {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(String(text).trim());
  if (!m) throw new Error(`not a duration: ${text} (try 5, 60s or 2m)`);
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] ?? "s"];
}

const seconds = parseDuration(process.argv[2]);
const seed = Number(process.env.SHARE_FUZZ_SEED) || (Date.now() % 2 ** 31);
let state = seed >>> 0;
function random() { // mulberry32: reproducible from the seed
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const b64url = (bytes) => Buffer.from(bytes).toString("base64url");

const ALPHABET = [
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.#v1",
  " ", "%", "{", "}", "\"", ":", ",", "[", "]", "\\", "<", ">", "\u0000", "\n", "é", "€", "\u2212", "\ud83d\ude80",
  "\ud800", "\udfff", "\ufeff", "\u202e",
];
const randomString = (max) => Array.from({ length: int(0, max) }, () => pick(ALPHABET)).join("");
const randomBytes = (max) => Uint8Array.from({ length: int(0, max) }, () => int(0, 255));

/** A random value an encoder could be given: nested objects, odd keys, odd strings. */
function randomValue(depth = 0) {
  const r = random();
  if (depth > 4 || r < 0.3) return pick([null, true, false, 0, -1.5, 1e21, "0.35", "", "<script>alert(1)</script>", "é🚀", randomString(12)]);
  if (r < 0.5) return Array.from({ length: int(0, 4) }, () => randomValue(depth + 1));
  const object = {};
  for (let i = int(0, 5); i > 0; i--) {
    object[pick(["name", "kind", "options", "hourlyValue", "x", "__proto__", "constructor", "prototype", "toString", randomString(6)])] = randomValue(depth + 1);
  }
  return object;
}

/** A valid-looking engine input, to make real links from. */
function randomInput() {
  const input = { currency: pick(["USD", "EUR", "JPY"]), hourlyValue: String(int(0, 500)), options: [] };
  for (let i = int(1, 6); i > 0; i--) {
    input.options.push({ kind: pick(["weekly_group", "open_network", "custom"]), name: randomString(20), closeRate: `0.${int(0, 99)}` });
  }
  if (random() < 0.2) input.extra = randomValue();
  return input;
}

function mutate(link) {
  const at = () => int(0, link.length);
  switch (int(0, 9)) {
    case 0: return link.slice(0, at()); // cut
    case 1: { const i = at(); return link.slice(0, i) + pick(ALPHABET) + link.slice(i + 1); } // flip one character
    case 2: { const i = at(); return link.slice(0, i) + "<script>window.__pwned=1</script>" + link.slice(i); }
    case 3: return link + link.slice(3); // doubled body
    case 4: return pick(["v2.", "V1.", "v1", "v1..", "#v1.", "##v1.", " v1.", "v1.="]) + link.slice(3);
    case 5: return "#" + link;
    case 6: return link.replace(/[A-Za-z0-9]/g, (c) => (random() < 0.05 ? pick(ALPHABET) : c));
    case 7: return link + "=".repeat(int(1, 3));
    case 8: return link.slice(0, 3) + link.slice(3).split("").reverse().join("");
    default: return link + pick(["%00", "%3Cscript%3E", "\n", " ", "&x=1"]);
  }
}

/** Deep nesting that fits under the length limit: a recursion risk for JSON.parse's reviver. */
function deepLink() {
  const depth = Math.floor(((MAX_SHARE_LENGTH - 3) / 4) * 3 / 2) - 4;
  return "v1." + b64url(Buffer.from("[".repeat(depth) + "]".repeat(depth)));
}

function generate() {
  const r = random();
  if (r < 0.2) return randomString(int(0, 1) ? 40 : 400);
  if (r < 0.35) return "v1." + b64url(randomBytes(300));
  if (r < 0.45) return "v1." + b64url(Buffer.from(JSON.stringify(randomValue())));
  if (r < 0.8) return mutate(encodeShare(random() < 0.5 ? randomInput() : randomValue()));
  if (r < 0.86) return pick([undefined, null, 42, {}, [], ["v1.e30"], new String("v1.e30"), Symbol("x"), () => "v1.e30"]);
  if (r < 0.9) { // around the length limit
    const n = MAX_SHARE_LENGTH - 3 + int(-2, 2);
    return "v1." + "e".repeat(Math.max(0, n));
  }
  if (r < 0.93) return deepLink();
  // Up to 2 MB.
  const size = int(MAX_SHARE_LENGTH, 2 * 1024 * 1024);
  return pick([() => "v1." + "A".repeat(size - 3), () => "#".repeat(size), () => "v1." + "e30".repeat(size / 3 | 0), () => randomString(64).repeat(size / 64 | 1)])();
}

/** What is wrong with one answer, or null. */
function problem(answer) {
  if (answer === null || typeof answer !== "object") return `answered ${String(answer)}`;
  const keys = Object.keys(answer).sort().join(",");
  if (answer.ok === true) {
    if (keys !== "input,ok") return `ok answer has keys ${keys}`;
    const input = answer.input;
    if (input === null || typeof input !== "object" || Array.isArray(input)) return "ok answer's input is not a plain object";
    if (Object.getPrototypeOf(input) !== Object.prototype) return "input's prototype is not Object.prototype";
    const stack = [input];
    while (stack.length) {
      const value = stack.pop();
      if (value === null || typeof value !== "object") continue;
      for (const key of Object.keys(value)) {
        if (FORBIDDEN.has(key)) return `input holds the key ${key}`;
        stack.push(value[key]);
      }
    }
    return null;
  }
  if (answer.ok === false) {
    if (keys !== "ok,reason") return `refusal has keys ${keys}`;
    return REASONS.has(answer.reason) ? null : `undocumented reason ${JSON.stringify(answer.reason)}`;
  }
  return `ok is ${String(answer.ok)}`;
}

const show = (input) => {
  const text = typeof input === "string" ? input : typeof input === "symbol" ? input.toString() : `${typeof input} ${String(input)}`;
  return text.length > 160 ? `${JSON.stringify(text.slice(0, 120))}… (${text.length} chars)` : JSON.stringify(text);
};

const failures = [];
let count = 0;
function check(input) {
  count++;
  let answer;
  let took = 0;
  for (let attempt = 0; attempt < 2; attempt++) { // a second timing forgives one GC pause
    const start = performance.now();
    try {
      answer = decodeShare(input);
    } catch (err) {
      failures.push(`threw ${err && err.name}: ${err && err.message} for ${show(input)}`);
      return;
    }
    took = performance.now() - start;
    if (took <= LIMIT_MS) break;
  }
  if (took > LIMIT_MS) failures.push(`took ${took.toFixed(1)} ms for ${show(input)}`);
  const wrong = problem(answer);
  if (wrong) failures.push(`${wrong} for ${show(input)}`);
  // A decoded link decodes the same after encoding it again.
  if (!wrong && answer.ok) {
    const again = decodeShare(encodeShare(answer.input));
    if (encodeShare(answer.input).length - 3 <= MAX_SHARE_LENGTH && JSON.stringify(again.input) !== JSON.stringify(answer.input)) {
      failures.push(`does not round-trip: ${show(input)}`);
    }
  }
}

// Fixed cases first, then random ones until the time is up.
for (const fixed of ["", "#", "v1.", "#v1.", "v1.e30", "v1.bnVsbA", "v1.W10", "v1.IiI", "v1.eyJfX3Byb3RvX18iOnsieCI6MX19",
  "v1." + "A".repeat(MAX_SHARE_LENGTH - 3), "v1." + "A".repeat(MAX_SHARE_LENGTH - 2), "v1.A", deepLink(),
  "v1." + "A".repeat(2 * 1024 * 1024 - 3)]) check(fixed);
const end = performance.now() + seconds * 1000;
while (performance.now() < end && failures.length < 50) check(generate());

for (const f of failures.slice(0, 20)) console.error(`FAIL ${f}`);
if (failures.length) console.error(`replay with SHARE_FUZZ_SEED=${seed}`);
console.log(`share fuzz: ${count} inputs, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
