package calc

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompleteJSONWritesOutEveryDefault(t *testing.T) {
	tests := []struct {
		name, input string
		want        Input // what the completed input decodes to
	}{
		{
			name:  "an empty input is the default comparison",
			input: `{}`,
			want:  DefaultInput(),
		},
		{
			name:  "an option's kind brings its preset, the business its defaults",
			input: `{"dealValue": 123456789.123456789, "options": [{"kind": "weekly_group"}]}`,
			want: func() Input {
				in := DefaultInput()
				in.DealValue = dec("123456789.123456789")
				in.Options = []Option{presets[KindWeeklyGroup]}
				return in
			}(),
		},
		{
			name:  "given figures win over the preset's",
			input: `{"options": [{"kind": "open_network", "name": "Mine", "monthlyFee": "20"}]}`,
			want: func() Input {
				in := DefaultInput()
				o := presets[KindOpenNetwork]
				o.Name, o.MonthlyFee = "Mine", dec("20")
				in.Options = []Option{o}
				return in
			}(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reply struct {
				Input json.RawMessage `json:"input"`
			}
			require.NoError(t, json.Unmarshal(CompleteJSON([]byte(tt.input)), &reply))
			got, errs := DecodeInput(reply.Input)
			require.Empty(t, errs)
			assert.Equal(t, string(EncodeInput(tt.want)), string(EncodeInput(got)))
			assert.Equal(t, string(ComputeJSON([]byte(tt.input))), string(ComputeJSON(reply.Input)), "the completed input computes the same")
			assert.Equal(t, string(CompleteJSON(reply.Input)), string(CompleteJSON([]byte(tt.input))), "completing twice changes nothing")
		})
	}
}

func TestCompleteJSONGivesTheFieldErrorsOfComputeJSON(t *testing.T) {
	input := []byte(`{"hourlyValue": "abc", "options": [{"kind": "custom", "name": "X", "closeRate": 7}]}`)
	assert.Equal(t, string(ComputeJSON(input)), string(CompleteJSON(input)))
}

func TestInputSchemaDescribesEveryFieldOnce(t *testing.T) {
	s := InputSchema()
	paths := map[string]FieldSpec{}
	for _, f := range s.Fields {
		assert.NotContains(t, paths, f.Path, "described twice")
		assert.NotEmpty(t, f.Label, f.Path)
		assert.True(t, f.Max.GreaterThan(f.Min), f.Path)
		paths[f.Path] = f
	}
	// 1 horizon + 5 business + 16 option + 9 reach + 3 track fields.
	assert.Len(t, paths, 1+5+16+9+3)
	assert.Equal(t, "What an hour of your time is worth", paths["hourlyValue"].Label)
	assert.Equal(t, "50", paths["hourlyValue"].Default.String())
	assert.Equal(t, FieldSpec{
		Path: "billableShare", Label: "Share of those hours you would otherwise bill", Unit: "rate",
		Min: zero, Max: one, Default: one,
	}, paths["billableShare"])
	assert.Equal(t, FieldSpec{
		Path: "dealsPerClient", Label: "Deals a new client brings, the first included", Unit: "count",
		Min: zero, Max: decimal.NewFromInt(1000), Default: one,
	}, paths["dealsPerClient"])
	assert.Equal(t, "rate", paths["options[].closeRate"].Unit)
	assert.Equal(t, "1", paths["options[].closeRate"].Max.String())
	assert.Equal(t, "Uncertainty about the referral rate", paths["options[].referralSpread"].Label)
	assert.Equal(t, "number", paths["options[].referralSpread"].Unit)
	assert.Equal(t, "3", paths["options[].referralSpread"].Max.String())
	assert.Equal(t, "120", paths["horizonMonths"].Max.String())
	assert.Equal(t, "24", paths["horizonMonths"].Default.String())
	assert.Equal(t, "Members who offer what you offer", paths["options[].reach.competitors"].Label)
	assert.Equal(t, FieldSpec{
		Path: "options[].track.monthsIn", Label: "Months you have been a member", Unit: "months",
		Min: one, Max: decimal.NewFromInt(120), Default: zero,
	}, paths["options[].track.monthsIn"])
	assert.Equal(t, "Referrals you have had so far", paths["options[].track.referrals"].Label)
	assert.Equal(t, "Clients won from them so far", paths["options[].track.clients"].Label)
	assert.Equal(t, "count", paths["options[].track.clients"].Unit)

	// The error of a field names it as the schema labels it.
	_, errs := DecodeInput([]byte(`{"options":[{"kind":"custom","name":"X","reach":{"relationships":1,"contactsPerRelationship":1,"targetShare":1,"inMarketShare":1,"competitors":0,"passOnRate":2}}]}`))
	require.Len(t, errs, 1)
	assert.Equal(t, paths["options[].reach.passOnRate"].Label+" must be between 0 and 100 %.", errs[0].Message)
}

func TestEveryDefaultHasASourceAndBuildsItsPreset(t *testing.T) {
	reach := DefaultReach()
	for _, d := range Defaults() {
		assert.NotEmpty(t, d.Source, "%s %s", d.Kind, d.Field)
		var figs [maxFigures]figure
		key, isReach := strings.CutPrefix(d.Field, "reach.")
		switch {
		case d.Kind == "" && isReach:
			assert.Equal(t, d.Value.String(), figureAt(reach.figures(figs[:0]), key).String(), d.Field)
		case d.Kind == "":
			assert.Equal(t, d.Value.String(), businessDefault(d.Field).String(), d.Field)
		default:
			o := mustPreset(t, d.Kind)
			all := o.figures(figs[:0])
			if isReach {
				require.NotNil(t, o.Reach, "%s estimates referrals from reach", d.Kind)
				all = o.Reach.figures(figs[:0])
			}
			assert.Equal(t, d.Value.String(), figureAt(all, key).String(), "%s %s", d.Kind, d.Field)
		}
	}
	// The shared reach figures, as MODEL.md's table gives them; no cap and
	// no competitor unless a preset says so.
	assert.Equal(t, "600", reach.ContactsPerRelationship.String())
	assert.Equal(t, "2", reach.RelationshipsPerMonth.String())
	assert.True(t, reach.GroupSize.IsZero())
	for kind, size := range map[Kind]string{KindWeeklyGroup: "25", KindOpenNetwork: "500", KindChamber: "200"} {
		o := mustPreset(t, kind)
		require.NotNil(t, o.Reach, kind)
		assert.Equal(t, size, o.Reach.GroupSize.String(), kind)
		assert.Equal(t, "600", o.Reach.ContactsPerRelationship.String(), "%s shares the reach figures", kind)
	}
	assert.Nil(t, mustPreset(t, KindCustom).Reach, "a custom option types its referrals")
}

func TestPresetsDoNotShareTheirReach(t *testing.T) {
	o := mustPreset(t, KindWeeklyGroup)
	o.Reach.PassOnRate = d("0.9")
	assert.Equal(t, "0.25", mustPreset(t, KindWeeklyGroup).Reach.PassOnRate.String())
}
