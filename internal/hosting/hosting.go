// Package hosting holds the rules for serving the built widget folder: the
// response headers a host must send with each of its files. Blogs on other
// origins load the widget's modules and fetch its .wasm, so every file goes
// out with CORS and CORP headers; names that carry a content hash are cached
// forever. cmd/serve sends these headers and cmd/build writes them into the
// static host's _headers file, so the two cannot disagree.
package hosting

import (
	"mime"
	"net/http"
	"path"
	"regexp"
)

// hashedName matches names that carry a content hash: name.0123456789.ext.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{10}\.[a-z]+$`)

// Headers returns the response headers a host must send with the file of the
// built folder called name ("widget.0746757c05.js", or a URL path such as
// "/index.html"):
//
//   - Access-Control-Allow-Origin: * and Cross-Origin-Resource-Policy:
//     cross-origin, as the files are public and carry no credentials: any
//     origin may load them, also a page isolated with
//     Cross-Origin-Embedder-Policy;
//   - X-Content-Type-Options: nosniff, and the Content-Type: application/wasm
//     for the engine (streaming compilation requires it), JavaScript for the
//     modules whatever the system's MIME tables say, and the mime package's
//     type for the rest (none for an extension it does not know);
//   - Cache-Control: "public, max-age=31536000, immutable" for a name with a
//     content hash, "no-cache" for the pages and the loader, whose names stay
//     the same from one build to the next.
func Headers(name string) http.Header {
	h := http.Header{}
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	h.Set("X-Content-Type-Options", "nosniff")
	if contentType := contentType(name); contentType != "" {
		h.Set("Content-Type", contentType)
	}
	if hashedName.MatchString(name) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	return h
}

func contentType(name string) string {
	switch ext := path.Ext(name); ext {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	default:
		return mime.TypeByExtension(ext)
	}
}
