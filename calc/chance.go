package calc

import (
	"slices"

	"github.com/shopspring/decimal"
)

// contender is one option as the chance of being best sees it: the clients
// it wins, at random, laid out, and what it costs. Its net for n clients is
// n × profitPerClient − cost.
type contender struct {
	clients *tabulated
	cost    decimal.Decimal
}

// chanceBest is, for each option of a report, the probability that its net
// over the horizon is the highest; profitPerClient is dealValue ×
// dealsPerClient × grossMargin.
// Blank options (OptionReport.Incomplete) are left out, with a chance of 0.
func chanceBest(reps []OptionReport, profitPerClient decimal.Decimal) []float64 {
	var cs []contender
	var at []int // the option of each contender
	for i := range reps {
		if !reps[i].Incomplete {
			cs = append(cs, contender{clients: reps[i].clientsWon, cost: reps[i].Cost})
			at = append(at, i)
		}
	}
	chances := make([]float64, len(reps))
	for k, p := range chancesBest(cs, profitPerClient) {
		chances[at[k]] = p
	}
	return chances
}

// chancesBest is, for each contender, the probability that its net is the
// highest, the counts being independent from contender to contender. An
// exact tie is shared equally among the tied contenders, so the chances sum
// to 1. With no profit per client the counts do not matter: the nets are
// the negated costs, known for certain.
//
// Every contender's net grows by the same profitPerClient a client, so
// whether one net is below another comes down to comparing counts, shifted
// by a whole number worked out exactly from the costs (see countShift): the
// money is compared in decimals, only the probabilities are floats.
func chancesBest(cs []contender, profitPerClient decimal.Decimal) []float64 {
	chances := make([]float64, len(cs))
	if len(cs) == 1 {
		chances[0] = 1 // the sums below give 1 only to float precision
		return chances
	}
	tabs := make([]tabulated, len(cs))
	for i := range cs {
		if profitPerClient.IsZero() {
			tabs[i] = tabulate(certain{})
		} else {
			tabs[i] = *cs[i].clients
			tabs[i].runs = slices.Clip(tabs[i].runs) // runs added below are this comparison's own
		}
	}
	var shifts [MaxOptions][MaxOptions]int64 // j's count against i's
	var ties [MaxOptions][MaxOptions]bool
	for i := range cs {
		for j := range cs {
			shifts[i][j], ties[i][j] = countShift(cs[j].cost.Sub(cs[i].cost), profitPerClient)
		}
	}
	addRunsWhereOthersVary(tabs, &shifts)
	for i := range cs {
		r := rivals{i: i, tabs: tabs, shift: &shifts[i], ties: &ties[i]}
		chances[i] = r.chance()
	}
	return chances
}

// rivals is contender i against the others: j's count k + shift[j] nets
// the same as i's count k if ties[j], and otherwise less for any fewer
// clients and more for any more.
type rivals struct {
	i     int
	tabs  []tabulated
	shift *[MaxOptions]int64
	ties  *[MaxOptions]bool
}

// chance is i's chance of being best: the sum over its counts n of
// P(N_i = n) times its share of being best at n, count by count over its
// runs and as integrals over its panels.
func (r *rivals) chance() float64 {
	chance := 0.0
	for _, run := range r.tabs[r.i].runs {
		for t, p := range run.mass {
			chance += p * r.share(run.lo+int64(t))
		}
	}
	return chance + r.overPanels()
}

// share is i's share of being best at its count n. With a_j the chance that
// contender j's net is below i's and b_j the chance that it equals it, the
// coefficient of x^k in Π_{j≠i} (a_j + b_j·x) is the chance that exactly k
// others tie with i and the rest are below; i then shares the lead k+1 ways.
func (r *rivals) share(n int64) float64 {
	s := newShare()
	for j := range r.tabs {
		if j == r.i {
			continue
		}
		k := n + r.shift[j] // j's net is below i's for fewer clients than k, equal at k if ties[j]
		if r.ties[j] {
			s.addTie(r.tabs[j].below(k), r.tabs[j].at(k))
		} else {
			s.below *= r.tabs[j].below(k)
		}
	}
	return s.total()
}

// shareNear is share between whole counts too, from the smooth curves of
// the others' panels: the integrand of overPanels.
func (r *rivals) shareNear(x float64) float64 {
	s := newShare()
	for j := range r.tabs {
		if j == r.i {
			continue
		}
		y := x + float64(r.shift[j])
		if r.ties[j] {
			s.addTie(r.tabs[j].belowNear(y), r.tabs[j].atNear(y))
		} else {
			s.below *= r.tabs[j].belowNear(y)
		}
	}
	return s.total()
}

// shareOf gathers i's share of being best, contender by contender.
type shareOf struct {
	below  float64             // Π a_j over the j that cannot tie (b_j = 0)
	poly   [MaxOptions]float64 // coefficients of Π (a_j + b_j·x) over the others that can
	degree int
}

func newShare() shareOf { return shareOf{below: 1, poly: [MaxOptions]float64{1}} }

// addTie adds a contender whose net is below i's with chance a and equal to
// it with chance b.
func (s *shareOf) addTie(a, b float64) {
	s.degree++
	for c := s.degree; c > 0; c-- {
		s.poly[c] = s.poly[c]*a + s.poly[c-1]*b
	}
	s.poly[0] *= a
}

func (s *shareOf) total() float64 {
	share := 0.0
	for c := 0; c <= s.degree; c++ {
		share += s.poly[c] / float64(c+1)
	}
	return s.below * share
}

// runMargin is how far, in counts, the runs that addRunsWhereOthersVary
// lays out reach past the counts they stand for: a shift between two
// contenders and its opposite differ by up to one count, and the point
// summed as an integral may lie half a count into a run.
const runMargin = 8

// addRunsWhereOthersVary lays out count by count, in each table with
// panels, the counts that face another contender's first run once shifted,
// with runMargin to spare. Over its first run a contender's probabilities
// change from count to count, so the others' sums over the counts facing it
// are taken count by count (see overPanels), and find those counts laid
// out.
func addRunsWhereOthersVary(tabs []tabulated, shifts *[MaxOptions][MaxOptions]int64) {
	var firsts [MaxOptions][2]int64
	for l := range tabs {
		firsts[l] = [2]int64{tabs[l].runs[0].lo, tabs[l].runs[0].hi()}
	}
	for j := range tabs {
		if len(tabs[j].panels) == 0 {
			continue
		}
		from := tabs[j].runs[0].hi() + 1
		_, hi := tabs[j].window()
		var spans [][2]int64
		for l := range tabs {
			s := shifts[l][j] // l's count n nets as j's count n + s
			lo, up := max(firsts[l][0]+s-runMargin, from), min(firsts[l][1]+s+runMargin, hi)
			if l != j && lo <= up {
				spans = append(spans, [2]int64{lo, up})
			}
		}
		for k := 1; k < len(spans); k++ { // by start: an insertion sort, of five spans at most
			for m := k; m > 0 && spans[m][0] < spans[m-1][0]; m-- {
				spans[m], spans[m-1] = spans[m-1], spans[m]
			}
		}
		for k := 0; k < len(spans); k++ {
			lo, up := spans[k][0], spans[k][1]
			for ; k+1 < len(spans) && spans[k+1][0] <= up+1; k++ {
				up = max(up, spans[k+1][1])
			}
			tabs[j].addRun(lo, up)
		}
	}
}

// overPanels is the part of i's chance from the counts its panels hold and
// no run does, stretch by stretch.
func (r *rivals) overPanels() float64 {
	tab := &r.tabs[r.i]
	if len(tab.panels) == 0 {
		return 0
	}
	_, hi := tab.window()
	sum, next := 0.0, tab.runs[0].hi()+1
	for _, run := range tab.runs[1:] {
		if run.lo > next {
			sum += r.stretch(next, run.lo-1)
		}
		next = max(next, run.hi()+1)
	}
	if next <= hi {
		sum += r.stretch(next, hi)
	}
	return sum
}

// stretch is Σ_{n=a..b} f(n), f(n) = P(N_i = n)·share(n), as the integral
// of f from a − ½ to b + ½ less (f'(b+½) − f'(a−½))/24, each f' the
// difference of f at the counts either side.
func (r *rivals) stretch(a, b int64) float64 {
	f := func(n int64) float64 { return r.tabs[r.i].at(n) * r.share(n) }
	ends := (f(b+1) - f(b)) - (f(a) - f(a-1))
	return r.integral(float64(a)-0.5, float64(b)+0.5) - ends/24
}

// integral is the integral of P(N_i = x)·share(x) from `from` to `to`, by
// Clenshaw–Curtis over pieces no wider than any contender's panel there,
// so that every factor is close to a polynomial over each.
func (r *rivals) integral(from, to float64) float64 {
	tab := &r.tabs[r.i]
	sum := 0.0
	for x, last := from, false; !last; {
		width := to - x
		for j := range r.tabs {
			if pn := r.tabs[j].panelAt(x + float64(r.shift[j])); pn != nil {
				width = min(width, pn.to-pn.from)
			}
		}
		last = width >= to-x
		h := width / 2
		for g, t := range chebyshev.points {
			xg := x + h*(1+t)
			sum += h * chebyshev.weights[g] * tab.atNear(xg) * r.shareNear(xg)
		}
		x += width
	}
	return sum
}

// countShift compares two nets exactly. With diff = cost_j − cost_i, j's net
// at k clients is below i's at n clients when k·profitPerClient − cost_j <
// n·profitPerClient − cost_i, that is when k < n + diff/profitPerClient,
// which for a whole k is k < n + shift with shift = ⌈diff/profitPerClient⌉.
// The nets are equal at k = n + shift only if the division is whole. A shift
// beyond any window is cut to ±maxClientCount. With no profit per client,
// the counts being taken as 0, j's net is below i's when diff > 0 and equal
// when diff = 0.
func countShift(diff, profitPerClient decimal.Decimal) (shift int64, whole bool) {
	if profitPerClient.IsZero() {
		switch diff.Sign() {
		case 1:
			return maxClientCount, false
		case -1:
			return -maxClientCount, false
		}
		return 0, true
	}
	q, r := diff.QuoRem(profitPerClient, 0) // diff = q × profitPerClient + r, q truncated toward zero
	switch {
	case larger(q, maxShift):
		return maxClientCount, false
	case larger(minShift, q):
		return -maxClientCount, false
	}
	shift = q.IntPart() // q is whole
	if r.Sign() > 0 {
		shift++
	}
	return shift, r.IsZero()
}

var maxShift, minShift = decimal.NewFromInt(maxClientCount), decimal.NewFromInt(-maxClientCount)
