// The one way the widget makes DOM: elements with attributes and children,
// strings as text nodes. Nothing a reader or a link supplies is ever parsed
// as HTML.

/** Creates an element with attributes and children; strings become text nodes, null and undefined are skipped. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** An option's name, isolated from the text around it, so that right-to-left names cannot reorder the figures beside them. */
export function nameOf(text) {
  return el("bdi", {}, text);
}
