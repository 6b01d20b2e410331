//go:build js && wasm

// Command floor is the smallest Go program the widget's engine can be compared
// with: it links syscall/js and shopspring/decimal and sets one JavaScript
// value. web/bench/measure.mjs builds it the way the Makefile builds the
// engine and measures its size and its time to first write against the widget's.
package main

import (
	"syscall/js"

	"github.com/shopspring/decimal"
)

func main() {
	js.Global().Set("floor", decimal.NewFromInt(1).String())
	select {}
}
