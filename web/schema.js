// The engine's schema, written in by cmd/build from calc.InputSchema: every
// field's label, unit and bounds, the kinds and their names, every default
// with its source, and the starting input and presets. The widget keeps no
// copy of any of them.

export const SCHEMA = __SCHEMA__;
export const PRESETS = __PRESETS__; // each kind's starting option, every field written out
export const DEFAULT_INPUT = __DEFAULT_INPUT__; // the default comparison, every field written out

const byPath = new Map(SCHEMA.fields.map((f) => [f.path, f]));

/**
 * A field's description by its path in the input, with the options' index
 * dropped: "hourlyValue", "options[2].closeRate" and "options[0].reach.passOnRate"
 * all find theirs; a bare option key ("closeRate") is read as an option's.
 */
export function fieldSpec(path) {
  const general = path.replace(/\[\d+\]/g, "[]");
  return byPath.get(general) ?? byPath.get(`options[].${general}`);
}

/** The name an option of a kind starts with. */
export function kindName(kind) {
  return SCHEMA.kinds.find((k) => k.kind === kind)?.name ?? kind;
}

/**
 * The reach an option of a kind starts from when the reader switches it to
 * relationships: its preset's, or for a kind without one (custom) the
 * figures every group shares, and 0 for the others.
 */
export function reachStart(kind) {
  if (PRESETS[kind]?.reach) return structuredClone(PRESETS[kind].reach);
  const reach = {};
  for (const f of SCHEMA.fields) if (f.path.startsWith("options[].reach.")) reach[f.path.slice(16)] = f.default;
  for (const d of SCHEMA.defaults) if (d.kind === "" && d.field.startsWith("reach.")) reach[d.field.slice(6)] = d.value;
  return reach;
}
