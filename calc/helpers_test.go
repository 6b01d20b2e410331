package calc

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Helpers shared by the tests of this package. Expected figures are written
// as the JSON reply shows them ("300.00", "-1.0000", null, 3); figure checks
// one of them against both the Go Report and the JSON reply.

// d is a decimal written in a test, beyond the bounds of an input if need be.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// cents is d rounded half-even to cents, as a reply shows it.
func cents(d decimal.Decimal) decimal.Decimal { return d.RoundBank(2) }

// computed is one input computed both ways: the Go report and the JSON reply
// of ComputeJSON, decoded.
type computed struct {
	report Report
	reply  map[string]any // the "report" object of the reply
}

// computeBoth decodes and computes input, and checks that ComputeJSON replies
// with exactly the encoding of the same report.
func computeBoth(t *testing.T, input string) computed {
	t.Helper()
	in, errs := DecodeInput([]byte(input))
	require.Empty(t, errs, "input %s", input)
	r, err := Compute(in)
	require.NoError(t, err)
	raw := ComputeJSON([]byte(input))
	require.Equal(t, string(EncodeReport(r)), string(raw), "ComputeJSON is DecodeInput, Compute and EncodeReport")
	var reply struct {
		Report map[string]any `json:"report"`
	}
	require.NoError(t, json.Unmarshal(raw, &reply), "%s", raw)
	require.NotNil(t, reply.Report, "%s", raw)
	return computed{r, reply.Report}
}

// replyErrors is the list of "field code" pairs of ComputeJSON's error reply,
// after checking that each error has a message and that DecodeInput returns
// the same errors.
func replyErrors(t *testing.T, input []byte) []string {
	t.Helper()
	var reply struct {
		Report *json.RawMessage `json:"report"`
		Errors []FieldError     `json:"errors"`
	}
	raw := ComputeJSON(input)
	require.NoError(t, json.Unmarshal(raw, &reply), "%s", raw)
	require.Nil(t, reply.Report, "a reply has a report or errors, not both")
	_, errs := DecodeInput(input)
	require.Equal(t, errs, Errors(reply.Errors), "the reply lists DecodeInput's errors")
	return fieldCodes(errs)
}

// fieldCodes writes each error as "field code" and checks it has a message.
func fieldCodes(errs Errors) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Field + " " + string(e.Code)
		if e.Message == "" {
			out[i] += " (no message)"
		}
	}
	return out
}

// check checks one expected figure against both the Go report and the JSON
// reply. The Go figure must equal the expected value exactly, unless rounded
// is set: then it is first rounded half-even to the places of the expected
// text, for figures that hold a sixteen-place division and so are not exact.
func (c computed) check(t *testing.T, f fig, rounded bool) {
	t.Helper()
	got := goFigure(t, c.report, f.path)
	if s, ok := f.want.(string); ok && rounded {
		got = roundTo(got, s)
	}
	checkGo(t, f.path, got, f.want)
	checkJSON(t, f.path, jsonFigure(t, c.reply, f.path), f.want)
}

// roundTo rounds a decimal figure half-even to the places of text.
func roundTo(figure any, text string) any {
	places := int32(0)
	if dot := strings.IndexByte(text, '.'); dot >= 0 {
		places = int32(len(text) - dot - 1)
	}
	switch v := figure.(type) {
	case decimal.Decimal:
		return v.RoundBank(places)
	case *decimal.Decimal:
		if v != nil {
			r := v.RoundBank(places)
			return &r
		}
	}
	return figure
}

// jsonFigure walks the decoded reply along a dotted path; a number in the
// path indexes a list. A missing key fails, so null and absent differ.
func jsonFigure(t *testing.T, v any, path string) any {
	t.Helper()
	for _, key := range strings.Split(path, ".") {
		switch node := v.(type) {
		case map[string]any:
			next, ok := node[key]
			require.True(t, ok, "the reply has no %q in %s", key, path)
			v = next
		case []any:
			i := index(t, key)
			require.Less(t, i, len(node), path)
			v = node[i]
		default:
			require.Failf(t, "path too deep", "%s at %q", path, key)
		}
	}
	return v
}

func index(t *testing.T, s string) int {
	t.Helper()
	i, err := strconv.Atoi(s)
	require.NoError(t, err)
	return i
}

// goFigure is the Go report's figure at the JSON path.
func goFigure(t *testing.T, r Report, path string) any {
	t.Helper()
	p := strings.Split(path, ".")
	if p[0] == "comparison" {
		c := r.Comparison
		switch p[1] {
		case "best":
			return c.Best
		case "tie":
			return c.Tie
		case "gaps":
			return c.Gaps[index(t, p[2])]
		case "crossoverMonth":
			return c.CrossoverMonth
		case "chanceBest":
			return c.ChanceBest[index(t, p[2])]
		case "verdict":
			return c.Verdict
		case "verdictParts":
			require.Equal(t, "referralsToBreakEven", p[2], path)
			return c.VerdictParts.ReferralsToBreakEven
		}
	}
	require.Equal(t, "options", p[0], path)
	o := r.Options[index(t, p[1])]
	switch p[2] {
	case "months":
		m := o.Months[index(t, p[3])]
		return map[string]any{
			"month": m.Month, "cash": m.Cash, "hours": m.Hours, "timeCost": m.TimeCost,
			"referrals": m.Referrals, "clients": m.Clients, "profit": m.Profit,
			"net": m.Net, "cumulativeNet": m.CumulativeNet,
		}[p[4]]
	case "track":
		if len(p) == 3 {
			return o.Track
		}
		require.NotNil(t, o.Track, path)
		tr := o.Track
		return map[string]any{
			"monthsIn": tr.MonthsIn, "expected": tr.Expected, "referrals": tr.Referrals, "clients": tr.Clients,
			"factor": tr.Factor, "closeRate": tr.CloseRate,
		}[p[3]]
	case "uncertainty":
		if len(p) == 3 {
			return o.Uncertainty
		}
		require.NotNil(t, o.Uncertainty, path)
		u := o.Uncertainty
		return map[string]any{
			"breakEvenProbability": u.BreakEvenProbability, "p10": u.P10, "p50": u.P50, "p90": u.P90,
		}[p[3]]
	}
	figures := map[string]any{
		"name": o.Name, "incomplete": o.Incomplete, "referralsPerMonth": o.ReferralsPerMonth,
		"fees": o.Fees, "meals": o.Meals, "travel": o.Travel, "cash": o.Cash,
		"hours": o.Hours, "timeCost": o.TimeCost, "cost": o.Cost, "referrals": o.Referrals,
		"clients": o.Clients, "revenue": o.Revenue, "profit": o.Profit, "net": o.Net,
		"roi": o.ROI, "cashRoi": o.CashROI, "paybackMonth": o.PaybackMonth,
		"breakEvenClients": o.BreakEvenClients, "breakEvenReferrals": o.BreakEvenReferrals,
		"breakEvenReferralsPerYear": o.BreakEvenReferralsPerYear,
		"costPerReferral":           o.CostPerReferral, "costPerClient": o.CostPerClient,
		"hoursPerClient": o.HoursPerClient, "hourlyReturn": o.HourlyReturn,
		"relationshipsAtHorizon": o.RelationshipsAtHorizon, "referralsPerRelationship": o.ReferralsPerRelationship,
		"referralsToBreakEven": o.ReferralsToBreakEven, "referralsToMatchBest": o.ReferralsToMatchBest,
	}
	f, ok := figures[p[2]]
	require.True(t, ok, "no Go figure for %s", path)
	return f
}

// checkGo compares a Go figure with its expected value: nil for a figure
// that does not exist, a decimal text for a decimal, an int for a month, a
// float64 (to 4 places) for a probability.
func checkGo(t *testing.T, path string, got, want any) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		assert.Nil(t, got, "%s should be nil", path)
	case string:
		switch g := got.(type) {
		case string:
			assert.Equal(t, w, g, path)
		case decimal.Decimal:
			assert.True(t, g.Equal(d(w)), "%s = %s, want exactly %s", path, g, w)
		case *decimal.Decimal:
			if assert.NotNil(t, g, "%s should exist", path) {
				assert.True(t, g.Equal(d(w)), "%s = %s, want exactly %s", path, g, w)
			}
		default:
			assert.Failf(t, "not a decimal", "%s is %T", path, got)
		}
	case int:
		if g, ok := got.(*int); ok {
			if assert.NotNil(t, g, "%s should exist", path) {
				assert.Equal(t, w, *g, path)
			}
			return
		}
		assert.Equal(t, w, got, path)
	case float64:
		assert.InDelta(t, w, got, 0.00005, path)
	default:
		assert.Equal(t, want, got, path)
	}
}

// checkJSON compares a figure of the decoded reply with its expected value,
// as the reply writes it.
func checkJSON(t *testing.T, path string, got, want any) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		assert.Nil(t, got, "%s should be null in the reply", path)
	case int:
		assert.Equal(t, float64(w), got, path)
	default:
		assert.Equal(t, want, got, path)
	}
}

// fig is one expected figure: its path in the reply and its value.
type fig struct {
	path string
	want any
}

// figures checks every expected figure, exactly in the Go report.
func (c computed) figures(t *testing.T, want []fig) {
	t.Helper()
	for _, f := range want {
		c.check(t, f, false)
	}
}

// roundedFigures checks every expected figure, rounded in the Go report.
func (c computed) roundedFigures(t *testing.T, want []fig) {
	t.Helper()
	for _, f := range want {
		c.check(t, f, true)
	}
}

// fieldOf is the field of the table with the given JSON key.
func fieldOf[T any](t *testing.T, fields []field[T], key string) field[T] {
	t.Helper()
	for _, f := range fields {
		if f.key == key {
			return f
		}
	}
	require.Failf(t, "no such field", "%q", key)
	return field[T]{}
}

// figureCase is an input and the figures expected of it.
type figureCase struct {
	name  string
	input string
	want  []fig
}

func runFigureCases(t *testing.T, cases []figureCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			computeBoth(t, tc.input).figures(t, tc.want)
		})
	}
}
