package calc

import (
	"math"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The clients won over the horizon, N, are Poisson with the expected clients
// as mean: P(N = k) = e^−λ λ^k / k!.

func TestPoissonAtLeast(t *testing.T) {
	e2 := math.Exp(-2)
	cases := []struct {
		name string
		mean float64
		k    int64
		want float64
	}{
		{"with mean 0 no client is always reached", 0, 0, 1},
		{"with mean 0 one client is never reached", 0, 1, 0},
		{"with mean 0 five clients are never reached", 0, 5, 0},
		{"any mean reaches zero clients", 2, 0, 1},
		{"mean 2 reaches one client with 1 − e⁻²", 2, 1, 1 - e2},                                       // 0.864665
		{"mean 2 reaches two clients with 1 − e⁻²(1 + 2)", 2, 2, 1 - 3*e2},                             // 0.593994
		{"mean 2 reaches three clients with 1 − e⁻²(1 + 2 + 2)", 2, 3, 1 - 5*e2},                       // 0.323324
		{"mean 2 reaches six clients with 1 − e⁻²(1 + 2 + 2 + 4/3 + 2/3 + 4/15)", 2, 6, 1 - e2*109/15}, // 0.016564
		{"mean 0.5 reaches one client with 1 − e^−0.5", 0.5, 1, 1 - math.Exp(-0.5)},                    // 0.393469
		{"mean 6 reaches three clients with 1 − e⁻⁶(1 + 6 + 18)", 6, 3, 1 - 25*math.Exp(-6)},           // 0.938031
		{"far beyond the mean the chance is nil", 2, 1000, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.want, poisson{tc.mean}.atLeast(tc.k), 1e-12)
		})
	}
}

func TestPoissonQuantiles(t *testing.T) {
	cases := []struct {
		name string
		mean float64
		want []int64 // the 10th, 50th and 90th percentiles
	}{
		{"mean 0 is always 0", 0, []int64{0, 0, 0}},
		// P(N ≤ 0) = e^−0.1 = 0.905 ≥ 0.9
		{"mean 0.1 is 0 nine times in ten", 0.1, []int64{0, 0, 0}},
		// P(N ≤ 0) = 0.368, P(N ≤ 1) = 0.736, P(N ≤ 2) = 0.920
		{"mean 1", 1, []int64{0, 1, 2}},
		// P(N ≤ 0) = 0.135 ≥ 0.1; P(N ≤ 1) = 0.406, P(N ≤ 2) = 0.677 ≥ 0.5;
		// P(N ≤ 3) = 0.857, P(N ≤ 4) = 0.947 ≥ 0.9
		{"mean 2", 2, []int64{0, 2, 4}},
		// P(N ≤ 1) = 0.061, P(N ≤ 2) = 0.174; P(N ≤ 3) = 0.342, P(N ≤ 4) = 0.532;
		// P(N ≤ 6) = 0.831, P(N ≤ 7) = 0.913
		{"mean 4.5", 4.5, []int64{2, 4, 7}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, poisson{tc.mean}.quantiles(0.1, 0.5, 0.9))
		})
	}
}

// For a large mean λ, N is nearly normal: the median of a Poisson of whole
// mean is the mean itself, and the 10th and 90th percentiles lie about
// 1.2816 √λ either side of it.
func TestPoissonStaysExactForLargeMeans(t *testing.T) {
	for _, mean := range []float64{1000, 5000, 75_000, 1_200_000} {
		t.Run("mean "+strconv.FormatFloat(mean, 'f', -1, 64), func(t *testing.T) {
			p := poisson{mean}
			lo, hi := p.window()
			total := p.sum(lo, hi)
			assert.InDelta(t, 1, total, 1e-9, "the window holds all the mass")
			assert.Greater(t, p.pmf(lo), 0.0, "the first term of the sums does not underflow")

			ks := p.quantiles(0.1, 0.5, 0.9)
			spread := 1.2816 * math.Sqrt(mean)
			assert.Equal(t, int64(mean), ks[1], "median")
			assert.InDelta(t, mean-spread, float64(ks[0]), 2, "10th percentile")
			assert.InDelta(t, mean+spread, float64(ks[2]), 2, "90th percentile")

			// P(N ≥ λ) is a little over one half: 0.5 + 0.4/√λ roughly.
			half := p.atLeast(int64(mean))
			assert.InDelta(t, 0.5, half, 0.02)
			assert.Greater(t, half, 0.5)
			assert.Equal(t, 1.0, p.atLeast(lo))
			assert.Equal(t, 0.0, p.atLeast(hi+1))
			for _, k := range []int64{int64(mean - spread), int64(mean), int64(mean + spread)} {
				v := p.atLeast(k)
				assert.False(t, math.IsNaN(v) || math.IsInf(v, 0), "P(N ≥ %d) = %v", k, v)
			}
			assert.Greater(t, p.atLeast(int64(mean-spread)), p.atLeast(int64(mean+spread)))
		})
	}
}

func TestUncertaintyOfAnOption(t *testing.T) {
	cases := []struct {
		name                          string
		clients, breakEven, perClient string
		cost                          string
		probability                   float64
		p10, p50, p90                 string
	}{
		{
			// need ⌈2.5⌉ = 3: 1 − 5e⁻²; quantiles of mean 2 are 0, 2, 4
			name:    "a fractional break-even needs the next whole client",
			clients: "2", breakEven: "2.5", perClient: "1000", cost: "2500",
			probability: 1 - 5*math.Exp(-2),
			p10:         "-2500", p50: "-500", p90: "1500", // k × 1000 − 2500
		},
		{
			name:    "a whole break-even needs exactly that many clients",
			clients: "2", breakEven: "1", perClient: "1000", cost: "1000",
			probability: 1 - math.Exp(-2), // P(N ≥ 1)
			p10:         "-1000", p50: "1000", p90: "3000",
		},
		{
			name:    "nothing to earn back is certain even with no clients",
			clients: "0", breakEven: "0", perClient: "1000", cost: "0",
			probability: 1,
			p10:         "0", p50: "0", p90: "0",
		},
		{
			name:    "a break-even beyond any count is never reached",
			clients: "3", breakEven: "1000000000000000000000000000000", perClient: "0.0001", cost: "100000000000000000000000000",
			probability: 0,
			// quantiles of mean 3: P(N ≤ 0) = 0.050, P(N ≤ 1) = 0.199 → 1;
			// P(N ≤ 2) = 0.423, P(N ≤ 3) = 0.647 → 3; P(N ≤ 4) = 0.815, P(N ≤ 5) = 0.916 → 5
			p10: "-99999999999999999999999999.9999", p50: "-99999999999999999999999999.9997", p90: "-99999999999999999999999999.9995",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := uncertaintyOf(d(tc.clients), d(tc.breakEven), d(tc.perClient), d(tc.cost))
			assert.InDelta(t, tc.probability, u.BreakEvenProbability, 1e-12)
			for _, q := range []struct {
				got  decimal.Decimal
				want string
			}{{u.P10, tc.p10}, {u.P50, tc.p50}, {u.P90, tc.p90}} {
				assert.True(t, q.got.Equal(d(q.want)), "got %s, want %s", q.got, q.want)
			}
		})
	}
}

// The largest mean the engine allows: 10,000 referrals a month, all closing,
// for 120 months is 1.2 million clients.
func TestTheLargestInputComputesAStableUncertainty(t *testing.T) {
	c := computeBoth(t, `{"horizonMonths":120,"options":[{"kind":"custom","monthlyFee":1,"referralsPerMonth":10000,"closeRate":1}]}`)
	c.figures(t, []fig{
		{"options.0.clients", "1200000.00"},                 // 10,000 × 120 × 1
		{"options.0.cost", "120.00"},                        // 1 × 120
		{"options.0.breakEvenClients", "0.12"},              // 120 / 1000
		{"options.0.uncertainty.breakEvenProbability", 1.0}, // one client of 1.2 million expected
		{"options.0.uncertainty.p50", "1199999880.00"},      // 1,200,000 × 1000 − 120
	})
	u := c.report.Options[0].Uncertainty
	require.NotNil(t, u)
	// 1.2816 × √1,200,000 = 1403.9 clients either side of the median
	spread := decimal.NewFromInt(1404 * 1000)
	median := u.P50
	assert.True(t, median.Sub(u.P10).Sub(spread).Abs().LessThanOrEqual(decimal.NewFromInt(2000)), "p10 %s", u.P10)
	assert.True(t, u.P90.Sub(median).Sub(spread).Abs().LessThanOrEqual(decimal.NewFromInt(2000)), "p90 %s", u.P90)
}

func TestLogFactorialIsLgammaBitForBit(t *testing.T) {
	cases := []struct {
		name     string
		from, to int64
	}{
		{"the exact products below 7", 0, 6},
		{"where the series takes over", 7, 20_000},
		{"around the largest mean, 1.2 million", 1_170_000, 1_230_000},
		{"far beyond any window", 1<<57 - 1000, 1 << 57},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for k := tc.from; k <= tc.to; k++ {
				want, _ := math.Lgamma(float64(k) + 1)
				if got := logFactorial(k); math.Float64bits(got) != math.Float64bits(want) {
					t.Fatalf("logFactorial(%d) = %v, math.Lgamma(%d + 1) = %v", k, got, k, want)
				}
			}
		})
	}
}
