package calc

import "github.com/shopspring/decimal"

// compare ranks the options by net, blank ones left out (see
// OptionReport.Incomplete). Options whose nets differ by less than a cent
// tie, as a reader sees them. profitPerClient is dealValue × dealsPerClient
// × grossMargin.
func compare(reps []OptionReport, horizon int, currency string, profitPerClient decimal.Decimal) Comparison {
	best, runnerUp := -1, -1
	for i, r := range reps {
		if !r.Incomplete && (best < 0 || larger(r.Net, reps[best].Net)) {
			best = i
		}
	}
	for i, r := range reps {
		if i != best && !r.Incomplete && (runnerUp < 0 || larger(r.Net, reps[runnerUp].Net)) {
			runnerUp = i
		}
	}
	c := Comparison{Best: best, Gaps: make([]decimal.Decimal, len(reps)), ChanceBest: chanceBest(reps, profitPerClient)}
	for i := range reps {
		if best >= 0 {
			c.Gaps[i] = reps[best].Net.Sub(reps[i].Net)
		}
		if best >= 0 && i != best {
			reps[i].ReferralsToMatchBest = reps[i].referralsToEarn(reps[i].Cost.Add(reps[best].Net))
		}
	}
	if runnerUp >= 0 {
		// A gap (never negative) of at most half a cent is zero cents,
		// rounded half-even.
		c.Tie = !larger(c.Gaps[runnerUp], halfCent)
		if m, ok := crossoverMonth(reps, best); ok {
			c.CrossoverMonth = &m
		}
	}
	c.VerdictParts = verdictParts(reps, best, runnerUp, c.Tie, horizon, c.ChanceBest)
	c.Verdict = c.VerdictParts.sentence(reps, currency)
	return c
}

var halfCent = decimal.New(5, -3)

// crossoverMonth is the month from which the best option's cumulative net
// stays strictly ahead of every other non-blank option's until the horizon.
func crossoverMonth(reps []OptionReport, best int) (int, bool) {
	lead := reps[best].Months
	from := len(lead) + 1
	for m := len(lead) - 1; m >= 0; m-- {
		for i, r := range reps {
			if i != best && !r.Incomplete && !larger(lead[m].CumulativeNet, r.Months[m].CumulativeNet) {
				return from, from <= len(lead)
			}
		}
		from = m + 1
	}
	return from, true
}
