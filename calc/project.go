package calc

import "github.com/shopspring/decimal"

// Month is one month of an option's projection, unrounded.
type Month struct {
	Month         int
	Cash          decimal.Decimal
	Hours         decimal.Decimal
	TimeCost      decimal.Decimal
	Referrals     decimal.Decimal
	Clients       decimal.Decimal
	Profit        decimal.Decimal
	Net           decimal.Decimal
	CumulativeNet decimal.Decimal
}

// Totals are an option's figures summed over the horizon, unrounded. The cash
// cost splits into Fees, Meals (meals and one-to-one coffees) and Travel.
type Totals struct {
	Fees      decimal.Decimal
	Meals     decimal.Decimal
	Travel    decimal.Decimal
	Cash      decimal.Decimal
	Hours     decimal.Decimal
	TimeCost  decimal.Decimal
	Cost      decimal.Decimal
	Referrals decimal.Decimal
	Clients   decimal.Decimal
	Revenue   decimal.Decimal
	Profit    decimal.Decimal
	Net       decimal.Decimal
}

// everyMonth is what an option costs in an ordinary month, before any
// joining or annual fee.
type everyMonth struct {
	meetings decimal.Decimal // meetingsPerYear / 12
	meals    decimal.Decimal // meals at meetings and one-to-one coffees
	travel   decimal.Decimal
	hours    decimal.Decimal
}

func monthlyCosts(o *Option) everyMonth {
	meetings := meetingsPerMonth(o)
	return everyMonth{
		meetings: meetings,
		meals:    meetings.Mul(o.MealCost).Add(o.OneToOnesPerMonth.Mul(o.OneToOneCost)),
		travel:   meetings.Mul(o.TravelCost),
		hours: meetings.Mul(o.MeetingHours.Add(o.TravelHours)).
			Add(o.OneToOnesPerMonth.Mul(o.OneToOneHours)).Add(o.OtherHoursPerMonth),
	}
}

// meetingsPerMonth is meetingsPerYear / 12, the one division of the
// monthly costs.
func meetingsPerMonth(o *Option) decimal.Decimal {
	return o.MeetingsPerYear.DivRound(twelve, divPlaces)
}

// fullRateMonth is the first month of the projection in which referrals
// reach their full rate, or horizon + 1 if no month of the horizon does;
// projection month m is membership month offset + m. The ramp may be
// longer than an input's 60 months: the tornado tries 120 % of it.
func fullRateMonth(horizon, offset int, rampMonths decimal.Decimal) int {
	return min(horizon+1, max(1, int(rampMonths.Ceil().IntPart())-offset))
}

// rampUp is an option's ramp-up over the horizon: the share of the full
// referral rate reached in each month before the full rate, and their sum,
// the number of full-rate months of referrals the horizon holds.
type rampUp struct {
	factors []decimal.Decimal // factors[m-1] is month m's, for the months before the full rate
	sum     decimal.Decimal
}

// newRampUp divides once per month of the ramp: the referral curve and the
// sensitivity share its factors and sum. The horizon's months are
// membership months offset + 1 … offset + horizon: a member's ramp is as
// far along as their months in the group have brought it.
func newRampUp(horizon, offset int, rampMonths decimal.Decimal) rampUp {
	full := fullRateMonth(horizon, offset, rampMonths)
	r := rampUp{
		factors: make([]decimal.Decimal, full-1),
		sum:     months(horizon - full + 1),
	}
	for m := 1; m < full; m++ {
		r.factors[m-1] = months(offset+m).DivRound(rampMonths, divPlaces)
		r.sum = r.sum.Add(r.factors[m-1])
	}
	return r
}

// factor is the share of the full referral rate reached in month m.
func (r *rampUp) factor(m int) decimal.Decimal {
	if m > len(r.factors) {
		return one
	}
	return r.factors[m-1]
}

// referralCurve is an option's referrals over the horizon: month m brings
// base × factor(m). Typed referrals have the typed rate as base and the ramp
// as factor; from reach, the base is what one relationship brings a month
// and the factor the relationships of month m times the ramp.
type referralCurve struct {
	base    decimal.Decimal
	factors []decimal.Decimal // factors[m-1] is month m's, for the months before the factor stays the same
	steady  decimal.Decimal   // the factor of every later month
	sum     decimal.Decimal   // the factors summed over the horizon
	// level is the factor at the horizon before the ramp: 1 for typed
	// referrals, the relationships for reach. base × level is the
	// referrals a month once established, the report's referralsPerMonth.
	level decimal.Decimal
}

// newReferralCurve lays out an option's referrals over the horizon: from
// membership month 1, or for a member (see outlookOf) over the months
// ahead, scaled by the record's factor.
func newReferralCurve(horizon int, o *Option) referralCurve {
	look := outlookOf(o)
	off := look.monthsIn
	ramp := newRampUp(horizon, off, o.RampMonths)
	r := o.Reach
	if r == nil {
		return referralCurve{base: look.scaled(o.ReferralsPerMonth), factors: ramp.factors, steady: one, sum: ramp.sum, level: one}
	}
	limit, capped := r.relationshipCap()
	c := referralCurve{base: look.scaled(r.PerRelationship()), sum: zero, level: r.relationshipsAt(off+horizon, limit, capped)}
	trusted := int(r.TrustMonths.Floor().IntPart()) + 1 // the first month t > trustMonths
	var rel decimal.Decimal
	for m := 1; m <= horizon; m++ {
		if t := off + m; t <= trusted || m == 1 {
			rel = r.relationshipsAt(t, limit, capped)
		} else if rel = rel.Add(r.RelationshipsPerMonth); capped && larger(rel, limit) {
			rel = limit // from here on, a month adds relationshipsPerMonth, as RelationshipsAt does
		}
		grown := r.RelationshipsPerMonth.IsZero() || capped && rel.Equal(limit)
		if m > len(ramp.factors) && grown { // the factor stays rel from here on
			c.steady = rel
			c.sum = c.sum.Add(rel.Mul(months(horizon - m + 1)))
			return c
		}
		f := rel
		if m <= len(ramp.factors) {
			f = rel.Mul(ramp.factors[m-1])
		}
		c.factors = append(c.factors, f)
		c.sum = c.sum.Add(f)
	}
	return c
}

// referralBase is what an option's referral curve multiplies before a
// track's factor: the typed rate, or what one relationship brings a month.
func referralBase(o *Option) decimal.Decimal {
	if r := o.Reach; r != nil {
		return r.PerRelationship()
	}
	return o.ReferralsPerMonth
}

// entersReferrals reports whether the input at *at is one the option's
// referrals depend on, a track's record aside: the typed rate and the ramp,
// or any reach figure.
func (o *Option) entersReferrals(at *decimal.Decimal) bool {
	if at == &o.ReferralsPerMonth || at == &o.RampMonths {
		return true
	}
	if r := o.Reach; r != nil {
		for i := range reachFields {
			if reachFields[i].get(r) == at {
				return true
			}
		}
	}
	return false
}

// entersBase reports whether the input at *at is one of those referralBase
// multiplies or divides: the typed rate, or the reach figures of one
// relationship's rate. The other inputs of the referrals enter the sum of
// the curve's factors (referralSum) alone.
func (o *Option) entersBase(at *decimal.Decimal) bool {
	if r := o.Reach; r != nil {
		switch at {
		case &r.ContactsPerRelationship, &r.TargetShare, &r.InMarketShare, &r.PassOnRate, &r.Competitors:
			return true
		}
		return false
	}
	return at == &o.ReferralsPerMonth
}

// referralTotal is the referrals of the horizon, newReferralCurve's total
// worked out in closed form: the tornado recomputes it for every input
// that shapes the curve or, for a member, the record's update.
func referralTotal(horizon int, o *Option) decimal.Decimal {
	look := outlookOf(o)
	return look.scaled(referralBase(o)).Mul(referralSum(look.monthsIn, horizon, o))
}

// referralSum is the sum of the curve's factors over membership months
// offset + 1 … offset + horizon, in closed form once the ramp is full.
func referralSum(offset, horizon int, o *Option) decimal.Decimal {
	ramp := newRampUp(horizon, offset, o.RampMonths)
	r := o.Reach
	if r == nil {
		return ramp.sum
	}
	sum := zero
	limit, capped := r.relationshipCap()
	for m, f := range ramp.factors {
		sum = sum.Add(r.relationshipsAt(offset+m+1, limit, capped).Mul(f))
	}
	return sum.Add(r.relationshipsSum(offset+len(ramp.factors)+1, offset+horizon))
}

// outlook is what a track makes of an option's projection: the months it
// starts after, and the record's update of the referral rate and the close
// rate. Without a track it starts at month 1 and changes nothing.
type outlook struct {
	monthsIn  int
	tracked   bool
	expected  decimal.Decimal // the referrals the model expected over the months in
	factor    decimal.Decimal // the referrals ahead are the model's times factor
	closeRate decimal.Decimal // closeRate', the close rate updated by the record
}

// outlookOf updates an option's model by its track, as MODEL.md says:
//
//	expected   = Σ referrals over membership months 1 … monthsIn, factor 1
//	factor     = (k + referrals) / (k + expected), k = 1/referralSpread²; 1 for a spread of 0
//	closeRate' = (10·closeRate + clients) / (10 + referrals)
//
// The factor is worked out as (1 + referrals·spread²) / (1 + expected·spread²),
// the same ratio with k multiplied out of it, so that it takes one division
// rather than three.
func outlookOf(o *Option) outlook {
	tr := o.Track
	if tr == nil {
		return outlook{factor: one, closeRate: o.CloseRate}
	}
	look := outlook{monthsIn: int(tr.MonthsIn.IntPart()), tracked: true, factor: one}
	look.expected = referralBase(o).Mul(referralSum(0, look.monthsIn, o))
	if s2 := o.ReferralSpread.Mul(o.ReferralSpread); !s2.IsZero() {
		look.factor = one.Add(tr.Referrals.Mul(s2)).DivRound(one.Add(look.expected.Mul(s2)), divPlaces)
	}
	look.closeRate = o.closeRateAhead()
	return look
}

// priorWeight is what the model's close rate weighs against a record: as
// much as 10 referrals.
var priorWeight = decimal.NewFromInt(10)

// scaled is a referral rate of the model as the record updates it.
func (look *outlook) scaled(rate decimal.Decimal) decimal.Decimal {
	if !look.tracked {
		return rate
	}
	return rate.Mul(look.factor)
}

// relationshipsSum is RelationshipsAt(t) summed over the months t = a … b,
// in three runs: before trust they stay at the start, then they grow by
// relationshipsPerMonth a month, exactly R0 + rpm × (t − T), until the cap
// holds them.
func (r *Reach) relationshipsSum(a, b int) decimal.Decimal {
	if a > b {
		return zero
	}
	trusted := max(a, int(r.TrustMonths.Floor().IntPart())+1) // the first month t > T
	trusted = min(trusted, b+1)
	limit, hasCap := r.relationshipCap()
	capped := r.firstCappedMonth(trusted, b, limit, hasCap)
	sum := zero
	if trusted > a {
		sum = r.relationshipsAt(a, limit, hasCap).Mul(months(trusted - a))
	}
	if n := capped - trusted; n > 0 {
		// Σ (R0 − rpm × T) + rpm × t over t = trusted … capped − 1; the sum
		// of the months, n × (first + last) / 2, is a whole number.
		start := r.Relationships.Sub(r.RelationshipsPerMonth.Mul(r.TrustMonths))
		sum = sum.Add(start.Mul(months(n))).Add(r.RelationshipsPerMonth.Mul(months(n * (trusted + capped - 1) / 2)))
	}
	if hasCap && capped <= b {
		sum = sum.Add(limit.Mul(months(b + 1 - capped)))
	}
	return sum
}

// firstCappedMonth is the first month of trusted … b whose relationships the
// cap holds, or b + 1 if none: the first t with R0 + rpm × (t − T) ≥ cap,
// t ≥ T + (cap − R0) / rpm, worked out with one division and checked
// against RelationshipsAt, which its rounding could miss by a month.
// limit and hasCap are relationshipCap's.
func (r *Reach) firstCappedMonth(trusted, b int, limit decimal.Decimal, hasCap bool) int {
	gap := limit.Sub(r.Relationships)
	switch {
	case !hasCap || gap.IsPositive() && r.RelationshipsPerMonth.IsZero():
		return b + 1
	case !gap.IsPositive():
		return trusted
	}
	t := r.TrustMonths.Add(gap.DivRound(r.RelationshipsPerMonth, divPlaces)).Ceil()
	capped := trusted
	if larger(t, months(trusted)) {
		capped = int(decimal.Min(t, months(b+1)).IntPart())
	}
	for capped > trusted && r.relationshipsAt(capped-1, limit, hasCap).Equal(limit) {
		capped--
	}
	for capped <= b && !r.relationshipsAt(capped, limit, hasCap).Equal(limit) {
		capped++
	}
	return capped
}

// months is a count of months as a decimal: a shared one from monthCounts
// for the counts a projection's months reach, which are asked for
// thousands of times a reply. Decimals are values (no operation changes
// its operands), so sharing them is safe.
func months(n int) decimal.Decimal {
	if n >= 0 && n < len(monthCounts) {
		return monthCounts[n]
	}
	return decimal.NewFromInt(int64(n))
}

// monthCounts[n] is n, for n up to a member's last month: 120 months in,
// then a horizon of 120.
var monthCounts = func() (c [MaxMonthsIn + MaxHorizonMonths + 2]decimal.Decimal) {
	for n := range c {
		c[n] = decimal.NewFromInt(int64(n))
	}
	return c
}()

// factor is month m's factor.
func (c *referralCurve) factor(m int) decimal.Decimal {
	if m > len(c.factors) {
		return c.steady
	}
	return c.factors[m-1]
}

// total is the referrals of the horizon.
func (c *referralCurve) total() decimal.Decimal { return c.base.Mul(c.sum) }

// annualFeesDue is how many times the annual fee is charged over a horizon
// that starts after offset months of membership: the membership months
// 1, 13, 25, … among offset + 1 … offset + horizon.
func annualFeesDue(offset, horizon int) int { return feesBy(offset+horizon) - feesBy(offset) }

// feesBy is how many annual fees fall due in membership months 1 … t.
func feesBy(t int) int { return (t + 11) / 12 }

// annualFeeMonth reports whether the annual fee falls due in membership
// month t (months 1, 13, 25, ...).
func annualFeeMonth(t int) bool { return t%12 == 1 }

// totalsOf sums an option over the horizon in closed form. each is
// monthlyCosts(o) and referrals the total of its referral curve, passed in
// so that callers varying other inputs compute them once. It agrees exactly
// with the sum of months.
//
// For a member (see outlookOf) the horizon is the months ahead: no joining
// fee, the annual fees of the anniversaries it holds, and the updated close
// rate.
func totalsOf(in *Input, o *Option, each everyMonth, referrals decimal.Decimal) Totals {
	h := months(in.HorizonMonths)
	monthsIn := o.monthsIn()
	dues := months(annualFeesDue(monthsIn, in.HorizonMonths)) // a count of fees, under the months
	var t Totals
	t.Fees = o.AnnualFee.Mul(dues).Add(o.MonthlyFee.Mul(h))
	if monthsIn == 0 {
		t.Fees = o.JoiningFee.Add(o.AnnualFee.Mul(dues)).Add(o.MonthlyFee.Mul(h))
	}
	t.Meals = each.meals.Mul(h)
	t.Travel = each.travel.Mul(h)
	t.Cash = t.Fees.Add(t.Meals).Add(t.Travel)
	t.Hours = each.hours.Mul(h)
	t.TimeCost = t.Hours.Mul(in.hourCost())
	t.Cost = t.Cash.Add(t.TimeCost)
	t.Referrals = referrals
	t.Clients = t.Referrals.Mul(o.closeRateAhead())
	t.Revenue = t.Clients.Mul(in.DealValue).Mul(in.DealsPerClient)
	t.Profit = t.Revenue.Mul(in.GrossMargin)
	t.Net = t.Profit.Sub(t.Cost)
	return t
}

// monthsOf projects an option month by month, following the model's
// formulas one month at a time; each is monthlyCosts(o). Ordinary months
// (referrals steady, no joining or annual fee) are all alike, so the first
// one is reused, and so are its referrals in the months with a fee. Month m
// of the projection is membership month monthsIn + m, a member's months in
// the group before it counting nothing.
func monthsOf(in *Input, o *Option, each everyMonth, curve *referralCurve) []Month {
	monthsIn, closeRate := o.monthsIn(), o.closeRateAhead()
	recurring := o.MonthlyFee.Add(each.meals).Add(each.travel)
	timeCost := each.hours.Mul(in.hourCost())
	cost := recurring.Add(timeCost) // an ordinary month's cash and time
	profitPerClient := in.profitPerClient()
	var steady *Month // the first month of steady referrals, once projected
	month := func(m int) Month {
		mo := Month{Month: m, Cash: recurring, Hours: each.hours, TimeCost: timeCost}
		if steady != nil {
			mo.Referrals, mo.Clients, mo.Profit = steady.Referrals, steady.Clients, steady.Profit
		} else {
			mo.Referrals = curve.base.Mul(curve.factor(m))
			mo.Clients = mo.Referrals.Mul(closeRate)
			mo.Profit = mo.Clients.Mul(profitPerClient)
		}
		monthCost := cost
		if t := monthsIn + m; annualFeeMonth(t) { // membership month 1 is one, and brings the joining fee too
			if t == 1 {
				mo.Cash = mo.Cash.Add(o.JoiningFee)
			}
			mo.Cash = mo.Cash.Add(o.AnnualFee)
			monthCost = mo.Cash.Add(timeCost)
		}
		mo.Net = mo.Profit.Sub(monthCost)
		return mo
	}
	series := make([]Month, in.HorizonMonths)
	var ordinary *Month
	cumulative := zero
	for i := range series {
		m := i + 1
		isOrdinary := m > len(curve.factors) && !annualFeeMonth(monthsIn+m) // membership month 1 is an annual-fee month
		switch {
		case isOrdinary && ordinary != nil:
			series[i] = *ordinary
			series[i].Month = m
		default:
			series[i] = month(m)
			if isOrdinary {
				ordinary = &series[i]
			}
		}
		if m == len(curve.factors)+1 {
			steady = &series[i]
		}
		cumulative = cumulative.Add(series[i].Net)
		series[i].CumulativeNet = cumulative
	}
	return series
}

// monthsIn is the months of membership before the projection: a track's,
// else 0.
func (o *Option) monthsIn() int {
	if o.Track == nil {
		return 0
	}
	return int(o.Track.MonthsIn.IntPart())
}

// closeRateAhead is the close rate of the projection: closeRate' for a
// member (see outlookOf), else the close rate.
func (o *Option) closeRateAhead() decimal.Decimal {
	if tr := o.Track; tr != nil {
		return priorWeight.Mul(o.CloseRate).Add(tr.Clients).DivRound(priorWeight.Add(tr.Referrals), divPlaces)
	}
	return o.CloseRate
}

// paybackMonth is the first month whose cumulative net is at least zero.
func paybackMonth(series []Month) (int, bool) {
	for _, m := range series {
		if !m.CumulativeNet.IsNegative() {
			return m.Month, true
		}
	}
	return 0, false
}
