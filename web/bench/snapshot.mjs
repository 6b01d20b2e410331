// The build under test: a snapshot of dist/, so that a rebuild during the run
// cannot change it, with the floor (web/bench/floor) built and put beside the
// engine, and cmd/serve copied in to serve it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { HAS_BROTLI, repo, run } from "./lib.mjs";

/** The hashed names cmd/build writes into a (minified) loader or module: name.0123456789.ext. */
const hashedNames = (text) => [...new Set([...text.matchAll(/"\.?\/?([\w-]+\.[0-9a-f]{10}\.(?:js|wasm))"/g)].map((m) => m[1]))];

/** The files the widget fetches, named as the loader and the widget module refer to them. */
function widgetAssets(dir) {
  const named = hashedNames(readFileSync(join(dir, "networking-roi.js"), "utf8"));
  const pick = (prefix) => named.find((n) => n.startsWith(`${prefix}.`));
  const assets = { widget: pick("widget"), exec: pick("wasm_exec"), wasm: pick("networking-roi") };
  const widget = assets.widget ? readFileSync(join(dir, assets.widget), "utf8") : "";
  const imports = hashedNames(widget);
  const files = ["networking-roi.js", assets.widget, ...imports, assets.exec, assets.wasm];
  return { assets, imports, files, missing: files.filter((f) => !existsSync(join(dir, f))) };
}

/**
 * Copies dist/ into a temporary root (retrying while dist/ is being rebuilt):
 * { root, dist, assets: {widget, exec, wasm}, imports, files }.
 */
export function snapshotDist() {
  const src = join(repo, "dist");
  for (let attempt = 0; attempt < 20; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "roi-bench-"));
    try {
      cpSync(src, join(dir, "dist"), { recursive: true });
      const found = widgetAssets(join(dir, "dist"));
      if (!found.missing.length) return { root: dir, dist: join(dir, "dist"), ...found };
    } catch { /* dist/ is being rebuilt: try again */ }
    rmSync(dir, { recursive: true, force: true });
    spawnSync("sleep", ["1"]);
  }
  throw new Error("dist/ is missing or incomplete: run `make build` first");
}

/** bin/serve of the snapshot: cmd/serve, built when missing. */
export function serverBinary(root) {
  const bin = join(repo, "bin/serve");
  if (!existsSync(bin)) run("go", ["build", "-o", "bin/serve", "./cmd/serve"]);
  const copy = join(root, "serve");
  copyFileSync(bin, copy);
  return copy;
}

/**
 * The floor, built the way the Makefile builds the engine, and put beside the
 * engine in the snapshot with a hashed name and the same precompressed
 * variants, so cmd/serve serves both alike.
 */
export function buildFloor(snap) {
  const wasm = join(snap.root, "floor.wasm");
  run("go", ["build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./web/bench/floor"], {
    env: { ...process.env, GOOS: "js", GOARCH: "wasm" },
  });
  const data = readFileSync(wasm);
  const name = `floor.${createHash("sha256").update(data).digest("hex").slice(0, 10)}.wasm`;
  writeFileSync(join(snap.dist, name), data);
  if (existsSync(join(snap.dist, `${snap.assets.wasm}.gz`))) writeFileSync(join(snap.dist, `${name}.gz`), gzipSync(data, { level: 9 }));
  if (existsSync(join(snap.dist, `${snap.assets.wasm}.br`)) && HAS_BROTLI) {
    writeFileSync(join(snap.dist, `${name}.br`), spawnSync("brotli", ["-q", "11", "-c", wasm], { maxBuffer: 64 << 20 }).stdout);
  }
  return { file: wasm, name };
}
