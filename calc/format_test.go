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
