// Command reply prints the engine's JSON reply for an input given as its
// argument or on standard input: the native twin of networkingROI.compute,
// used by the browser tests to check the page against the engine.
package main

import (
	"io"
	"log"
	"os"

	"github.com/networking-roi/widget/calc"
)

func main() {
	var input []byte
	if len(os.Args) > 1 {
		input = []byte(os.Args[1])
	} else {
		var err error
		if input, err = io.ReadAll(os.Stdin); err != nil {
			log.Fatal(err)
		}
	}
	if _, err := os.Stdout.Write(calc.ComputeJSON(input)); err != nil {
		log.Fatal(err)
	}
}
