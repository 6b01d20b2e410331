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

/** The reach helper's starting figures: the engine's shared defaults for `reach`. */
export function reachStart() {
  return Object.fromEntries(SCHEMA.defaults.filter((d) => d.kind === "" && d.field.startsWith("reach."))
    .map((d) => [d.field.slice("reach.".length), d.value]));
}
