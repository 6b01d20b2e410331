package calc

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzSeeds are inputs of every shape: valid, default, at the limits,
// invalid in each way, and not JSON at all.
var fuzzSeeds = []string{
	`{}`,
	`{"options":[{"kind":"weekly_group"},{"kind":"open_network"},{"kind":"chamber_of_commerce"},{"kind":"custom"}]}`,
	`{"currency":"GBP","horizonMonths":36,"hourlyValue":"75.5","dealValue":"1200.50","grossMargin":"0.35",` +
		`"options":[{"name":"Breakfast","kind":"weekly_group","rampMonths":2.5},{"kind":"custom","reach":` + reachJSON + `}]}`,
	`{"horizonMonths":120,"options":[{"kind":"custom","monthlyFee":1,"referralsPerMonth":10000,"closeRate":1}]}`,
	`{"horizonMonths":1,"hourlyValue":0,"dealValue":0,"grossMargin":0,"options":[{"kind":"custom"}]}`,
	`{"options":[` + strings.Repeat(`{"kind":"weekly_group","referralsPerMonth":9999.999999999999},`, 5) + `{"kind":"custom"}]}`,
	`{"dealValue":999999999.999999999999,"options":[{"kind":"custom","joiningFee":1000000000,"closeRate":"1e-12","referralsPerMonth":"1e-12"}]}`,
	`{"hourlyValue":"abc","dealValue":NaN}`,
	`{"hourlyValue":1e1000000,"dealValue":1e-1000000,"horizonMonths":12.5}`,
	`{"options":[{"kind":"custom","referralsPerMonth":1,"reach":{}}],"colour":1,"colour":2}`,
	`{"options":[]}`,
	`{"options":{}}`,
	`{"options":[{"name":"` + strings.Repeat("é", 61) + `"}]}`,
	`{"options":[{"name":"\ud800\u0041 <b>&</b>"}]}`,
	`[[[[[[[[[[]]]]]]]]]]`,
	`{"a":`,
	"\xff\xfe",
	``,
	`null`,
	`"{}"`,
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
}

func FuzzDecodeInput(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		in, errs := DecodeInput(data)
		if len(errs) > 0 {
			assert.LessOrEqual(t, len(errs), MaxErrors+1, "twenty errors and a count of the rest")
			for _, e := range errs {
				assert.NotEmpty(t, e.Code)
				assert.NotEmpty(t, e.Message)
			}
			return
		}
		assert.Empty(t, Validate(in), "a decoded input is valid")
		_, err := Compute(in)
		assert.NoError(t, err)
	})
}

var (
	moneyText = regexp.MustCompile(`^-?\d+\.\d{2}$`)
	ratioText = regexp.MustCompile(`^-?\d+\.\d{4}$`)
	// textKeys hold words, not figures.
	textKeys  = map[string]bool{"currency": true, "name": true, "kind": true, "bestName": true, "verdict": true, "field": true}
	ratioKeys = map[string]bool{"roi": true, "cashRoi": true}
)

// checkFigures walks a decoded report: every string under a figure's key is
// a decimal with 2 places (4 for a ratio), every number a month, a count or
// a probability.
func checkFigures(t *testing.T, key string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			checkFigures(t, k, child)
		}
	case []any:
		for _, child := range v {
			checkFigures(t, key, child)
		}
	case string:
		switch {
		case textKeys[key]:
		case ratioKeys[key]:
			assert.Regexp(t, ratioText, v, key)
		default:
			assert.Regexp(t, moneyText, v, key)
		}
	case float64:
		if key == "breakEvenProbability" {
			assert.True(t, v >= 0 && v <= 1, "%s = %v", key, v)
		} else {
			assert.Equal(t, float64(int64(v)), v, "%s is whole", key)
		}
	}
}

func FuzzComputeJSON(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		raw := ComputeJSON(data)
		require.True(t, json.Valid(raw), "%s", raw)
		var reply map[string]any
		require.NoError(t, json.Unmarshal(raw, &reply))
		require.Len(t, reply, 1, "a report or errors: %s", raw)
		if report, ok := reply["report"]; ok {
			checkFigures(t, "report", report)
			return
		}
		list, ok := reply["errors"].([]any)
		require.True(t, ok, "%s", raw)
		require.NotEmpty(t, list)
		for _, item := range list {
			e := item.(map[string]any)
			assert.Contains(t, e, "field")
			assert.NotEmpty(t, e["code"])
			assert.NotEmpty(t, e["message"])
		}
	})
}
