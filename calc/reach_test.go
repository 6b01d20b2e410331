package calc

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Relationships from reach, by hand (docs/model.md, "From relationships"):
// relationships(t) = min(groupSize − 1, relationships + relationshipsPerMonth
// × max(0, t − trustMonths)).
func TestRelationshipsGrowOnceTrustedUpToTheGroup(t *testing.T) {
	cases := []struct {
		name  string
		reach Reach
		want  []string // months 1, 2, …
	}{
		{
			// 3 at the start, 2 more a month after 2.5 months of trust, up
			// to 9 others in a group of 10: month 3 holds 3 + 2 × 0.5 = 4,
			// month 4 holds 3 + 2 × 1.5 = 6, month 5 holds 8, month 6 would
			// hold 10 and is capped at 9.
			"a fractional trust and a cap reached between two months",
			Reach{Relationships: d("3"), RelationshipsPerMonth: d("2"), TrustMonths: d("2.5"), GroupSize: d("10")},
			[]string{"3", "3", "4", "6", "8", "9", "9"},
		},
		{
			"no trust to wait for and no limit",
			Reach{RelationshipsPerMonth: d("1.5")},
			[]string{"1.5", "3", "4.5"},
		},
		{
			// A group of 5 holds 4 others, whatever the months.
			"a group already full",
			Reach{Relationships: d("4"), RelationshipsPerMonth: d("3"), GroupSize: d("5")},
			[]string{"4", "4", "4"},
		},
		{
			// The tornado may lower a group below the relationships: they
			// are capped at once.
			"a group lowered below the relationships",
			Reach{Relationships: d("10"), GroupSize: d("8")},
			[]string{"7", "7"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for m := range c.want {
				got = append(got, c.reach.RelationshipsAt(m+1).String())
			}
			assert.Equal(t, c.want, got)
			// The closed form sums them exactly, over every span of months.
			for a := 1; a <= len(c.want); a++ {
				for b := a - 1; b <= len(c.want)+3; b++ {
					want := zero
					for m := a; m <= b; m++ {
						want = want.Add(c.reach.RelationshipsAt(m))
					}
					assert.Equal(t, want.String(), c.reach.relationshipsSum(a, b).String(), "months %d to %d", a, b)
				}
			}
		})
	}
}

// A weekly group of 25 whose first relationship refers after 6 months, with
// a ramp of 4 months on top: month m brings relationships(m) × ramp(m) ×
// perRelationship. By hand, over 10 months, perRelationship 0.125: months 1-6
// hold none; months 7, 8, 9, 10 hold 2, 4, 6, 8 at full ramp (the ramp is
// full from month 4): 20 relationship-months, 2.5 referrals.
func TestReachReferralsFollowTheRelationshipsByHand(t *testing.T) {
	c := computeBoth(t, `{"horizonMonths":10,"options":[{"kind":"weekly_group","rampMonths":4}]}`)
	c.roundedFigures(t, []fig{
		{"options.0.months.5.referrals", "0.00"},
		{"options.0.months.6.referrals", "0.25"}, // 2 × 0.125
		{"options.0.months.9.referrals", "1.00"}, // 8 × 0.125
		{"options.0.referrals", "2.50"},
		{"options.0.relationshipsAtHorizon", "8.00"},
		{"options.0.referralsPerMonth", "1.00"},
	})
	// With relationships at the start the ramp counts: 12 of them, ramp 4:
	// months 1-3 bring 12 × (1/4, 2/4, 3/4) = 18 relationship-months, months
	// 4-6 bring 12 each (36), months 7-10 bring 14, 16, 18, 20 (68): 122,
	// 15.25 referrals.
	c = computeBoth(t, `{"horizonMonths":10,"options":[{"kind":"weekly_group","rampMonths":4,"reach":{"relationships":12}}]}`)
	c.roundedFigures(t, []fig{
		{"options.0.months.0.referrals", "0.38"}, // 12 × 0.25 × 0.125 = 0.375, half to even
		{"options.0.referrals", "15.25"},
	})
}

// What it takes: with the rate the report gives, the option breaks even, or
// matches the best option.
func TestWhatItTakesBreaksEvenAndMatchesTheBest(t *testing.T) {
	for n, in := range randomInputs(propertyCases) {
		rep, err := Compute(in)
		require.NoError(t, err)
		best := rep.Comparison.Best
		for i, r := range rep.Options {
			o := in.Options[i]
			if i == best {
				assert.Nil(t, r.ReferralsToMatchBest, "case %d: the best matches itself", n)
			}
			for _, c := range []struct {
				name   string
				rate   *decimal.Decimal
				target decimal.Decimal
			}{
				{"breaks even", r.ReferralsToBreakEven, zero},
				{"matches the best", r.ReferralsToMatchBest, rep.Options[max(best, 0)].Net},
			} {
				if c.rate == nil {
					continue
				}
				net := netOf(&in, withRate(&o, r, *c.rate))
				// Within a cent, and a rate of one relationship rounded to
				// 16 places, scaled by the rate.
				tolerance := d("0.01").Add(r.Cost.Add(c.target.Abs()).Mul(d("1e-12")))
				assert.True(t, net.Sub(c.target).Abs().LessThanOrEqual(tolerance),
					"case %d option %d %s at %s a month: net %s, want %s", n, i, c.name, c.rate, net, c.target)
			}
		}
	}
}

// withRate is o with its referrals a month once established set to rate: typed, or
// from reach a rate of one relationship of rate / relationshipsAtHorizon.
// What it takes is in the units of the rate after a member's record has
// scaled it, so a member's rate is set as the one ahead: a spread of 0
// keeps the record from scaling it again (factor 1), and changes nothing
// else of net; the record still updates the close rate.
func withRate(o *Option, r OptionReport, rate decimal.Decimal) *Option {
	opt := *o
	if o.Track != nil {
		opt.ReferralSpread = zero
	}
	if o.Reach == nil {
		opt.ReferralsPerMonth = rate
		return &opt
	}
	reach := *o.Reach
	reach.ContactsPerRelationship, reach.TargetShare, reach.InMarketShare, reach.PassOnRate, reach.Competitors =
		rate.Mul(d("12")).DivRound(*r.RelationshipsAtHorizon, 28), one, one, one, zero
	opt.Reach = &reach
	return &opt
}

func TestWhatItTakesIsNullWhereNoRateWouldDo(t *testing.T) {
	c := computeBoth(t, `{"options":[`+
		`{"kind":"weekly_group","reach":{"trustMonths":24}},`+ // no relationship by month 24
		`{"kind":"custom","name":"No close","monthlyFee":10,"referralsPerMonth":1},`+ // close rate 0
		`{"kind":"custom","name":"Paid","annualFee":100,"referralsPerMonth":0,"closeRate":0.5}]}`) // no referrals yet
	c.roundedFigures(t, []fig{
		{"options.0.relationshipsAtHorizon", "0.00"},
		{"options.0.referralsToBreakEven", nil},
		{"options.1.referralsToBreakEven", nil},
		// Two annual fees, 200 / (24 months × 0.5 × 1000) = 0.0167: the
		// figure is there where the rate is 0, when it is needed most.
		{"options.2.referralsToBreakEven", "0.02"},
	})
}

// costOnly marks exactly the inputs that enter only cash or time.
func TestCostOnlyMarksTheInputsThatHoldReferralsFixed(t *testing.T) {
	forEachOption(t, func(t *testing.T, _ *Input, _ *Option, r OptionReport) {
		for _, s := range r.Sensitivity {
			costOnly := false
			for _, key := range costInputs {
				costOnly = costOnly || key == s.Field && key != "rampMonths"
			}
			assert.Equal(t, costOnly, s.CostOnly, s.Field)
		}
	})
}
