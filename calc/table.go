package calc

import "math"

// tabulated is a count distribution laid out for sums: count by count in
// runs where probabilities change from one count to the next, and, for a
// window too long for that, in panels where they change smoothly (see
// smooth.go). The uncertainty reads its quantiles and tail from it, and the
// chance of being best sums over it.
type tabulated struct {
	runs    []countRun // in order of count; the first starts the window
	panels  []panel    // the rest of a long window, after the first run
	clients countDistribution
	scale   float64 // what the probabilities of clients are multiplied by in runs and panels
}

// countRun is consecutive counts, with their probabilities scaled to sum
// to 1 over the table. What is left out is under 1e-13 for windows of up
// to 100,000 counts; and for Poisson means in the millions the log-space
// rounding of pmf(lo) scales every term alike by up to a few parts in a
// billion, which the scaling undoes.
type countRun struct {
	lo   int64
	mass []float64 // mass[t] = P(N = lo + t)
	less []float64 // less[t] = P(N < lo + t), one longer than mass
}

// hi is the run's last count.
func (r *countRun) hi() int64 { return r.lo + int64(len(r.mass)) - 1 }

// negligibleMass is a probability too small to change a chance of being
// best, even summed over a window.
const negligibleMass = 1e-18

// maxRunCounts is the longest window of a smooth distribution laid out
// count by count, about as many counts as the largest Poisson's keeps (a
// Poisson's window is laid out count by count whatever its length). A
// longer one is laid out in panels after its first roughCounts counts,
// where a small shape makes probabilities fall steeply (as n^(k−1)); past
// them they change by under a percent from one count to the next.
const (
	maxRunCounts = 1 << 15
	roughCounts  = 1 << 10
)

// smoothCounts is a count distribution whose probability is a smooth curve
// between whole counts too, so that a long window of it can be laid out in
// panels.
type smoothCounts interface {
	countDistribution
	density(x float64) float64 // P(N = x) for a whole x, and the curve between
}

// tabulate lays d out: count by count over the counts of its window whose
// probability is at least negligibleMass (the most likely count always
// is), or, for a long window of a smooth distribution, in panels.
func tabulate(d countDistribution) tabulated {
	lo, hi := d.window()
	if s, ok := d.(smoothCounts); ok && hi-lo >= maxRunCounts {
		return tabulateInPanels(s, lo, hi)
	}
	// A first walk over the window finds the counts to keep, so that only
	// they are stored: a mean in the millions keeps under half its window.
	first, last, atFirst := hi+1, lo, 0.0
	p := d.pmf(lo)
	for k := lo; k <= hi; k++ {
		if p >= negligibleMass {
			if k < first {
				first, atFirst = k, p
			}
			last = k
		}
		p *= d.ratio(k)
	}
	run := walk(d, first, last, atFirst, 0)
	tab := tabulated{runs: []countRun{run}, clients: d, scale: 1 / run.less[len(run.mass)]}
	tab.rescale()
	return tab
}

// tabulateInPanels lays out the window's first roughCounts counts one by
// one, where a small shape makes probabilities fall steeply, and the rest
// in panels.
func tabulateInPanels(d smoothCounts, lo, hi int64) tabulated {
	run := walk(d, lo, lo+roughCounts-1, d.pmf(lo), 0)
	panels := layOutPanels(d.density, float64(run.hi())+0.5, float64(hi)+0.5, run.less[len(run.mass)])
	last := &panels[len(panels)-1]
	tab := tabulated{runs: []countRun{run}, panels: panels, clients: d, scale: 1 / last.below(last.to)}
	tab.rescale()
	return tab
}

// walk is the run of counts from first to last, whose first probability is
// p and below which lies the mass less, by the ratio of each count's
// probability to the one before.
func walk(d countDistribution, first, last int64, p, less float64) countRun {
	r := countRun{lo: first, mass: make([]float64, last-first+1), less: make([]float64, last-first+2)}
	for t := range r.mass {
		r.mass[t], r.less[t] = p, less
		less += p
		p *= d.ratio(first + int64(t))
	}
	r.less[len(r.mass)] = less
	return r
}

// rescale multiplies the table's first run and panels by its scale.
func (tab *tabulated) rescale() {
	r := &tab.runs[0]
	for t := range r.mass {
		r.mass[t] *= tab.scale
		r.less[t] *= tab.scale
	}
	r.less[len(r.mass)] *= tab.scale
	for i := range tab.panels {
		tab.panels[i].scale(tab.scale)
	}
}

// addRun lays out the counts from first to last count by count, within the
// panels, so that a sum over them may read them one by one too.
func (tab *tabulated) addRun(first, last int64) {
	p := tab.clients.pmf(first) * tab.scale
	tab.runs = append(tab.runs, walk(tab.clients, first, last, p, tab.belowNear(float64(first))))
}

// window is the table's first and last counts.
func (tab *tabulated) window() (lo, hi int64) {
	lo = tab.runs[0].lo
	if len(tab.panels) == 0 {
		return lo, tab.runs[0].hi()
	}
	return lo, int64(tab.panels[len(tab.panels)-1].to - 0.5)
}

// below is P(N < k).
func (tab *tabulated) below(k int64) float64 {
	if r := &tab.runs[0]; len(tab.runs) == 1 && len(tab.panels) == 0 { // a short window
		switch t := k - r.lo; {
		case t <= 0:
			return 0
		case t >= int64(len(r.mass)):
			return r.less[len(r.mass)]
		default:
			return r.less[t]
		}
	}
	for i := range tab.runs {
		if r := &tab.runs[i]; k >= r.lo && k <= r.hi()+1 {
			return r.less[k-r.lo]
		}
	}
	if pn := tab.panelAt(float64(k) - 0.5); pn != nil {
		return pn.below(float64(k) - 0.5)
	}
	if k < tab.runs[0].lo {
		return 0
	}
	return tab.total()
}

// at is P(N = k).
func (tab *tabulated) at(k int64) float64 {
	if r := &tab.runs[0]; len(tab.runs) == 1 && len(tab.panels) == 0 { // a short window
		if t := k - r.lo; t >= 0 && t < int64(len(r.mass)) {
			return r.mass[t]
		}
		return 0
	}
	for i := range tab.runs {
		if r := &tab.runs[i]; k >= r.lo && k <= r.hi() {
			return r.mass[k-r.lo]
		}
	}
	if pn := tab.panelAt(float64(k)); pn != nil {
		return pn.at(float64(k))
	}
	return 0
}

// belowNear is P(N < y) for a whole y, and between whole numbers a smooth
// curve through them, where the panels hold y; elsewhere it is P(N < ⌈y⌉).
func (tab *tabulated) belowNear(y float64) float64 {
	if pn := tab.panelAt(y - 0.5); pn != nil {
		return pn.below(y - 0.5)
	}
	return tab.below(int64(math.Ceil(y)))
}

// atNear is P(N = y) for a whole y, and between whole numbers a smooth
// curve through them, where the panels hold y; elsewhere it is P(N = y
// rounded).
func (tab *tabulated) atNear(y float64) float64 {
	if pn := tab.panelAt(y); pn != nil {
		return pn.at(y)
	}
	return tab.at(int64(math.Round(y)))
}

// panelAt is the panel that holds x, or nil.
func (tab *tabulated) panelAt(x float64) *panel {
	lo, hi := 0, len(tab.panels)
	for lo < hi {
		mid := (lo + hi) / 2
		switch pn := &tab.panels[mid]; {
		case x < pn.from:
			hi = mid
		case x > pn.to:
			lo = mid + 1
		default:
			return pn
		}
	}
	return nil
}

// total is the table's whole mass, 1 but for rounding.
func (tab *tabulated) total() float64 {
	if len(tab.panels) == 0 {
		r := &tab.runs[0]
		return r.less[len(r.mass)]
	}
	last := &tab.panels[len(tab.panels)-1]
	return last.below(last.to)
}

// atLeast is P(N ≥ k).
func (tab *tabulated) atLeast(k int64) float64 {
	lo, hi := tab.window()
	switch {
	case k <= lo:
		return 1
	case k > hi:
		return 0
	}
	return max(0, tab.total()-tab.below(k))
}

// quantiles returns, for each q, the smallest k with P(N ≤ k) ≥ q.
func (tab *tabulated) quantiles(qs ...float64) []int64 {
	ks := make([]int64, len(qs))
	first, last := tab.window()
	for i, q := range qs {
		lo, hi := first, last // P(N ≤ hi) ≥ q, but for rounding
		for lo < hi {
			if mid := lo + (hi-lo)/2; tab.below(mid+1) >= q {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		ks[i] = lo
	}
	return ks
}
