package calc

import (
	"slices"

	"github.com/shopspring/decimal"
)

// Compute projects every option of a valid input over its horizon and
// compares them. It returns the input's Errors if Validate finds any.
func Compute(in Input) (Report, error) {
	if errs := Validate(in); len(errs) > 0 {
		return Report{}, errs
	}
	r := Report{
		Currency:      in.Currency,
		HorizonMonths: in.HorizonMonths,
		Options:       make([]OptionReport, len(in.Options)),
	}
	for i := range in.Options {
		r.Options[i] = optionReport(&in, &in.Options[i])
	}
	r.Comparison = compare(r.Options, in.HorizonMonths, in.Currency)
	return r, nil
}

func optionReport(in *Input, o *Option) OptionReport {
	ramp := rampSum(in.HorizonMonths, o.RampMonths)
	t := totalsOf(in, o, ramp)
	r := OptionReport{
		Name:              o.Name,
		Kind:              o.Kind,
		ReferralsPerMonth: o.referralsPerMonth(),
		Totals:            t,
		ROI:               ratio(t.Net, t.Cost),
		CashROI:           ratio(t.Profit.Sub(t.Cash), t.Cash),
		CostPerReferral:   ratio(t.Cost, t.Referrals),
		CostPerClient:     ratio(t.Cost, t.Clients),
		HoursPerClient:    ratio(t.Hours, t.Clients),
		HourlyReturn:      ratio(t.Profit.Sub(t.Cash), t.Hours),
		Months:            monthsOf(in, o),
		Sensitivity:       sensitivityOf(in, o, ramp),
	}
	if m, ok := paybackMonth(r.Months); ok {
		r.PaybackMonth = &m
	}
	profitPerClient := in.DealValue.Mul(in.GrossMargin)
	r.BreakEvenClients = ratio(t.Cost, profitPerClient)
	if r.BreakEvenClients == nil {
		return r
	}
	u := uncertaintyOf(t.Clients, *r.BreakEvenClients, profitPerClient, t.Cost)
	r.Uncertainty = &u
	r.BreakEvenReferrals = ratio(*r.BreakEvenClients, o.CloseRate)
	if r.BreakEvenReferrals != nil {
		r.BreakEvenReferralsPerYear = ratio(r.BreakEvenReferrals.Mul(twelve), decimal.NewFromInt(int64(in.HorizonMonths)))
	}
	return r
}

// The factors of the sensitivity analysis.
var (
	lowFactor  = decimal.RequireFromString("0.8")
	highFactor = decimal.RequireFromString("1.2")
)

// sensitivityOf is the tornado: net with each non-zero input that moves it
// at 80 % and 120 % (rates capped at 100 %), largest swing first. Inputs whose
// change does not move net are left out. Referrals estimated from reach vary
// as one input, referralsPerMonth.
func sensitivityOf(in *Input, o *Option, ramp decimal.Decimal) []Sensitivity {
	g := *in
	opt := *o
	opt.ReferralsPerMonth, opt.Reach = o.referralsPerMonth(), nil
	net := func() decimal.Decimal {
		r := ramp
		if !opt.RampMonths.Equal(o.RampMonths) {
			r = rampSum(g.HorizonMonths, opt.RampMonths)
		}
		return totalsOf(&g, &opt, r).Net
	}
	out := make([]Sensitivity, 0, len(globalFields)+len(optionFields))
	out = vary(out, globalFields, &g, net)
	out = vary(out, optionFields, &opt, net)
	slices.SortStableFunc(out, func(a, b Sensitivity) int { return b.Swing.Cmp(a.Swing) })
	return out
}

// vary appends the sensitivity of net to each field of the table, setting
// each field of target to its low and high value in turn and back.
func vary[T any](out []Sensitivity, fields []field[T], target *T, net func() decimal.Decimal) []Sensitivity {
	for _, f := range fields {
		value := f.get(target)
		base := *value
		if base.IsZero() {
			continue
		}
		*value = base.Mul(lowFactor)
		low := net()
		*value = base.Mul(highFactor)
		if f.unit == unitRate {
			*value = decimal.Min(*value, one)
		}
		high := net()
		*value = base
		if swing := high.Sub(low).Abs(); !swing.IsZero() {
			out = append(out, Sensitivity{Field: f.key, Low: low, High: high, Swing: swing})
		}
	}
	return out
}
