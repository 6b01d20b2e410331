package calc

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The cases of a verdict.
const (
	VerdictPays       = "pays"         // a single option whose net is not negative
	VerdictDoesNotPay = "does_not_pay" // a single option whose net is negative
	VerdictPaysBest   = "pays_best"    // the best of several, its net not negative
	VerdictEven       = "even"         // the best two tie to the cent
	VerdictNonePays   = "none_pays"    // the best of several loses money
	VerdictIncomplete = "incomplete"   // every option is blank: nothing to compare yet
)

// VerdictParts are the facts of the verdict's sentence: which case it is,
// the options it names (indexes into the report's options), the money it
// quotes and the months. A widget words and formats them in the reader's
// locale; Sentence words them in English.
type VerdictParts struct {
	Case     string
	Best     int
	RunnerUp *int // nil for a single option
	// Amount is the money the sentence quotes, never negative: the net
	// (pays, even), what the option costs beyond what it brings
	// (does_not_pay), or the gap between the best and the runner-up
	// (pays_best, none_pays).
	Amount        decimal.Decimal
	HorizonMonths int
	PaybackMonth  *int // the best option's, nil where it does not pay back
	// ChanceBest is the best option's chance of coming out best once
	// clients are drawn at random, quoted where several options differ
	// (pays_best, none_pays); nil otherwise.
	ChanceBest *float64
	// ReferralsToBreakEven is what the best option would need where it
	// loses money (does_not_pay, none_pays): its referrals a month once
	// established to break even, rounded to 2 places as the reply writes
	// it; nil otherwise, or where no rate would do.
	ReferralsToBreakEven *decimal.Decimal
	// Incomplete lists the blank options, which the sentence asks the
	// reader to fill in; Best is -1 when every option is blank.
	Incomplete []int
	// Renewal is true when the best option has a track (so does every
	// option with figures, when each has one): the reader is already a
	// member, and the sentence speaks of renewing it over the next
	// HorizonMonths months, its amount never counting the money already
	// spent. Each case keeps its meaning.
	Renewal bool
	// ChanceStayingPays is, for a renewal, the best option's chance of
	// breaking even over the months ahead (its breakEvenProbability, as
	// the reply writes it); nil otherwise, or where it has none.
	ChanceStayingPays *float64
}

// verdictParts chooses the verdict's case and facts. The amount is rounded
// to cents, as the reply writes it, so that the plain verdict and a widget
// rounding the reply's amount to whole units agree.
func verdictParts(reps []OptionReport, best, runnerUp int, tie bool, horizon int, chanceBest []float64) VerdictParts {
	incomplete := []int{}
	for i, r := range reps {
		if r.Incomplete {
			incomplete = append(incomplete, i)
		}
	}
	if best < 0 {
		return VerdictParts{Case: VerdictIncomplete, Best: -1, HorizonMonths: horizon, Incomplete: incomplete}
	}
	v := verdictFacts(reps, best, runnerUp, tie, horizon)
	v.Incomplete = incomplete
	v.Amount = v.Amount.RoundBank(2)
	if toBreakEven := reps[best].ReferralsToBreakEven; toBreakEven != nil && (v.Case == VerdictDoesNotPay || v.Case == VerdictNonePays) {
		rounded := toBreakEven.RoundBank(2)
		v.ReferralsToBreakEven = &rounded
	}
	if v.Case == VerdictPaysBest || v.Case == VerdictNonePays {
		chance := math.Round(chanceBest[best]*10000) / 10000 // as the reply writes it
		v.ChanceBest = &chance
	}
	if b := &reps[best]; b.Track != nil {
		v.Renewal = true
		if b.Uncertainty != nil {
			chance := math.Round(b.Uncertainty.BreakEvenProbability*10000) / 10000
			v.ChanceStayingPays = &chance
		}
	}
	return v
}

func verdictFacts(reps []OptionReport, best, runnerUp int, tie bool, horizon int) VerdictParts {
	b := reps[best]
	v := VerdictParts{Best: best, HorizonMonths: horizon, PaybackMonth: b.PaybackMonth}
	if runnerUp < 0 {
		v.Case, v.Amount = VerdictPays, b.Net
		if b.Net.IsNegative() {
			v.Case, v.Amount = VerdictDoesNotPay, b.Net.Neg()
		}
		return v
	}
	v.RunnerUp = &runnerUp
	switch {
	case tie:
		v.Case, v.Amount = VerdictEven, b.Net
	case b.Net.IsNegative():
		v.Case, v.Amount = VerdictNonePays, b.Net.Sub(reps[runnerUp].Net)
	default:
		v.Case, v.Amount = VerdictPaysBest, b.Net.Sub(reps[runnerUp].Net)
	}
	return v
}

// sentence words the verdict in English, with its money as FormatMoney
// writes it, and asks for the figures the blank options lack.
func (v VerdictParts) sentence(reps []OptionReport, currency string) string {
	if v.Case == VerdictIncomplete {
		return "Nothing to compare yet: give each option its costs (fees, meals, hours) and its referrals."
	}
	s := v.comparison(reps, currency)
	for _, i := range v.Incomplete {
		s += " " + reps[i].Name + " has no costs or referrals yet: give it its figures to compare it."
	}
	return s
}

// comparison words the verdict's sentence on the options that have figures.
func (v VerdictParts) comparison(reps []OptionReport, currency string) string {
	if v.Renewal {
		return v.renewal(reps, currency)
	}
	b := reps[v.Best].Name
	amount := FormatMoney(v.Amount, currency)
	over := " over " + strconv.Itoa(v.HorizonMonths) + " months"
	if v.HorizonMonths == 1 {
		over = " over 1 month"
	}
	paysBack := ""
	if v.PaybackMonth != nil {
		paysBack = ", paying back in month " + strconv.Itoa(*v.PaybackMonth)
	}
	r, chance := "", ""
	if v.RunnerUp != nil {
		r = reps[*v.RunnerUp].Name
	}
	if v.ChanceBest != nil {
		chance = ", with a " + formatPercent(*v.ChanceBest) + " chance of coming out best"
	}
	needs := ""
	if v.ReferralsToBreakEven != nil {
		needs = " To break even, " + b + " would need " + formatRate(*v.ReferralsToBreakEven) +
			" referrals a month once established, where these figures give " + formatRate(reps[v.Best].ReferralsPerMonth) + "."
	}
	switch v.Case {
	case VerdictDoesNotPay:
		return b + " does not pay: it costs " + amount + " more than it brings" + over + "." + needs
	case VerdictPays:
		return b + " pays: " + amount + " net" + over + paysBack + "."
	case VerdictEven:
		return b + " and " + r + " come out even at " + amount + " net" + over + "."
	case VerdictNonePays:
		return "None of the options pays" + over + "; " + b + " loses least, " + amount + " less than " + r + chance + "." + needs
	}
	return b + " pays best: " + amount + " more than " + r + over + paysBack + chance + "."
}

// renewal words the verdict for a reader who is already a member of the
// best option: what renewing it is expected to earn or cost over the months
// ahead, and the chance that staying pays.
func (v VerdictParts) renewal(reps []OptionReport, currency string) string {
	b := reps[v.Best].Name
	amount := FormatMoney(v.Amount, currency)
	over := " over the next " + strconv.Itoa(v.HorizonMonths) + " months"
	if v.HorizonMonths == 1 {
		over = " over the next month"
	}
	paysBack, r, chance, staying, needs := "", "", "", "", ""
	if v.PaybackMonth != nil {
		paysBack = ", paying back in month " + strconv.Itoa(*v.PaybackMonth) + " from now"
	}
	if v.RunnerUp != nil {
		r = reps[*v.RunnerUp].Name
	}
	if v.ChanceBest != nil {
		chance = ", with a " + formatPercent(*v.ChanceBest) + " chance of coming out best"
	}
	if v.ChanceStayingPays != nil {
		staying = " The chance that staying pays is " + formatPercent(*v.ChanceStayingPays) + "."
	}
	if v.ReferralsToBreakEven != nil {
		needs = " To break even, " + b + " would need " + formatRate(*v.ReferralsToBreakEven) +
			" referrals a month once established, where its record and these figures give " + formatRate(reps[v.Best].ReferralsPerMonth) + "."
	}
	switch v.Case {
	case VerdictDoesNotPay:
		return "Renewing " + b + " is expected to cost " + amount + " more than it brings" + over + "; leaving saves that." + staying + needs
	case VerdictPays:
		return "Renewing " + b + " is expected to earn " + amount + over + paysBack + "." + staying
	case VerdictEven:
		return "Renewing " + b + " comes out even with " + r + " at " + amount + " net" + over + "." + staying
	case VerdictNonePays:
		return "None of the options pays" + over + "; renewing " + b + " loses least, " + amount + " less than " + r + chance + "." + staying + needs
	}
	return "Renewing " + b + " pays best: " + amount + " more than " + r + over + paysBack + chance + "." + staying
}

// formatPercent writes a probability as Intl.NumberFormat writes it as a
// percentage in English with at most one decimal, rounding half to even:
// 0.9955 → "99.6%", 0.6 → "60%".
func formatPercent(p float64) string {
	percent := decimal.New(int64(math.Round(p*10000)), -2).StringFixedBank(1)
	return strings.TrimSuffix(percent, ".0") + "%"
}

// formatRate writes a rate as Intl.NumberFormat writes it in English with
// at most 2 decimals, rounding half to even as the reply does: "1.5",
// "2,345.67".
func formatRate(d decimal.Decimal) string {
	return groupThousands(d.RoundBank(2).String())
}

// currencySymbols are the symbols Intl.NumberFormat writes for the offered
// currencies in English (en-US), so that the plain verdict reads as the
// widget writes it in English; other codes are written before the amount.
var currencySymbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$",
}

// FormatMoney writes an amount as the plain verdict does, and as the widget
// writes it in English: "$3,240" in whole units from 100 up, "$12.50"
// below, with the currency's symbol or its code ("CHF 3,240", with a
// no-break space, as Intl.NumberFormat writes it).
func FormatMoney(amount decimal.Decimal, currency string) string {
	sign := ""
	if amount.IsNegative() {
		sign, amount = "−", amount.Neg()
	}
	places := int32(2)
	if amount.GreaterThanOrEqual(decimal.NewFromInt(100)) || currency == "JPY" { // yen have no cents
		places = 0
	}
	digits := groupThousands(amount.StringFixedBank(places))
	if symbol, ok := currencySymbols[currency]; ok {
		return sign + symbol + digits
	}
	return sign + currency + "\u00a0" + digits
}
