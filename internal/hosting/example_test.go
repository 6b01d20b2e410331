package hosting_test

import (
	"fmt"
	"maps"
	"slices"

	"github.com/networking-roi/widget/internal/hosting"
)

func ExampleHeaders() {
	h := hosting.Headers("widget.0746757c05.js")
	for _, name := range slices.Sorted(maps.Keys(h)) {
		fmt.Printf("%s: %s\n", name, h.Get(name))
	}
	// Output:
	// Access-Control-Allow-Origin: *
	// Cache-Control: public, max-age=31536000, immutable
	// Content-Type: text/javascript; charset=utf-8
	// Cross-Origin-Resource-Policy: cross-origin
	// X-Content-Type-Options: nosniff
}
