package calc

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// compensatedSum is the sum of xs to nearly every digit, however many
// (Neumaier's summation).
func compensatedSum(xs []float64) float64 {
	sum, lost := 0.0, 0.0
	for _, x := range xs {
		t := sum + x
		if math.Abs(sum) >= math.Abs(x) {
			lost += (sum - t) + x
		} else {
			lost += (x - t) + sum
		}
		sum = t
	}
	return sum + lost
}

// referenceAtLeast is P(N ≥ k) from the reference probabilities.
func referenceAtLeast(pmf []float64, k int64) float64 {
	if k >= int64(len(pmf)) {
		return 0
	}
	return compensatedSum(pmf[max(k, 0):])
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

func TestNegativeBinomialTailByHand(t *testing.T) {
	cases := []struct {
		name        string
		mean, shape float64
		k           int64
		want        float64
	}{
		// Geometric of mean 1: P(N ≥ k) = (1/2)^k.
		{"two clients or more: 1 − 1/2 − 1/4", 1, 1, 2, 1.0 / 4},
		{"five clients or more: 1/32", 1, 1, 5, 1.0 / 32},
		{"no client or more: certain", 1, 1, 0, 1},
		// Geometric of mean 2: P(N ≥ k) = (2/3)^k.
		{"mean 2, three clients or more: 8/27", 2, 1, 3, 8.0 / 27},
		// Shape 2, mean 2: P(N ≥ 2) = 1 − 1/4 − 1/4 = 1/2.
		{"shape 2, mean 2, two clients or more: 1/2", 2, 2, 2, 1.0 / 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tab := tabulate(newNegativeBinomial(tc.mean, tc.shape))
			assert.InDelta(t, tc.want, tab.atLeast(tc.k), 1e-12)
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

// Every probability, tail and quantile agrees with the reference, counted
// by the recurrence over the whole window, for windows laid out count by
// count and in panels alike.
func TestNegativeBinomialAgreesWithItsRecurrence(t *testing.T) {
	cases := []struct {
		mean, spread float64
		panels       bool
	}{
		{0.3, 3, false},
		{5, 0.5, false},
		{10.75, 0.5, false}, // the weekly group of the default comparison
		{9, 0.5, false},     // the open network
		{50, 1, false},
		{1000, 0.1, false},
		{2000, 3, true},   // shape 1/9, scale 18,000: a window of 1.5 million counts
		{5000, 1, true},   // geometric of mean 5000
		{3e4, 0.05, true}, // shape 400: a bell of 1600 counts either side of the mean
	}
	for _, tc := range cases {
		name := "mean " + strconv.FormatFloat(tc.mean, 'g', -1, 64) + ", spread " + strconv.FormatFloat(tc.spread, 'g', -1, 64)
		t.Run(name, func(t *testing.T) {
			nb := newNegativeBinomial(tc.mean, 1/(tc.spread*tc.spread))
			_, hi := nb.window()
			pmf := referencePMF(tc.mean, nb.shape, hi+1)
			tab := tabulate(nb)
			require.Equal(t, tc.panels, len(tab.panels) > 0, "laid out in panels")
			// The recurrence loses up to a part in 1e16 a step: 1e-10 after
			// a million steps, at worst.
			assert.InDelta(t, 1, compensatedSum(pmf[:hi+1]), 1e-10, "the window holds all the mass")
			for n := range pmf[:hi+1] {
				if pmf[n] > 1e-300 && !assert.InEpsilon(t, pmf[n], nb.pmf(int64(n)), 1e-10, "P(N = %d)", n) {
					break
				}
			}
			for k := int64(0); k <= hi+1; k += max(1, hi/300) {
				if !assert.InDelta(t, referenceAtLeast(pmf, k), tab.atLeast(k), 1e-10, "P(N ≥ %d)", k) {
					break
				}
			}
			ks := tab.quantiles(0.1, 0.5, 0.9)
			for i, q := range []float64{0.1, 0.5, 0.9} {
				k := ks[i]
				atMost := 1 - referenceAtLeast(pmf, k+1)
				assert.GreaterOrEqual(t, atMost, q-1e-12, "P(N ≤ %d) ≥ %v", k, q)
				if k > 0 {
					assert.Less(t, atMost-pmf[k], q+1e-12, "P(N ≤ %d) < %v", k-1, q)
				}
			}
		})
	}
}

// As the spread goes to 0 the negative binomial tends to the Poisson of the
// same mean: within mean × spread² in total variation, so every probability
// of the report moves by no more.
func TestNegativeBinomialTendsToThePoisson(t *testing.T) {
	const mean = 12.5
	poissonTab := tabulate(poisson{mean})
	poissonChance := chancesBest([]contender{
		{clients: table(poisson{mean}), cost: d("10000")}, {clients: table(poisson{10}), cost: d("7000")},
	}, d("1000"))
	previous := math.Inf(1)
	for _, spread := range []float64{0.3, 0.1, 0.03, 0.01, 0.001, 0.0001, 0.00001} {
		t.Run("spread "+strconv.FormatFloat(spread, 'g', -1, 64), func(t *testing.T) {
			bound := mean * spread * spread
			nbTab := tabulate(newNegativeBinomial(mean, 1/(spread*spread)))
			gap := 0.0
			for k := range int64(40) {
				gap = max(gap, math.Abs(nbTab.atLeast(k)-poissonTab.atLeast(k)))
			}
			assert.LessOrEqual(t, gap, bound, "P(N ≥ k) within mean × spread²")
			assert.Less(t, gap, previous, "closer for a smaller spread")
			previous = gap
			if bound < 1e-3 { // no quantile lies that close to its level
				assert.Equal(t, poissonTab.quantiles(0.1, 0.5, 0.9), nbTab.quantiles(0.1, 0.5, 0.9))
			}
			chance := chancesBest([]contender{
				{clients: table(newNegativeBinomial(mean, 1/(spread*spread))), cost: d("10000")},
				{clients: table(newNegativeBinomial(10, 1/(spread*spread))), cost: d("7000")},
			}, d("1000"))
			assert.InDeltaSlice(t, poissonChance, chance, 2*bound, "within the sum of both distances")
		})
	}
}

func TestClientsWonIsPoissonWhenTheRateIsKnown(t *testing.T) {
	cases := []struct {
		name            string
		clients, spread string
		poisson         bool
	}{
		{"a spread of 0 is a known rate", "12", "0", true},
		{"no client expected is certain", "0", "3", true},
		{"a spread of 0.5 is negative binomial", "12", "0.5", false},
		{"a spread too small to move a probability by 1e-12 is Poisson", "10", "0.0000003", true}, // 10 × 9e-14
		{"a spread just above it is negative binomial", "10", "0.000001", false},                  // 10 × 1e-12 = 1e-11
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, isPoisson := clientsWon(d(tc.clients), d(tc.spread)).(poisson)
			assert.Equal(t, tc.poisson, isPoisson)
		})
	}
}

// stirlingError and lnFactorial stand in for math.Lgamma: they must agree
// with it to within a few units of rounding, where a shape or a count is
// small (stirlingError steps up to its series) and where it is large.
func TestStirlingErrorAndLnFactorialAgreeWithLgamma(t *testing.T) {
	for _, z := range []float64{1e-3, 1.0 / 9, 0.25, 0.5, 1, 1.5, 2, 3, 4.75, 7, 10, 14.9, 15, 15.01, 16, 20, 99.5, 1000, 12345.678, 1e6, 3.3e8} {
		lg, _ := math.Lgamma(z + 1)
		want := lg - (z+0.5)*math.Log(z) + z - 0.5*math.Log(2*math.Pi)
		// Lgamma's own ln Γ(z+1) rounds at its size: allow that, and 1e-15 beside.
		tolerance := 1e-15 + 4e-16*(math.Abs(lg)+math.Abs((z+0.5)*math.Log(z))+z)
		if got := stirlingError(z); math.Abs(got-want) > tolerance {
			t.Errorf("stirlingError(%v) = %v, from math.Lgamma %v (off by %.3g, tolerance %.3g)", z, got, want, got-want, tolerance)
		}
	}
	for _, k := range []float64{0, 1, 2, 3, 5, 10, 15, 16, 17, 50, 170, 1000, 44_000, 1.2e6, 5e8} {
		want, _ := math.Lgamma(k + 1)
		if got := lnFactorial(k); math.Abs(got-want) > 1e-15+4e-16*math.Abs(want) {
			t.Errorf("lnFactorial(%v) = %v, math.Lgamma(%v) = %v (off by %.3g)", k, got, k+1, want, got-want)
		}
	}
}
