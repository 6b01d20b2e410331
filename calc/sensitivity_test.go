package calc

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ramp's part of net is not proportional to it, and the spread has none.
func TestEveryInputButTheRampAndTheSpreadHasItsPartOfNet(t *testing.T) {
	s := tornado{in: &Input{}, opt: &Option{}}
	for _, f := range globalFields {
		_, _, ok := s.netPart(f.get(s.in))
		assert.True(t, ok, f.key)
	}
	for _, f := range optionFields {
		_, _, ok := s.netPart(f.get(s.opt))
		assert.Equal(t, f.key != "rampMonths" && f.key != "referralSpread", ok, f.key)
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
		assert.NotContains(t, []string{"hourlyValue", "joiningFee", "annualFee", "meetingHours", "travelHours", "oneToOneHours", "otherHoursPerMonth"}, s.Field)
	}
}

func mustPreset(t *testing.T, kind Kind) Option {
	o, ok := Preset(kind)
	require.True(t, ok)
	return o
}
