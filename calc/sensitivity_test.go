package calc

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ramp's part of net is not proportional to it, nor are those of the
// reach figures that shape the relationships over time, and the spread has
// none.
func TestEveryInputButThoseThatShapeReferralsAndTheSpreadHasItsPartOfNet(t *testing.T) {
	s := tornado{in: &Input{}, opt: &Option{Reach: &Reach{}}}
	for _, f := range globalFields {
		_, _, ok := s.netPart(f.get(s.in))
		assert.True(t, ok, f.key)
	}
	for _, f := range optionFields {
		_, _, ok := s.netPart(f.get(s.opt))
		assert.Equal(t, f.key != "rampMonths" && f.key != "referralSpread", ok, f.key)
	}
	shapes := []string{"relationships", "relationshipsPerMonth", "trustMonths", "groupSize", "competitors"}
	for _, f := range reachFields {
		_, cost, ok := s.netPart(f.get(s.opt.Reach))
		assert.Equal(t, !slices.Contains(shapes, f.key), ok, f.key)
		assert.False(t, cost, "%s: reach is never a cost", f.key)
	}
	_, _, ok := s.netPart(new(decimal.Decimal))
	assert.False(t, ok, "no part for a figure that is not an input")
}

// netMonthByMonth is an option's net over the horizon, worked out month by
// month from the formulas of MODEL.md, "Month by month", "From
// relationships" and "Already a member", with none of the engine's
// projection (no totalsOf, no referral curve, no ramp helper, no cap on the
// ramp, no outlook): the slow path the tornado's closed form is checked
// against. For a member, month m is membership month t = monthsIn + m, the
// referrals the model expected are summed over t = 1 … monthsIn one month
// at a time, and k = 1/spread² is taken as MODEL.md writes it.
func netMonthByMonth(in *Input, o *Option) decimal.Decimal {
	meetings := o.MeetingsPerYear.DivRound(d("12"), 16)
	// Every month's cash but the fees of months 1, 13, 25, …, and its hours.
	cash := o.MonthlyFee.Add(meetings.Mul(o.MealCost.Add(o.TravelCost))).Add(o.OneToOnesPerMonth.Mul(o.OneToOneCost))
	hours := meetings.Mul(o.MeetingHours.Add(o.TravelHours)).Add(o.OneToOnesPerMonth.Mul(o.OneToOneHours)).Add(o.OtherHoursPerMonth)
	cost := cash.Add(hours.Mul(in.HourlyValue).Mul(in.BillableShare))
	// modelReferrals is the model's referrals in membership month t.
	modelReferrals := func(t int) decimal.Decimal {
		ramp := d("1")
		if !o.RampMonths.IsZero() {
			ramp = decimal.Min(ramp, decimal.NewFromInt(int64(t)).DivRound(o.RampMonths, 16))
		}
		rate := o.ReferralsPerMonth
		if r := o.Reach; r != nil {
			perRelationship := r.ContactsPerRelationship.Mul(r.TargetShare).Mul(r.InMarketShare).Mul(r.PassOnRate).
				DivRound(r.Competitors.Add(d("1")).Mul(d("12")), 16)
			relationships := r.Relationships.Add(r.RelationshipsPerMonth.Mul(decimal.Max(decimal.Zero, decimal.NewFromInt(int64(t)).Sub(r.TrustMonths))))
			if !r.GroupSize.IsZero() {
				relationships = decimal.Min(relationships, r.GroupSize.Sub(d("1")))
			}
			rate = relationships.Mul(perRelationship)
		}
		return rate.Mul(ramp)
	}
	monthsIn, factor, closeRate := 0, d("1"), o.CloseRate
	if tr := o.Track; tr != nil {
		monthsIn = int(tr.MonthsIn.IntPart())
		expected := decimal.Zero
		for t := 1; t <= monthsIn; t++ {
			expected = expected.Add(modelReferrals(t))
		}
		if !o.ReferralSpread.IsZero() {
			k := d("1").DivRound(o.ReferralSpread.Mul(o.ReferralSpread), 16)
			factor = k.Add(tr.Referrals).DivRound(k.Add(expected), 16)
		}
		closeRate = d("10").Mul(o.CloseRate).Add(tr.Clients).DivRound(d("10").Add(tr.Referrals), 16)
	}
	profitPerReferral := closeRate.Mul(in.DealValue).Mul(in.DealsPerClient).Mul(in.GrossMargin)
	net := decimal.Zero
	for m := 1; m <= in.HorizonMonths; m++ {
		t := monthsIn + m
		if t == 1 {
			net = net.Sub(o.JoiningFee)
		}
		if t%12 == 1 {
			net = net.Sub(o.AnnualFee)
		}
		net = net.Add(factor.Mul(modelReferrals(t)).Mul(profitPerReferral)).Sub(cost)
	}
	return net
}

// recomputedNet is net with one field of the input, of its first option or
// of that option's reach set to value, projected again from scratch, month
// by month.
func recomputedNet(in Input, key string, value decimal.Decimal) decimal.Decimal {
	o := in.Options[0]
	if o.Reach != nil {
		reach := *o.Reach
		o.Reach = &reach
	}
	*fieldAt(&in, &o, key).at = value
	return netMonthByMonth(&in, &o)
}

// fieldAt is the figure of the input's, the option's or its reach's field
// named key, a reach's as "reach.passOnRate".
func fieldAt(in *Input, o *Option, key string) figure {
	var figs [3 * maxFigures]figure
	all := o.figures(in.figures(figs[:0]))
	if reachKey, ok := strings.CutPrefix(key, "reach."); ok {
		all, key = o.Reach.figures(figs[:0]), reachKey
	}
	for _, f := range all {
		if f.key == key {
			return f
		}
	}
	panic("no field " + key)
}

func TestSensitivityAgreesWithAFullRecomputation(t *testing.T) {
	inputs := map[string]Input{"the default comparison": DefaultInput()}
	business := DefaultInput()
	business.BillableShare = d("0.9") // 120 % is capped at 100 %
	business.DealsPerClient = d("2.5")
	inputs["a reader who would bill 90 % of those hours and sells 2.5 deals a client"] = business
	for _, kind := range Kinds() {
		in := DefaultInput()
		in.HorizonMonths = 31 // three annual fees, a ramp cut short by nothing
		in.Options = []Option{mustPreset(t, kind)}
		in.Options[0].CloseRate = d("0.9") // 120 % is capped at 100 %
		in.Options[0].RampMonths = d("7.5")
		in.Options[0].ReferralsPerMonth = d("2")
		in.Options[0].Reach = nil
		in.Options[0].MonthlyFee = d("12.5")
		inputs["a "+string(kind)+" with a capped rate and a fractional ramp"] = in
	}
	// From reach: relationships capped within the horizon, or capped from
	// the start once the tornado lowers the group below them, a fractional
	// trust, a ramp as well, a rate capped at 100 %.
	for _, c := range []struct{ name, groupSize, relationships, trust, ramp string }{
		{"a weekly group whose cap holds from month 18", "25", "0", "6", "0"},
		{"a group of 12 with 10 relationships at the start, below the cap at 80 %", "12", "10", "2.5", "0"},
		{"a group without a limit, a fractional trust and a ramp", "0", "3", "4.5", "7.5"},
		{"a group whose cap holds before trust ends", "5", "4", "30", "3"},
	} {
		in := DefaultInput()
		in.HorizonMonths = 40
		o := mustPreset(t, KindWeeklyGroup)
		o.Reach.GroupSize, o.Reach.Relationships, o.Reach.TrustMonths, o.RampMonths = d(c.groupSize), d(c.relationships), d(c.trust), d(c.ramp)
		o.Reach.PassOnRate = d("0.9") // 120 % is capped at 100 %
		o.Reach.Competitors = d("1")
		in.Options = []Option{o}
		inputs[c.name] = in
	}
	// At 120 %, a ramp above 50 months outlasts the input's bound of 60.
	for _, ramp := range []string{"50", "50.5", "55", "59.9", "60"} {
		for _, horizon := range []int{61, 66, 120} {
			in := DefaultInput()
			in.HorizonMonths = horizon
			in.Options = []Option{mustPreset(t, KindWeeklyGroup)}
			in.Options[0].RampMonths = d(ramp)
			inputs["a weekly group with a ramp of "+ramp+" months over "+strconv.Itoa(horizon)] = in
		}
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			r, err := Compute(in)
			require.NoError(t, err)
			rep := r.Options[0]
			require.NotEmpty(t, rep.Sensitivity)
			assertEntriesAreRecomputed(t, in, rep)
			for i := 1; i < len(rep.Sensitivity); i++ {
				assert.True(t, rep.Sensitivity[i-1].Swing.GreaterThanOrEqual(rep.Sensitivity[i].Swing), "sorted by swing")
			}
		})
	}
}

// assertEntriesAreRecomputed checks each tornado entry of the input's first
// option against net recomputed month by month at 80 % and 120 % of its
// input (rates capped at 100 %).
func assertEntriesAreRecomputed(t *testing.T, in Input, rep OptionReport) {
	t.Helper()
	for _, s := range rep.Sensitivity {
		f := fieldAt(&in, &in.Options[0], s.Field)
		value := *f.at
		high := value.Mul(d("1.2"))
		if f.unit == unitRate && high.GreaterThan(one) {
			high = one
		}
		assert.Equal(t, cents(recomputedNet(in, s.Field, value.Mul(d("0.8")))).String(), cents(s.Low).String(), "%s low", s.Field)
		assert.Equal(t, cents(recomputedNet(in, s.Field, high)).String(), cents(s.High).String(), "%s high", s.Field)
	}
}

func TestSensitivityLeavesOutTheSpread(t *testing.T) {
	in := DefaultInput()
	in.Options[0].ReferralSpread = d("2.5")
	r, err := Compute(in)
	require.NoError(t, err)
	for _, o := range r.Options {
		require.NotEmpty(t, o.Sensitivity)
		for _, s := range o.Sensitivity {
			assert.NotEqual(t, "referralSpread", s.Field)
		}
	}
}

func TestSensitivityLeavesOutInputsThatAreZeroOrDoNotMoveNet(t *testing.T) {
	in := DefaultInput()
	in.HourlyValue = zero // hours no longer cost anything
	in.Options = []Option{mustPreset(t, KindOpenNetwork)}
	r, err := Compute(in)
	require.NoError(t, err)
	for _, s := range r.Options[0].Sensitivity {
		assert.NotContains(t, []string{"hourlyValue", "billableShare", "joiningFee", "annualFee", "meetingHours", "travelHours", "oneToOneHours", "otherHoursPerMonth"}, s.Field)
	}
}

func mustPreset(t *testing.T, kind Kind) Option {
	o, ok := Preset(kind)
	require.True(t, ok)
	return o
}

// The tornado varies a ramp of 60 months, the longest an input may have, to
// 48 and 72 months: the longer ramp reaches its full rate in month 72, not at
// the input's limit. Over 120 months a ramp of n months brings
// (n − 1)/2 + 121 − n months of full-rate referrals: 90.5 for 60 months,
// 96.5 for 48 and 84.5 for 72, each referral 1000 of profit.
func TestTheRampEntryStretchesTheLongestRampPastItsLimit(t *testing.T) {
	c := computeBoth(t, `{"hourlyValue":0,"dealValue":1000,"grossMargin":1,"horizonMonths":120,"options":[`+
		`{"kind":"custom","referralsPerMonth":1,"rampMonths":60,"closeRate":1}]}`)
	o := c.report.Options[0]
	assert.Equal(t, "90500.00", o.Net.StringFixedBank(2))
	for _, s := range o.Sensitivity {
		if s.Field == "rampMonths" {
			assert.Equal(t, "96500.00", s.Low.StringFixedBank(2), "low: a ramp of 48 months")
			assert.Equal(t, "84500.00", s.High.StringFixedBank(2), "high: a ramp of 72 months")
			return
		}
	}
	t.Fatal("no entry for rampMonths")
}
