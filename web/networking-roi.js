// <networking-roi>: the loader, the only script a host page fetches up front.
// It defines the element, shows the default comparison's figures (computed at
// build time by the same engine), and only when the element nears the
// viewport fetches the widget and the engine, once for every widget on the page.

const ASSETS = __ASSETS__;
const PREBUILT = __PREBUILT__;
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

/** The attributes that change what the widget computes at first. */
const INPUT_ATTRIBUTES = ["preset", "currency", "horizon"];

class NetworkingROIElement extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    // Once the page is parsed, when the browser is idle: the element's own
    // content (a JSON child) is known by then, and the host page's parsing and
    // first layout are long enough without the widget's work in them.
    const idle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback));
    const start = () => idle(() => this.start(), { timeout: 500 });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
  }

  /** Shows the prebuilt figures and waits for the element to near the viewport. */
  start() {
    this.showPrebuilt(this.attachShadow({ mode: "open" }));
    const near = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        near.disconnect();
        this.upgrade();
      }
    }, { rootMargin: "400px" });
    near.observe(this);
  }

  /** The default comparison's figures, until the engine computes the reader's. */
  showPrebuilt(root) {
    const custom = INPUT_ATTRIBUTES.some((a) => this.hasAttribute(a)) || this.querySelector('script[type="application/json"]');
    const add = (tag, text, className) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (className) el.className = className;
      return el;
    };
    const frame = add("div", "", "frame");
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
    root.replaceChildren(frame);
    if (custom) {
      frame.append(add("p", "Loading the calculator…", "note"));
      return;
    }
    // The figures come formatted from the build: a page's first currency
    // Intl.NumberFormat costs tens of milliseconds, too much before the
    // reader even scrolls to the widget.
    const list = document.createElement("ul");
    for (const line of PREBUILT.lines) list.append(add("li", line));
    frame.append(add("p", PREBUILT.verdict, "verdict"), list,
      add("p", "Default figures; the calculator loads as you scroll to it.", "note"));
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
      setTimeout(() => {
        try {
          new Intl.NumberFormat(this.getAttribute("locale") || undefined).format(1);
        } catch { /* a malformed locale: the widget falls back to the default one */ }
      });
      // widget.js is one bundle: the widget and all it imports
      const { upgrade } = await import(new URL(ASSETS.widget, base).href);
      const widget = upgrade(this);
      widget.start(await engine);
    } catch (err) {
      this.showPrebuilt(this.shadowRoot); // the calculator may have replaced them
      const note = document.createElement("p");
      note.className = "note";
      note.setAttribute("role", "status");
      note.textContent = err.message === "no-wasm"
        ? "These are the default figures. To try your own, this calculator needs WebAssembly, which this browser has turned off."
        : "The calculator could not load; the figures above are its defaults. Reload the page to try again.";
      (this.shadowRoot.querySelector(".frame") ?? this.shadowRoot).append(note);
    }
  }
}

if (!customElements.get("networking-roi")) customElements.define("networking-roi", NetworkingROIElement);
