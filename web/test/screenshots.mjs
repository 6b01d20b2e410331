// Screenshots of the calculator's page at 360 px and 1280 px, light and
// dark, for a person to look at: `make screenshots` writes them to
// web/test/screenshots/.
import { mkdirSync } from "node:fs";
import { startServer, launchBrowser, openPage } from "./harness.mjs";

const out = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const width of [360, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      const { page } = await openPage(browser.context);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(server.url);
      await page.locator("networking-roi .cards").waitFor();
      const file = `${out}page-${width}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
