package calc

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestFloat64OfRoundsToTheNearestFloat(t *testing.T) {
	cases := []struct {
		name string
		text string
		want float64
	}{
		{"zero", "0", 0},
		{"a whole number", "1200000", 1_200_000},
		{"a negative fraction", "-2.5", -2.5},
		{"a fraction no float holds", "0.1", 0.1},
		{"a positive exponent", "12e20", 1.2e21},
		{"a small number", "12345e-40", 1.2345e-36},
		// 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: to the even mantissa.
		{"a tie rounds down to even", "9007199254740993", 9007199254740992},
		// 2^53 + 3 lies halfway between 2^53 + 2 and 2^53 + 4: to the even one.
		{"a tie rounds up to even", "9007199254740995", 9007199254740996},
		{"just above a tie rounds up", "9007199254740993.0000000000001", 9007199254740994},
		{"just below a tie rounds down", "9007199254740994.9999999999999", 9007199254740994},
		// 2^53 − 0.5 is halfway between 2^53 − 1 and 2^53; rounding up
		// carries into the next power of two.
		{"a carry into the next power of two", "9007199254740991.5", 9007199254740992},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := float64Of(d(tc.text))
			assert.Equal(t, tc.want, got)
			assert.Equal(t, d(tc.text).InexactFloat64(), got, "as InexactFloat64")
		})
	}
}

func TestFloat64OfAgreesWithInexactFloat64(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20_000 { // coefficients of up to 40 digits, model-sized exponents
		digits := make([]byte, 1+rng.IntN(40))
		for i := range digits {
			digits[i] = byte('0' + rng.IntN(10))
		}
		coef, _ := new(big.Int).SetString(string(digits), 10)
		if rng.IntN(2) == 0 {
			coef.Neg(coef)
		}
		v := decimal.NewFromBigInt(coef, int32(rng.IntN(80)-60))
		assert.Equal(t, v.InexactFloat64(), float64Of(v), "%s", v)
	}
}
