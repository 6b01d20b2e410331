package calc

import "github.com/shopspring/decimal"

// contender is one option as the chance of being best sees it: the clients
// it wins, at random, and what it costs. Its net for n clients is
// n × profitPerClient − cost.
type contender struct {
	clients countDistribution
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
			cs = append(cs, contender{clients: clientsWon(reps[i].Clients), cost: reps[i].Cost})
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
			tabs[i] = tabulate(cs[i].clients)
		}
	}
	for i := range cs {
		chances[i] = chanceOf(i, cs, tabs, profitPerClient)
	}
	return chances
}

// chanceOf is contender i's chance of being best: the sum over its counts n
// of P(N_i = n) times its share of being best at n. With a_j the chance that
// contender j's net is below i's and b_j the chance that it equals it, the
// coefficient of x^k in Π_{j≠i} (a_j + b_j·x) is the chance that exactly k
// others tie with i and the rest are below; i then shares the lead k+1 ways.
func chanceOf(i int, cs []contender, tabs []tabulated, profitPerClient decimal.Decimal) float64 {
	var shift [MaxOptions]int64
	var ties [MaxOptions]bool
	for j := range cs {
		if j != i {
			shift[j], ties[j] = countShift(cs[j].cost.Sub(cs[i].cost), profitPerClient)
		}
	}
	chance := 0.0
	for t, p := range tabs[i].mass {
		n := tabs[i].lo + int64(t)
		below := 1.0                 // Π a_j over the j that cannot tie (b_j = 0)
		var poly [MaxOptions]float64 // coefficients of Π (a_j + b_j·x) over the others
		poly[0] = 1
		degree := 0
		for j := range cs {
			if j == i {
				continue
			}
			k := n + shift[j] // j's net is below i's for fewer clients than k, equal at k if ties[j]
			a := tabs[j].below(k)
			if !ties[j] {
				below *= a
				continue
			}
			b := tabs[j].at(k)
			degree++
			for c := degree; c > 0; c-- {
				poly[c] = poly[c]*a + poly[c-1]*b
			}
			poly[0] *= a
		}
		share := 0.0
		for c := 0; c <= degree; c++ {
			share += poly[c] / float64(c+1)
		}
		chance += p * below * share
	}
	return chance
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

// tabulated is a count distribution laid out over the counts of its window
// whose probability is at least negligibleMass (the most likely count
// always is), their mass scaled to sum to 1. What is left out is under 1e-13
// for windows of up to 100,000 counts; and for means in the millions the
// log-space rounding of pmf(lo) scales every term alike by up to a few parts
// in a billion, which the scaling undoes.
type tabulated struct {
	lo   int64
	mass []float64 // mass[t] = P(N = lo + t)
	less []float64 // less[t] = P(N < lo + t), one longer than mass
}

// negligibleMass is a probability too small to change a chance of being
// best, even summed over a window.
const negligibleMass = 1e-18

func tabulate(d countDistribution) tabulated {
	// A first walk over the window finds the counts to keep, so that only
	// they are stored: a mean in the millions keeps under half its window.
	lo, hi := d.window()
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
	tab := tabulated{lo: first, mass: make([]float64, last-first+1), less: make([]float64, last-first+2)}
	p, total := atFirst, 0.0
	for t := range tab.mass {
		tab.mass[t] = p
		total += p
		p *= d.ratio(first + int64(t))
	}
	cumulative := 0.0
	for t := range tab.mass {
		tab.mass[t] /= total
		tab.less[t] = cumulative
		cumulative += tab.mass[t]
	}
	tab.less[len(tab.mass)] = cumulative
	return tab
}

// below is P(N < k).
func (tab *tabulated) below(k int64) float64 {
	t := k - tab.lo
	switch {
	case t <= 0:
		return 0
	case t >= int64(len(tab.mass)):
		return tab.less[len(tab.mass)]
	}
	return tab.less[t]
}

// at is P(N = k).
func (tab *tabulated) at(k int64) float64 {
	t := k - tab.lo
	if t < 0 || t >= int64(len(tab.mass)) {
		return 0
	}
	return tab.mass[t]
}
