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

// sixLargeOptionsJSON is six options at the largest means the engine allows,
// about 1.2 million clients each over 120 months, with fees that keep them
// close enough for each to have a chance of being best.
var sixLargeOptionsJSON = []byte(`{"horizonMonths":120,"options":[` +
	`{"kind":"custom","monthlyFee":0,"referralsPerMonth":10000,"closeRate":1},` +
	`{"kind":"custom","monthlyFee":10,"referralsPerMonth":10000,"closeRate":1},` +
	`{"kind":"custom","monthlyFee":20,"referralsPerMonth":9999.99,"closeRate":1},` +
	`{"kind":"custom","monthlyFee":5,"referralsPerMonth":9999.9,"closeRate":1},` +
	`{"kind":"custom","monthlyFee":15,"referralsPerMonth":10000,"closeRate":0.9999},` +
	`{"kind":"custom","monthlyFee":25,"referralsPerMonth":9999,"closeRate":1}]}`)

// BenchmarkComputeJSONSixLargeMeans is the largest input for the chance of
// being best: six windows of about 44,000 counts each.
func BenchmarkComputeJSONSixLargeMeans(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ComputeJSON(sixLargeOptionsJSON)
	}
}

// BenchmarkChanceBestSixLargeMeans is the chance of being best alone, for
// the same six options.
func BenchmarkChanceBestSixLargeMeans(b *testing.B) {
	in, errs := DecodeInput(sixLargeOptionsJSON)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	r := report(in)
	perClient := in.profitPerClient()
	b.ReportAllocs()
	for b.Loop() {
		chanceBest(r.Options, perClient)
	}
}

// sixWideSpreadsJSON is six options at the largest means the engine allows,
// each with the widest referral spread, 3: the clients won range from 0 to
// about 500 million (shape 1/9, scale 10.8 million), over windows laid out
// in panels.
var sixWideSpreadsJSON = []byte(`{"horizonMonths":120,"options":[` +
	`{"kind":"custom","monthlyFee":0,"referralsPerMonth":10000,"closeRate":1,"referralSpread":3},` +
	`{"kind":"custom","monthlyFee":10,"referralsPerMonth":10000,"closeRate":1,"referralSpread":3},` +
	`{"kind":"custom","monthlyFee":20,"referralsPerMonth":9999.99,"closeRate":1,"referralSpread":2.9},` +
	`{"kind":"custom","monthlyFee":5,"referralsPerMonth":9999.9,"closeRate":1,"referralSpread":3},` +
	`{"kind":"custom","monthlyFee":15,"referralsPerMonth":10000,"closeRate":0.9999,"referralSpread":2.5},` +
	`{"kind":"custom","monthlyFee":25,"referralsPerMonth":9999,"closeRate":1,"referralSpread":3}]}`)

// BenchmarkComputeJSONSixWideSpreads is the largest input for the
// negative binomial's panels.
func BenchmarkComputeJSONSixWideSpreads(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ComputeJSON(sixWideSpreadsJSON)
	}
}

// mixedSpreadsJSON is three options of about 1.2 million clients known
// (Poisson, windows of about 33,000 counts laid out one by one) against
// three of the same mean and the widest spread (panels), whose sums must
// then be taken count by count over the Poissons' counts too.
var mixedSpreadsJSON = []byte(`{"horizonMonths":120,"options":[` +
	`{"kind":"custom","monthlyFee":0,"referralsPerMonth":10000,"closeRate":1},` +
	`{"kind":"custom","monthlyFee":10,"referralsPerMonth":10000,"closeRate":1,"referralSpread":3},` +
	`{"kind":"custom","monthlyFee":20,"referralsPerMonth":9999.99,"closeRate":1},` +
	`{"kind":"custom","monthlyFee":5,"referralsPerMonth":9999.9,"closeRate":1,"referralSpread":0.01},` +
	`{"kind":"custom","monthlyFee":15,"referralsPerMonth":10000,"closeRate":0.9999},` +
	`{"kind":"custom","monthlyFee":25,"referralsPerMonth":9999,"closeRate":1,"referralSpread":0.5}]}`)

// BenchmarkComputeJSONMixedSpreads is the largest input that mixes counts
// laid out one by one with panels.
func BenchmarkComputeJSONMixedSpreads(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ComputeJSON(mixedSpreadsJSON)
	}
}

// sixPresetsLongJSON is the widget's largest ordinary case: six options
// from the presets over 120 months, each with a referral spread (negative
// binomial clients), as networkingROI.compute is timed in node by make bench.
var sixPresetsLongJSON = []byte(`{"horizonMonths":120,"options":[` +
	`{"kind":"weekly_group"},{"kind":"open_network"},{"kind":"chamber_of_commerce"},` +
	`{"kind":"weekly_group","referralSpread":1},{"kind":"open_network","referralSpread":0.25},` +
	`{"kind":"chamber_of_commerce","referralSpread":1.5}]}`)

// BenchmarkComputeJSONSixPresetsLong is that case natively.
func BenchmarkComputeJSONSixPresetsLong(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ComputeJSON(sixPresetsLongJSON)
	}
}
