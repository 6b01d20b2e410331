// The whole input in the URL fragment: "#v1.<base64url of the JSON>". A
// fragment is never sent to a server, so a shared link discloses nothing to
// anyone but the people it is shared with.
import { parseExactJSON } from "./format.js";

/** Longest fragment decodeShare reads (without the "#"); longer ones are refused before any work. */
export const MAX_SHARE_LENGTH = 16384;
const PREFIX = "v1.";
// String.fromCharCode(...bytes) with too many arguments overflows the call stack.
const CHUNK = 0x8000;
// Keys no engine field has, dropped so that no later merge of the decoded
// object into another can reach a prototype (defence in depth).
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Encodes an input for the URL fragment.
 * @param {object} input the engine input (anything JSON.stringify accepts)
 * @returns {string} "v1." + unpadded base64url of the UTF-8 JSON, without "#";
 *   it may exceed MAX_SHARE_LENGTH for an unusually large input, which the caller should check
 */
export function encodeShare(input) {
  const bytes = new TextEncoder().encode(JSON.stringify(input));
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes a fragment made by encodeShare. Never throws and never evaluates
 * anything; it does not check the fields (the engine does).
 * @param {string} fragment location.hash or the fragment without "#"
 * @returns {{ok: true, input: object} | {ok: false, reason: "empty"|"too_long"|"version"|"encoding"|"json"}}
 *   input is a plain object (not an array, string or null)
 */
export function decodeShare(fragment) {
  if (typeof fragment !== "string") return { ok: false, reason: "empty" };
  const body = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (body === "") return { ok: false, reason: "empty" };
  if (body.length > MAX_SHARE_LENGTH) return { ok: false, reason: "too_long" };
  if (!body.startsWith(PREFIX)) return { ok: false, reason: "version" };
  const payload = body.slice(PREFIX.length);
  // A base64 length of 4n+1 can never come from whole bytes: the link was cut.
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) return { ok: false, reason: "encoding" };
  let text;
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: "encoding" };
  }
  let input;
  try {
    input = parseExactJSON(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch {
    return { ok: false, reason: "json" };
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) return { ok: false, reason: "json" };
  return { ok: true, input };
}
