package calc

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

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
	`{"horizonMonths":120,"options":[{"kind":"custom","referralsPerMonth":10000,"closeRate":1,"referralSpread":3},` +
		`{"kind":"weekly_group","referralSpread":0.001},{"kind":"custom","monthlyFee":9,"referralsPerMonth":10000,"closeRate":1}]}`,
	`{"horizonMonths":1,"hourlyValue":0,"dealValue":0,"grossMargin":0,"options":[{"kind":"custom"}]}`,
	`{"billableShare":"0.35","dealsPerClient":1000,"dealValue":1000000000,"grossMargin":1,"horizonMonths":120,` +
		`"options":[{"kind":"custom","referralsPerMonth":10000,"rampMonths":60,"closeRate":1}]}`,
	`{"options":[` + strings.Repeat(`{"kind":"weekly_group","referralsPerMonth":9999.999999999999},`, 5) + `{"kind":"custom"}]}`,
	`{"dealValue":999999999.999999999999,"options":[{"kind":"custom","joiningFee":1000000000,"closeRate":"1e-12","referralsPerMonth":"1e-12"}]}`,
	// Members: a record as expected, one before trust, one at the limits,
	// a null track, and tracks invalid in each way.
	`{"horizonMonths":12,"options":[{"kind":"weekly_group","track":{"monthsIn":9,"referrals":3,"clients":1}},{"kind":"open_network"}]}`,
	`{"options":[{"kind":"chamber_of_commerce","track":{"monthsIn":"3","referrals":"2","clients":"0"}},{"kind":"weekly_group","track":null}]}`,
	`{"horizonMonths":120,"options":[{"kind":"custom","monthlyFee":1,"referralsPerMonth":10000,"closeRate":1,"referralSpread":3,` +
		`"track":{"monthsIn":120,"referrals":1200000,"clients":1200000}},{"kind":"custom","referralsPerMonth":1,"referralSpread":3,"track":{"monthsIn":1,"referrals":1000,"clients":0}}]}`,
	`{"options":[{"kind":"custom","reach":` + reachJSON + `,"rampMonths":60,"referralSpread":0.01,"track":{"monthsIn":60,"referrals":0,"clients":0}}]}`,
	`{"options":[{"kind":"custom","track":{"monthsIn":0,"referrals":-1,"clients":2.5,"years":1}},{"track":[]},{"track":{}}]}`,
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
		r, err := Compute(in)
		require.NoError(t, err)
		if r.Comparison.Best < 0 {
			assert.Zero(t, sum(r.Comparison.ChanceBest), "every option is blank: none can be best")
		} else {
			assert.InDelta(t, 1, sum(r.Comparison.ChanceBest), 1e-9, "the chances of being best sum to 1")
		}
	})
}

var (
	moneyText = regexp.MustCompile(`^-?\d+\.\d{2}$`)
	ratioText = regexp.MustCompile(`^-?\d+\.\d{4}$`)
	// textKeys hold words, not figures.
	textKeys        = map[string]bool{"currency": true, "defaultsCurrency": true, "name": true, "kind": true, "bestName": true, "verdict": true, "field": true, "case": true}
	ratioKeys       = map[string]bool{"roi": true, "cashRoi": true, "referralsPerRelationship": true, "factor": true, "closeRate": true}
	probabilityKeys = map[string]bool{"breakEvenProbability": true, "chanceBest": true, "chanceStayingPays": true}
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
		if probabilityKeys[key] {
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

// parserSeeds are JSON texts at the edges of the grammar: surrogates,
// escapes, deep nesting, numbers, blanks, a byte order mark, text that is not
// UTF-8, and JSON cut short or with a byte too many.
var parserSeeds = []string{
	// Surrogates
	`"\ud83d\ude00"`, `"\uD83D\uDE00"`, `"\ud800"`, `"\udc00"`, `"\ud800\u0041"`, `"\ud800x"`, `"\ud800\n"`,
	`"\ud800\ud800\udc00"`, `"\udc00\ud800\udc00"`, `"\ud800\udc00\udc00"`, `"\udbff\udbff\udbff\udfff"`,
	`"\ud800\u00g0"`, `"\ud800\u"`, `"\ud800\`, `["\ud800",{"\udc00":"\ud83d\ude00"}]`,
	// Escapes
	`"\"\\\/\b\f\n\r\t"`, `"\u0000"`, `"a\u0000b"`, `"\u00e9\u20AC"`, `"\x"`, `"\'"`, `"\U0041"`, `"\u00"`, `"\u00g0"`, `"\`,
	"\"\t\"", "\"\x7f\"", "\"\x1f\"",
	// Nesting
	strings.Repeat("[", 8) + strings.Repeat("]", 8),
	strings.Repeat("[", 9) + strings.Repeat("]", 9),
	strings.Repeat("[", 9),
	strings.Repeat("[", 8) + "1[",
	strings.Repeat("[", 9) + "x",
	`{"a":[{"b":[{"c":[{"d":[1]}]}]}]}`,
	`{"a":[{"b":[{"c":[{"d":[{}]}]}]}]}`,
	`[x` + strings.Repeat("[", 9),
	`{"options":[{"reach":{"relationships":[[[[[[1]]]]]]}}]}`,
	// Numbers
	`0`, `-0`, `1e5`, `1E+5`, `1e-5`, `-1.5e-10`, `0.0`, `9007199254740993`, `1e1000000`, `[1,-2,3.5e2]`,
	`01`, `-01`, `1.`, `.5`, `+1`, `1e`, `1e+`, `-`, `--1`, `0x10`, `1.5.2`, `Infinity`, `NaN`,
	// Blanks
	" \t\n\r{ } \n", "[ 1 , 2 ]", "\f{}", "\u00a0{}", "{}\x00", "{\"a\" : 1 }", "\v1",
	// Byte order marks and text that is not UTF-8
	"\xef\xbb\xbf{}", "\xfe\xff{}", "\"\xff\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"", "\xff", "\"caf\xe9\"", "\"\xe2\x82\"",
	// Literals, keys and documents
	`true`, `false`, `null`, `tru`, `nul`, `True`, `[true,false,null]`, `{"a":1,"a":2}`, `""`, `"x"`, `  1  `,
	`{} {}`, `[1,]`, `{"a":1,}`, `{,}`, `[`, `{"a"}`, `{"a":}`, `{1:2}`, `[1 2]`, `{"a":1 "b":2}`, ``, ` `,
}

// brackets reads text for its brackets alone, skipping strings and checking
// nothing else, so it is right on text that is JSON or the start of JSON. It
// returns the brackets that close those text leaves open, innermost first,
// and the byte, counting from 1, of the first bracket opened beyond
// maxJSONDepth, or -1.
func brackets(text []byte) (closing []byte, tooDeep int64) {
	tooDeep = -1
	inString, escaped := false, false
	for i, c := range text {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '[':
			closing = append([]byte{']'}, closing...)
		case c == '{':
			closing = append([]byte{'}'}, closing...)
		case (c == ']' || c == '}') && len(closing) > 0:
			closing = closing[1:]
		}
		if len(closing) > maxJSONDepth && tooDeep < 0 {
			tooDeep = int64(i + 1)
		}
	}
	return closing, tooDeep
}

// tokens is encoding/json's reading of a valid JSON text, token by token:
// brackets, keys and strings as decoded, numbers as written, true, false
// and null.
func tokens(t *testing.T, text []byte) []any {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var out []any
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, tok)
	}
}

// ourTokens is the parser's value as the same tokens.
func ourTokens(v jsonValue, out []any) []any {
	switch v.kind {
	case jsonNull:
		return append(out, nil)
	case jsonBool:
		return append(out, v.text == "true")
	case jsonNumber:
		return append(out, json.Number(v.text))
	case jsonString:
		return append(out, v.text)
	case jsonArray:
		out = append(out, json.Delim('['))
		for _, item := range v.members {
			out = ourTokens(item.value, out)
		}
		return append(out, json.Delim(']'))
	}
	out = append(out, json.Delim('{'))
	for _, m := range v.members {
		out = ourTokens(m.value, append(out, m.key))
	}
	return append(out, json.Delim('}'))
}

// firstInvalidUTF8 is the index of the first byte of text that is not
// UTF-8, as Go's range over a string finds it, or -1.
func firstInvalidUTF8(text []byte) int {
	s := string(text)
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return i
		}
	}
	return -1
}

// checkRefusal checks the parser's error on UTF-8 text that encoding/json
// refuses with jsonErr: invalid JSON at the byte encoding/json names, with no
// bracket too deep before it, or a bracket too deep before that byte.
func checkRefusal(t *testing.T, data []byte, err *FieldError, jsonErr error) {
	var syntax *json.SyntaxError
	require.ErrorAs(t, jsonErr, &syntax)
	require.NotNil(t, err, "encoding/json refuses it: %v", jsonErr)
	at := messageByte(err.Message)
	switch err.Code {
	case CodeInvalidJSON:
		require.Equal(t, syntax.Offset, at, "the byte encoding/json names (%v): %s", jsonErr, err.Message)
		before := data // the text before the byte named, which is JSON so far
		if !strings.Contains(err.Message, "ends too soon") {
			before = data[:at-1]
		}
		_, tooDeep := brackets(before)
		assert.Equal(t, int64(-1), tooDeep, "no bracket too deep comes before the error")
	case CodeTooDeep:
		require.Positive(t, at, err.Message)
		closing, tooDeep := brackets(data[:at])
		assert.Equal(t, tooDeep, at, "the first bracket too deep: %s", err.Message)
		closed := append(append([]byte(nil), data[:at]...), closing...)
		assert.True(t, json.Valid(closed), "the text up to the bracket too deep is the start of JSON: %s", closed)
	default:
		t.Fatalf("refused as %s: %s", err.Code, err.Message)
	}
}

// FuzzParserAgreesWithEncodingJSON checks the parser against encoding/json
// on any bytes: within the limits of 32 KB and 8 levels of nesting, it reads
// what json.Valid accepts, as encoding/json decodes it, member order and
// repeated keys included, and refuses the rest at the byte encoding/json
// names. Beyond them, it refuses with too_long or too_deep. It is stricter in
// one way, on purpose: text that is not UTF-8 is refused, where encoding/json
// reads it inside a string as U+FFFD.
func FuzzParserAgreesWithEncodingJSON(f *testing.F) {
	for _, s := range parserSeeds {
		f.Add([]byte(s))
	}
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parseJSON(data)
		if len(data) > MaxInputBytes {
			require.NotNil(t, err)
			assert.Equal(t, CodeTooLong, err.Code)
			return
		}
		if at := firstInvalidUTF8(data); at >= 0 {
			require.NotNil(t, err, "text that is not UTF-8 is refused")
			assert.Equal(t, CodeInvalidJSON, err.Code)
			assert.Equal(t, int64(at+1), messageByte(err.Message), err.Message)
			return
		}
		if jsonErr := json.Unmarshal(data, new(json.RawMessage)); jsonErr != nil {
			checkRefusal(t, data, err, jsonErr)
			return
		}
		if _, at := brackets(data); at > 0 {
			require.NotNil(t, err, "nesting beyond %d levels is refused", maxJSONDepth)
			assert.Equal(t, CodeTooDeep, err.Code)
			assert.Equal(t, at, messageByte(err.Message), err.Message)
			return
		}
		require.Nil(t, err, "encoding/json reads it")
		assert.Equal(t, tokens(t, data), ourTokens(v, nil))
	})
}
