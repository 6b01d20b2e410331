// Inside embed.html, framed by a host page. It takes the calculator's
// settings from the frame's URL, and tells the host how tall the calculator
// is, so the host's iframe can fit it.

// embed.html?preset=weekly_group,open_network&currency=EUR&horizon=36&compact:
// each known parameter becomes the element's attribute of the same name (the
// element checks the values, warning and falling back on a bad one); others
// are ignored, `page` and `fragment` among them, so that a crafted address
// cannot point "Copy link" elsewhere. Figures in the fragment (#v1.…, as the
// embed builder writes them) become the element's input, checked by the
// engine once it loads; "Copy link" still points at the full page. This
// module runs once the page is parsed, before the loader reads either.
import { decodeShare } from "./share.js";

const SETTINGS = ["preset", "currency", "locale", "horizon", "theme", "compact"];
const calculator = document.querySelector("networking-roi");
const query = new URLSearchParams(location.search);
for (const name of SETTINGS) if (query.has(name)) calculator.setAttribute(name, query.get(name));
const shared = decodeShare(location.hash);
if (shared.ok) calculator.input = shared.input;

// Only the height crosses to the host, and the host checks the message's
// origin (see the README's snippet). The content's own height: scrollHeight
// never drops below the frame's, so a frame sized by it could grow but never
// shrink.
const post = () => parent.postMessage({ type: "networking-roi:height", height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*");
new ResizeObserver(post).observe(document.documentElement);
post();
