package calc

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// compare ranks the options by net. Options whose nets differ by less than
// a cent tie, as a reader sees them. profitPerClient is dealValue ×
// grossMargin.
func compare(reps []OptionReport, horizon int, currency string, profitPerClient decimal.Decimal) Comparison {
	best, runnerUp := 0, -1
	for i := 1; i < len(reps); i++ {
		if larger(reps[i].Net, reps[best].Net) {
			best = i
		}
	}
	for i := range reps {
		if i != best && (runnerUp < 0 || larger(reps[i].Net, reps[runnerUp].Net)) {
			runnerUp = i
		}
	}
	c := Comparison{Best: best, Gaps: make([]decimal.Decimal, len(reps)), ChanceBest: chanceBest(reps, profitPerClient)}
	for i, r := range reps {
		c.Gaps[i] = reps[best].Net.Sub(r.Net)
	}
	if runnerUp >= 0 {
		// A gap (never negative) of at most half a cent is zero cents,
		// rounded half-even.
		c.Tie = !larger(c.Gaps[runnerUp], halfCent)
		if m, ok := crossoverMonth(reps, best); ok {
			c.CrossoverMonth = &m
		}
	}
	c.Verdict = verdict(reps, best, runnerUp, c.Tie, horizon, currency)
	return c
}

var halfCent = decimal.New(5, -3)

// crossoverMonth is the month from which the best option's cumulative net
// stays strictly ahead of every other option's until the horizon.
func crossoverMonth(reps []OptionReport, best int) (int, bool) {
	lead := reps[best].Months
	from := len(lead) + 1
	for m := len(lead) - 1; m >= 0; m-- {
		for i, r := range reps {
			if i != best && !larger(lead[m].CumulativeNet, r.Months[m].CumulativeNet) {
				return from, from <= len(lead)
			}
		}
		from = m + 1
	}
	return from, true
}

// verdict says in one sentence which option pays, by how much, and when.
func verdict(reps []OptionReport, best, runnerUp int, tie bool, horizon int, currency string) string {
	b := reps[best]
	over := " over " + strconv.Itoa(horizon) + " months"
	if horizon == 1 {
		over = " over 1 month"
	}
	if runnerUp < 0 {
		if b.Net.IsNegative() {
			return b.Name + " does not pay: it costs " + FormatMoney(neg(b.Net), currency) +
				" more than it brings" + over + "."
		}
		return b.Name + " pays: " + FormatMoney(b.Net, currency) + " net" + over + paysBackIn(b) + "."
	}
	r := reps[runnerUp]
	gap := FormatMoney(b.Net.Sub(r.Net), currency)
	switch {
	case tie:
		return b.Name + " and " + r.Name + " come out even at " + FormatMoney(b.Net, currency) + " net" + over + "."
	case b.Net.IsNegative():
		return "None of the options pays" + over + "; " + b.Name + " loses least, " +
			gap + " less than " + r.Name + "."
	}
	return b.Name + " pays best: " + gap + " more than " + r.Name + over + paysBackIn(b) + "."
}

func paysBackIn(r OptionReport) string {
	if r.PaybackMonth == nil {
		return ""
	}
	return ", paying back in month " + strconv.Itoa(*r.PaybackMonth)
}

var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}

// neg is −d, as Neg is but for d's exponent, worked out with Sub: Neg is
// more code in the browser build.
func neg(d decimal.Decimal) decimal.Decimal { return zero.Sub(d) }

// FormatMoney writes an amount as the verdict does: "$3,240" in whole units
// from 100 up, "$12.50" below, with the currency's symbol or its code
// ("CHF 3,240").
func FormatMoney(amount decimal.Decimal, currency string) string {
	sign := ""
	if amount.IsNegative() {
		sign, amount = "−", neg(amount)
	}
	places := int32(2)
	if amount.GreaterThanOrEqual(integer(100)) {
		places = 0
	}
	var f fixedFormatter // rather than StringFixedBank, whose rounding is more code
	digits := groupThousands(string(f.appendFixed(nil, amount, places)))
	if symbol, ok := currencySymbols[currency]; ok {
		return sign + symbol + digits
	}
	return sign + currency + " " + digits
}
