// Command input prints an input with every field written out, as the engine
// completes it (calc.CompleteJSON): {"input": {...}}, or {"errors": [...]}.
// With no argument it is the default input: the starting point of the
// widget, the benchmarks and the page's prebuilt figures.
package main

import (
	"log"
	"os"

	"github.com/networking-roi/widget/calc"
)

func main() {
	input := []byte(`{}`)
	if len(os.Args) > 1 {
		input = []byte(os.Args[1])
	}
	if _, err := os.Stdout.Write(calc.CompleteJSON(input)); err != nil {
		log.Fatal(err)
	}
}
