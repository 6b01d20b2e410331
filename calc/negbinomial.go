package calc

import "math"

// negativeBinomial is the distribution of the clients won when the reader is
// unsure of the referral rate: a Poisson whose mean is itself uncertain,
// gamma distributed about the expected clients μ with the referral spread as
// its coefficient of variation. Its shape is k = 1/spread² and
//
//	P(N = n) = Γ(n+k)/(Γ(k)·n!) · (k/(k+μ))^k · (μ/(k+μ))^n,
//
// of mean μ and variance μ + μ²/k. A wide spread over a large mean is a
// long right tail: with a spread of 3 (k = 1/9) and 1.2 million clients
// expected, no client comes one time in six, the median is 12,931 and the
// 90th percentile 3.3 million.
type negativeBinomial struct {
	mean, shape float64
	p, q        float64 // k/(k+μ) and μ/(k+μ): P(N = n+1)/P(N = n) tends to q
	lo, hi      int64   // the window, worked out once
}

// newNegativeBinomial is the distribution of mean μ > 0 and shape k > 0.
func newNegativeBinomial(mean, shape float64) negativeBinomial {
	d := negativeBinomial{mean: mean, shape: shape, p: shape / (shape + mean), q: mean / (shape + mean)}
	d.lo, d.hi = d.counts(negligibleDensity)
	return d
}

// negligibleDensity is the probability below which a count is left out of
// the window: the mass beyond it is under 1e-21 even for the longest
// window, of half a billion counts.
const negligibleDensity = 1e-30

func (d negativeBinomial) window() (lo, hi int64) { return d.lo, d.hi }

func (d negativeBinomial) pmf(n int64) float64 { return d.density(float64(n)) }

// ratio is P(N = n + 1) / P(N = n) = (k + n)/(n + 1) · μ/(k + μ).
func (d negativeBinomial) ratio(n int64) float64 {
	return (d.shape + float64(n)) / float64(n+1) * d.q
}

// density is P(N = x) for a whole x ≥ 0, and between whole numbers the
// smooth curve through them that Γ gives the factorials. It is computed as
// Loader's saddle-point form ("Fast and accurate computation of binomial
// probabilities", 2000; R's dnbinom_mu): the terms that are large cancel
// in closed form, so that the result keeps nearly every digit for counts in
// the hundreds of millions, where a difference of ln Γ would lose ten.
func (d negativeBinomial) density(x float64) float64 {
	k := d.shape
	if x == 0 {
		return math.Exp(-k * math.Log1p(d.mean/k)) // (k/(k+μ))^k
	}
	// Loader's binomial of k successes in n = x + k trials, times k/n; the
	// means n·p and n·q are k − (μ−x)·p and x − (x−μ)·p, passed to the
	// deviance as these small differences rather than rounded at n's size.
	n := x + k
	lc := stirlingError(n) - stirlingError(k) - stirlingError(x) - deviance(k, (d.mean-x)*d.p) - deviance(x, (x-d.mean)*d.p)
	return k / n * math.Exp(lc) / math.Sqrt(2*math.Pi*k*(x/n))
}

// stirlingError is ln Γ(z+1) − ln(√(2π) z^(z+½) e^(−z)), the error of
// Stirling's formula for z! (z > 0), by its series from 15 on. Below, as
// z! = (z+1)!/(z+1), it steps up to 15 by
//
//	stirlingError(z) = stirlingError(z+1) + (z+½)·ln(1 + 1/z) − 1,
//
// each step within a few 1e-16 (math.Lgamma would link the sines it needs
// for negative arguments, 2.5 KB brotli of the .wasm).
func stirlingError(z float64) float64 {
	steps := 0.0
	for ; z <= 15; z++ {
		steps += (z+0.5)*math.Log1p(1/z) - 1
	}
	zz := z * z
	// 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹): the
	// next term is under 1e-17 from 15 on.
	return steps + (1.0/12-(1.0/360-(1.0/1260-(1.0/1680-1.0/(1188*zz))/zz)/zz)/zz)/z
}

// lnFactorial is ln k! for a whole k ≥ 0, Stirling's formula and its error.
func lnFactorial(k float64) float64 {
	if k == 0 {
		return 0
	}
	return (k+0.5)*math.Log(k) - k + 0.5*math.Log(2*math.Pi) + stirlingError(k)
}

// deviance is x·ln(x/m) + m − x for m = x − diff, by its series where x is
// near m so that it keeps its precision where it is small.
func deviance(x, diff float64) float64 {
	if math.Abs(diff) >= 0.1*(2*x-diff) {
		return -x*math.Log1p(-diff/x) - diff
	}
	// With v = (x−m)/(x+m): (x−m)·v + 2x·Σ_{j≥1} v^(2j+1)/(2j+1).
	v := diff / (2*x - diff)
	s := diff * v
	term := 2 * x * v
	for j := 1; ; j++ {
		term *= v * v
		next := s + term/float64(2*j+1)
		if next == s {
			return s
		}
		s = next
	}
}

// counts is the range of counts whose probability is at least floor. The
// probability rises to the mode and falls after it, so each end is found
// by doubling a step away from the mode, then halving back.
func (d negativeBinomial) counts(floor float64) (lo, hi int64) {
	mode := int64(0)
	if d.shape > 1 {
		mode = int64((d.shape - 1) * d.q / d.p)
	}
	sd := max(1, int64(math.Sqrt(d.mean+d.mean*d.mean/d.shape)))
	above := func(n int64) bool { return n >= 0 && d.density(float64(n)) >= floor }
	last := func(dir int64) int64 { // the last count above floor from the mode in direction dir
		from, step := mode, sd
		for ; above(from + dir*step); step *= 2 {
			from += dir * step
		}
		for step > 1 { // from is above floor and from + dir·step is not: halve the gap
			if half := step / 2; above(from + dir*half) {
				from, step = from+dir*half, step-half
			} else {
				step = half
			}
		}
		return from
	}
	return last(-1), last(1)
}
