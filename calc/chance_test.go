package calc

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An option's net is n × profitPerClient − cost for the n clients it wins,
// N being Poisson with the expected clients as mean: P(N = k) = e^−λ λ^k / k!.
// The chance of being best shares an exact tie equally among the tied.

// contenders is one contender per mean and cost, in order.
func contenders(means []float64, costs ...string) []contender {
	cs := make([]contender, len(means))
	for i := range cs {
		cs[i] = contender{clients: table(poisson{means[i]}), cost: d(costs[i])}
	}
	return cs
}

// table is d laid out.
func table(d countDistribution) *tabulated {
	tab := tabulate(d)
	return &tab
}

// sum is the sum of xs.
func sum(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total
}

func TestChanceBestByHand(t *testing.T) {
	e1, e2, e3 := math.Exp(-1), math.Exp(-2), math.Exp(-3)
	cases := []struct {
		name      string
		means     []float64
		costs     []string
		perClient string
		want      []float64
	}{
		{
			// A nets 0. B nets 1000N − 1000: below at N = 0 (e⁻¹), even at
			// N = 1 (e⁻¹, shared), above from N = 2 (1 − 2e⁻¹).
			// A: e⁻¹ + e⁻¹/2 = 1.5e⁻¹ = 0.5518; B: 1 − 2e⁻¹ + e⁻¹/2 = 1 − 1.5e⁻¹ = 0.4482.
			name:  "a tie at one client is shared",
			means: []float64{0, 1}, costs: []string{"0", "1000"}, perClient: "1000",
			want: []float64{1.5 * e1, 1 - 1.5*e1},
		},
		{
			// B nets 1000N − 1500: −1500, −500, then 500 and more from N = 2.
			// A: P(N ≤ 1) = 2e⁻¹ = 0.7358; B: 1 − 2e⁻¹ = 0.2642.
			name:  "costs apart by no whole number of clients never tie",
			means: []float64{0, 1}, costs: []string{"0", "1500"}, perClient: "1000",
			want: []float64{2 * e1, 1 - 2*e1},
		},
		{
			// Same costs: A is best when it wins a client (1 − e⁻²) and ties
			// at none (e⁻², shared). A: 1 − e⁻²/2 = 0.9323; B: e⁻²/2 = 0.0677.
			name:  "against a certain zero, any client wins",
			means: []float64{2, 0}, costs: []string{"0", "0"}, perClient: "1000",
			want: []float64{1 - e2/2, e2 / 2},
		},
		{
			// B nets 0.1N − 0.3, even with A's 0 at N = 3 exactly (in
			// floats, 3 × 0.1 − 0.3 is 5.6e-17). P(N ≤ 2) = e⁻³(1 + 3 + 4.5)
			// = 8.5e⁻³, P(N = 3) = 4.5e⁻³. A: 8.5e⁻³ + 2.25e⁻³ = 10.75e⁻³ = 0.5352.
			name:  "nets are compared exactly, not in floats",
			means: []float64{0, 3}, costs: []string{"0", "0.3"}, perClient: "0.1",
			want: []float64{10.75 * e3, 1 - 10.75*e3},
		},
		{
			// A nets 0; B and C net 1000N − 1000, N Poisson(1) each:
			// −1000, 0 or more than 0 with e⁻¹, e⁻¹, 1 − 2e⁻¹.
			// A: both at −1000 (e⁻², A alone), one at 0 (2e⁻², A shares in
			// halves), both at 0 (e⁻², in thirds): e⁻²(1 + 1 + 1/3) = 0.3158.
			// B: at 0 with C at −1000 (e⁻², a half) or at 0 (e⁻², a third);
			// above 0 with C not (2e⁻¹(1 − 2e⁻¹)); both above 0, half of
			// (1 − 2e⁻¹)² by symmetry. 0.3421; C alike. They sum to 1.
			name:  "a three-way tie is shared in thirds",
			means: []float64{0, 1, 1}, costs: []string{"0", "1000", "1000"}, perClient: "1000",
			want: []float64{
				7.0 / 3 * e2,
				e2*(1.0/2+1.0/3) + 2*e1*(1-2*e1) + (1-2*e1)*(1-2*e1)/2,
				e2*(1.0/2+1.0/3) + 2*e1*(1-2*e1) + (1-2*e1)*(1-2*e1)/2,
			},
		},
		{
			name:  "with no profit per client the lowest cost is best for certain",
			means: []float64{3, 7}, costs: []string{"100", "50"}, perClient: "0",
			want: []float64{0, 1},
		},
		{
			name:  "with no profit per client equal costs share",
			means: []float64{3, 7, 0}, costs: []string{"50", "50", "100"}, perClient: "0",
			want: []float64{0.5, 0.5, 0},
		},
		{
			// 10²⁰ / 0.0001 = 10²⁴ clients apart, beyond any count.
			name:  "costs further apart than any count of clients",
			means: []float64{5, 5}, costs: []string{"100000000000000000000", "0"}, perClient: "0.0001",
			want: []float64{0, 1},
		},
		{
			name:  "a single option is best for certain",
			means: []float64{2}, costs: []string{"1000"}, perClient: "1000",
			want: []float64{1},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := chancesBest(contenders(tc.means, tc.costs...), d(tc.perClient))
			assert.InDeltaSlice(t, tc.want, got, 1e-9)
		})
	}
}

// For means in the millions, pmf in log space is off by a few parts in a
// billion, and so is every term walked from it, until the table is scaled to
// sum to 1. The references are the same sums at 40 digits (mpmath, each
// window ±25 standard deviations, masses by the recurrence P(k+1) =
// P(k)·λ/(k+1) from an exact first term); the engine is within 1e-14 of them.
func TestChanceBestStaysExactForLargeMeans(t *testing.T) {
	cases := []struct {
		name  string
		means []float64
		costs []string
		want  []float64
	}{
		{
			"costs apart by half a client",
			[]float64{1_200_000, 1_199_500}, []string{"500.5", "0"},
			[]float64{0.49987121956722772355, 0.50012878043277227645},
		},
		{
			"costs apart by whole clients",
			[]float64{1_200_000, 1_199_500}, []string{"500", "0"},
			[]float64{0.49999999105567175032, 0.50000000894432824968},
		},
		{
			"three options",
			[]float64{1_000_000, 1_001_500, 998_000}, []string{"1000", "2000", "0"},
			[]float64{0.33015206031709459415, 0.59275693766548474045, 0.077091002017420665408},
		},
		{
			"a mean of ten thousand",
			[]float64{10_000, 10_150}, []string{"0", "150.5"},
			[]float64{0.50140870988854235601, 0.49859129011145764399},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := chancesBest(contenders(tc.means, tc.costs...), one)
			assert.InDeltaSlice(t, tc.want, got, 1e-9)
		})
	}
}

// enumeratedChances is the chance of being best by brute force: every
// combination of counts, each contender's up to the last of its pmf, nets
// compared as decimals, a tie shared.
func enumeratedChances(pmfs [][]float64, costs []decimal.Decimal, perClient decimal.Decimal) []float64 {
	m := len(pmfs)
	nets := make([][]decimal.Decimal, m)
	var all []decimal.Decimal
	for j, pmf := range pmfs {
		for n := range pmf {
			nets[j] = append(nets[j], decimal.NewFromInt(int64(n)).Mul(perClient).Sub(costs[j]))
		}
		all = append(all, nets[j]...)
	}
	// rank[j][n] orders the nets exactly: equal nets, equal ranks.
	sorted := slices.SortedFunc(slices.Values(all), decimal.Decimal.Cmp)
	rank := make([][]int, m)
	for j := range rank {
		rank[j] = make([]int, len(pmfs[j]))
		for n := range rank[j] {
			rank[j][n], _ = slices.BinarySearchFunc(sorted, nets[j][n], decimal.Decimal.Cmp)
		}
	}
	chances := make([]float64, m)
	counts := make([]int, m)
	for {
		p, best, tied := 1.0, -1, 0
		for j, n := range counts {
			p *= pmfs[j][n]
			switch r := rank[j][n]; {
			case r > best:
				best, tied = r, 1
			case r == best:
				tied++
			}
		}
		for j, n := range counts {
			if rank[j][n] == best {
				chances[j] += p / float64(tied)
			}
		}
		j := 0 // the next combination, as an odometer
		for ; j < m && counts[j] == len(pmfs[j])-1; j++ {
			counts[j] = 0
		}
		if j == m {
			return chances
		}
		counts[j]++
	}
}

// poissonPMF is P(N = n) for n = 0 … 25, N Poisson: for means under 5,
// counts above 25 hold under 1e-10 of the mass.
func poissonPMF(mean float64) []float64 {
	pmf := make([]float64, 26)
	p := math.Exp(-mean)
	for n := range pmf {
		pmf[n] = p
		p *= mean / float64(n+1)
	}
	return pmf
}

// truncated is pmf up to the count above which lies under 1e-11 of the
// mass.
func truncated(pmf []float64) []float64 {
	for top := range pmf {
		if referenceAtLeast(pmf, int64(top+1)) < 1e-11 {
			return pmf[:top+1]
		}
	}
	return pmf
}

func TestChanceBestAgreesWithEnumeration(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	perClients := []string{"0", "1000", "250", "0.1", "333.33", "17.5"}
	for n := range 40 {
		perClient, means, costs := drawCompetition(r, perClients, 2+r.IntN(3), 5)
		cs := make([]contender, len(means))
		pmfs := make([][]float64, len(means))
		for j := range cs {
			cs[j] = contender{clients: table(poisson{means[j]}), cost: costs[j]}
			pmfs[j] = poissonPMF(means[j])
		}
		want := enumeratedChances(pmfs, costs, perClient)
		assert.InDeltaSlice(t, want, chancesBest(cs, perClient), 1e-9,
			"case %d: means %v, costs %v, profit per client %s", n, means, costs, perClient)
	}
}

// The same with referral spreads: the clients won negative binomial (or
// Poisson, for a spread of 0), their probabilities by the recurrence from
// P(0), up to where under 1e-11 of the mass lies beyond.
func TestChanceBestWithSpreadsAgreesWithEnumeration(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 5))
	perClients := []string{"1000", "250", "0.1", "333.33"}
	for n := range 30 {
		m := 2 + r.IntN(2)
		maxMean, spreads := 3.0, []float64{0, 0.5, 1, 3}
		if m == 3 { // fewer combinations for three contenders
			maxMean, spreads = 2, []float64{0, 0.5, 1}
		}
		perClient, means, costs := drawCompetition(r, perClients, m, maxMean)
		cs := make([]contender, m)
		pmfs := make([][]float64, m)
		got := make([]float64, m)
		for j := range cs {
			spread := spreads[r.IntN(len(spreads))]
			var clients countDistribution = poisson{means[j]}
			pmfs[j] = poissonPMF(means[j])
			if spread > 0 && means[j] > 0 {
				shape := 1 / (spread * spread)
				clients = newNegativeBinomial(means[j], shape)
				pmfs[j] = truncated(referencePMF(means[j], shape, 2000))
			}
			cs[j] = contender{clients: table(clients), cost: costs[j]}
			got[j] = spread
		}
		want := enumeratedChances(pmfs, costs, perClient)
		assert.InDeltaSlice(t, want, chancesBest(cs, perClient), 1e-9,
			"case %d: means %v, spreads %v, costs %v, profit per client %s", n, means, got, costs, perClient)
	}
}

// drawCompetition draws a profit per client and m means under maxMean (0
// one time in six) with costs whole clients apart, to tie, or a few cents
// more.
func drawCompetition(r *rand.Rand, perClients []string, m int, maxMean float64) (decimal.Decimal, []float64, []decimal.Decimal) {
	perClient := d(perClients[r.IntN(len(perClients))])
	means := make([]float64, m)
	costs := make([]decimal.Decimal, m)
	for j := range means {
		if r.IntN(6) > 0 {
			means[j] = maxMean * r.Float64()
		}
		costs[j] = perClient.Mul(decimal.NewFromInt(r.Int64N(6)))
		if r.IntN(3) == 0 {
			costs[j] = costs[j].Add(decimal.New(r.Int64N(1000), -2))
		}
	}
	return perClient, means, costs
}

func TestChancesOfBeingBestSumToOne(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 1))
	for n := range 40 {
		perClient := decimal.New(r.Int64N(1_000_000), -2)
		cs := make([]contender, 1+r.IntN(MaxOptions))
		for j := range cs {
			mean := 0.0
			if r.IntN(8) > 0 {
				mean = math.Pow(10, 6*r.Float64()) // 1 to a million
			}
			// a cost near the expected profit, so that options compete
			spread := 3 * math.Sqrt(mean) * r.NormFloat64()
			clients := decimal.NewFromFloat(max(0, mean+spread)).Round(2)
			cs[j] = contender{clients: table(poisson{mean}), cost: clients.Mul(perClient)}
		}
		chances := chancesBest(cs, perClient)
		for _, c := range chances {
			assert.True(t, c >= 0 && c <= 1+1e-12, "case %d: chance %v", n, c)
		}
		assert.InDelta(t, 1, sum(chances), 1e-9, "case %d: %v", n, chances)
	}
}

// The same with referral spreads, up to the widest over a million clients:
// counts laid out one by one and in panels, side by side.
func TestChancesOfBeingBestWithSpreadsSumToOne(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 3))
	spreads := []string{"0", "0", "0.001", "0.05", "0.5", "1", "3"}
	inPanels := 0
	for n := range 40 {
		perClient := decimal.New(1+r.Int64N(1_000_000), -2)
		cs := make([]contender, 1+r.IntN(MaxOptions))
		var drawn []string
		for j := range cs {
			mean := 0.0
			if r.IntN(8) > 0 {
				mean = math.Pow(10, 6*r.Float64()) // 1 to a million
			}
			spread := spreads[r.IntN(len(spreads))]
			// a cost near the expected profit, so that options compete
			clients := decimal.NewFromFloat(mean * math.Exp(r.NormFloat64()/4)).Round(2)
			cs[j] = contender{clients: table(clientsWon(decimal.NewFromFloat(mean), d(spread))), cost: clients.Mul(perClient)}
			drawn = append(drawn, spread)
			if len(cs[j].clients.panels) > 0 {
				inPanels++
			}
		}
		chances := chancesBest(cs, perClient)
		for _, c := range chances {
			assert.True(t, c >= -1e-12 && c <= 1+1e-12, "case %d: chance %v", n, c)
		}
		assert.InDelta(t, 1, sum(chances), 1e-9, "case %d: spreads %v, chances %v", n, drawn, chances)
	}
	assert.Greater(t, inPanels, 20, "contenders laid out in panels")
}

// countByCount lays d out count by count over its whole window, however
// long, as tabulate does short windows: what the panels stand for.
func countByCount(d countDistribution) *tabulated {
	lo, hi := d.window()
	run := walk(d, lo, hi, d.pmf(lo), 0)
	tab := tabulated{runs: []countRun{run}, clients: d, scale: 1 / run.less[len(run.mass)]}
	tab.rescale()
	return &tab
}

// Where a window is laid out in panels, the chance of being best is an
// integral over them: it agrees with the sum over every count of the
// window, for windows of up to a few million counts, against contenders in
// panels and counted one by one, with ties and without.
func TestChanceBestInPanelsAgreesWithTheSumOverEveryCount(t *testing.T) {
	type option struct {
		mean   float64
		spread string
		cost   string
	}
	cases := []struct {
		name    string
		options []option
	}{
		{"two of the widest spread, a tie at every count", []option{{2000, "3", "0"}, {2000, "2", "5"}}},
		{"the widest spread against a known rate", []option{{2000, "3", "0"}, {1500, "0", "0"}}},
		{"against a known rate and a small one", []option{{2000, "3", "100"}, {1500, "0", "0"}, {30, "0", "0"}}},
		{"three spreads, costs apart by whole clients", []option{{5000, "1", "2000"}, {4000, "0.5", "0"}, {3000, "2", "0"}}},
		{"five, ties and a small mean", []option{{2000, "3", "0"}, {2000, "2", "5"}, {1000, "1", "3"}, {50, "0", "0"}, {2500, "0.7", "7"}}},
		{"costs apart by half a client", []option{{500, "3", "0"}, {400, "3", "0.5"}, {1, "0", "0"}, {0, "0", "0"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inPanels := make([]contender, len(tc.options))
			everyCount := make([]contender, len(tc.options))
			wide := false
			for i, o := range tc.options {
				clients := clientsWon(decimal.NewFromFloat(o.mean), d(o.spread))
				inPanels[i] = contender{clients: table(clients), cost: d(o.cost)}
				everyCount[i] = contender{clients: countByCount(clients), cost: d(o.cost)}
				wide = wide || len(inPanels[i].clients.panels) > 0
			}
			require.True(t, wide, "some window is laid out in panels")
			want := chancesBest(everyCount, one)
			assert.InDeltaSlice(t, want, chancesBest(inPanels, one), 1e-11)
		})
	}
}

func TestASingleOptionIsBestForCertain(t *testing.T) {
	for _, mean := range []float64{0, 0.5, 7, 1_200_000} {
		for _, perClient := range []string{"0", "1000"} {
			got := chancesBest(contenders([]float64{mean}, "1234.56"), d(perClient))
			assert.Equal(t, []float64{1}, got, "mean %v, profit per client %s", mean, perClient)
		}
	}
}

func TestTwoIdenticalOptionsHaveEvenChances(t *testing.T) {
	for _, mean := range []float64{0, 0.3, 10, 5000, 1_200_000} {
		t.Run("mean "+strconv.FormatFloat(mean, 'f', -1, 64), func(t *testing.T) {
			got := chancesBest(contenders([]float64{mean, mean}, "1234.56", "1234.56"), d("1000"))
			assert.InDeltaSlice(t, []float64{0.5, 0.5}, got, 1e-9)
		})
	}
}

func TestCountShiftComparesNetsExactly(t *testing.T) {
	cases := []struct {
		name            string
		diff, perClient string
		shift           int64
		whole           bool
	}{
		{"costs apart by whole clients", "3000", "1000", 3, true},
		{"costs apart by part of a client round up", "2500", "1000", 3, false},
		{"a lower cost, by whole clients", "-3000", "1000", -3, true},
		{"a lower cost, by part of a client", "-2500", "1000", -2, false},
		{"equal costs", "0", "1000", 0, true},
		{"a repeating fraction of clients rounds up", "1", "0.03", 34, false}, // 33.33…
		{"beyond any count", "1000000000000", "0.000000000001", maxClientCount, false},
		{"below any count", "-1000000000000", "0.000000000001", -maxClientCount, false},
		{"no profit per client, a higher cost", "5", "0", maxClientCount, false},
		{"no profit per client, a lower cost", "-5", "0", -maxClientCount, false},
		{"no profit per client, equal costs", "0", "0", 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			shift, whole := countShift(d(tc.diff), d(tc.perClient))
			assert.Equal(t, tc.shift, shift)
			assert.Equal(t, tc.whole, whole)
		})
	}
}
