package calc

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withoutReachField is reachJSON without one of its members.
func withoutReachField(key string) string {
	var members []string
	for _, m := range strings.Split(strings.Trim(reachJSON, "{}"), ",") {
		if !strings.HasPrefix(m, `"`+key+`"`) {
			members = append(members, m)
		}
	}
	return "{" + strings.Join(members, ",") + "}"
}

// optionJSON wraps the members of one option into a whole input.
func optionJSON(members string) string {
	return `{"options":[{"kind":"custom",` + members + `}]}`
}

func TestDecodeRefusesBadInputNamingTheFieldAndWhy(t *testing.T) {
	cases := []struct {
		name  string
		input string
		want  []string // "field code", in order
	}{
		// Numbers
		{"text that is not a number", `{"hourlyValue":"abc"}`, []string{"hourlyValue not_a_number"}},
		{"NaN is not a number", `{"dealValue":"NaN"}`, []string{"dealValue not_a_number"}},
		{"Infinity is not a number", `{"dealValue":"Infinity"}`, []string{"dealValue not_a_number"}},
		{"minus Infinity is not a number", `{"dealValue":"-Infinity"}`, []string{"dealValue not_a_number"}},
		{"an empty string is no number", `{"dealValue":""}`, []string{"dealValue required"}},
		{"a bare NaN is not even JSON", `{"dealValue":NaN}`, []string{" invalid_json"}},
		{"an exponent of a million is too large", `{"hourlyValue":1e1000000}`, []string{"hourlyValue too_large"}},
		{"an exponent of a million in a string is too large", `{"hourlyValue":"1e1000000"}`, []string{"hourlyValue too_large"}},
		{"an exponent of minus a million is too precise", `{"hourlyValue":1e-1000000}`, []string{"hourlyValue too_precise"}},
		{"a 40-digit number is too large", `{"dealValue":1234567890123456789012345678901234567890}`, []string{"dealValue too_large"}},
		{"a 16-digit whole number is too large", `{"dealValue":1000000000000000}`, []string{"dealValue too_large"}},
		{"thirteen decimal places are too precise", `{"grossMargin":0.1234567890123}`, []string{"grossMargin too_precise"}},
		{"a number where text belongs is the wrong type", `{"currency":840}`, []string{"currency wrong_type"}},
		{"true is not a number", `{"hourlyValue":true}`, []string{"hourlyValue wrong_type"}},
		{"null is not a number", `{"horizonMonths":null}`, []string{"horizonMonths wrong_type"}},
		{"a list is not a number", `{"options":[{"kind":"custom","annualFee":[1]}]}`, []string{"options[0].annualFee wrong_type"}},

		// Ranges
		{"negative money", optionJSON(`"annualFee":-5`), []string{"options[0].annualFee negative"}},
		{"a negative hourly value", `{"hourlyValue":"-0.01"}`, []string{"hourlyValue negative"}},
		{"a negative rate", `{"grossMargin":-0.1}`, []string{"grossMargin negative"}},
		{"a close rate above 1", `{"options":[{"kind":"custom"},{"kind":"custom","closeRate":1.5}]}`, []string{"options[1].closeRate out_of_range"}},
		{"a gross margin above 1", `{"grossMargin":1.01}`, []string{"grossMargin out_of_range"}},
		{"a billable share above 1", `{"billableShare":1.5}`, []string{"billableShare out_of_range"}},
		{"a negative billable share", `{"billableShare":-0.5}`, []string{"billableShare negative"}},
		{"more than 1,000 deals per client", `{"dealsPerClient":1001}`, []string{"dealsPerClient out_of_range"}},
		{"negative deals per client", `{"dealsPerClient":-1}`, []string{"dealsPerClient negative"}},
		{"deals per client as text", `{"dealsPerClient":"two"}`, []string{"dealsPerClient not_a_number"}},
		{"money above a billion", `{"dealValue":1000000000.01}`, []string{"dealValue out_of_range"}},
		{"more than 24 hours a meeting", optionJSON(`"meetingHours":24.5`), []string{"options[0].meetingHours out_of_range"}},
		{"more than 365 meetings a year", optionJSON(`"meetingsPerYear":366`), []string{"options[0].meetingsPerYear out_of_range"}},
		{"more than 744 other hours a month", optionJSON(`"otherHoursPerMonth":745`), []string{"options[0].otherHoursPerMonth out_of_range"}},
		{"a ramp longer than 60 months", optionJSON(`"rampMonths":61`), []string{"options[0].rampMonths out_of_range"}},
		{"more than 10,000 referrals a month", optionJSON(`"referralsPerMonth":10001`), []string{"options[0].referralsPerMonth out_of_range"}},
		{"a negative referral spread", `{"options":[{"kind":"custom"},{"kind":"weekly_group","referralSpread":-0.5}]}`, []string{"options[1].referralSpread negative"}},
		{"a referral spread above 3", optionJSON(`"referralSpread":"3.01"`), []string{"options[0].referralSpread out_of_range"}},
		{"a horizon of 0 months", `{"horizonMonths":0}`, []string{"horizonMonths out_of_range"}},
		{"a horizon of 121 months", `{"horizonMonths":121}`, []string{"horizonMonths out_of_range"}},
		{"a negative horizon", `{"horizonMonths":-12}`, []string{"horizonMonths out_of_range"}},
		{"a horizon of 12.5 months", `{"horizonMonths":12.5}`, []string{"horizonMonths not_whole"}},
		{"a horizon that is not a number", `{"horizonMonths":"two years"}`, []string{"horizonMonths not_a_number"}},

		// Fields
		{"an unknown field at the top", `{"colour":"red"}`, []string{"colour unknown_field"}},
		{"an unknown field in an option", optionJSON(`"colour":"red"`), []string{"options[0].colour unknown_field"}},
		{
			"an unknown field in reach",
			optionJSON(`"reach":{"friends":3,` + strings.TrimPrefix(reachJSON, "{")),
			[]string{"options[0].reach.friends unknown_field"},
		},
		{"a key given twice at the top", `{"hourlyValue":1,"hourlyValue":2}`, []string{"hourlyValue duplicate_field"}},
		{"a key given twice in an option", optionJSON(`"name":"A","name":"B"`), []string{"options[0].name duplicate_field"}},
		{
			"a key given twice in reach",
			optionJSON(`"reach":{"competitors":2,` + strings.TrimPrefix(reachJSON, "{")),
			[]string{"options[0].reach.competitors duplicate_field"},
		},
		{"both referrals a month and reach", optionJSON(`"referralsPerMonth":1,"reach":` + reachJSON), []string{"options[0].reach conflict"}},
		{"both reach and referrals a month", optionJSON(`"reach":` + reachJSON + `,"referralsPerMonth":0`), []string{"options[0].reach conflict"}},
		{"a group of one", optionJSON(`"reach":{"groupSize":1}`), []string{"options[0].reach.groupSize out_of_range"}},
		{"a group above a million", optionJSON(`"reach":{"groupSize":1000001}`), []string{"options[0].reach.groupSize out_of_range"}},
		// A weekly group of 25 holds the reader and 24 others.
		{"more relationships than the group holds", `{"options":[{"kind":"weekly_group","reach":{"relationships":25}}]}`, []string{"options[0].reach.relationships out_of_range"}},
		{"more than 100 new relationships a month", optionJSON(`"reach":{"relationshipsPerMonth":101}`), []string{"options[0].reach.relationshipsPerMonth out_of_range"}},
		{"a trust of more than 60 months", optionJSON(`"reach":{"trustMonths":61}`), []string{"options[0].reach.trustMonths out_of_range"}},
		{"negative new relationships", optionJSON(`"reach":{"relationshipsPerMonth":-1}`), []string{"options[0].reach.relationshipsPerMonth negative"}},
		{"a reach share above 1", optionJSON(`"reach":` + strings.Replace(reachJSON, `"targetShare":0.1`, `"targetShare":1.1`, 1)), []string{"options[0].reach.targetShare out_of_range"}},
		{
			// 10,000 × 100,000 × 1 × 1 × 1 / 1 / 12 = 83,333,333 a month
			"a reach estimate of more than 10,000 referrals a month",
			optionJSON(`"reach":{"relationships":10000,"contactsPerRelationship":100000,"targetShare":1,"inMarketShare":1,"passOnRate":1,"competitors":0}`),
			[]string{"options[0].reach out_of_range"},
		},
		{"a reach that is not an object", optionJSON(`"reach":[]`), []string{"options[0].reach wrong_type"}},
		{"an unknown kind", `{"options":[{"kind":"golf_club"}]}`, []string{"options[0].kind invalid_kind"}},
		{"a kind that is not text", `{"options":[{"kind":1}]}`, []string{"options[0].kind wrong_type"}},
		{"a two-letter currency", `{"currency":"US"}`, []string{"currency invalid_currency"}},
		{"a four-letter currency", `{"currency":"EURO"}`, []string{"currency invalid_currency"}},
		{"a currency with a digit", `{"currency":"U5D"}`, []string{"currency invalid_currency"}},
		{"an empty name", optionJSON(`"name":""`), []string{"options[0].name required"}},
		{"a blank name", optionJSON(`"name":" \t "`), []string{"options[0].name required"}},
		{"a name of 61 characters", optionJSON(`"name":"` + strings.Repeat("x", 61) + `"`), []string{"options[0].name too_long"}},
		{"a name that is not text", optionJSON(`"name":5`), []string{"options[0].name wrong_type"}},
		{"seven options", `{"options":[` + strings.Repeat(`{"kind":"custom"},`, 6) + `{"kind":"custom"}]}`, []string{"options too_many"}},
		{"no options", `{"options":[]}`, []string{"options too_few"}},
		{"options that are not a list", `{"options":{}}`, []string{"options wrong_type"}},
		{"an option that is not an object", `{"options":[5]}`, []string{"options[0] wrong_type"}},

		// Documents
		{"invalid JSON", `{"hourlyValue":}`, []string{" invalid_json"}},
		{"an unclosed object", `{"hourlyValue":1`, []string{" invalid_json"}},
		{"an empty input", ``, []string{" invalid_json"}},
		{"two documents", `{} {}`, []string{" invalid_json"}},
		{"text that is not UTF-8", "{\"currency\":\"\xff\"}", []string{" invalid_json"}},
		{"a trailing comma", `{"hourlyValue":1,}`, []string{" invalid_json"}},
		{"nesting deeper than any input", `{"options":[{"reach":{"relationships":[[[[[[1]]]]]]}}]}`, []string{" too_deep"}},
		{"a list instead of an object", `[]`, []string{" wrong_type"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, replyErrors(t, []byte(tc.input)))
		})
	}
}

func TestDecodeRefusesInputOver32KB(t *testing.T) {
	padded := func(n int) []byte { // {} and spaces, n bytes in all
		return []byte("{" + strings.Repeat(" ", n-2) + "}")
	}
	assert.Equal(t, []string{" too_long"}, replyErrors(t, padded(MaxInputBytes+1)))
	_, errs := DecodeInput(padded(MaxInputBytes)) // 32 × 1024 bytes exactly
	assert.Empty(t, errs)
}

func TestDecodeReturnsEveryErrorAtOnce(t *testing.T) {
	got := replyErrors(t, []byte(`{"hourlyValue":-1,"dealValue":"x","horizonMonths":0,"colour":1,`+
		`"options":[{"kind":"nope","closeRate":2},{"kind":"custom","name":"","mealCost":"1e1000000"}]}`))
	assert.ElementsMatch(t, []string{
		"hourlyValue negative",
		"dealValue not_a_number",
		"horizonMonths out_of_range",
		"colour unknown_field",
		"options[0].kind invalid_kind",
		"options[0].closeRate out_of_range",
		"options[1].name required",
		"options[1].mealCost too_large",
	}, got)
}

// unknownKeys is an object of n unknown fields, "k0" to "k<n-1>".
func unknownKeys(n int) []byte {
	members := make([]string, n)
	for i := range members {
		members[i] = `"k` + strconv.Itoa(i) + `":0`
	}
	return []byte("{" + strings.Join(members, ",") + "}")
}

// unknownKeysUpTo is the object of the most unknown fields that fits in size
// bytes, and their number.
func unknownKeysUpTo(size int) ([]byte, int) {
	n, length := 0, len("{}")
	for {
		grown := length + len(`"k":0`) + len(strconv.Itoa(n))
		if n > 0 {
			grown++ // the comma before it
		}
		if grown > size {
			return unknownKeys(n), n
		}
		n, length = n+1, grown
	}
}

func TestDecodeListsTwentyErrorsAndCountsTheRest(t *testing.T) {
	allKeys, n := unknownKeysUpTo(MaxInputBytes)
	require.Greater(t, n, 3000, "32 KB hold thousands of unknown fields")
	cases := []struct {
		name    string
		input   []byte
		listed  int    // errors listed, before the count of the rest
		summary string // the message counting the rest, if any
	}{
		{"one error is listed alone", unknownKeys(1), 1, ""},
		{"twenty errors are all listed", unknownKeys(MaxErrors), MaxErrors, ""},
		{"a twenty-first error is counted", unknownKeys(MaxErrors + 1), MaxErrors, "1 more error is not listed."},
		{"twenty-two errors are twenty and a count of two", unknownKeys(MaxErrors + 2), MaxErrors, "2 more errors are not listed."},
		{"32 KB of unknown fields are twenty errors and a count of the rest", allKeys, MaxErrors,
			groupThousands(strconv.Itoa(n-MaxErrors)) + " more errors are not listed."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := replyErrors(t, tc.input)
			_, errs := DecodeInput(tc.input)
			want := make([]string, tc.listed)
			for i := range want {
				want[i] = "k" + strconv.Itoa(i) + " unknown_field" // the first errors, in the order of the input
			}
			if tc.summary != "" {
				want = append(want, " too_many_errors")
				assert.Equal(t, tc.summary, errs[len(errs)-1].Message)
			}
			assert.Equal(t, want, got)
		})
	}
}

func TestTheReplyTo32KBOfUnknownFieldsIsSmall(t *testing.T) {
	manyKeys, _ := unknownKeysUpTo(MaxInputBytes)
	oneKey := func(c string) []byte { // one key of c, 32 KB in all
		return []byte(`{"` + strings.Repeat(c, (MaxInputBytes-len(`{"":0}`))/len(c)) + `":0}`)
	}
	kilobyteKeys := func(c string) []byte { // keys of 1 KB of c and a number
		var members []string
		for i := 0; i < 32; i++ {
			members = append(members, `"`+strings.Repeat(c, 1000)+strconv.Itoa(i)+`":0`)
		}
		return []byte("{" + strings.Join(members, ",") + "}")
	}
	cases := []struct {
		name  string
		input []byte
	}{
		{"thousands of short keys", manyKeys},
		{"one key of 32 KB", oneKey("k")},
		{"one key of 32 KB of a character escaped in the reply", oneKey("<")},
		{"one key of 32 KB of accented letters", oneKey("é")},
		{"thirty-two keys of 1 KB each", kilobyteKeys("k")},
		{"thirty-two keys of 1 KB each of a character escaped in the reply", kilobyteKeys("&")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Greater(t, len(tc.input), 31<<10, "the input is about 32 KB")
			require.LessOrEqual(t, len(tc.input), MaxInputBytes)
			reply := ComputeJSON(tc.input)
			t.Logf("%d bytes of input, %d of reply", len(tc.input), len(reply))
			assert.Less(t, len(reply), 16<<10, "at most 16 KB: %d bytes", len(reply))
			assert.Equal(t, reply, CompleteJSON(tc.input))
		})
	}
	t.Run("the reply to thousands of short keys is under 3 KB", func(t *testing.T) {
		assert.Less(t, len(ComputeJSON(manyKeys)), 3<<10)
	})
}

func TestErrorsCutLongUnknownKeysAtFortyCharacters(t *testing.T) {
	forty, cut := strings.Repeat("x", 40), strings.Repeat("x", 40)+"…"
	cases := []struct {
		name, input, field, quoted string
	}{
		{"a key of forty characters is given whole", `{"` + forty + `":0}`, forty, forty},
		{"a key of forty-one characters is cut", `{"` + forty + `y":0}`, cut, cut},
		{"forty accented letters are forty characters", `{"` + strings.Repeat("é", 40) + `":0}`,
			strings.Repeat("é", 40), strings.Repeat("é", 40)},
		{"a long key in an option is cut", optionJSON(`"` + forty + `yz":0`), "options[0]." + cut, cut},
		{"a long key in reach is cut", optionJSON(`"reach":{"` + forty + `y":0,` + strings.TrimPrefix(reachJSON, "{")),
			"options[0].reach." + cut, cut},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := DecodeInput([]byte(tc.input))
			require.Len(t, errs, 1)
			assert.Equal(t, CodeUnknownField, errs[0].Code)
			assert.Equal(t, tc.field, errs[0].Field)
			assert.Equal(t, strconv.Quote(tc.quoted)+" is not a field this calculator knows.", errs[0].Message)
		})
	}
	t.Run("a long key given twice is cut", func(t *testing.T) {
		_, errs := DecodeInput([]byte(`{"` + forty + `y":0,"` + forty + `y":1}`))
		require.Len(t, errs, 1)
		assert.Equal(t, CodeDuplicateField, errs[0].Code)
		assert.Equal(t, cut, errs[0].Field)
	})
}

func TestErrorMessagesSpeakToTheReader(t *testing.T) {
	cases := []struct {
		input, message string
	}{
		{`{"options":[{"kind":"custom"},{"kind":"custom","closeRate":1.5}]}`, "Referrals that become clients must be between 0 and 100 %."},
		{`{"hourlyValue":"abc"}`, "What an hour of your time is worth must be a number."},
		{`{"hourlyValue":-1}`, "What an hour of your time is worth cannot be negative."},
		{`{"horizonMonths":121}`, "Months to look ahead must be between 1 and 120."},
		{`{"horizonMonths":12.5}`, "Months to look ahead must be a whole number."},
		{optionJSON(`"meetingHours":25`), "Hours per meeting must be between 0 and 24 hours."},
		{optionJSON(`"referralSpread":3.5`), "Uncertainty about the referral rate must be between 0 and 3."},
		{optionJSON(`"referralSpread":-1`), "Uncertainty about the referral rate must be between 0 and 3."},
		{`{"dealValue":2000000000}`, "Revenue from a new client must be at most 1,000,000,000."},
		{optionJSON(`"referralsPerMonth":1,"reach":` + reachJSON), "Give referrals a month or the reach estimate, not both."},
		{`{"colour":"red"}`, `"colour" is not a field this calculator knows.`},
	}
	for _, tc := range cases {
		t.Run(tc.message, func(t *testing.T) {
			_, errs := DecodeInput([]byte(tc.input))
			require.Len(t, errs, 1)
			assert.Equal(t, tc.message, errs[0].Message)
			assert.Equal(t, errs[0].Field+": "+tc.message, errs.Error())
		})
	}
}

func TestTheReadersBusinessOutOfRangeIsNamedByItsLabelAndPath(t *testing.T) {
	const share = "Share of those hours you would otherwise bill must be between 0 and 100 %."
	const deals = "Deals a new client brings, the first included must be between 0 and 1,000."
	cases := []struct {
		name, input string
		want        string // the error as Errors.Error writes it: "path: message"
	}{
		{"a billable share above 100 %", `{"billableShare":1.5}`, "billableShare: " + share},
		{"a negative billable share", `{"billableShare":-0.5}`, "billableShare: " + share},
		{"more than 1,000 deals per client", `{"dealsPerClient":1001}`, "dealsPerClient: " + deals},
		{"negative deals per client", `{"dealsPerClient":-1}`, "dealsPerClient: " + deals},
		{"deals per client that are not a number", `{"dealsPerClient":"two"}`, "dealsPerClient: Deals a new client brings, the first included must be a number."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := DecodeInput([]byte(tc.input))
			require.Len(t, errs, 1)
			assert.Equal(t, tc.want, errs.Error())
		})
	}
}

func TestDecodeReadsNumbersLeniently(t *testing.T) {
	cases := []struct {
		name, value, want string
	}{
		{"a decimal string is read exactly", `"1200.50"`, "1200.5"},
		{"a JSON number is read exactly", `1200.50`, "1200.5"},
		{"a tenth is a tenth, not a float's neighbour", `0.1`, "0.1"},
		{"a small exponent is accepted", `1e3`, "1000"},
		{"a capital exponent is accepted", `"1E3"`, "1000"},
		{"a negative exponent is accepted", `2.5e-3`, "0.0025"},
		{"spaces around a number in a string are ignored", `" 42 "`, "42"},
		{"tabs around a number in a string are ignored", `"\t7\t"`, "7"},
		{"a plus sign is accepted", `"+5"`, "5"},
		{"a leading point is accepted", `".5"`, "0.5"},
		{"a trailing point is accepted", `"5."`, "5"},
		{"leading zeros are accepted", `"007"`, "7"},
		{"twelve decimal places are accepted", `0.123456789012`, "0.123456789012"},
		{"trailing zeros beyond twelve places are not precision", `"1.0000000000000"`, "1"},
		{"fifteen digits are accepted", `123456789012345e-6`, "123456789.012345"},
		{"minus zero is zero", `-0`, "0"},
		{"zero with any exponent is zero", `"0e1000000"`, "0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, errs := DecodeInput([]byte(`{"dealValue":` + tc.value + `}`))
			require.Empty(t, errs)
			assert.True(t, in.DealValue.Equal(d(tc.want)), "read %s, want %s", in.DealValue, tc.want)
		})
	}
	for _, horizon := range []string{`24`, `"24"`, `2.4e1`, `"24.0"`} {
		t.Run("a horizon written "+horizon+" is 24 months", func(t *testing.T) {
			in, errs := DecodeInput([]byte(`{"horizonMonths":` + horizon + `}`))
			require.Empty(t, errs)
			assert.Equal(t, 24, in.HorizonMonths)
		})
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		text string
		want string // the value read, if no code
		code Code
	}{
		{"0", "0", ""},
		{"-1.5", "-1.5", ""},
		{"+2", "2", ""},
		{" 3 ", "3", ""},
		{"\t3\t", "3", ""},
		{".25", "0.25", ""},
		{"25.", "25", ""},
		{"100e-2", "1", ""},
		{"1e14", "100000000000000", ""},            // 15 digits
		{"999999999999999", "999999999999999", ""}, // 15 digits
		{"0.000000000001", "0.000000000001", ""},   // 12 places
		{"12345678901234567890e-10", "1234567890.123456789", ""},
		{"0e999999999", "0", ""},
		{"-0.0e-9999999", "0", ""},
		{"", "", CodeRequired},
		{"  ", "", CodeRequired},
		{"abc", "", CodeNotANumber},
		{"NaN", "", CodeNotANumber},
		{"Inf", "", CodeNotANumber},
		{"Infinity", "", CodeNotANumber},
		{"-", "", CodeNotANumber},
		{"+", "", CodeNotANumber},
		{".", "", CodeNotANumber},
		{"1.2.3", "", CodeNotANumber},
		{"1e", "", CodeNotANumber},
		{"1e+", "", CodeNotANumber},
		{"e5", "", CodeNotANumber},
		{"1e5e3", "", CodeNotANumber},
		{"1e2.5", "", CodeNotANumber},
		{"0x10", "", CodeNotANumber},
		{"1_000", "", CodeNotANumber},
		{"1,000", "", CodeNotANumber},
		{"--1", "", CodeNotANumber},
		{"\n1", "", CodeNotANumber},
		{"１", "", CodeNotANumber},  // a full-width digit
		{"1e15", "", CodeTooLarge}, // 16 digits
		{"1000000000000000", "", CodeTooLarge},
		{"1e999999", "", CodeTooLarge},
		{"1e1000000", "", CodeTooLarge},
		{"-1e1000000", "", CodeTooLarge},
		{"0.0000000000001", "", CodeTooPrecise}, // 13 places
		{"1e-13", "", CodeTooPrecise},
		{"1e-1000000", "", CodeTooPrecise},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			v, code, reason := parseNumber(tc.text)
			assert.Equal(t, tc.code, code, reason)
			if tc.code != "" {
				assert.NotEmpty(t, reason)
				assert.True(t, v.IsZero(), "no value comes with an error")
				return
			}
			assert.True(t, v.Equal(d(tc.want)), "read %s, want %s", v, tc.want)
		})
	}
}

func TestDecodeFillsDefaults(t *testing.T) {
	t.Run("an empty object is the default comparison", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{}`))
		require.Empty(t, errs)
		assert.Equal(t, DefaultInput(), in)
	})
	t.Run("a missing options list is the default two options", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"horizonMonths":12,"currency":"eur"}`))
		require.Empty(t, errs)
		assert.Equal(t, DefaultInputIn("EUR").Options, in.Options)
		assert.Equal(t, "EUR", in.Currency, "a currency code is read in capitals")
		assert.Equal(t, 12, in.HorizonMonths)
	})
	t.Run("an option starts from the preset of its kind", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{"kind":"weekly_group","annualFee":700}]}`))
		require.Empty(t, errs)
		want, _ := Preset(KindWeeklyGroup)
		want.AnnualFee = d("700")
		require.Len(t, in.Options, 1)
		assert.Equal(t, want.Name, in.Options[0].Name)
		for _, f := range optionFields {
			assert.True(t, f.get(&want).Equal(*f.get(&in.Options[0])), f.key)
		}
	})
	t.Run("custom options and options without a kind are named by their place", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{},{"kind":"custom"},{"kind":"open_network"},{"kind":"custom","name":"Chamber"}]}`))
		require.Empty(t, errs)
		var names []string
		var kinds []Kind
		for _, o := range in.Options {
			names, kinds = append(names, o.Name), append(kinds, o.Kind)
		}
		assert.Equal(t, []string{"Option 1", "Option 2", "Large open network", "Chamber"}, names)
		assert.Equal(t, []Kind{KindCustom, KindCustom, KindOpenNetwork, KindCustom}, kinds)
	})
	t.Run("a reach estimate replaces the preset's referrals a month", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{"kind":"weekly_group","reach":` + reachJSON + `}]}`))
		require.Empty(t, errs)
		o := in.Options[0]
		require.NotNil(t, o.Reach)
		assert.True(t, o.ReferralsPerMonth.IsZero())
		assert.True(t, o.Reach.Relationships.Equal(d("10")))
		assert.True(t, o.Reach.PerRelationship().Mul(o.Reach.Relationships).Equal(d("1.25"))) // see reachJSON
	})
	t.Run("a null reach is no reach, and the weekly preset types no rate", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{"kind":"weekly_group","reach":null}]}`))
		require.Empty(t, errs)
		assert.Nil(t, in.Options[0].Reach)
		assert.True(t, in.Options[0].ReferralsPerMonth.IsZero())
	})
	t.Run("typed referrals replace a preset's reach", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{"kind":"weekly_group","referralsPerMonth":2}]}`))
		require.Empty(t, errs)
		assert.Nil(t, in.Options[0].Reach)
		assert.Equal(t, "2", in.Options[0].ReferralsPerMonth.String())
	})
	t.Run("the fields a reach leaves out are its kind's preset's", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{"kind":"weekly_group","reach":{"passOnRate":0.5,"groupSize":0}}]}`))
		require.Empty(t, errs)
		r := in.Options[0].Reach
		require.NotNil(t, r)
		assert.Equal(t, "0.5", r.PassOnRate.String())
		assert.True(t, r.GroupSize.IsZero(), "0: no limit")
		assert.Equal(t, "2", r.RelationshipsPerMonth.String(), "the weekly group's")
		assert.Equal(t, "600", r.ContactsPerRelationship.String(), "the weekly group's")
	})
	t.Run("a custom option's reach starts at zero, so a version-1 reach gives its estimate", func(t *testing.T) {
		in, errs := DecodeInput([]byte(`{"options":[{"kind":"custom","reach":{"relationships":3}}]}`))
		require.Empty(t, errs)
		assert.Equal(t, Reach{Relationships: d("3")}, *in.Options[0].Reach)
	})
}

func TestNamesAreReadAndWrittenAsGiven(t *testing.T) {
	cases := []struct {
		name, json, want string
	}{
		{"escapes are decoded", `"Caf\u00e9 \"Chez Nous\"\\"`, `Café "Chez Nous"\`},
		{"sixty accented letters fit", `"` + strings.Repeat("é", 60) + `"`, strings.Repeat("é", 60)},
		{"a surrogate pair is one character", `"\ud83d\ude00 club"`, "😀 club"},
		{"a lone surrogate becomes U+FFFD and keeps the escape after it", `"\ud800\u0041"`, "\uFFFDA"},
		{"HTML in a name stays text", `"<b>&</b>"`, "<b>&</b>"},
		{"line separators stay in a name", `"a\u2028b"`, "a\u2028b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := computeBoth(t, `{"options":[{"kind":"custom","name":`+tc.json+`}]}`)
			assert.Equal(t, tc.want, c.report.Options[0].Name)
			assert.Equal(t, tc.want, jsonFigure(t, c.reply, "options.0.name"), "the reply gives the name back")
			raw := ComputeJSON([]byte(`{"options":[{"kind":"custom","name":` + tc.json + `}]}`))
			for _, unsafe := range []string{"<", ">", "&", "\u2028"} {
				assert.NotContains(t, string(raw), unsafe, "the reply can be embedded in HTML and JavaScript")
			}
		})
	}
}

func TestCurrencyIsReadWithoutItsSurroundingSpacesInAnyCase(t *testing.T) {
	in, errs := DecodeInput([]byte(`{"currency":" eur "}`))
	require.Empty(t, errs)
	assert.Equal(t, "EUR", in.Currency)
}

func TestEncodingAReportWithoutOptionsDoesNotPanic(t *testing.T) {
	assert.True(t, json.Valid(EncodeReport(Report{Currency: "USD"})))
}

func TestCurrencyCodeIsUpperCaseOfTheTrimmedTextWhereThatIsACode(t *testing.T) {
	texts := []string{"", "usd", "USD", " eur\t", "\u00a0gbp\u3000", "\u0085chf\n", "usı", "ſek", "ıſı",
		"us", "usdd", "u d", "usé", "ＵＳＤ", "US\u00a0D", "k\u212a\u212a", "\u2028jpy", "1sd", "\ufeffusd"}
	for r := rune(0); r < 0x3100; r++ { // every letter once, between two ASCII letters
		texts = append(texts, "a"+string(r)+"z")
	}
	for _, s := range texts {
		want := strings.ToUpper(strings.TrimSpace(s))
		got := currencyCode(s)
		if isCurrencyCode(want) || isCurrencyCode(got) {
			assert.Equal(t, want, got, "%q", s)
		}
	}
}

func TestLargerAgreesWithGreaterThan(t *testing.T) {
	texts := []string{"0", "0.000", "1", "-1", "1.0", "9.99", "10", "-10.00", "0.5", "-0.05", "123.456",
		"123.4560", "99999.9", "100000", "-99999.9", "-100000", "1e3", "1000.0000001", "-0.0000001"}
	for _, a := range texts {
		for _, b := range texts {
			assert.Equal(t, d(a).GreaterThan(d(b)), larger(d(a), d(b)), "%s > %s", a, b)
		}
	}
}

func TestValidateBoundsTheReferralSpreadFrom0To3(t *testing.T) {
	cases := []struct {
		name   string
		spread string
		want   []string
	}{
		{"0, a rate the reader knows, is valid", "0", []string{}},
		{"3, the widest spread, is valid", "3", []string{}},
		{"a negative spread is an error", "-0.01", []string{"options[1].referralSpread negative"}},
		{"a spread above 3 is an error", "3.0001", []string{"options[1].referralSpread out_of_range"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := DefaultInput()
			in.Options[1].ReferralSpread = d(tc.spread)
			errs := Validate(in)
			assert.Equal(t, tc.want, fieldCodes(errs))
			for _, e := range errs {
				assert.Equal(t, "Uncertainty about the referral rate must be between 0 and 3.", e.Message)
			}
		})
	}
}
