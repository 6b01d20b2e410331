package calc

import "github.com/shopspring/decimal"

// The factors of the sensitivity analysis, and the change in net they make
// per unit of an input's proportional part of net (see netPart).
var (
	lowFactor  = dec("0.8")
	highFactor = dec("1.2")
	step       = highFactor.Sub(one) // 0.2 = 1 − lowFactor
)

// tornado gathers the sensitivity of one option's net. Net is a sum of
// products of inputs (see totalsOf), so scaling most inputs by 1 ± 0.2 moves
// net by ± 0.2 × the input's part of net: low and high come from one
// product rather than two projections. The inputs that shape the referral
// curve over time (the ramp, and from reach the relationships, their
// growth, trust, the group's size and competitors) are not proportional:
// their entries recompute the curve's sum. A test checks every entry
// against a recomputation of its own.
type tornado struct {
	in     *Input  // a copy, varied in place where a figure is recomputed
	opt    *Option // a copy, its reach copied too, varied in place likewise
	t      Totals
	each   everyMonth
	months decimal.Decimal // the horizon
	// meetings and oneToOnes are counted over the horizon.
	meetings, oneToOnes decimal.Decimal
	profitPerReferral   decimal.Decimal // closeRate × profitPerClient, closeRate' for a member
	hourly              decimal.Decimal // what an hour displaces, hourlyValue × billableShare
	// base and sum are what the referral curve multiplies (see
	// referralBase) and the sum of its factors, for the entries that leave
	// either as it is.
	base, sum decimal.Decimal
	// profit is the entry of the inputs whose part of net is profit
	// (dealValue, dealsPerClient, grossMargin, referralsPerMonth, closeRate,
	// and from reach the contacts and shares), computed once.
	profit    Sensitivity
	hasProfit bool
	out       []Sensitivity
}

// sensitivityOf is the tornado: net with each non-zero input that moves it
// at 80 % and 120 % (rates capped at 100 %), largest swing first. Inputs whose
// change does not move net are left out, and so are the spread and the
// horizon, which the model leaves out. curve is the option's referral curve.
func sensitivityOf(in *Input, o *Option, t Totals, each everyMonth, curve *referralCurve) []Sensitivity {
	g, opt := *in, *o
	s := tornado{in: &g, opt: &opt, t: t, each: each, months: months(in.HorizonMonths), sum: curve.sum}
	s.meetings = each.meetings.Mul(s.months)
	s.oneToOnes = o.OneToOnesPerMonth.Mul(s.months)
	s.profitPerReferral = o.closeRateAhead().Mul(in.profitPerClient())
	s.hourly = in.hourCost()
	s.base = referralBase(o)
	s.out = make([]Sensitivity, 0, len(globalFields)+len(optionFields)+len(reachFields))
	var figs [3 * maxFigures]figure // the business's figures, the option's, its reach's
	all := s.opt.figures(s.in.figures(figs[:0]))
	reachFrom := len(all)
	if o.Reach != nil {
		reach := *o.Reach
		opt.Reach = &reach
		all = reach.figures(all)
	}
	for i, f := range all {
		switch {
		case f.at == &s.opt.ReferralSpread:
		case i >= reachFrom:
			s.add("reach."+f.key, f.unit, f.at)
		default:
			s.add(f.key, f.unit, f.at)
		}
	}
	sortBySwing(s.out)
	return s.out
}

// add appends the entry of the input at *at, unless it is zero or does not
// move net.
func (s *tornado) add(key string, u unit, at *decimal.Decimal) {
	value := *at
	if value.IsZero() {
		return
	}
	var e Sensitivity
	switch part, cost, proportionalPart := s.netPart(at); {
	case !proportionalPart:
		e = Sensitivity{Low: s.curveNet(at, value.Mul(lowFactor)), High: s.curveNet(at, value.Mul(highFactor))}
		e.Swing = swing(e.Low, e.High)
	case !cost: // profit, the one part that is not a cost
		if !s.hasProfit {
			s.profit, s.hasProfit = proportional(s.t.Net, part, false), true
		}
		e = s.profit
	default:
		e = proportional(s.t.Net, part, true)
		e.CostOnly = true
	}
	if u == unitRate && larger(value.Mul(highFactor), one) {
		// No exact factor leads to 100 %, so recompute.
		e.High = s.cappedNet(at)
		e.Swing = swing(e.Low, e.High)
	}
	if !e.Swing.IsZero() {
		e.Field = key
		s.out = append(s.out, e)
	}
}

// curveNet is net with the input at *at set to v, an input that is not
// proportional: for an input that shapes the referral curve alone (for a
// member, the factor with it), net moves by the profit of the referrals
// gained or lost, as closeRate' does not depend on it; a member's close
// rate, which closeRate' mixes with the record, is recomputed in full.
func (s *tornado) curveNet(at *decimal.Decimal, v decimal.Decimal) decimal.Decimal {
	if at == &s.opt.CloseRate { // a member's: closeRate' moves with it
		return s.netWith(at, v)
	}
	value := *at
	*at = v
	referrals := s.referrals(at)
	*at = value
	return s.t.Net.Add(referrals.Sub(s.t.Referrals).Mul(s.profitPerReferral))
}

// cappedNet is net with the rate at *at at 100 %, recomputed in full: a
// rate may enter the time cost, the referrals or the profit of each.
func (s *tornado) cappedNet(at *decimal.Decimal) decimal.Decimal {
	return s.netWith(at, one)
}

// netWith is net with the input at *at set to v, recomputed in full: for a
// member, with the record's update of the referral rate and the close rate
// worked out again.
func (s *tornado) netWith(at *decimal.Decimal, v decimal.Decimal) decimal.Decimal {
	value := *at
	*at = v
	net := totalsOf(s.in, s.opt, s.each, s.referrals(at)).Net
	*at = value
	return net
}

// referrals is the option's referrals over the horizon with the input at
// *varied as it stands: the option's own where varied does not enter them,
// else recomputed, a member's record's factor too. Without a record, varied
// enters either the curve's base or the sum of its factors, and only that
// one is recomputed.
func (s *tornado) referrals(varied *decimal.Decimal) decimal.Decimal {
	o := s.opt
	switch {
	case !o.entersReferrals(varied):
		return s.t.Referrals
	case o.Track != nil:
		return referralTotal(s.in.HorizonMonths, o)
	}
	base, sum := s.base, s.sum
	if o.entersBase(varied) {
		base = referralBase(o)
	} else {
		sum = referralSum(0, s.in.HorizonMonths, o)
	}
	return base.Mul(sum)
}

// proportional is the entry of an input whose part of net is part: net moves
// by 0.2 × part, against the input where the part is a cost. Its swing is
// worked out as high − low, whose exponent most entries share, so that
// sorting them by swing compares without rescaling.
func proportional(net, part decimal.Decimal, cost bool) Sensitivity {
	d := part.Mul(step)
	e := Sensitivity{Low: net.Sub(d), High: net.Add(d)}
	e.Swing = swing(e.Low, e.High)
	if cost {
		e.Low, e.High = e.High, e.Low
	}
	return e
}

// swing is |high − low|, worked out with Sub alone: Abs is more code in the
// browser build.
func swing(low, high decimal.Decimal) decimal.Decimal {
	if d := high.Sub(low); !d.IsNegative() {
		return d
	}
	return low.Sub(high)
}

// netPart is, for each input of which net is a sum of proportional terms,
// its part of net: the sum of those terms, as a magnitude, and whether they
// are costs. Profit is the one part that is not. ok is false for the inputs
// that shape the referral curve over time and, for a member, for those the
// record's update mixes with the record: the referral rate, the reach
// figures of one relationship's rate (which move the referrals the model
// expected, and so the factor) and the close rate (closeRate' weighs it
// against the record's). The input is named by its place
// in s.in, s.opt or its reach rather than by its key: comparing pointers is
// less code in the browser build than a switch on strings.
func (s *tornado) netPart(at *decimal.Decimal) (part decimal.Decimal, cost, ok bool) {
	in, o, hourly := s.in, s.opt, s.hourly
	member := o.Track != nil
	if r := o.Reach; r != nil {
		switch at {
		case &r.ContactsPerRelationship, &r.TargetShare, &r.InMarketShare, &r.PassOnRate:
			return s.t.Profit, false, !member
		}
	}
	switch at {
	case &o.ReferralsPerMonth, &o.CloseRate:
		return s.t.Profit, false, !member
	case &in.HourlyValue, &in.BillableShare:
		part = s.t.TimeCost
	case &in.DealValue, &in.DealsPerClient, &in.GrossMargin:
		return s.t.Profit, false, true
	case &o.JoiningFee:
		part = o.JoiningFee
		if member { // paid before the months ahead
			part = zero
		}
	case &o.AnnualFee:
		part = o.AnnualFee.Mul(months(annualFeesDue(o.monthsIn(), in.HorizonMonths)))
	case &o.MonthlyFee:
		part = o.MonthlyFee.Mul(s.months)
	case &o.MealCost:
		part = s.meetings.Mul(o.MealCost)
	case &o.TravelCost:
		part = s.meetings.Mul(o.TravelCost)
	case &o.MeetingHours:
		part = s.meetings.Mul(o.MeetingHours).Mul(hourly)
	case &o.TravelHours:
		part = s.meetings.Mul(o.TravelHours).Mul(hourly)
	case &o.OneToOneCost:
		part = s.oneToOnes.Mul(o.OneToOneCost)
	case &o.OneToOneHours:
		part = s.oneToOnes.Mul(o.OneToOneHours).Mul(hourly)
	case &o.OtherHoursPerMonth:
		part = o.OtherHoursPerMonth.Mul(s.months).Mul(hourly)
	case &o.MeetingsPerYear:
		perMeeting := o.MealCost.Add(o.TravelCost).Add(o.MeetingHours.Add(o.TravelHours).Mul(hourly))
		part = s.meetings.Mul(perMeeting)
	case &o.OneToOnesPerMonth:
		part = s.oneToOnes.Mul(o.OneToOneCost.Add(o.OneToOneHours.Mul(hourly)))
	default:
		return zero, false, false
	}
	return part, true, true
}

// sortBySwing sorts entries by swing, largest first, keeping the order of
// equal swings: an insertion sort of their indices, as a tornado has fewer
// than forty entries, and then one pass that puts each entry in its place.
// The swings are compared as rescaled to their smallest exponent, once
// each, so that every comparison is of coefficients alone.
func sortBySwing(entries []Sensitivity) {
	if len(entries) < 2 {
		return
	}
	exp := entries[0].Swing.Exponent()
	for _, e := range entries {
		exp = min(exp, e.Swing.Exponent())
	}
	atExp := decimal.New(0, exp)
	var keyArray [3 * maxFigures]decimal.Decimal // an entry per figure at most
	var orderArray [3 * maxFigures]int
	keys, order := keyArray[:len(entries)], orderArray[:len(entries)]
	for i, e := range entries {
		keys[i], _ = decimal.RescalePair(e.Swing, atExp)
		order[i] = i
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && keys[order[j]].Cmp(keys[order[j-1]]) > 0; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	unsorted := append([]Sensitivity(nil), entries...) // not slices.Clone: 30 KB more of .wasm
	for i, k := range order {
		entries[i] = unsorted[k]
	}
}
