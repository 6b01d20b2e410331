// Screenshots of the calculator's page at 360 px and 1280 px, light and
// dark, for a person to look at: `make screenshots` writes them to
// web/test/screenshots/. "page-…" is the default comparison, "member-…" the
// same with a member's record on the weekly group (9 months in, 3
// referrals, 1 client), opened from a share link. "editing-…" is one screen
// of the page as a reader editing sees it: the first option folded to its
// name and net, the second option's meetings focused, the brief stuck above.
import { mkdirSync } from "node:fs";
import { startServer, launchBrowser, openPage } from "./harness.mjs";

const out = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
// The share link's fragment, as the widget writes it: "v1." and the input's JSON in base64url.
const member = "#v1." + Buffer.from(JSON.stringify({
  options: [{ kind: "weekly_group", track: { monthsIn: "9", referrals: "3", clients: "1" } }, { kind: "open_network" }],
})).toString("base64url");
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const [name, fragment] of [["page", ""], ["member", member]]) for (const width of [360, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      const { page } = await openPage(browser.context);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(server.url + fragment);
      await page.locator("networking-roi .cards").waitFor();
      const file = `${out}${name}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      if (name === "page") {
        const widget = page.locator("networking-roi");
        await widget.locator('fieldset[data-option="0"] .fold > summary').click();
        await widget.locator('fieldset[data-option="1"]').getByLabel("Meetings a year").focus();
        await page.keyboard.press("ControlOrMeta+A");
        await page.keyboard.type("40");
        const editing = `${out}editing-${width}-${colorScheme}.png`;
        await page.screenshot({ path: editing });
        console.log(editing);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
