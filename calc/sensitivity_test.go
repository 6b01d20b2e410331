package calc

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryInputButTheRampHasItsPartOfNet(t *testing.T) {
	s := tornado{in: &Input{}, opt: &Option{}}
	for _, f := range globalFields {
		_, _, ok := s.netPart(f.get(s.in))
		assert.True(t, ok, f.key)
	}
	for _, f := range optionFields {
		_, _, ok := s.netPart(f.get(s.opt))
		assert.Equal(t, f.key != "rampMonths", ok, f.key)
	}
	_, _, ok := s.netPart(new(decimal.Decimal))
	assert.False(t, ok, "no part for a figure that is not an input")
}

// recomputedNet is net with one field of the input or of its first option
// set to value, projected again from scratch: the slow path the tornado's
// closed form must agree with.
func recomputedNet(in Input, key string, value decimal.Decimal) decimal.Decimal {
	in.Options = []Option{in.Options[0]}
	o := &in.Options[0]
	for _, f := range globalFields {
		if f.key == key {
			*f.get(&in) = value
		}
	}
	for _, f := range optionFields {
		if f.key == key {
			*f.get(o) = value
		}
	}
	return totalsOf(&in, o, monthlyCosts(o), rampSum(in.HorizonMonths, o.RampMonths)).Net
}

func TestSensitivityAgreesWithAFullRecomputation(t *testing.T) {
	inputs := map[string]Input{"the default comparison": DefaultInput()}
	for _, kind := range Kinds() {
		in := DefaultInput()
		in.HorizonMonths = 31 // three annual fees, a ramp cut short by nothing
		in.Options = []Option{mustPreset(t, kind)}
		in.Options[0].CloseRate = d("0.9") // 120 % is capped at 100 %
		in.Options[0].RampMonths = d("7.5")
		in.Options[0].ReferralsPerMonth = d("2")
		in.Options[0].MonthlyFee = d("12.5")
		inputs["a "+string(kind)+" with a capped rate and a fractional ramp"] = in
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			r, err := Compute(in)
			require.NoError(t, err)
			rep := r.Options[0]
			require.NotEmpty(t, rep.Sensitivity)
			for _, s := range rep.Sensitivity {
				var value decimal.Decimal
				for _, f := range globalFields {
					if f.key == s.Field {
						value = *f.get(&in)
					}
				}
				for _, f := range optionFields {
					if f.key == s.Field {
						value = *f.get(&in.Options[0])
					}
				}
				high := value.Mul(highFactor)
				if (s.Field == "closeRate" || s.Field == "grossMargin") && high.GreaterThan(one) {
					high = one
				}
				assert.Equal(t, cents(recomputedNet(in, s.Field, value.Mul(lowFactor))).String(), cents(s.Low).String(), "%s low", s.Field)
				assert.Equal(t, cents(recomputedNet(in, s.Field, high)).String(), cents(s.High).String(), "%s high", s.Field)
			}
			for i := 1; i < len(rep.Sensitivity); i++ {
				assert.True(t, rep.Sensitivity[i-1].Swing.GreaterThanOrEqual(rep.Sensitivity[i].Swing), "sorted by swing")
			}
		})
	}
}

func TestSensitivityLeavesOutInputsThatAreZeroOrDoNotMoveNet(t *testing.T) {
	in := DefaultInput()
	in.HourlyValue = zero // hours no longer cost anything
	in.Options = []Option{mustPreset(t, KindOpenNetwork)}
	r, err := Compute(in)
	require.NoError(t, err)
	for _, s := range r.Options[0].Sensitivity {
		assert.NotContains(t, []string{"hourlyValue", "joiningFee", "annualFee", "meetingHours", "travelHours", "oneToOneHours", "otherHoursPerMonth"}, s.Field)
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
