package calc

import (
	"math/big"
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
	var ds []decimal.Decimal
	for _, c := range cases {
		ds = append(ds, decimal.RequireFromString(c))
	}
	// Coefficients of one and two words and more, as the model's products
	// make them, at exponents that drop up to 19 digits and beyond, and
	// ties at each: 5 × 10^(k−1) more than a multiple of 10^k.
	for range 500 {
		coef := new(big.Int)
		for range 1 + rng.IntN(3) { // up to 192 bits
			coef.Lsh(coef, 64).Or(coef, new(big.Int).SetUint64(rng.Uint64()))
		}
		coef.Rsh(coef, uint(rng.IntN(64)))
		exp := int32(-rng.IntN(26))
		if rng.IntN(2) == 0 {
			coef.Neg(coef)
		}
		ds = append(ds, decimal.NewFromBigInt(coef, exp))
		drop := int64(-exp - 2) // the digits dropped to 2 places
		if drop > 0 {
			unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(drop), nil)
			tie := new(big.Int).Mul(new(big.Int).Quo(coef, unit), unit)
			tie.Add(tie, new(big.Int).Quo(unit, big.NewInt(2)))
			ds = append(ds, decimal.NewFromBigInt(tie, exp))
		}
	}
	var f fixedFormatter
	for _, d := range ds {
		for _, places := range []int32{0, 2, 4} {
			assert.Equal(t, d.StringFixedBank(places), string(f.appendFixed(nil, d, places)), "%s (exponent %d) to %d places", d, d.Exponent(), places)
		}
	}
}
