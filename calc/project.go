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
	meals  decimal.Decimal // meals at meetings and one-to-one coffees
	travel decimal.Decimal
	hours  decimal.Decimal
}

func monthlyCosts(o *Option) everyMonth {
	meetings := meetingsPerMonth(o)
	return everyMonth{
		meals:  meetings.Mul(o.MealCost).Add(o.OneToOnesPerMonth.Mul(o.OneToOneCost)),
		travel: meetings.Mul(o.TravelCost),
		hours: meetings.Mul(o.MeetingHours.Add(o.TravelHours)).
			Add(o.OneToOnesPerMonth.Mul(o.OneToOneHours)).Add(o.OtherHoursPerMonth),
	}
}

// meetingsPerMonth is meetingsPerYear / 12, the one division of the
// monthly costs.
func meetingsPerMonth(o *Option) decimal.Decimal {
	return o.MeetingsPerYear.DivRound(twelve, divPlaces)
}

// fullRateMonth is the first month in which referrals reach their full rate.
func fullRateMonth(rampMonths decimal.Decimal) int {
	return max(1, int(rampMonths.Ceil().IntPart())) // rampMonths ≤ 60 once validated
}

// rampFactor is the share of the full referral rate reached in month m.
func rampFactor(m int, rampMonths decimal.Decimal) decimal.Decimal {
	if m >= fullRateMonth(rampMonths) {
		return one
	}
	return decimal.NewFromInt(int64(m)).DivRound(rampMonths, divPlaces)
}

// rampSum is the sum of rampFactor over the horizon: the number of
// full-rate months of referrals it holds.
func rampSum(horizon int, rampMonths decimal.Decimal) decimal.Decimal {
	full := min(fullRateMonth(rampMonths), horizon+1)
	sum := decimal.NewFromInt(int64(horizon - full + 1))
	for m := 1; m < full; m++ {
		sum = sum.Add(rampFactor(m, rampMonths))
	}
	return sum
}

// annualFeesDue is how many times the annual fee is charged over a horizon.
func annualFeesDue(horizon int) int { return (horizon-1)/12 + 1 }

// annualFeeMonth reports whether the annual fee falls due in month m
// (months 1, 13, 25, ...).
func annualFeeMonth(m int) bool { return m%12 == 1 }

// totalsOf sums an option over the horizon in closed form. rampSum is
// rampSum(in.HorizonMonths, o.RampMonths), passed in so that callers varying
// other inputs compute it once. It agrees exactly with the sum of months.
func totalsOf(in *Input, o *Option, ramp decimal.Decimal) Totals {
	h := decimal.NewFromInt(int64(in.HorizonMonths))
	dues := decimal.NewFromInt(int64(annualFeesDue(in.HorizonMonths)))
	each := monthlyCosts(o)
	var t Totals
	t.Fees = o.JoiningFee.Add(o.AnnualFee.Mul(dues)).Add(o.MonthlyFee.Mul(h))
	t.Meals = each.meals.Mul(h)
	t.Travel = each.travel.Mul(h)
	t.Cash = t.Fees.Add(t.Meals).Add(t.Travel)
	t.Hours = each.hours.Mul(h)
	t.TimeCost = t.Hours.Mul(in.HourlyValue)
	t.Cost = t.Cash.Add(t.TimeCost)
	t.Referrals = o.referralsPerMonth().Mul(ramp)
	t.Clients = t.Referrals.Mul(o.CloseRate)
	t.Revenue = t.Clients.Mul(in.DealValue)
	t.Profit = t.Revenue.Mul(in.GrossMargin)
	t.Net = t.Profit.Sub(t.Cost)
	return t
}

// monthsOf projects an option month by month, following the model's
// formulas one month at a time. Ordinary months (referrals at full rate, no
// joining or annual fee) are all alike, so the first one is reused.
func monthsOf(in *Input, o *Option) []Month {
	each := monthlyCosts(o)
	recurring := o.MonthlyFee.Add(each.meals).Add(each.travel)
	timeCost := each.hours.Mul(in.HourlyValue)
	perMonth := o.referralsPerMonth()
	month := func(m int) Month {
		cash := recurring
		if m == 1 {
			cash = cash.Add(o.JoiningFee)
		}
		if annualFeeMonth(m) {
			cash = cash.Add(o.AnnualFee)
		}
		referrals := perMonth.Mul(rampFactor(m, o.RampMonths))
		clients := referrals.Mul(o.CloseRate)
		profit := clients.Mul(in.DealValue).Mul(in.GrossMargin)
		net := profit.Sub(cash).Sub(timeCost)
		return Month{m, cash, each.hours, timeCost, referrals, clients, profit, net, zero}
	}
	full := fullRateMonth(o.RampMonths)
	series := make([]Month, in.HorizonMonths)
	var ordinary *Month
	cumulative := zero
	for i := range series {
		m := i + 1
		isOrdinary := m >= full && !annualFeeMonth(m) // month 1 is an annual-fee month
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
		cumulative = cumulative.Add(series[i].Net)
		series[i].CumulativeNet = cumulative
	}
	return series
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
