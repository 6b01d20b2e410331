package calc

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The clients won N are negative binomial of mean μ and shape k:
// P(N = n) = Γ(n+k)/(Γ(k)·n!) · (k/(k+μ))^k · (μ/(k+μ))^n. The references
// below are worked out by hand, or by the recurrence P(n+1) =
// P(n)·(k+n)/(n+1)·μ/(k+μ) from P(0) = (k/(k+μ))^k, summed in full with
// compensation: none of the engine's code.

// referencePMF is P(N = n) for n = 0 … upTo, by the recurrence, started
// where the probabilities stop underflowing (from ln Γ: at 0 but for large
// shapes).
func referencePMF(mean, shape float64, upTo int64) []float64 {
	logP := func(n int64) float64 {
		a, _ := math.Lgamma(float64(n) + shape)
		b, _ := math.Lgamma(shape)
		c, _ := math.Lgamma(float64(n) + 1)
		return a - b - c + shape*math.Log(shape/(shape+mean)) + float64(n)*math.Log(mean/(shape+mean))
	}
	from := int64(0)
	for logP(from) < -690 { // e^−690 ≈ 1e-300
		from++
	}
	pmf := make([]float64, upTo+1)
	pmf[from] = math.Exp(logP(from))
	for n := from; n < upTo; n++ {
		pmf[n+1] = pmf[n] * (shape + float64(n)) / float64(n+1) * mean / (shape + mean)
	}
	return pmf
}

func TestNegativeBinomialByHand(t *testing.T) {
	cases := []struct {
		name        string
		mean, shape float64
		n           int64
		want        float64
	}{
		// k = 1 is geometric: P(n) = (1/(1+μ))·(μ/(1+μ))^n; with μ = 1,
		// 1/2, 1/4, 1/8, …
		{"a spread of 1 and a mean of 1: no client one time in two", 1, 1, 0, 1.0 / 2},
		{"a spread of 1 and a mean of 1: one client one time in four", 1, 1, 1, 1.0 / 4},
		{"a spread of 1 and a mean of 1: five clients one time in 64", 1, 1, 5, 1.0 / 64},
		// k = 2, μ = 2: k/(k+μ) = μ/(k+μ) = 1/2, Γ(n+2)/(Γ(2)·n!) = n+1:
		// P(n) = (n+1)/2^(n+2).
		{"shape 2, mean 2: no client, 1/4", 2, 2, 0, 1.0 / 4},
		{"shape 2, mean 2: one client, 2/8", 2, 2, 1, 2.0 / 8},
		{"shape 2, mean 2: three clients, 4/32", 2, 2, 3, 4.0 / 32},
		// k = ½, μ = 3: k/(k+μ) = 1/7, μ/(k+μ) = 6/7, Γ(n+½)/(Γ(½)·n!) =
		// C(2n, n)/4^n: P(0) = 1/√7, P(2) = 1/√7 · 6/16 · 36/49.
		{"shape ½, mean 3: no client, 1/√7", 3, 0.5, 0, 1 / math.Sqrt(7)},
		{"shape ½, mean 3: two clients", 3, 0.5, 2, 1 / math.Sqrt(7) * 6 / 16 * 36 / 49},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			nb := newNegativeBinomial(tc.mean, tc.shape)
			assert.InEpsilon(t, tc.want, nb.pmf(tc.n), 1e-14)
			assert.InEpsilon(t, nb.pmf(tc.n+1)/nb.pmf(tc.n), nb.ratio(tc.n), 1e-14, "the ratio of one count's probability to the one before")
		})
	}
}

// The window holds every count whose probability is at least 1e-30, and
// those only, for shapes and means across the model's range.
func TestNegativeBinomialWindowHoldsAllButANegligibleMass(t *testing.T) {
	for _, mean := range []float64{0.01, 1, 10.75, 1000, 1.2e6} {
		for _, spread := range []float64{0.001, 0.1, 0.5, 1, 3} {
			nb := newNegativeBinomial(mean, 1/(spread*spread))
			lo, hi := nb.window()
			name := "mean " + strconv.FormatFloat(mean, 'g', -1, 64) + ", spread " + strconv.FormatFloat(spread, 'g', -1, 64)
			assert.GreaterOrEqual(t, nb.pmf(lo), negligibleDensity, name)
			assert.GreaterOrEqual(t, nb.pmf(hi), negligibleDensity, name)
			assert.Less(t, nb.pmf(hi+1), negligibleDensity, name)
			if lo > 0 {
				assert.Less(t, nb.pmf(lo-1), negligibleDensity, name)
			}
		}
	}
}

// Every probability agrees with the reference, counted by the recurrence
// over the whole window.
func TestNegativeBinomialAgreesWithItsRecurrence(t *testing.T) {
	cases := []struct{ mean, spread float64 }{
		{0.3, 3}, {5, 0.5}, {10.75, 0.5}, {9, 0.5}, {50, 1}, {1000, 0.1},
		{2000, 3}, {5000, 1}, {3e4, 0.05},
	}
	for _, tc := range cases {
		name := "mean " + strconv.FormatFloat(tc.mean, 'g', -1, 64) + ", spread " + strconv.FormatFloat(tc.spread, 'g', -1, 64)
		t.Run(name, func(t *testing.T) {
			nb := newNegativeBinomial(tc.mean, 1/(tc.spread*tc.spread))
			_, hi := nb.window()
			pmf := referencePMF(tc.mean, nb.shape, hi+1)
			// The recurrence loses up to a part in 1e16 a step: 1e-10 after
			// a million steps, at worst.
			for n := range pmf[:hi+1] {
				if pmf[n] > 1e-300 && !assert.InEpsilon(t, pmf[n], nb.pmf(int64(n)), 1e-10, "P(N = %d)", n) {
					break
				}
			}
		})
	}
}
