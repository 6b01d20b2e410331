package calc

import (
	"math"

	"github.com/shopspring/decimal"
)

// Uncertainty is how an option's net could turn out. Referrals arrive at
// random and each closes independently, so the clients won over the horizon
// are Poisson distributed with the expected clients as their mean, if the
// referral rate is known; if the reader is unsure of it, they are negative
// binomial (see clientsWon).
type Uncertainty struct {
	BreakEvenProbability float64         // chance of winning enough clients to break even
	P10, P50, P90        decimal.Decimal // net at the 10th, 50th and 90th percentile of clients won
}

// countDistribution is a distribution of the clients an option wins over
// the horizon, as tabulate lays it out for the uncertainty and the chance
// of being best: count by count, over a window that holds all but a
// negligible mass, from pmf(lo) by the ratio of each count's probability to
// the one before. poisson and negativeBinomial are two.
type countDistribution interface {
	window() (lo, hi int64)
	pmf(k int64) float64   // P(N = k)
	ratio(k int64) float64 // P(N = k + 1) / P(N = k)
}

// clientsWon is the distribution of the clients an option wins, given the
// clients it is expected to win and the referral spread (the coefficient of
// variation of the reader's uncertainty about the referral rate): Poisson
// for a known rate, negative binomial of shape 1/spread² otherwise.
//
// A negative binomial is a Poisson whose mean is itself uncertain, of
// variance V = (clients × spread)², and such a mixture is within V/clients
// = clients × spread² of the Poisson in total variation (Barbour, Holst &
// Janson, "Poisson Approximation", 1992). A spread too small to move any
// probability by poissonWithin is therefore taken as a known rate.
func clientsWon(clients, spread decimal.Decimal) countDistribution {
	return clientsWonAfter(clients, spread, zero)
}

// clientsWonAfter is clientsWon for a member whose record holds seen
// referrals: the record narrows the reader's uncertainty about the rate,
// the gamma's shape growing from k = 1/spread² to k + seen, so the clients
// are negative binomial of shape k + seen (Poisson still for a spread of
// 0). Its distance from the Poisson is then clients/(k + seen) =
// clients × spread² / (1 + seen × spread²).
func clientsWonAfter(clients, spread, seen decimal.Decimal) countDistribution {
	mean, s, n := float64Of(clients), float64Of(spread), float64Of(seen)
	if mean*s*s/(1+n*s*s) <= poissonWithin {
		return poisson{mean: mean}
	}
	return newNegativeBinomial(mean, 1/(s*s)+n)
}

// poissonWithin is a distance in total variation that changes no
// probability of the report by more than it.
const poissonWithin = 1e-12

// certain is the count 0 with probability 1: what the chance of being best
// takes for every option when there is no profit per client, and so no
// count changes a net.
type certain struct{}

func (certain) window() (lo, hi int64) { return 0, 0 }

func (certain) pmf(k int64) float64 {
	if k == 0 {
		return 1
	}
	return 0
}

func (certain) ratio(int64) float64 { return 0 }

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
	lo = max(0, int64(math.Floor(p.mean-spread)))
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
	return math.Exp(float64(k)*math.Log(p.mean) - p.mean - lnFactorial(float64(k)))
}

// ratio is P(N = k + 1) / P(N = k) = mean / (k + 1).
func (p poisson) ratio(k int64) float64 { return p.mean / float64(k+1) }

// maxClientCount caps a break-even count before it becomes an integer: no
// window reaches it, as clients are bounded by the inputs.
const maxClientCount = 1 << 50

// uncertaintyOf is the uncertainty of an option whose clients won, laid
// out, and unrounded break-even clients are given; profitPerClient is
// dealValue × dealsPerClient × grossMargin.
func uncertaintyOf(tab *tabulated, breakEvenClients, profitPerClient, cost decimal.Decimal) Uncertainty {
	need := decimal.Min(breakEvenClients.Ceil(), decimal.NewFromInt(maxClientCount)).IntPart()
	ks := tab.quantiles(0.1, 0.5, 0.9)
	netAt := func(k int64) decimal.Decimal {
		return decimal.NewFromInt(k).Mul(profitPerClient).Sub(cost)
	}
	return Uncertainty{
		BreakEvenProbability: tab.atLeast(need),
		P10:                  netAt(ks[0]),
		P50:                  netAt(ks[1]),
		P90:                  netAt(ks[2]),
	}
}
