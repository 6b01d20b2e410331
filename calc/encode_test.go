package calc

import (
	"encoding/json"
	"testing"

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
				in.Options = []Option{weeklyGroup}
				return in
			}(),
		},
		{
			name:  "given figures win over the preset's",
			input: `{"options": [{"kind": "open_network", "name": "Mine", "monthlyFee": "20"}]}`,
			want: func() Input {
				in := DefaultInput()
				o := openNetwork
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
