package calc

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestAppendFixedWritesWhatStringFixedBankWrites(t *testing.T) {
	cases := []string{
		"0", "-0.001", "0.005", "0.015", "0.025", "-0.025", "2.675", "1234.5", "1e3", "-1e3",
		"0.00000000000000001", "99.995", "-99.995", "12345678901234567890.125", "4.1666666666666667",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 { // random coefficients and exponents, ties included
		cases = append(cases, decimal.New(rng.Int64N(2_000_000)-1_000_000, int32(rng.IntN(12)-8)).String())
	}
	var f fixedFormatter
	for _, c := range cases {
		d := decimal.RequireFromString(c)
		for _, places := range []int32{0, 2, 4} {
			assert.Equal(t, d.StringFixedBank(places), string(f.appendFixed(nil, d, places)), "%s to %d places", c, places)
		}
	}
}

func TestScaleTruncatesTheMagnitudeAndKeepsTheRest(t *testing.T) {
	cases := []struct {
		text     string
		shift    int64
		q, r     string
		neg      bool
		truncate bool // a divisor is returned: digits were dropped
	}{
		{"0", 2, "0", "0", false, false},
		{"12.345", 2, "1234", "5", false, true},
		{"-12.345", 2, "1234", "5", true, true},
		{"-12.345", 3, "12345", "0", true, false},
		{"12e1", 0, "120", "0", false, false},
		{"0.5", 0, "0", "5", false, true},
		{"-2.5", 0, "2", "5", true, true},
		{"1e-60", 2, "0", "1", false, true}, // a divisor beyond the table
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			var f fixedFormatter
			neg, divisor := f.scale(decimal.RequireFromString(tc.text), tc.shift)
			assert.Equal(t, tc.q, f.q.String())
			assert.Equal(t, tc.r, f.r.String())
			assert.Equal(t, tc.neg, neg)
			assert.Equal(t, tc.truncate, divisor != nil)
		})
	}
}
