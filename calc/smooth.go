package calc

import "math"

// A wide spread over a large mean spreads the clients won over hundreds of
// millions of counts, too many to sum one by one, but their probabilities
// then vary smoothly from count to count. Such a stretch of counts is laid
// out in panels, each a polynomial through the probabilities (Chebyshev, of
// degree chebDegree) and another for the mass below, and a sum over its
// counts becomes an integral (Euler–Maclaurin), computed on the panels to
// within 1e-12:
//
//	Σ_{n=a..b} f(n) = ∫_{a−½}^{b+½} f(x) dx − (f'(b+½) − f'(a−½))/24 + …,
//
// the next term, 7(f'''(b+½) − f'''(a−½))/5760, being under f/ℓ³/400 for
// features of ℓ counts, and ℓ is in the hundreds at least where this is
// used. Tests check the sums against the sums over every count of windows
// of up to a few million counts.

// chebDegree is the degree of a panel's polynomials, chebDegree+1 points.
const chebDegree = 24

// chebyshev holds what every panel shares: its points t_j = cos(jπ/n) on
// [−1, 1], the cosines of the transform from values to coefficients, and
// the Clenshaw–Curtis weights that integrate over [−1, 1] from the values
// at the points.
var chebyshev = func() (c struct {
	points  [chebDegree + 1]float64
	cosines [chebDegree + 1][chebDegree + 1]float64 // cos(jkπ/n)
	weights [chebDegree + 1]float64
}) {
	const n = chebDegree
	for j := range c.points {
		for k := range c.cosines[j] {
			c.cosines[j][k] = math.Cos(float64(j*k) * math.Pi / n)
		}
		c.points[j] = c.cosines[j][1]
	}
	// Clenshaw–Curtis for an even n (Trefethen, "Spectral methods in
	// MATLAB", clencurt).
	c.weights[0] = 1.0 / (n*n - 1)
	c.weights[n] = c.weights[0]
	for j := 1; j < n; j++ {
		v := 1.0
		for k := 1; k < n/2; k++ {
			v -= 2 * c.cosines[j][2*k] / float64(4*k*k-1)
		}
		v -= c.cosines[j][n] / (n*n - 1)
		c.weights[j] = 2 * v / n
	}
	return c
}()

// panel is a stretch [from, to] of the count axis, count n standing for
// [n−½, n+½], with two polynomials in t = (2x − from − to)/(to − from):
// the probability at x, and the mass below x, that is the probability of
// the counts under x for x = n + ½ and the smooth curve through those in
// between (Euler–Maclaurin's, see above).
type panel struct {
	from, to  float64
	density   [chebDegree + 1]float64 // Chebyshev coefficients
	massBelow [chebDegree + 2]float64
}

// at is the probability at x.
func (pn *panel) at(x float64) float64 {
	return chebyshevSum(pn.density[:], (2*x-pn.from-pn.to)/(pn.to-pn.from))
}

// below is the mass below x.
func (pn *panel) below(x float64) float64 {
	return chebyshevSum(pn.massBelow[:], (2*x-pn.from-pn.to)/(pn.to-pn.from))
}

// chebyshevSum is Σ c_k T_k(t), by Clenshaw's recurrence.
func chebyshevSum(c []float64, t float64) float64 {
	var b1, b2 float64
	for k := len(c) - 1; k >= 1; k-- {
		b1, b2 = 2*t*b1-b2+c[k], b1
	}
	return t*b1 - b2 + c[0]
}

// panelTolerance is how small the last coefficients of a panel's
// probability must be, against its largest value, for the polynomial to be
// taken as the probability: its error is then about as small.
const panelTolerance = 1e-13

// minPanelWidth is the narrowest panel: nowhere narrower is needed where
// panels are used, and it bounds the work should the tolerance never be met.
const minPanelWidth = 32

// layOutPanels covers [from, to] with panels of density; below is the mass
// below from. Each panel is as wide as its polynomial allows: twice the last
// one, halved until its last coefficients are negligible. The first is
// tried half as wide as its distance from 0, near which lies the nearest
// singularity of the probability (of Γ(x+k), at −k).
func layOutPanels(density func(x float64) float64, from, to, below float64) []panel {
	var panels []panel
	width := max(minPanelWidth, from/2)
	var slopeAtFrom float64 // f'(from), for the mass below: see addIntegral
	for x := from; x < to; x = panels[len(panels)-1].to {
		width = min(width, to-x)
		var pn panel
		for {
			pn.from, pn.to = x, x+width
			if pn.fit(density) || width <= minPanelWidth {
				break
			}
			width /= 2
		}
		if len(panels) == 0 {
			slopeAtFrom = pn.slope(-1)
		}
		below = pn.addIntegral(below, slopeAtFrom)
		panels = append(panels, pn)
		width *= 2
	}
	return panels
}

// fit sets the panel's probability to the polynomial through density at
// its points, and reports whether that polynomial is close enough.
func (pn *panel) fit(density func(x float64) float64) bool {
	const n = chebDegree
	var values [n + 1]float64
	largest := 0.0
	for j, t := range chebyshev.points {
		values[j] = density((pn.from+pn.to)/2 + (pn.to-pn.from)/2*t)
		largest = max(largest, values[j])
	}
	for k := range pn.density {
		sum := (values[0] + values[n]*chebyshev.cosines[n][k]) / 2
		for j := 1; j < n; j++ {
			sum += values[j] * chebyshev.cosines[j][k]
		}
		pn.density[k] = 2 * sum / n
	}
	pn.density[0] /= 2
	pn.density[n] /= 2
	tail := math.Abs(pn.density[n]) + math.Abs(pn.density[n-1]) + math.Abs(pn.density[n-2])
	negligible := largest*(pn.to-pn.from) < 1e-25 // too little mass to matter
	return tail <= panelTolerance*largest || negligible
}

// slope is the derivative of the panel's probability in x, at t.
func (pn *panel) slope(t float64) float64 {
	var d [chebDegree + 2]float64 // d_{k−1} = d_{k+1} + 2k c_k
	for k := chebDegree; k >= 1; k-- {
		d[k-1] = d[k+1] + 2*float64(k)*pn.density[k]
	}
	d[0] /= 2
	return chebyshevSum(d[:chebDegree], t) * 2 / (pn.to - pn.from)
}

// addIntegral sets the panel's mass below x to below + ∫ density from its
// start to x − (f'(x) − slopeAtFrom)/24, where below is the mass below the
// first panel's start plus the integral of density from there to this
// panel's start, and slopeAtFrom is f' at the first panel's start. It
// returns below plus the integral over this panel, for the next one.
func (pn *panel) addIntegral(below, slopeAtFrom float64) float64 {
	const n = chebDegree
	h := (pn.to - pn.from) / 2
	c := pn.density
	var integral [n + 2]float64 // ∫ Σ c_k T_k dt = Σ A_m T_m
	for m := 1; m <= n+1; m++ {
		next := 0.0
		if m+1 <= n {
			next = c[m+1]
		}
		previous := c[m-1]
		if m == 1 {
			previous *= 2
		}
		integral[m] = (previous - next) / float64(2*m)
	}
	for m := 1; m <= n+1; m++ { // zero at t = −1
		integral[0] -= integral[m] * float64(1-2*(m&1))
	}
	var d [n + 2]float64 // derivative coefficients, in t
	for k := n; k >= 1; k-- {
		d[k-1] = d[k+1] + 2*float64(k)*c[k]
	}
	d[0] /= 2
	for m := range pn.massBelow {
		pn.massBelow[m] = h*integral[m] - d[m]/h/24
	}
	pn.massBelow[0] += below + slopeAtFrom/24
	return below + h*chebyshevSum(integral[:], 1)
}

// scale multiplies the panel's polynomials by s.
func (pn *panel) scale(s float64) {
	for k := range pn.density {
		pn.density[k] *= s
	}
	for k := range pn.massBelow {
		pn.massBelow[k] *= s
	}
}
