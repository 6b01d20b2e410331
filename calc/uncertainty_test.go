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
			tab := tabulate(poisson{tc.mean})
			assert.InDelta(t, tc.want, tab.atLeast(tc.k), 1e-12)
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
			tab := tabulate(poisson{tc.mean})
			assert.Equal(t, tc.want, tab.quantiles(0.1, 0.5, 0.9))
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
			total := 0.0
			for k, term := lo, p.pmf(lo); k <= hi; k++ {
				total += term
				term *= p.ratio(k)
			}
			assert.InDelta(t, 1, total, 1e-9, "the window holds all the mass")
			assert.Greater(t, p.pmf(lo), 0.0, "the first term of the sums does not underflow")

			tab := tabulate(p)
			lo, hi = tab.window()
			ks := tab.quantiles(0.1, 0.5, 0.9)
			spread := 1.2816 * math.Sqrt(mean)
			assert.Equal(t, int64(mean), ks[1], "median")
			assert.InDelta(t, mean-spread, float64(ks[0]), 2, "10th percentile")
			assert.InDelta(t, mean+spread, float64(ks[2]), 2, "90th percentile")

			// P(N ≥ λ) is a little over one half: 0.5 + 0.4/√λ roughly.
			half := tab.atLeast(int64(mean))
			assert.InDelta(t, 0.5, half, 0.02)
			assert.Greater(t, half, 0.5)
			assert.Equal(t, 1.0, tab.atLeast(lo))
			assert.Equal(t, 0.0, tab.atLeast(hi+1))
			for _, k := range []int64{int64(mean - spread), int64(mean), int64(mean + spread)} {
				v := tab.atLeast(k)
				assert.False(t, math.IsNaN(v) || math.IsInf(v, 0), "P(N ≥ %d) = %v", k, v)
			}
			assert.Greater(t, tab.atLeast(int64(mean-spread)), tab.atLeast(int64(mean+spread)))
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
			u := uncertaintyOf(table(poisson{float64Of(d(tc.clients))}), d(tc.breakEven), d(tc.perClient), d(tc.cost))
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

// With a referral spread of 1 the shape is k = 1: the clients won are
// geometric, P(N = n) = (1/(1+μ))·(μ/(1+μ))^n.
func TestUncertaintyWithASpreadByHand(t *testing.T) {
	c := computeBoth(t, `{"horizonMonths":4,"options":[{"kind":"custom","monthlyFee":625,"referralsPerMonth":0.5,"closeRate":1,"referralSpread":1}]}`)
	c.figures(t, []fig{
		{"options.0.clients", "2.00"},          // 0.5 × 4 × 1
		{"options.0.cost", "2500.00"},          // 625 × 4
		{"options.0.breakEvenClients", "2.50"}, // 2500 / 1000
		// μ = 2: P(N = n) = (1/3)(2/3)^n, P(N ≥ n) = (2/3)^n, so
		// breaking even, 3 clients, has (2/3)³ = 8/27 = 0.2963 (a
		// Poisson of mean 2 would give 1 − 5e⁻² = 0.3233).
		{"options.0.uncertainty.breakEvenProbability", 0.2963},
		// P(N ≤ n) = 1 − (2/3)^(n+1): 1/3 ≥ 0.1 at 0; 5/9 ≥ 0.5 at 1
		// (1/3 at 0); 1 − 64/729 = 0.912 ≥ 0.9 at 5 (0.868 at 4).
		{"options.0.uncertainty.p10", "-2500.00"}, // 0 × 1000 − 2500
		{"options.0.uncertainty.p50", "-1500.00"}, // 1 × 1000 − 2500
		{"options.0.uncertainty.p90", "2500.00"},  // 5 × 1000 − 2500
	})
	assert.InDelta(t, 8.0/27, c.report.Options[0].Uncertainty.BreakEvenProbability, 1e-12)
}

// The widest spread at the largest mean: shape 1/9, 1.2 million clients
// expected, and a window of half a billion counts laid out in panels.
func TestTheWidestSpreadAtTheLargestMeanComputesAStableUncertainty(t *testing.T) {
	c := computeBoth(t, `{"horizonMonths":120,"options":[{"kind":"custom","monthlyFee":10,"referralsPerMonth":10000,"closeRate":1,"referralSpread":3}]}`)
	// k = 1/9, μ = 1,200,000, k/(k+μ) = 9.259e-8: P(0) = (k/(k+μ))^k =
	// 0.165390, P(1) = P(0)·k·μ/(k+μ) = 0.018377. The references for the
	// quantiles are P(N ≤ n) = I_{k/(k+μ)}(k, n+1), the regularized
	// incomplete beta, at 40 digits (mpmath): 0.4999986 at 12,930 and
	// 0.5000028 at 12,931; 0.89999998 at 3,321,584 and 0.90000000 at
	// 3,321,585.
	c.figures(t, []fig{
		{"options.0.clients", "1200000.00"},            // 10,000 × 120 × 1
		{"options.0.cost", "1200.00"},                  // 10 × 120
		{"options.0.breakEvenClients", "1.20"},         // 1200 / 1000
		{"options.0.uncertainty.p10", "-1200.00"},      // P(0) ≥ 0.1: 0 × 1000 − 1200
		{"options.0.uncertainty.p50", "12929800.00"},   // 12,931 × 1000 − 1200
		{"options.0.uncertainty.p90", "3321583800.00"}, // 3,321,585 × 1000 − 1200
	})
	// Two clients break even: 1 − P(0) − P(1) = 0.8162336651.
	assert.InDelta(t, 0.8162336651055463, c.report.Options[0].Uncertainty.BreakEvenProbability, 1e-12)
}

// Six options at the largest means, each of the widest spread or nearly:
// every figure is a probability, the quantiles are in order and the
// chances of being best sum to 1.
func TestSixWideSpreadsAtTheLargestMeansGiveProbabilities(t *testing.T) {
	for name, input := range map[string][]byte{"six wide spreads": sixWideSpreadsJSON, "spreads mixed with known rates": mixedSpreadsJSON} {
		t.Run(name, func(t *testing.T) {
			c := computeBoth(t, string(input))
			for i, o := range c.report.Options {
				u := o.Uncertainty
				require.NotNil(t, u)
				assert.True(t, u.BreakEvenProbability >= 0 && u.BreakEvenProbability <= 1, "option %d: %v", i, u.BreakEvenProbability)
				assert.True(t, u.P10.LessThanOrEqual(u.P50) && u.P50.LessThanOrEqual(u.P90), "option %d: %s, %s, %s", i, u.P10, u.P50, u.P90)
			}
			chances := c.report.Comparison.ChanceBest
			for i, p := range chances {
				assert.True(t, p >= 0 && p <= 1, "option %d: %v", i, p)
			}
			assert.InDelta(t, 1, sum(chances), 1e-9, "%v", chances)
		})
	}
}
