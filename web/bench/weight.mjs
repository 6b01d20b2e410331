// Section 1, wire weight: the brotli and gzip sizes of everything the widget
// fetches (the loader, the widget module, wasm_exec.js, the .wasm), against
// the floor's .wasm and wasm_exec.js.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { HAS_BROTLI, HAS_GZIP, bytes, figure, fmtRatio, heading, info, ratio, sum } from "./lib.mjs";

// The most the widget may weigh on the wire, as a multiple of the floor.
const TARGET = 1.15;

/** brotli -q 11 size (node's zlib at quality 11 when the brotli tool is missing, as cmd/build/brotli.mjs writes). */
function brotliSize(file) {
  if (HAS_BROTLI) return spawnSync("brotli", ["-q", "11", "-c", file], { maxBuffer: 64 << 20 }).stdout.length;
  return brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
/** gzip -9 size (node's zlib at level 9 when the gzip tool is missing). */
function gzipSize(file) {
  if (HAS_GZIP) return spawnSync("gzip", ["-9", "-n", "-c", file], { maxBuffer: 64 << 20 }).stdout.length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Prints the sizes and the widget/floor figures; floor is buildFloor's { file, name }. */
export function wireWeight(snap, floor) {
  heading("1. Wire weight (brotli -q 11 and gzip -9 of everything fetched)");
  const rows = snap.files.map((f) => {
    const file = join(snap.dist, f);
    return { name: f, raw: readFileSync(file).length, br: brotliSize(file), gz: gzipSize(file) };
  });
  const exec = join(snap.dist, snap.assets.exec);
  const floorRows = [
    { name: `floor .wasm (${floor.name})`, raw: readFileSync(floor.file).length, br: brotliSize(floor.file), gz: gzipSize(floor.file) },
    { name: snap.assets.exec, raw: readFileSync(exec).length, br: brotliSize(exec), gz: gzipSize(exec) },
  ];
  const total = (rs, k) => (rs.some((r) => r[k] === null) ? null : sum(rs.map((r) => r[k])));
  for (const r of rows) info(`  widget ${r.name}`, `${bytes(r.raw)} raw, ${bytes(r.br)} br, ${bytes(r.gz)} gz`);
  for (const r of floorRows) info(`  floor  ${r.name}`, `${bytes(r.raw)} raw, ${bytes(r.br)} br, ${bytes(r.gz)} gz`);
  const served = snap.files.map((f) => {
    for (const ext of [".br", ".gz", ""]) if (existsSync(join(snap.dist, f + ext))) return { ext, size: readFileSync(join(snap.dist, f + ext)).length };
    return { ext: "", size: 0 };
  });
  info("  as dist/ serves them (precompressed files present)",
    `${bytes(sum(served.map((s) => s.size)))} (${[...new Set(served.map((s) => s.ext || "identity"))].join(", ")}; ${existsSync(join(snap.dist, `${snap.assets.wasm}.br`)) ? "with" : "no"} .br in dist/)`);
  const out = {};
  for (const [k, label] of [["br", "brotli -q 11"], ["gz", "gzip -9"]]) {
    const w = total(rows, k), f = total(floorRows, k), r = ratio(w, f);
    if (r === null) {
      figure(`wire weight widget/floor, ${label}`, "n/a (the brotli tool is not installed)", `≤ ${TARGET}`, null);
      continue;
    }
    info(`widget total, ${label}`, bytes(w));
    info(`floor total, ${label}`, bytes(f));
    figure(`wire weight widget/floor, ${label}`, `${fmtRatio(r)} (${bytes(w)} / ${bytes(f)}; the .wasm alone ${fmtRatio(ratio(rows.at(-1)[k], floorRows[0][k]))})`, `≤ ${TARGET}`, r <= TARGET);
    out[k] = { widget: w, floor: f };
  }
  return out;
}
