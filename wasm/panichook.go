//go:build js && wasm && panichook

package main

import (
	"bytes"

	"github.com/networking-roi/widget/calc"
)

// A test-only build (go build -tags panichook) whose engine panics on any
// input naming an option "__panic__", so that the browser tests can check
// that a panic costs one call and no widget on the page.
func init() {
	engine = func(input []byte) []byte {
		if bytes.Contains(input, []byte(`"__panic__"`)) {
			panic("forced by the panichook build")
		}
		return calc.ComputeJSON(input)
	}
}
