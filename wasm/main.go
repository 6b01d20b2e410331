//go:build js && wasm

// Command wasm is the browser build of the engine: a thin bridge that defines
// globalThis.networkingROI = {compute(inputJSON) → replyJSON,
// complete(inputJSON) → {"input"} or {"errors"}, version} and then
// keeps running, so that every widget on a page shares one Go instance.
package main

import (
	"runtime/debug"
	"syscall/js"

	"github.com/networking-roi/widget/calc"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// engine is the compute the bridge serves; a test-only build replaces it.
var engine = calc.ComputeJSON

func main() {
	// A compute's garbage is a few hundred KB at most. Wasm memory never
	// shrinks, so collect early rather than let the heap double: measured in
	// make bench, 25 keeps growth over 10,000 computes under 1.5× at no cost
	// in time, where Go's default of 100 doubles it.
	debug.SetGCPercent(25)
	js.Global().Set("networkingROI", bridge(engine))
	select {} // keep serving calls; the program never exits
}

// bridge builds the JavaScript object around a compute function.
func bridge(compute func([]byte) []byte) js.Value {
	api := js.Global().Get("Object").New()
	api.Set("compute", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return call(compute, args)
	}))
	api.Set("complete", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return call(calc.CompleteJSON, args)
	}))
	api.Set("version", version)
	return api
}

// call runs one compute. A panic would otherwise end the Go program for every
// widget on the page, so it becomes an error reply and the next call works.
func call(compute func([]byte) []byte, args []js.Value) (reply any) {
	defer func() {
		if recover() != nil {
			reply = errorReply("The calculator hit an internal error with these figures; change one and try again.")
		}
	}()
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return errorReply("compute takes one argument: the input as a JSON string.")
	}
	return string(compute([]byte(args[0].String())))
}

func errorReply(message string) string {
	return string(calc.EncodeErrors(calc.Errors{{Code: calc.CodeInternal, Message: message}}))
}
