// Shared set-up of the browser tests: the built folder served by cmd/serve,
// exactly as `make run` serves it, and Debian's chromium driven by
// playwright-core with a fresh profile and no background networking.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const repo = new URL("../../", import.meta.url).pathname;

/** Starts the server on a free port and resolves to its base URL. */
export async function startServer() {
  const server = spawn(join(repo, "bin/serve"), ["-dir", join(repo, "dist")], {
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = /http:\/\/[\d.:]+\//.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => server.kill() };
}

/** Launches headless chromium with a fresh user-data-dir. */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), "roi-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
  return {
    context: browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page that records every request and console error, so that a test
 * can assert nothing left 127.0.0.1 and nothing went wrong.
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  if (url) await page.goto(url);
  return { page, requests, problems };
}
