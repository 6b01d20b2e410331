// What a reader sees while editing, in a blog post on a phone and on a
// desktop: the results in brief stay in view beside the field being edited
// without covering it, an option folds to its name and net, and no focus
// stop, Tab or Shift+Tab, is left under the brief or under the host page's
// own sticky header (WCAG 2.4.11), which --roi-sticky-top makes room for.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  startServer, launchBrowser, openPage, startBlog, hostPage, waitForWidget, engineReply, eventually, usd,
} from "./harness.mjs";

let server, blog, browser;
before(async () => {
  server = await startServer();
  blog = await startBlog();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.stop(); blog?.stop(); });

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const HEADER = 64; // the host's sticky header, in px
// The focus ring around a control: a 3 px outline 2 px off it (widget.css).
const RING = 5;

/**
 * A blog post around the widget: a column, text before and after, a link
 * after it (the next focus stop out of the widget) and, with `header`, a
 * sticky header of 64 px holding a link, which the host makes room for
 * with --roi-sticky-top.
 */
function blogPost({ header = false } = {}) {
  const sticky = `header { position: sticky; top: 0; z-index: 10; height: ${HEADER}px; box-sizing: border-box; padding: 1rem 0; background: #eee; }
networking-roi { --roi-sticky-top: ${HEADER}px; }`;
  const head = `<style>
html { font-size: 62.5%; }
body { margin: 0; font: 1.8rem/1.7 Georgia, serif; color: #222; background: #fff; }
main { max-width: 68rem; margin: 0 auto; padding: 0 1.6rem; }
${header ? sticky : ""}
</style>`;
  const markup = `${header ? '<header><a href="/">My blog</a></header>' : ""}
<article>
<h1>Does my networking group pay?</h1>
<p>I ran the numbers for the two groups I go to. Try your own below.</p>
<networking-roi></networking-roi>
<h2>What I decided</h2>
<p>More of the post, and <a href="#next">the next post</a>.</p>
<p>${"The rest of the post. ".repeat(120)}</p>
</article>`;
  return hostPage(server.url, markup, { head, title: "A blog post" });
}

let pages = 0;
/** Opens the blog post at `viewport` and waits for the calculator. */
async function openPost(viewport, options) {
  const opened = await openPage(browser.context);
  await opened.page.setViewportSize(viewport);
  await opened.page.goto(blog.page(`/post-${++pages}.html`, blogPost(options)));
  const widget = await waitForWidget(opened.page);
  return { ...opened, widget };
}

/** Whether two rects overlap (touching edges do not). */
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The money of a net as the brief writes it: whole units from 100 up, either sign. */
const briefMoney = (net) => usd(net, { whole: net.replace("-", "").split(".")[0].length >= 3 });

/**
 * The input's path of a field of the form, from its id ("roi1-options-0--reach-groupSize"
 * is "options[0].reach.groupSize"), and whether it is a rate (typed as a percentage).
 */
function pathOf(id, label) {
  const rest = id.replace(/^roi\d+-/, "");
  const option = /^options-(\d+)--(.*)$/.exec(rest);
  const keys = option ? ["options", Number(option[1]), ...option[2].split("-")] : rest.split("-");
  return { keys, option: option ? Number(option[1]) : null, rate: label.endsWith("(%)") };
}

/**
 * For every number field of the form (those behind "More …" too): scrolls it
 * under the brief, as a reader scrolling up would leave it, focuses it,
 * types a new value the engine accepts, and checks that its option's new
 * net (every option's, for a field of the business) is shown in the brief,
 * in the viewport, and that the brief does not cover the field.
 */
async function editEveryField(viewport) {
  const { page, widget, problems } = await openPost(viewport);
  await widget.evaluate((host) => { for (const d of host.shadowRoot.querySelectorAll("form .fold details")) d.open = true; });
  const fields = await widget.evaluate((host) => [...host.shadowRoot.querySelectorAll("form input[inputmode=decimal]")]
    .map((input) => ({ id: input.id, label: input.labels[0].textContent })));
  assert.ok(fields.length >= 50, `${fields.length} number fields`);
  let far = 0; // the farthest the new net was from the field, in px
  for (const { id, label } of fields) {
    const { keys, option, rate } = pathOf(id, label);
    const shown = await widget.evaluate((host, id) => host.shadowRoot.getElementById(id).value, id);
    // One more, or one less where one more is refused (a rate at 100 %, a month beyond the horizon).
    let typed, reply, figures;
    for (const value of [Number(shown) + 1, Number(shown) - 1]) {
      figures = await widget.evaluate((host) => host.input);
      const owner = keys.slice(0, -1).reduce((o, k) => o[k], figures);
      owner[keys.at(-1)] = String(rate ? value / 100 : value);
      reply = engineReply(figures);
      if (reply.report) { typed = String(value); break; }
    }
    assert.ok(typed, `${label} (${id}): the engine refuses ${shown} ± 1`);
    const at = await widget.evaluate((host, id) => {
      const input = host.shadowRoot.getElementById(id);
      const brief = host.shadowRoot.querySelector(".brief").getBoundingClientRect();
      // Just under the brief's bottom edge, its top half hidden: the browser must bring it out on focus.
      window.scrollBy(0, input.getBoundingClientRect().top - (brief.bottom - input.offsetHeight / 2));
      input.focus();
      return input.getBoundingClientRect().top;
    }, id);
    assert.ok(Number.isFinite(at), `${label} is in the page`);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(typed);
    const nets = reply.report.options.map((o) => briefMoney(o.net));
    const read = () => widget.evaluate((host) => [...host.shadowRoot.querySelectorAll(".brief li .net")].map((n) => n.textContent));
    assert.deepEqual(await eventually(read, nets), nets, `${label} (${id}) = ${typed}: the brief shows the engine's nets`);
    const took = await widget.evaluate((host, keys) => keys.reduce((o, k) => o[k], host.input), keys);
    assert.equal(Number(took), Number(keys.reduce((o, k) => o[k], figures)), `${label} (${id}): the widget took ${typed}`);
    const seen = await widget.evaluate((host, id) => {
      const root = host.shadowRoot;
      const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
      return {
        field: box(root.getElementById(id)), focused: root.activeElement?.id, brief: box(root.querySelector(".brief")),
        nets: [...root.querySelectorAll(".brief li .net")].map(box), viewport: { width: innerWidth, height: innerHeight },
      };
    }, id);
    assert.equal(seen.focused, id, `${label}: still focused`);
    const inView = (r) => r.top >= 0 && r.left >= 0 && r.bottom <= seen.viewport.height && r.right <= seen.viewport.width;
    for (const [i, net] of seen.nets.entries()) {
      if (option !== null && i !== option) continue;
      assert.ok(inView(net), `${label} (${id}): option ${i}'s net ${JSON.stringify(net)} is in the viewport`);
      far = Math.max(far, Math.abs(seen.field.top - net.top));
    }
    assert.ok(inView(seen.field), `${label} (${id}): the field ${JSON.stringify(seen.field)} is in the viewport`);
    assert.ok(!overlap(seen.field, seen.brief), `${label} (${id}): the brief ${JSON.stringify(seen.brief)} covers the field ${JSON.stringify(seen.field)}`);
  }
  assert.ok(far < viewport.height, `the farthest net was ${Math.round(far)} px from its field`);
  assert.deepEqual(problems, []);
  await page.close();
}

for (const viewport of [PHONE, DESKTOP]) {
  test(`at ${viewport.width}×${viewport.height} in a blog post, after editing any number field its option's new net is in view, and the brief never covers the field`, () =>
    editEveryField(viewport));
}

test("an option folds to its name and net, and stays folded while the form is rebuilt", async () => {
  const { page, widget, problems } = await openPost(PHONE);
  const second = widget.locator('fieldset[data-option="1"]');
  const heading = second.locator(".fold > summary");
  const { report } = engineReply(await widget.evaluate((host) => host.input));
  const net = `net ${briefMoney(report.options[1].net)}`;
  assert.equal(await heading.textContent(), `${report.options[1].name}${net}`, "the heading shows the name and the net");
  const before = await second.evaluate((set) => set.getBoundingClientRect().height);
  await heading.focus();
  await page.keyboard.press("Enter");
  assert.equal(await second.getByLabel("Annual fee (USD)").isVisible(), false, "Enter folds the fields away");
  const folded = await second.evaluate((set) => set.getBoundingClientRect().height);
  assert.ok(folded < 100 && folded < before / 10, `folded, the option is ${folded} px high (${before} px open)`);
  // Another option changes where its referrals come from: the form is built again.
  await widget.locator('fieldset[data-option="0"]').getByRole("radio", { name: "I know my referral rate" }).check();
  await widget.locator('fieldset[data-option="0"]').getByLabel("Referrals a month, once established").waitFor();
  assert.equal(await second.locator(".fold").evaluate((d) => d.open), false, "still folded after the rebuild");
  const after = engineReply(await widget.evaluate((host) => host.input)).report;
  const shown = `net ${briefMoney(after.options[1].net)}`;
  assert.equal(await eventually(() => heading.locator(".net-term").textContent(), shown), shown, "its net follows the figures");
  await heading.click();
  assert.equal(await second.getByLabel("Annual fee (USD)").isVisible(), true, "a tap unfolds it");
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * Presses `key` (Tab or Shift+Tab) through every focus stop of the page,
 * from its top (Tab) or from the link after the widget (Shift+Tab), and
 * reads at each stop the focused element's box and every sticky box that
 * could cover it: the widget's brief and the host's header.
 */
async function walkFocus(page, key) {
  await page.evaluate((backward) => {
    document.activeElement?.blur();
    if (backward) document.querySelector('a[href="#next"]').focus();
    else window.scrollTo(0, 0);
  }, key === "Shift+Tab");
  const stops = [];
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(() => {
      let focused = document.activeElement;
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
      if (!focused || focused === document.body) return null;
      const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
      const host = document.querySelector("networking-roi");
      const covers = [host.shadowRoot.querySelector(".brief"), document.querySelector("header")]
        .filter((e) => e && !e.contains(focused) && getComputedStyle(e).position === "sticky");
      const all = [...focused.getRootNode().querySelectorAll("*")];
      return {
        name: `${focused.localName}#${focused.id} "${(focused.labels?.[0] ?? focused).textContent.trim().slice(0, 40)}"`,
        key: `${focused.getRootNode() === document ? "page" : "widget"} ${all.indexOf(focused)}`,
        inWidget: host.contains(focused.getRootNode().host ?? focused),
        box: box(focused), covers: covers.map(box), height: innerHeight,
      };
    });
    if (!stop) break; // out of the page
    if (stops.some((s) => s.key === stop.key)) break; // round again
    stops.push(stop);
    if (stops.some((s) => s.inWidget) && !stop.inWidget) break; // out of the widget
  }
  return stops;
}

for (const viewport of [DESKTOP, PHONE]) {
  for (const header of [false, true]) {
    const where = `at ${viewport.width}×${viewport.height} in a blog post ${header ? `under a sticky header of ${HEADER} px, --roi-sticky-top: ${HEADER}px` : "without a sticky header"}`;
    test(`${where}, Tab and Shift+Tab never leave the focused control under the brief${header ? " or the header" : ""}`, async () => {
      const { page, widget, problems } = await openPost(viewport, { header });
      const counts = {};
      for (const key of ["Tab", "Shift+Tab"]) {
        const stops = (await walkFocus(page, key)).filter((s) => s.inWidget);
        counts[key] = stops.length;
        const hidden = stops.filter((s) => {
          const ring = { left: s.box.left - RING, right: s.box.right + RING, top: s.box.top - RING, bottom: s.box.bottom + RING };
          return s.box.top < 0 || s.box.bottom > s.height || s.covers.some((c) => overlap(ring, c));
        });
        assert.deepEqual(hidden.map((s) => `${s.name} at ${JSON.stringify(s.box)} under ${JSON.stringify(s.covers)}`), [],
          `${key}: ${hidden.length} of ${stops.length} focus stops hidden`);
      }
      assert.ok(counts.Tab > 40, `${counts.Tab} focus stops in the widget`);
      assert.equal(counts["Shift+Tab"], counts.Tab, "as many stops backward as forward");
      // Scrolled into the form, the brief sticks right under the host's header, or at the top.
      await widget.locator('fieldset[data-option="1"]').getByLabel("Meetings a year").evaluate((e) => e.scrollIntoView({ block: "center" }));
      const top = await widget.locator(".brief").evaluate((e) => e.getBoundingClientRect().top);
      assert.equal(top, header ? HEADER : 0, "the brief's top");
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

test("on a short screen (a phone held sideways) the brief scrolls with the page, and the scroll margins leave it out", async () => {
  const margins = async (viewport) => {
    const { page, widget, problems } = await openPost(viewport, { header: true });
    const read = await widget.evaluate((host) => {
      const root = host.shadowRoot;
      return {
        position: getComputedStyle(root.querySelector(".brief")).position,
        brief: root.querySelector(".brief").getBoundingClientRect().height,
        margin: parseFloat(getComputedStyle(root.querySelector("form input")).scrollMarginTop),
      };
    });
    assert.deepEqual(problems, []);
    await page.close();
    return read;
  };
  const upright = await margins(PHONE);
  assert.equal(upright.position, "sticky");
  assert.equal(upright.margin, HEADER + Math.ceil(upright.brief) + 8, "upright: the header, the brief and 8 px");
  const sideways = await margins({ width: 740, height: 360 });
  assert.equal(sideways.position, "static");
  assert.equal(sideways.margin, HEADER + 8, "sideways: the header and 8 px");
});
