// The full calculator, built inside a <networking-roi> element's shadow root
// once the loader has fetched it and the engine: its state and its one JSON
// crossing per change. The form's figures go to networkingROI.compute, the
// report comes back and is shown (web/form.js edits the figures,
// web/results.js shows the report, web/sharing.js takes it away). Everything
// a reader or a share link supplies is set as text, never as HTML.
import { decodeShare, encodeShare } from "./share.js";
import { parseExactJSON } from "./format.js";
import { DEFAULT_INPUT, PRESETS } from "./schema.js";
import { Form, figuresSummary } from "./form.js";
import { verdictNodes, verdictText, brief, resultsSection, howItWorks } from "./results.js";
import { shareBar } from "./sharing.js";
import { el } from "./dom.js";

const CSS = __CSS__;
const sheet = new CSSStyleSheet();
sheet.replaceSync(CSS);

let widgetCount = 0;

/**
 * Builds the full calculator into the element's shadow root, before the
 * engine is ready when it can: call start(api) on the result once it is.
 * `settings` are the element's attributes, read and checked by the loader;
 * `given` is an input set through the element's `input` property, if any.
 */
export function upgrade(host, settings, given) {
  return new Widget(host, settings, given);
}

class Widget {
  constructor(host, settings, given) {
    this.host = host;
    this.api = null; // networkingROI, once start() has it
    this.id = `roi${++widgetCount}`;
    this.settings = settings;
    this.locale = settings.locale;
    this.syncFragment = host.hasAttribute("fragment");
    this.form = new Form(this);
    this.report = null; // the last good report
    this.goodInput = null; // the input of that report
    const { input, notice, unchecked } = this.startingInput(given);
    this.input = input;
    // The currency of the default amounts among the figures: the build's
    // copy of the defaults is the engine's in US dollars, until start().
    this.defaultsIn = DEFAULT_INPUT.currency;
    // A share link's or an embedder's figures are shown only once the engine
    // accepts them; the rest is built now, while the engine loads.
    this.unchecked = unchecked;
    if (!unchecked) this.build(notice);
    this.listenForPrint();
  }

  /** Takes the engine, checks the starting figures if they need it, and shows the first result. */
  start(api) {
    this.api = api;
    if (this.unchecked) {
      const completed = this.completed(this.input);
      this.input = completed ?? this.fromSettings();
      if (completed) this.defaultsIn = completed.currency; // the engine filled them in its currency
      this.build(completed ? "" : this.unchecked);
    }
    this.form.followCurrency();
    this.compute();
    this.ready = true;
    this.tell("networking-roi:ready");
  }

  /** The calculator's page: notice, verdict, the results in brief, form, results, sharing, and how it works. */
  build(notice) {
    const root = this.host.shadowRoot;
    // The loader's figures for the default comparison, until the engine's own.
    const prebuilt = notice ? "" : root.querySelector(".verdict:not(.loading)")?.textContent ?? "";
    // The space the loading state reserved (loader.css), kept until the first
    // result is shown, so that the form alone does not pull up what follows.
    const reserved = root.querySelector(".frame")?.getBoundingClientRect().height ?? 0;
    root.adoptedStyleSheets = [sheet];
    this.el = {
      notice: el("p", { class: "notice", role: "status" }, notice),
      verdict: el("p", { class: "verdict" }, prebuilt),
      stale: el("p", { class: "stale-note", role: "status" }),
      live: el("div", { class: "visually-hidden", role: "status", "aria-live": "polite" }),
      brief: el("div", { class: "brief" }, brief(null, this.locale, this.input)),
      // The reader's figures, for paper: the form is not printed (written out before printing, listenForPrint).
      figures: el("section", { class: "print-figures", "aria-label": "Your figures" }),
      results: el("section", { class: "results", "aria-label": "Results" }, el("p", { class: "muted" }, "Loading the calculator…")),
      how: el("div"),
    };
    this.showHowItWorks();
    this.el.widget = el("div", { class: "widget" }, this.el.notice, this.el.verdict, this.el.stale, this.el.live,
      this.el.brief, this.form.element, this.el.figures, this.el.results, shareBar(this), this.el.how);
    if (reserved) {
      // Through the CSSOM, which a page's CSP allows. While it grows the
      // widget is no scroll anchor: the browser anchors on what follows it,
      // so a reader below it (a jump link's heading) stays where they are.
      this.el.widget.style.minHeight = `${reserved}px`;
      this.el.widget.style.overflowAnchor = "none";
    }
    root.replaceChildren(this.el.widget);
    this.keepFocusClear(this.el.widget);
    this.form.build();
  }

  /** Once the first figures are drawn: the widget takes its own height, and may anchor scrolling again. */
  releaseSpace() {
    this.el.widget.style.minHeight = "";
    this.el.widget.style.overflowAnchor = "";
  }

  /**
   * Gives widget.css the height of the sticky brief, as --brief-height on
   * the widget, whenever it changes (an option added, a name wrapping): the
   * focusable elements' scroll margin, so that the browser never scrolls a
   * focused control under it (WCAG 2.4.11). Set through the CSSOM, which a
   * page's Content Security Policy allows.
   */
  keepFocusClear(widget) {
    new ResizeObserver(([entry]) => {
      widget.style.setProperty("--brief-height", `${Math.ceil(entry.borderBoxSize[0].blockSize)}px`);
    }).observe(this.el.brief);
  }

  /** "How this is calculated", with the defaults in the current currency and locale: built again only when either changes. */
  showHowItWorks() {
    const shown = `${this.input.currency} ${this.locale}`;
    if (this.el.how.dataset.shown === shown) return;
    this.el.how.dataset.shown = shown;
    const open = this.el.how.firstChild?.open ?? false;
    this.el.how.replaceChildren(howItWorks(this.input.currency, this.locale));
    this.el.how.firstChild.open = open;
  }

  // ---- the figures ----

  /**
   * The input to start from: a share link, an input set on the element, the
   * JSON child, or the attributes over the defaults. `unchecked` is set for
   * figures the engine must accept first: the notice to show if it does not.
   */
  startingInput(given) {
    if (this.syncFragment && location.hash.length > 1) {
      const shared = decodeShare(location.hash);
      const refused = "This link could not be read, so the calculator shows its default figures.";
      return shared.ok ? { input: shared.input, notice: "", unchecked: refused } : { input: this.fromSettings(), notice: refused };
    }
    const script = this.host.querySelector('script[type="application/json"]');
    const text = given ?? script?.textContent;
    if (text !== undefined) {
      const refused = "The figures given to this calculator could not be read; it shows its defaults.";
      try {
        return { input: typeof text === "string" ? parseExactJSON(text) : text, notice: "", unchecked: refused };
      } catch {
        return { input: this.fromSettings(), notice: refused };
      }
    }
    return { input: this.fromSettings(), notice: "" };
  }

  /** The default input with the element's settings: its presets, currency and horizon. */
  fromSettings() {
    const input = structuredClone(DEFAULT_INPUT);
    input.options = this.settings.presets.map((k) => this.preset(k));
    input.currency = this.settings.currency;
    input.horizonMonths = this.settings.horizon;
    return input;
  }

  /**
   * Follows a changed attribute. The reader's own figures stay where they
   * still apply: new presets keep the options already there of the same kind
   * (in order), and the business figures are untouched.
   */
  configure(settings, name) {
    const old = this.settings;
    this.settings = settings;
    if (!this.el) return; // still checking its starting figures: start() builds with these settings
    if (name === "preset" && settings.presets.join() !== old.presets.join()) {
      const left = [...this.input.options];
      this.input.options = settings.presets.map((kind) => {
        const same = left.findIndex((o) => o.kind === kind);
        return same < 0 ? this.preset(kind) : left.splice(same, 1)[0];
      });
      this.form.kept = [];
    } else if (name === "currency") {
      this.input.currency = settings.currency;
      this.form.followCurrency();
    } else if (name === "horizon") {
      this.input.horizonMonths = settings.horizon;
    } else if (name === "locale") {
      this.locale = settings.locale;
    } else {
      return; // theme and compact are styles: the shadow root's CSS follows the attribute
    }
    this.form.build();
    this.showHowItWorks();
    this.compute();
    if (name === "locale" && this.report) this.renderFigures();
  }

  /**
   * A kind's starting option, every field written out, its money in the
   * currency of the defaults among the figures: the engine's, or before it
   * loads the build's copy in US dollars, which start() converts with the rest.
   */
  preset(kind) {
    return this.api ? this.defaults(this.defaultsIn, [kind]).options[0] : structuredClone(PRESETS[kind]);
  }

  /**
   * The engine's defaults in a currency: the business's, and a starting
   * option of each kind given; undefined if the engine refuses the currency.
   */
  defaults(currency, kinds) {
    return JSON.parse(this.api.complete(JSON.stringify({ currency, options: kinds.map((kind) => ({ kind })) }))).input;
  }

  /** The model's JSON input of the figures shown: a copy, with decimals as strings. */
  currentInput() {
    return structuredClone(this.goodInput);
  }

  /** Replaces every figure with an embedder's input, if the engine accepts it; says why not on the console. */
  replaceInput(value) {
    let input;
    try {
      input = typeof value === "string" ? parseExactJSON(value) : structuredClone(value);
    } catch (err) {
      console.warn(`<networking-roi>: the input is not JSON (${err.message}); the figures are unchanged.`);
      return;
    }
    if (!this.api) { // the engine is still loading: start() checks it
      this.input = input;
      this.unchecked = "The figures given to this calculator could not be read; it shows its defaults.";
      if (this.el) this.form.build();
      return;
    }
    const completed = this.completed(input);
    if (!completed) return;
    this.input = completed;
    this.defaultsIn = completed.currency;
    this.form.reset();
    this.compute();
  }

  /**
   * Figures given to the widget (a share link, a JSON child, the input
   * property) with every field the engine would default written out, so that
   * the form shows them; null, with a console warning naming each refused
   * field, if the engine refuses them.
   */
  completed(input) {
    const reply = JSON.parse(this.api.complete(JSON.stringify(input)));
    if (reply.errors) console.warn(`<networking-roi>: the figures given were refused: ${reply.errors.map((e) => `${e.field}: ${e.message}`).join(" ")}`);
    return reply.input ?? null;
  }

  // ---- computing and showing ----

  compute() {
    if (!this.api) return; // start() computes whatever the reader typed meanwhile
    const json = JSON.stringify(this.input);
    const reply = JSON.parse(this.api.compute(json));
    if (reply.errors) {
      this.showErrors(reply.errors);
      if (!this.report) { // figures typed while the engine loaded, refused at once: no result to keep
        this.el.verdict.textContent = "";
        this.el.results.replaceChildren(el("p", { class: "muted" }, "Correct the figures marked above to see the results."));
      }
      this.markStale(Boolean(this.report));
      return;
    }
    this.showErrors([]);
    this.markStale(false);
    this.report = reply.report;
    this.showHowItWorks();
    this.goodInput = JSON.parse(json);
    this.render();
    if (this.ready) this.tell("networking-roi:change");
    if (this.syncFragment) {
      clearTimeout(this.fragmentTimer);
      this.fragmentTimer = setTimeout(() => history.replaceState(null, "", `#${encodeShare(this.goodInput)}`), 250);
    }
  }

  /**
   * Marks each field the engine refused and clears the others; errors of no
   * field go to the notice. Only fields whose message changes are touched:
   * on most keystrokes, none.
   */
  showErrors(errors) {
    const byPath = new Map(errors.map((e) => [e.field, e.message]));
    for (const [path, field] of this.form.fields) {
      const message = byPath.get(path) || "";
      byPath.delete(path);
      if (message === (field.shown ?? "")) continue;
      field.shown = message;
      field.error.textContent = message;
      if (message) field.input.setAttribute("aria-invalid", "true");
      else field.input.removeAttribute("aria-invalid");
    }
    const general = [...byPath.values()].join(" ");
    this.el.notice.textContent = general || (this.report ? "" : this.el.notice.textContent);
  }

  /**
   * While a field is refused, the verdict and the results are still those of
   * the last figures the engine took: say so on screen and to a screen
   * reader (the note is a status), once as it starts and clear it once fixed.
   */
  markStale(stale) {
    const note = stale ? "These results are for your last valid figures: correct the field marked to update them." : "";
    if (this.el.stale.textContent === note) return;
    this.el.stale.textContent = note;
    for (const shown of [this.el.verdict, this.el.brief, this.el.results]) shown.classList.toggle("stale", stale);
  }

  /**
   * Shows the verdict and the figures in view while editing (the brief, each
   * option's net in the form) at once, and the cards and chart at the next
   * frame, once however fast the reader types.
   */
  render() {
    const r = this.report;
    this.el.verdict.replaceChildren(...verdictNodes(r, this.locale));
    this.el.brief.replaceChildren(brief(r, this.locale));
    this.form.showNets(r);
    const spoken = [verdictText(r, this.locale), this.form.showReach(r)].join(" ").trim();
    clearTimeout(this.announceTimer); // announce the verdict once typing pauses, not on every key
    this.announceTimer = setTimeout(() => {
      if (this.el.live.textContent !== spoken) this.el.live.textContent = spoken;
    }, 900);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.renderFigures();
    });
  }

  renderFigures() {
    this.el.results.replaceChildren(...resultsSection(this.report, { input: this.goodInput, locale: this.locale, id: this.id }));
    this.releaseSpace(); // the reserved space gives way to the figures in the same frame
  }

  /**
   * Prepares the widget for paper: before printing, the reader's figures
   * are written out for it (the form is not printed; they are built here
   * rather than on every keystroke, as only paper shows them), and each
   * closed <details> of the widget is opened (CSS cannot show a closed one's
   * content in every browser), and after, closed again, leaving the page as
   * the reader left it. Listens to the window while the element is in the
   * document.
   */
  listenForPrint() {
    const view = this.host.ownerDocument.defaultView;
    if (!view || (this.printListening && !this.printListening.signal.aborted)) return;
    this.printListening = new AbortController();
    const { signal } = this.printListening;
    let opened = [];
    view.addEventListener("beforeprint", () => {
      if (this.goodInput) this.el.figures.replaceChildren(...figuresSummary(this.goodInput, this.locale));
      opened = [...this.host.shadowRoot.querySelectorAll("details:not([open])")];
      for (const details of opened) details.open = true;
    }, { signal });
    view.addEventListener("afterprint", () => {
      for (const details of opened) details.open = false;
      opened = [];
    }, { signal });
  }

  /** Stops pending work while the element is out of the document; resume() catches up. */
  pause() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.announceTimer);
    this.printListening?.abort();
  }

  /** Back in the document: shows the last result again, should a pause have cut its drawing short. */
  resume() {
    this.listenForPrint();
    if (this.report) this.render();
  }

  // ---- the host page ----

  /** Tells the host page what the calculator shows: a bubbling, composed event with the summary. */
  tell(type) {
    this.host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail: this.eventDetail() }));
  }

  /**
   * The results in brief, for the host page (its own analytics, a caption):
   * each option's name, net, payback month and chance of coming out best,
   * and which is best. Decimals are strings, as in the report. Null while the
   * figures are refused and nothing has been computed yet.
   */
  eventDetail() {
    const r = this.report;
    if (!r) return null;
    const c = r.comparison;
    return {
      currency: r.currency,
      horizonMonths: r.horizonMonths,
      best: c.best,
      bestName: c.bestName,
      tie: c.tie,
      options: r.options.map((o, i) => ({
        name: o.name, kind: o.kind, net: o.net, paybackMonth: o.paybackMonth, chanceBest: c.chanceBest[i],
      })),
    };
  }
}
