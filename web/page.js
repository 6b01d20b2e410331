// Loads the engine and shows the default comparison's verdict.
(async () => {
  const out = document.getElementById("verdict");
  try {
    const go = new Go();
    const { instance } = await WebAssembly.instantiateStreaming(fetch("networking-roi.wasm"), go.importObject);
    go.run(instance);
    const reply = JSON.parse(globalThis.networkingROI.compute("{}"));
    out.textContent = reply.report ? reply.report.comparison.verdict : reply.errors[0].message;
  } catch (err) {
    out.textContent = "The calculator could not start: " + err.message;
  }
})();
