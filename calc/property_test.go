package calc

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Properties that hold for every valid input, checked over a few hundred
// inputs drawn with a fixed seed, so that a failure can be replayed.

const propertyCases = 300

// randomInputs draws valid inputs: one to three options, every figure zero one
// time in eight and otherwise anywhere in a modest range, written in
// cents, hundredths or tenths, over up to ten years, with referrals
// estimated from reach for about one option in four, and a member's track
// for about one in three (drawn from a stream of their own, so that the
// rest of each input is as before tracks existed).
func randomInputs(n int) []Input {
	r := rand.New(rand.NewPCG(2024, 11))
	tracks := rand.New(rand.NewPCG(15, 15))
	amount := func(max int64, places int32) decimal.Decimal {
		if r.IntN(8) == 0 {
			return zero
		}
		scale := int64(math.Pow10(int(places)))
		return decimal.New(r.Int64N(max*scale+1), -places)
	}
	byUnit := func(u unit) decimal.Decimal {
		switch u {
		case unitMoney:
			return amount(300, 2)
		case unitRate:
			return amount(1, 2)
		case unitHours:
			return amount(4, 2)
		case unitMonths: // ramps up to the bound, whose 120 % outlasts it
			return amount(60, 1)
		case unitNumber: // the referral spread, 0-3
			return amount(3, 2)
		}
		return amount(60, 1)
	}
	inputs := make([]Input, n)
	for i := range inputs {
		in := Input{Currency: "USD", HorizonMonths: 1 + r.IntN(MaxHorizonMonths)}
		fill(globalFields, &in, byUnit)
		in.DealValue = amount(10_000, 2)
		in.Options = make([]Option, 1+r.IntN(3))
		for j := range in.Options {
			o := Option{Name: "Option", Kind: KindCustom}
			fill(optionFields, &o, byUnit)
			if r.IntN(4) == 0 {
				o.Reach = &Reach{}
				fill(reachFields, o.Reach, byUnit)
				if g := &o.Reach.GroupSize; !g.IsZero() { // a group holds the reader and every relationship
					*g = decimal.Max(*g, o.Reach.Relationships.Add(one), d("2"))
				}
				o.ReferralsPerMonth = zero
			}
			in.Options[j] = o
		}
		for j := range in.Options {
			if tracks.IntN(3) != 0 {
				continue
			}
			referrals := int64(0)
			if tracks.IntN(4) != 0 {
				referrals = tracks.Int64N(40)
			}
			in.Options[j].Track = &Track{
				MonthsIn:  decimal.NewFromInt(1 + tracks.Int64N(MaxMonthsIn)),
				Referrals: decimal.NewFromInt(referrals),
				Clients:   decimal.NewFromInt(tracks.Int64N(referrals + 1)),
			}
			if len(Validate(in)) > 0 { // the record or the months ahead would bring more than the model takes
				in.Options[j].Track = nil
			}
		}
		inputs[i] = in
	}
	return inputs
}

func fill[T any](fields []field[T], v *T, draw func(unit) decimal.Decimal) {
	for _, f := range fields {
		*f.get(v) = draw(f.unit)
	}
}

// forEachOption computes every random input and calls check on each option.
func forEachOption(t *testing.T, check func(t *testing.T, in *Input, o *Option, r OptionReport)) {
	for n, in := range randomInputs(propertyCases) {
		require.Empty(t, Validate(in), "case %d draws a valid input", n)
		rep, err := Compute(in)
		require.NoError(t, err)
		for i := range in.Options {
			check(t, &in, &in.Options[i], rep.Options[i])
		}
		if t.Failed() {
			t.Fatalf("case %d of randomInputs fails: %+v", n, in)
		}
	}
}

// netOf is an option's net over the horizon, from the closed-form totals.
func netOf(in *Input, o *Option) decimal.Decimal {
	curve := newReferralCurve(in.HorizonMonths, o)
	return totalsOf(in, o, monthlyCosts(o), curve.total()).Net
}

func TestNetIsProfitLessCashLessTimeCostExactly(t *testing.T) {
	forEachOption(t, func(t *testing.T, _ *Input, _ *Option, r OptionReport) {
		assert.True(t, r.Net.Equal(r.Profit.Sub(r.Cash).Sub(r.TimeCost)), "net %s", r.Net)
		assert.True(t, r.Cost.Equal(r.Cash.Add(r.TimeCost)), "cost %s", r.Cost)
		assert.True(t, r.Cash.Equal(r.Fees.Add(r.Meals).Add(r.Travel)), "cash %s", r.Cash)
	})
}

func TestMonthsAddUpExactlyToTheTotals(t *testing.T) {
	forEachOption(t, func(t *testing.T, in *Input, _ *Option, r OptionReport) {
		require.Len(t, r.Months, in.HorizonMonths)
		var sum Month
		for i, m := range r.Months {
			assert.Equal(t, i+1, m.Month)
			sum.Cash, sum.Hours, sum.TimeCost = sum.Cash.Add(m.Cash), sum.Hours.Add(m.Hours), sum.TimeCost.Add(m.TimeCost)
			sum.Referrals, sum.Clients = sum.Referrals.Add(m.Referrals), sum.Clients.Add(m.Clients)
			sum.Profit, sum.Net = sum.Profit.Add(m.Profit), sum.Net.Add(m.Net)
			assert.True(t, m.CumulativeNet.Equal(sum.Net), "month %d: cumulative net is the running sum", m.Month)
		}
		for name, pair := range map[string][2]decimal.Decimal{
			"cash": {sum.Cash, r.Cash}, "hours": {sum.Hours, r.Hours}, "timeCost": {sum.TimeCost, r.TimeCost},
			"referrals": {sum.Referrals, r.Referrals}, "clients": {sum.Clients, r.Clients},
			"profit": {sum.Profit, r.Profit}, "net": {sum.Net, r.Net},
			"last cumulative net": {r.Months[len(r.Months)-1].CumulativeNet, r.Net},
		} {
			assert.True(t, pair[0].Equal(pair[1]), "%s: months %s, total %s", name, pair[0], pair[1])
		}
	})
}

// Every numeric input either costs (raising it never raises net) or brings
// (raising it never lowers net), but the spread, which only says how sure
// net is. Of the reach's, a longer trust and more competitors cost; a
// larger group brings, once it has a size (0 is no limit at all).
var (
	costInputs      = []string{"hourlyValue", "billableShare", "joiningFee", "annualFee", "monthlyFee", "meetingsPerYear", "mealCost", "travelCost", "meetingHours", "travelHours", "oneToOnesPerMonth", "oneToOneHours", "oneToOneCost", "otherHoursPerMonth", "rampMonths"}
	gainInputs      = []string{"dealValue", "dealsPerClient", "grossMargin", "referralsPerMonth", "closeRate"}
	netlessInput    = "referralSpread"
	reachCostInputs = []string{"trustMonths", "competitors"}
	reachGainInputs = []string{"relationships", "relationshipsPerMonth", "groupSize", "contactsPerRelationship", "targetShare", "inMarketShare", "passOnRate"}
)

// shapesAMembersUpdate are the reach inputs that, with the ramp, shape the
// referrals over time: for a member they move the referrals the model
// expected over the months in as well as those ahead, and a record that
// falls short of more expected referrals scales the months ahead down. A
// longer ramp, for one, may raise a member's projection: fewer referrals
// were expected, so the same record counts for more. They are neither a
// cost nor a gain once a track is set.
var shapesAMembersUpdate = []string{"relationships", "relationshipsPerMonth", "trustMonths", "groupSize"}

func TestEveryInputIsACostOrAGain(t *testing.T) {
	var keys []string
	for _, f := range globalFields {
		keys = append(keys, f.key)
	}
	for _, f := range optionFields {
		keys = append(keys, f.key)
	}
	assert.ElementsMatch(t, keys, append(append(slices.Clone(costInputs), gainInputs...), netlessInput))
	var reachKeys []string
	for _, f := range reachFields {
		reachKeys = append(reachKeys, f.key)
	}
	assert.ElementsMatch(t, reachKeys, append(slices.Clone(reachCostInputs), reachGainInputs...))
}

func TestRaisingACostNeverRaisesNetAndRaisingAGainNeverLowersIt(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	// raised raises a field by 0.01 to 10, within its bound.
	raised := func(f *decimal.Decimal, max decimal.Decimal) {
		*f = decimal.Min(f.Add(decimal.New(1+r.Int64N(1000), -2)), max)
	}
	forEachOption(t, func(t *testing.T, in *Input, o *Option, rep OptionReport) {
		net := netOf(in, o)
		require.True(t, net.Equal(rep.Net), "the report's net is the closed-form net")
		check := func(key string, cost bool, after decimal.Decimal) {
			if cost {
				assert.False(t, after.GreaterThan(net), "raising %s raised net from %s to %s", key, net, after)
			} else {
				assert.False(t, after.LessThan(net), "raising %s lowered net from %s to %s", key, net, after)
			}
		}
		for _, key := range append(slices.Clone(costInputs), gainInputs...) {
			if o.Track != nil && key == "rampMonths" {
				continue // see shapesAMembersUpdate
			}
			g, opt := *in, *o
			if slices.ContainsFunc(globalFields, func(f field[Input]) bool { return f.key == key }) {
				f := fieldOf(t, globalFields, key)
				raised(f.get(&g), f.max)
			} else {
				f := fieldOf(t, optionFields, key)
				raised(f.get(&opt), f.max)
			}
			check(key, slices.Contains(costInputs, key), netOf(&g, &opt))
		}
		if o.Reach == nil {
			return
		}
		for _, key := range append(slices.Clone(reachCostInputs), reachGainInputs...) {
			opt, reach := *o, *o.Reach
			opt.Reach = &reach
			f := fieldOf(t, reachFields, key)
			if key == "groupSize" && reach.GroupSize.IsZero() {
				continue // a size would cap the relationships that had no limit
			}
			if o.Track != nil && slices.Contains(shapesAMembersUpdate, key) {
				continue
			}
			raised(f.get(&reach), f.max)
			check("reach."+key, slices.Contains(reachCostInputs, key), netOf(in, &opt))
		}
	})
}

// scaledNets is, for each non-zero field of the table, net with the field at
// 80 % and at 120 % of its value (rates capped at 1), recomputed in full by
// net.
func scaledNets[T any](fields []field[T], v *T, net func() decimal.Decimal) map[string][2]decimal.Decimal {
	out := map[string][2]decimal.Decimal{}
	for _, f := range fields {
		value := f.get(v)
		base := *value
		if base.IsZero() {
			continue
		}
		*value = base.Mul(d("0.8"))
		low := net()
		*value = base.Mul(d("1.2"))
		if f.unit == unitRate {
			*value = decimal.Min(*value, one)
		}
		high := net()
		*value = base
		out[f.key] = [2]decimal.Decimal{low, high}
	}
	return out
}

func TestSensitivityIsSortedAndMatchesARecomputation(t *testing.T) {
	forEachOption(t, func(t *testing.T, in *Input, o *Option, r OptionReport) {
		// Within 1e-9, and from reach within what the rounding of the
		// rate of one relationship to 16 places (half of 1e-16, in the
		// engine and in the recomputation) is worth once multiplied by
		// the profit of one referral and the months of relationships,
		// profit / perRelationship.
		tolerance := d("0.000000001")
		if o.Reach != nil && !o.Reach.PerRelationship().IsZero() {
			tolerance = tolerance.Add(r.Profit.Abs().Mul(d("1e-16")).DivRound(o.Reach.PerRelationship(), 16))
		}
		if o.Track != nil {
			// The factor and closeRate', each a division rounded to 16
			// places here and there (in another order: k = 1/spread² is
			// rounded there), move profit by a few parts in 1e16 of it;
			// from reach the expected referrals carry the rounding of one
			// relationship's rate too, scaled as above by the months in.
			tolerance = tolerance.Add(r.Profit.Abs().Mul(d("1e-13")))
			if o.Reach != nil && !o.Reach.PerRelationship().IsZero() {
				tolerance = tolerance.Add(r.Profit.Abs().Mul(d("1e-14")).DivRound(o.Reach.PerRelationship(), 16))
			}
		}
		near := func(a, b decimal.Decimal) bool { return a.Sub(b).Abs().LessThanOrEqual(tolerance) }
		g, opt := *in, *o
		net := func() decimal.Decimal { return netMonthByMonth(&g, &opt) }
		want := scaledNets(globalFields, &g, net)
		for key, nets := range scaledNets(optionFields, &opt, net) {
			want[key] = nets
		}
		if o.Reach != nil {
			reach := *o.Reach
			opt.Reach = &reach
			for key, nets := range scaledNets(reachFields, &reach, net) {
				want["reach."+key] = nets
			}
		}
		listed := map[string]bool{}
		for i, s := range r.Sensitivity {
			listed[s.Field] = true
			if i > 0 {
				assert.False(t, s.Swing.GreaterThan(r.Sensitivity[i-1].Swing), "sorted by swing, largest first")
			}
			assert.True(t, s.Swing.Equal(s.High.Sub(s.Low).Abs()), "%s: swing is |high − low|", s.Field)
			assert.False(t, s.Swing.IsZero(), "%s: an input that does not move net is left out", s.Field)
			w, ok := want[s.Field]
			if assert.True(t, ok, "%s is listed but is zero", s.Field) {
				assert.True(t, near(s.Low, w[0]), "%s at 80 %%: %s, recomputed %s", s.Field, s.Low, w[0])
				assert.True(t, near(s.High, w[1]), "%s at 120 %%: %s, recomputed %s", s.Field, s.High, w[1])
			}
		}
		for key, w := range want {
			if !listed[key] && (key != "referralSpread" || o.Track == nil) { // a member's spread moves net, but is not an entry
				assert.True(t, near(w[0], w[1]), "%s moves net (%s to %s) but is left out", key, w[0], w[1])
			}
		}
	})
}

func TestUncertaintyIsAProbabilityAndOrderedQuantiles(t *testing.T) {
	forEachOption(t, func(t *testing.T, in *Input, _ *Option, r OptionReport) {
		if r.BreakEvenClients == nil {
			assert.Nil(t, r.Uncertainty)
			return
		}
		u := r.Uncertainty
		require.NotNil(t, u)
		p := u.BreakEvenProbability
		assert.True(t, p >= 0 && p <= 1, "break-even probability %v", p)
		assert.False(t, u.P10.GreaterThan(u.P50), "p10 %s ≤ p50 %s", u.P10, u.P50)
		assert.False(t, u.P50.GreaterThan(u.P90), "p50 %s ≤ p90 %s", u.P50, u.P90)
		// Each quantile is the net of a whole number of clients k ≥ 0:
		// k × dealValue × dealsPerClient × grossMargin − cost.
		perClient := in.DealValue.Mul(in.DealsPerClient).Mul(in.GrossMargin)
		for _, q := range []decimal.Decimal{u.P10, u.P50, u.P90} {
			k := q.Add(r.Cost).DivRound(perClient, divPlaces)
			assert.True(t, k.IsInteger() && !k.IsNegative(), "clients at a quantile: %s", k)
		}
		// The quantile at q breaks even only if breaking even is more likely than 1 − q.
		for _, c := range []struct {
			net      decimal.Decimal
			atLeast  float64
			quantile string
		}{{u.P10, 0.9, "p10"}, {u.P50, 0.5, "p50"}, {u.P90, 0.1, "p90"}} {
			if !c.net.IsNegative() {
				assert.GreaterOrEqual(t, p, c.atLeast-1e-9, "%s breaks even, so P(break even) > %v", c.quantile, c.atLeast)
			}
		}
	})
}

func TestComparisonNamesTheBestAndWhereItTakesTheLead(t *testing.T) {
	for n, in := range randomInputs(propertyCases) {
		rep, err := Compute(in)
		require.NoError(t, err)
		c := rep.Comparison
		best := rep.Options[c.Best]
		tie := false
		for i, o := range rep.Options {
			assert.True(t, c.Gaps[i].Equal(best.Net.Sub(o.Net)), "case %d: gap %d", n, i)
			assert.False(t, cents(o.Net).GreaterThan(cents(best.Net)), "case %d: option %d beats the best", n, i)
			tie = tie || (i != c.Best && cents(o.Net).Equal(cents(best.Net)))
		}
		assert.Equal(t, tie, c.Tie, "case %d", n)
		assert.Len(t, c.ChanceBest, len(rep.Options), "case %d", n)
		assert.InDelta(t, 1, sum(c.ChanceBest), 1e-9, "case %d: the chances of being best sum to 1", n)
		// ahead reports whether best's cumulative net is strictly above every
		// other option's in month m (1-based).
		ahead := func(m int) bool {
			for i, o := range rep.Options {
				if i != c.Best && !best.Months[m-1].CumulativeNet.GreaterThan(o.Months[m-1].CumulativeNet) {
					return false
				}
			}
			return true
		}
		if len(rep.Options) == 1 || !ahead(in.HorizonMonths) {
			assert.Nil(t, c.CrossoverMonth, "case %d", n)
			continue
		}
		require.NotNil(t, c.CrossoverMonth, "case %d", n)
		for m := *c.CrossoverMonth; m <= in.HorizonMonths; m++ {
			assert.True(t, ahead(m), "case %d: ahead in month %d", n, m)
		}
		if *c.CrossoverMonth > 1 {
			assert.False(t, ahead(*c.CrossoverMonth-1), "case %d: not ahead the month before", n)
		}
	}
}

func TestTheSameInputAlwaysGivesTheSameReply(t *testing.T) {
	for _, in := range randomInputs(20) {
		first, err := Compute(in)
		require.NoError(t, err)
		again, err := Compute(in)
		require.NoError(t, err)
		assert.Equal(t, string(EncodeReport(first)), string(EncodeReport(again)))
	}
}

func TestAnEncodedInputDecodesToTheSameReport(t *testing.T) {
	for n, in := range randomInputs(50) {
		want, err := Compute(in)
		require.NoError(t, err)
		assert.Equal(t, string(EncodeReport(want)), string(ComputeJSON(EncodeInput(in))), "case %d", n)
	}
}
