// <networking-roi>: the loader, the only script a host page fetches up front.
// It defines the element, shows the default comparison's figures (computed at
// build time by the same engine), and only when the element nears the
// viewport fetches the widget and the engine, once for every widget on the page.
// Its attributes are its public API, read here and observed: change one and
// the calculator follows.

const ASSETS = __ASSETS__;
const PREBUILT = __PREBUILT__; // per offered currency: the default comparison's verdict and lines
const SETTINGS = __SETTINGS__; // from the engine: kinds and their names, offered currencies, horizon limits
const base = new URL(".", import.meta.url);

const CSS = __LOADER_CSS__; // web/loader.css, minified by cmd/build
let sheet; // made on first use: nothing is parsed while the host page loads

let engine; // one Go instance for every widget on the page

/** Loads wasm_exec.js and the .wasm once; resolves to networkingROI. */
function loadEngine() {
  engine ??= (async () => {
    const wasm = fetch(new URL(ASSETS.wasm, base)); // in parallel with wasm_exec.js
    await new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(ASSETS.exec, base).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error("wasm_exec.js did not load"));
      document.head.append(script);
    });
    const go = new globalThis.Go();
    const { instance } = await WebAssembly.instantiateStreaming(wasm, go.importObject);
    go.run(instance); // never returns: the bridge keeps serving calls
    return globalThis.networkingROI;
  })();
  return engine;
}

const THEMES = ["light", "dark", "auto"];

/** Warns the embedder, once per bad value, that an attribute fell back to its default. */
function warn(host, name, value, accepted, fallback) {
  const key = `${name}=${value}`;
  host.warned ??= new Set();
  if (host.warned.has(key)) return;
  host.warned.add(key);
  console.warn(`<networking-roi>: ${name}="${value}" is not valid; it accepts ${accepted}. Using ${fallback}.`);
}

/**
 * The element's settings from its attributes, each invalid one replaced by
 * its default with a console warning that names the attribute and what it
 * accepts.
 */
function readSettings(host) {
  const { kinds } = SETTINGS;
  const settings = {
    presets: SETTINGS.defaultPresets, currency: SETTINGS.currencies[0], horizon: SETTINGS.horizon.default,
    locale: navigator.language || "en",
  };
  const preset = host.getAttribute("preset");
  if (preset !== null) {
    const list = preset.split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length && list.length <= SETTINGS.maxOptions && list.every((k) => kinds.includes(k))) settings.presets = list;
    else warn(host, "preset", preset, `1 to ${SETTINGS.maxOptions} of ${kinds.join(", ")}, comma-separated`, SETTINGS.defaultPresets.join(","));
  }
  const currency = host.getAttribute("currency");
  if (currency !== null) {
    if (/^[A-Za-z]{3}$/.test(currency.trim())) settings.currency = currency.trim().toUpperCase();
    else warn(host, "currency", currency, `a three-letter ISO 4217 code such as ${SETTINGS.currencies.join(", ")}`, settings.currency);
  }
  const horizon = host.getAttribute("horizon");
  if (horizon !== null) {
    const { min, max } = SETTINGS.horizon;
    if (/^\d{1,3}$/.test(horizon.trim()) && +horizon >= min && +horizon <= max) settings.horizon = +horizon;
    else warn(host, "horizon", horizon, `a whole number of months from ${min} to ${max}`, settings.horizon);
  }
  const locale = host.getAttribute("locale");
  if (locale !== null) {
    try {
      settings.locale = Intl.getCanonicalLocales(locale.trim())[0] ?? settings.locale;
    } catch {
      warn(host, "locale", locale, "a BCP 47 language tag such as en-GB, de or fr", `the browser's language (${settings.locale})`);
    }
  }
  const theme = host.getAttribute("theme");
  if (theme !== null && !THEMES.includes(theme)) warn(host, "theme", theme, THEMES.join(", "), "light");
  return settings;
}

/**
 * The figures the build computed for these settings, if they are the
 * default comparison's: written in English, as the calculator writes them
 * in English, so they are shown to English readers only, lest a German
 * reader see "€11,466" turn into "11.466 €" (or to anyone, once the
 * calculator cannot load: figures in English beat none).
 */
function prebuiltFor(host, settings, { anyLocale = false } = {}) {
  const sharedLink = host.hasAttribute("fragment") && location.hash.length > 1;
  if (sharedLink || host.querySelector('script[type="application/json"]') || host.inputGiven) return null;
  if (!anyLocale && !/^en(-|$)/i.test(settings.locale)) return null;
  const defaults = settings.presets.join() === SETTINGS.defaultPresets.join() && settings.horizon === SETTINGS.horizon.default;
  return defaults ? PREBUILT[settings.currency] ?? null : null;
}

/** The option names a loading state lists: the JSON child's or those of the chosen kinds. */
function optionNames(host, settings) {
  try {
    let given = host.inputGiven ?? host.querySelector('script[type="application/json"]')?.textContent;
    if (typeof given === "string") given = JSON.parse(given);
    if (Array.isArray(given?.options)) return given.options.map((o) => String(o?.name ?? SETTINGS.kindNames[o?.kind] ?? "Option"));
  } catch { /* unreadable: the calculator will say so */ }
  return settings.presets.map((k) => SETTINGS.kindNames[k]);
}

/** An element of the loading state: its class (none if empty) and its text. */
function element(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

class NetworkingROIElement extends HTMLElement {
  static observedAttributes = ["preset", "currency", "locale", "horizon", "theme", "compact"];

  connectedCallback() {
    // An input set before this element was defined is an own property that
    // hides the accessor: take it through the accessor instead.
    if (Object.hasOwn(this, "input")) {
      const value = this.input;
      delete this.input;
      this.input = value;
    }
    if (this.near) this.near.observe(this); // moved in the DOM before it upgraded
    this.widget?.resume();
    if (this.started) return;
    this.started = true;
    // The loading state's reserved space at once, before the browser next
    // paints if it can: drawn later, it would push what follows the element
    // down under the reader's eyes. Its figures follow when the browser is idle.
    this.frame();
    // Once the page is parsed, when the browser is idle: the element's own
    // content (a JSON child) is known by then, and the host page's parsing and
    // first layout are long enough without the widget's work in them.
    const idle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback));
    const start = () => idle(() => this.start(), { timeout: 500 });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
  }

  disconnectedCallback() {
    this.near?.disconnect();
    this.widget?.pause();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.shadowRoot) return; // start() reads every attribute
    const settings = readSettings(this);
    if (this.widget) this.widget.configure(settings, name);
    else this.showPrebuilt(settings);
  }

  /** The calculator's figures as the model's JSON input: those of the report shown. Null until it has one. */
  get input() {
    return this.widget?.currentInput() ?? null;
  }

  /**
   * Sets the calculator's figures: the model's JSON input, as an object or a
   * JSON text (whose numbers are read exactly). Before the engine loads they
   * are kept and checked once it arrives; figures the engine refuses are
   * named in a console warning and change nothing.
   */
  set input(value) {
    if (this.widget) {
      this.widget.replaceInput(value);
      return;
    }
    this.inputGiven = typeof value === "string" ? value : structuredClone(value);
    if (this.shadowRoot) this.showPrebuilt(readSettings(this)); // no default figures for these
  }

  /** The engine's last report for the figures shown (read only), or null before the first. */
  get report() {
    return structuredClone(this.widget?.report ?? null);
  }

  /** Shows the prebuilt figures and waits for the element to near the viewport. */
  start() {
    this.showPrebuilt(readSettings(this));
    this.near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.near.disconnect();
        this.near = null;
        this.upgrade();
      }
    }, { rootMargin: "400px" });
    if (this.isConnected) this.near.observe(this);
  }

  /**
   * The loading state's frame, in place of whatever the shadow root held: an
   * empty space that reserves the calculator's height at the frame's width
   * (loader.css), and beside it the box for the figures, which it returns.
   */
  frame() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    const frame = element("div", "frame"), space = element("div", "space"), figures = element("div", "figures");
    frame.append(space, figures);
    root.replaceChildren(frame);
    return figures;
  }

  /**
   * The default comparison's figures, until the engine computes the reader's;
   * for any other settings, a loading state of the same shape. Returns the
   * box that holds them.
   */
  showPrebuilt(settings, options) {
    const figures = this.frame();
    // The figures come formatted from the build: a page's first currency
    // Intl.NumberFormat costs tens of milliseconds, too much before the
    // reader even scrolls to the widget.
    const prebuilt = prebuiltFor(this, settings, options);
    const list = element("ul");
    if (prebuilt) {
      for (const line of prebuilt.lines) list.append(element("li", "", line));
      figures.append(element("p", "verdict", prebuilt.verdict), list,
        element("p", "note", "Default figures; the calculator loads as you scroll to it."));
      return figures;
    }
    for (const name of optionNames(this, settings)) list.append(element("li", "", `${name}: net …`));
    figures.append(element("p", "verdict loading", "Loading the calculator…"), list,
      element("p", "note", "The calculator loads as you scroll to it."));
    return figures;
  }

  /** Builds the calculator as soon as its module arrives, and starts it once the engine is ready. */
  async upgrade() {
    try {
      if (typeof WebAssembly !== "object") throw new Error("no-wasm");
      const engine = loadEngine();
      engine.catch(() => {}); // awaited below, once the calculator is built
      // While the widget's module is in flight, pay for the page's first
      // number formatter (tens of milliseconds), which the form would
      // otherwise pay once the module arrives. It shares the main thread with
      // the .wasm's streaming compile, which it delays on a fast link; on a
      // slow one it is free (see the README's performance section).
      setTimeout(() => new Intl.NumberFormat(readSettings(this).locale).format(1));
      // widget.js is one bundle: the widget and all it imports
      const { upgrade } = await import(new URL(ASSETS.widget, base).href);
      // Settings are read again: an attribute may have changed while the module loaded.
      this.widget = upgrade(this, readSettings(this), this.inputGiven);
      this.inputGiven = undefined;
      this.widget.start(await engine);
    } catch (err) {
      this.widget = null;
      const figures = this.showPrebuilt(readSettings(this), { anyLocale: true }); // the calculator may have replaced them
      const note = element("p", "note", err.message === "no-wasm"
        ? "These are the default figures. To try your own, this calculator needs WebAssembly, which this browser has turned off."
        : "The calculator could not load; the figures above are its defaults. Reload the page to try again.");
      note.setAttribute("role", "status");
      figures.append(note);
    }
  }
}

if (!customElements.get("networking-roi")) customElements.define("networking-roi", NetworkingROIElement);
