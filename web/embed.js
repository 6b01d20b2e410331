// Inside embed.html, framed by a host page: tells the host how tall the
// calculator is, so the host's iframe can fit it. Only the height crosses;
// the host checks the message's origin (see the README's snippet).
// The content's own height: scrollHeight never drops below the frame's, so a
// frame sized by it could grow but never shrink.
const post = () => parent.postMessage({ type: "networking-roi:height", height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*");
new ResizeObserver(post).observe(document.documentElement);
post();
