package calc

import "testing"

// defaultInputJSON is the default comparison as the widget sends it: every
// field written out, two options over 24 months.
var defaultInputJSON = EncodeInput(DefaultInput())

// BenchmarkComputeJSON is one widget update natively: decoding, the monthly
// projection, uncertainty, sensitivity, the comparison and the reply.
// Target: under 200 µs and 64 KB allocated per op.
func BenchmarkComputeJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ComputeJSON(defaultInputJSON)
	}
}

// BenchmarkDecodeInput is the decoding part alone.
func BenchmarkDecodeInput(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		DecodeInput(defaultInputJSON)
	}
}

// BenchmarkCompute is the arithmetic alone, without JSON.
func BenchmarkCompute(b *testing.B) {
	in := DefaultInput()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(in); err != nil {
			b.Fatal(err)
		}
	}
}
