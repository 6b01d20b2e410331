package calc

import (
	"slices"

	"github.com/shopspring/decimal"
)

// The factors of the sensitivity analysis.
var (
	lowFactor  = decimal.RequireFromString("0.8")
	highFactor = decimal.RequireFromString("1.2")
)

// netParts is, for each input but rampMonths, the part of net proportional
// to it: scaling the input by f moves net by (f − 1) × part. Net is a sum of
// products of inputs (see totalsOf), so this is exact and saves recomputing
// the whole projection twice per input; a test checks every entry against a
// recomputation.
var netParts = map[string]func(p *parts) decimal.Decimal{
	"hourlyValue":        func(p *parts) decimal.Decimal { return p.t.TimeCost.Neg() },
	"dealValue":          func(p *parts) decimal.Decimal { return p.t.Profit },
	"grossMargin":        func(p *parts) decimal.Decimal { return p.t.Profit },
	"referralsPerMonth":  func(p *parts) decimal.Decimal { return p.t.Profit },
	"closeRate":          func(p *parts) decimal.Decimal { return p.t.Profit },
	"joiningFee":         func(p *parts) decimal.Decimal { return p.o.JoiningFee.Neg() },
	"annualFee":          func(p *parts) decimal.Decimal { return p.o.AnnualFee.Mul(p.dues).Neg() },
	"monthlyFee":         func(p *parts) decimal.Decimal { return p.o.MonthlyFee.Mul(p.months).Neg() },
	"mealCost":           func(p *parts) decimal.Decimal { return p.meetings.Mul(p.o.MealCost).Neg() },
	"travelCost":         func(p *parts) decimal.Decimal { return p.meetings.Mul(p.o.TravelCost).Neg() },
	"meetingHours":       func(p *parts) decimal.Decimal { return p.meetings.Mul(p.o.MeetingHours).Mul(p.hourly).Neg() },
	"travelHours":        func(p *parts) decimal.Decimal { return p.meetings.Mul(p.o.TravelHours).Mul(p.hourly).Neg() },
	"oneToOneCost":       func(p *parts) decimal.Decimal { return p.oneToOnes.Mul(p.o.OneToOneCost).Neg() },
	"oneToOneHours":      func(p *parts) decimal.Decimal { return p.oneToOnes.Mul(p.o.OneToOneHours).Mul(p.hourly).Neg() },
	"otherHoursPerMonth": func(p *parts) decimal.Decimal { return p.o.OtherHoursPerMonth.Mul(p.months).Mul(p.hourly).Neg() },
	"meetingsPerYear": func(p *parts) decimal.Decimal {
		perMeeting := p.o.MealCost.Add(p.o.TravelCost).Add(p.o.MeetingHours.Add(p.o.TravelHours).Mul(p.hourly))
		return p.meetings.Mul(perMeeting).Neg()
	},
	"oneToOnesPerMonth": func(p *parts) decimal.Decimal {
		return p.oneToOnes.Mul(p.o.OneToOneCost.Add(p.o.OneToOneHours.Mul(p.hourly))).Neg()
	},
}

// parts holds what the netParts functions share.
type parts struct {
	t         Totals
	o         *Option
	hourly    decimal.Decimal
	months    decimal.Decimal // the horizon
	dues      decimal.Decimal // annual fees charged over the horizon
	meetings  decimal.Decimal // meetings over the horizon
	oneToOnes decimal.Decimal // one-to-ones over the horizon
}

// sensitivityOf is the tornado: net with each non-zero input that moves it
// at 80 % and 120 % (rates capped at 100 %), largest swing first. Inputs whose
// change does not move net are left out. Referrals estimated from reach vary
// as one input, referralsPerMonth.
func sensitivityOf(in *Input, o *Option, t Totals, ramp decimal.Decimal) []Sensitivity {
	opt := *o
	opt.ReferralsPerMonth, opt.Reach = o.referralsPerMonth(), nil
	h := decimal.NewFromInt(int64(in.HorizonMonths))
	p := parts{
		t: t, o: &opt, hourly: in.HourlyValue, months: h,
		dues:      decimal.NewFromInt(int64(annualFeesDue(in.HorizonMonths))),
		meetings:  meetingsPerMonth(&opt).Mul(h),
		oneToOnes: opt.OneToOnesPerMonth.Mul(h),
	}
	g := *in
	// netAt is net with the input at *value changed to scaled, which is
	// *value × (1 + change) unless the change is capped.
	netAt := func(key string, value *decimal.Decimal, scaled, change decimal.Decimal, capped bool) decimal.Decimal {
		switch {
		case key == "rampMonths": // the ramp's sum is not proportional to its length
			perRampMonth := opt.ReferralsPerMonth.Mul(opt.CloseRate).Mul(in.DealValue).Mul(in.GrossMargin)
			return t.Net.Add(perRampMonth.Mul(rampSum(in.HorizonMonths, scaled).Sub(ramp)))
		case capped: // no exact factor leads to 100 %, so recompute
			base := *value
			*value = scaled
			defer func() { *value = base }()
			return totalsOf(&g, &opt, ramp).Net
		}
		return t.Net.Add(netParts[key](&p).Mul(change))
	}
	out := make([]Sensitivity, 0, len(globalFields)+len(optionFields))
	out = vary(out, globalFields, &g, netAt)
	out = vary(out, optionFields, &opt, netAt)
	slices.SortStableFunc(out, func(a, b Sensitivity) int { return b.Swing.Cmp(a.Swing) })
	return out
}

// vary appends the sensitivity of net to each non-zero field of the table.
func vary[T any](out []Sensitivity, fields []field[T], v *T, netAt func(key string, at *decimal.Decimal, scaled, change decimal.Decimal, capped bool) decimal.Decimal) []Sensitivity {
	for _, f := range fields {
		at := f.get(v)
		value := *at
		if value.IsZero() {
			continue
		}
		high := value.Mul(highFactor)
		capped := f.unit == unitRate && high.GreaterThan(one)
		if capped {
			high = one
		}
		lowNet := netAt(f.key, at, value.Mul(lowFactor), lowFactor.Sub(one), false)
		highNet := netAt(f.key, at, high, highFactor.Sub(one), capped)
		if swing := highNet.Sub(lowNet).Abs(); !swing.IsZero() {
			out = append(out, Sensitivity{Field: f.key, Low: lowNet, High: highNet, Swing: swing})
		}
	}
	return out
}
