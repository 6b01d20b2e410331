// What every section of the bench shares: printing figures against their
// targets, the statistics of repeated runs, running a command, and serving
// the snapshot of the build. The browser is the browser tests' own
// (web/test/harness.mjs).
import { spawn, spawnSync } from "node:child_process";
import { repo } from "../test/harness.mjs";

export { launchBrowser, repo } from "../test/harness.mjs";

// ---- printing ----

export const startedAt = Date.now();
/** A line of progress on stderr, so that stdout is the table alone. */
export const progress = (text) => process.stderr.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);
export const heading = (text) => console.log(`\n## ${text}`);
export const info = (name, value) => console.log(`${name}: ${value}`);
/** The names of the figures printed so far, by verdict, for the summary. */
export const verdicts = { ok: [], over: [], "n/a": [] };
/** One figure against its target: `name: value (target: …) ok|over`. */
export function figure(name, value, target, ok) {
  const verdict = ok === null || ok === undefined ? "n/a" : ok ? "ok" : "over";
  verdicts[verdict].push(name);
  console.log(`${name}: ${value} (target: ${target}) ${verdict}`);
}
export const bytes = (n) => (n === null || n === undefined ? "n/a" : `${n.toLocaleString("en-US")} B`);
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
export const ms = (n, places = 0) => (n === null || n === undefined || Number.isNaN(n) ? "n/a" : `${n.toFixed(places)} ms`);
export const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
export const fmtRatio = (r) => (r === null ? "n/a" : r.toFixed(3));

// ---- statistics ----

export const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The q-quantile (0.95 for p95): the smallest value at or above that share of the values. */
export function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
export const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// ---- commands and servers ----

/** Runs a command in the repository and returns its stdout; throws with its output when it fails. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
const hasTool = (name) => spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).status === 0;
export const HAS_BROTLI = hasTool("brotli");
export const HAS_GZIP = hasTool("gzip");

/** Starts cmd/serve (binary) on dir at a free port; resolves to its URL and a stop function. */
export function startServer(binary, dir) {
  const server = spawn(binary, ["-dir", dir], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = /http:\/\/[\d.:]+\//.exec(String(chunk));
      if (match) resolve({ url: match[0], stop: () => server.kill() });
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export const sleep = (msec) => new Promise((r) => setTimeout(r, msec));
