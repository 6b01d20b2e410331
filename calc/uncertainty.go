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
	_ [0]func() // not comparable, so that no equality function is compiled (see Option)

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
	mean, s := float64Of(clients), float64Of(spread)
	if mean*s*s <= poissonWithin {
		return poisson{mean: mean}
	}
	return newNegativeBinomial(mean, 1/(s*s))
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
	return math.Exp(float64(k)*math.Log(p.mean) - p.mean - logFactorial(k))
}

// ratio is P(N = k + 1) / P(N = k) = mean / (k + 1).
func (p poisson) ratio(k int64) float64 { return p.mean / float64(k+1) }

// logFactorial is ln(k!), bit for bit what math.Lgamma(k+1) returns for
// 0 ≤ k ≤ 2^57 (the window never reaches that far). It is not Lgamma because
// Lgamma's code for fractions and negative numbers, with the trigonometry
// it needs, costs kilobytes in the browser build. Below 7 it is the log of
// the exact product, as Lgamma computes it below 8; from 7 on it is the
// asymptotic series Lgamma uses from 8 on, with its coefficients.
func logFactorial(k int64) float64 {
	if k < 7 {
		f := 1.0
		for i := int64(2); i <= k; i++ {
			f *= float64(i)
		}
		return math.Log(f)
	}
	x := float64(k) + 1
	z := 1 / x
	y := z * z
	w := lgammaW[0] + z*(lgammaW[1]+y*(lgammaW[2]+y*(lgammaW[3]+y*(lgammaW[4]+y*(lgammaW[5]+y*lgammaW[6])))))
	return (x-0.5)*(math.Log(x)-1) + w
}

// lgammaW are the coefficients of math.Lgamma's series for x ≥ 8.
var lgammaW = [...]float64{
	4.18938533204672725052e-01,  // 0x3FDACFE390C97D69
	8.33333333333329678849e-02,  // 0x3FB555555555553B
	-2.77777777728775536470e-03, // 0xBF66C16C16B02E5C
	7.93650558643019558500e-04,  // 0x3F4A019F98CF38B6
	-5.95187557450339963135e-04, // 0xBF4380CB8C0FE741
	8.36339918996282139126e-04,  // 0x3F4B67BA4CDAD5D1
	-1.63092934096575273989e-03, // 0xBF5AB89D0B9E43E4
}

// maxClientCount caps a break-even count before it becomes an integer: no
// window reaches it, as clients are bounded by the inputs.
const maxClientCount = 1 << 50

// uncertaintyOf is the uncertainty of an option whose clients won, laid
// out, and unrounded break-even clients are given; profitPerClient is
// dealValue × grossMargin.
func uncertaintyOf(tab *tabulated, breakEvenClients, profitPerClient, cost decimal.Decimal) Uncertainty {
	need, _ := ceiling(breakEvenClients, maxClientCount)
	ks := tab.quantiles(0.1, 0.5, 0.9)
	netAt := func(k int64) decimal.Decimal {
		return integer(k).Mul(profitPerClient).Sub(cost)
	}
	return Uncertainty{
		BreakEvenProbability: tab.atLeast(need),
		P10:                  netAt(ks[0]),
		P50:                  netAt(ks[1]),
		P90:                  netAt(ks[2]),
	}
}
