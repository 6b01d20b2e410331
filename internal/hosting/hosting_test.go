package hosting

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHeadersOfEveryKindOfFile(t *testing.T) {
	const (
		immutable = "public, max-age=31536000, immutable"
		noCache   = "no-cache"
	)
	cases := []struct {
		about, name, contentType, cacheControl string
	}{
		{"the loader revalidates", "networking-roi.js", "text/javascript; charset=utf-8", noCache},
		{"a hashed module is immutable", "widget.0746757c05.js", "text/javascript; charset=utf-8", immutable},
		{"the hashed engine is wasm", "networking-roi.1a2b3c4d5e.wasm", "application/wasm", immutable},
		{"a hashed style sheet is css", "page.0123456789.css", "text/css; charset=utf-8", immutable},
		{"the page revalidates", "index.html", "text/html; charset=utf-8", noCache},
		{"a URL path is read like a name", "/embed.html", "text/html; charset=utf-8", noCache},
		{"a hashed URL path is immutable", "/wasm_exec.abcdef0123.js", "text/javascript; charset=utf-8", immutable},
		{"an svg is an image", "icon.svg", "image/svg+xml", noCache},
		{"a hash of nine digits is no hash", "widget.074675705.js", "text/javascript; charset=utf-8", noCache},
		{"a hash in capitals is no hash", "widget.0746757C05.js", "text/javascript; charset=utf-8", noCache},
		{"an unknown extension has no type", "notes.0123456789.unknownext", "", immutable},
	}
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			want := http.Header{
				"Access-Control-Allow-Origin":  {"*"},
				"Cross-Origin-Resource-Policy": {"cross-origin"},
				"X-Content-Type-Options":       {"nosniff"},
				"Cache-Control":                {tc.cacheControl},
			}
			if tc.contentType != "" {
				want.Set("Content-Type", tc.contentType)
			}
			assert.Equal(t, want, Headers(tc.name))
		})
	}
}

func TestHeadersAreANewMapEachTime(t *testing.T) {
	h := Headers("index.html")
	h.Set("Cache-Control", "private")
	assert.Equal(t, "no-cache", Headers("index.html").Get("Cache-Control"))
}
