package calc

import (
	"math"

	"github.com/shopspring/decimal"
)

// Uncertainty is how an option's net could turn out. Referrals arrive at
// random and each closes independently, so the clients won over the horizon
// are Poisson distributed with the expected clients as their mean.
type Uncertainty struct {
	BreakEvenProbability float64         // chance of winning enough clients to break even
	P10, P50, P90        decimal.Decimal // net at the 10th, 50th and 90th percentile of clients won
}

// poisson is the distribution of clients won; probabilities are floats
// because they are not money. Sums run over the window of counts that holds
// all but a negligible mass, so they stay exact to float
// precision and short for means from 0 into the millions.
type poisson struct {
	mean float64
}

// window is the range of counts outside which the probability mass is
// negligible (about e^-200): 20 standard deviations either side of the mean.
// It is not wider because the sums start from pmf(lo), which must not
// underflow to zero.
func (p poisson) window() (lo, hi int64) {
	spread := 20*math.Sqrt(p.mean) + 20
	lo = int64(math.Max(0, math.Floor(p.mean-spread)))
	hi = int64(math.Ceil(p.mean + spread))
	return lo, hi
}

// pmf is P(N = k), computed in log space so that large means neither
// overflow nor underflow.
func (p poisson) pmf(k int64) float64 {
	if p.mean == 0 {
		if k == 0 {
			return 1
		}
		return 0
	}
	lg, _ := math.Lgamma(float64(k) + 1)
	return math.Exp(float64(k)*math.Log(p.mean) - p.mean - lg)
}

// atLeast is P(N ≥ k). Above the mean it sums the upper tail directly, so
// small tail probabilities keep their precision.
func (p poisson) atLeast(k int64) float64 {
	lo, hi := p.window()
	switch {
	case k <= lo:
		return 1
	case k > hi:
		return 0
	case float64(k) > p.mean:
		return p.sum(k, hi)
	}
	return math.Max(0, 1-p.sum(lo, k-1))
}

// sum is P(from ≤ N ≤ to), by the recurrence P(k+1) = P(k)·mean/(k+1).
func (p poisson) sum(from, to int64) float64 {
	term := p.pmf(from)
	total := 0.0
	for k := from; k <= to; k++ {
		total += term
		term *= p.mean / float64(k+1)
	}
	return math.Min(1, total)
}

// quantiles returns, for each q in ascending order, the smallest k with
// P(N ≤ k) ≥ q, in one pass over the window.
func (p poisson) quantiles(qs ...float64) []int64 {
	ks := make([]int64, len(qs))
	lo, hi := p.window()
	k, term, cdf := lo, p.pmf(lo), 0.0
	for i, q := range qs {
		for k < hi {
			if cdf+term >= q {
				break
			}
			cdf += term
			term *= p.mean / float64(k+1)
			k++
		}
		ks[i] = k
	}
	return ks
}

// maxClientCount caps a break-even count before it becomes an integer: the
// Poisson window never reaches it, as clients are bounded by the inputs.
var maxClientCount = decimal.NewFromInt(1 << 50)

// uncertaintyOf is the uncertainty of an option whose expected clients and
// unrounded break-even clients are given; profitPerClient is dealValue ×
// grossMargin.
func uncertaintyOf(clients, breakEvenClients, profitPerClient, cost decimal.Decimal) Uncertainty {
	p := poisson{mean: clients.InexactFloat64()}
	need := decimal.Min(breakEvenClients.Ceil(), maxClientCount).IntPart()
	ks := p.quantiles(0.1, 0.5, 0.9)
	netAt := func(k int64) decimal.Decimal {
		return decimal.NewFromInt(k).Mul(profitPerClient).Sub(cost)
	}
	return Uncertainty{
		BreakEvenProbability: p.atLeast(need),
		P10:                  netAt(ks[0]),
		P50:                  netAt(ks[1]),
		P90:                  netAt(ks[2]),
	}
}
