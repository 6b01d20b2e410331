// Command input prints the default input as JSON, every field written out:
// the starting point of the widget, the benchmarks and the page's prebuilt
// figures.
package main

import (
	"os"

	"github.com/networking-roi/widget/calc"
)

func main() {
	os.Stdout.Write(calc.EncodeInput(calc.DefaultInput()))
}
