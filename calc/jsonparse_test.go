package calc

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvalidUTF8FindsTheFirstByteUTF8ValidRefuses(t *testing.T) {
	texts := []string{
		"", "plain", "café", "€100", "\U0001F600", "\ufffd",
		"\xff", "caf\xe9", "\xe2\x82", "\xed\xa0\x80", // a lone byte, Latin-1, a cut rune, a surrogate
		"\xc0\xaf", "\xf4\x90\x80\x80", "ok\x80", // an overlong slash, beyond U+10FFFF, a stray continuation
		"€\xe2\x82€", "ok\xffok\xff",
	}
	for _, s := range texts {
		want := -1 // the end of the longest prefix that is UTF-8, if the whole text is not
		if !utf8.ValidString(s) {
			for want = len(s); !utf8.ValidString(s[:want]); want-- {
			}
		}
		assert.Equal(t, want, invalidUTF8([]byte(s)), "%q", s)
	}
}

func TestStringsAreDecodedAsEncodingJSONDecodesThem(t *testing.T) {
	texts := []string{
		`""`, `"plain"`, `"café"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"a\nb"`, `"\"quoted\" text"`,
		`"\u0041\u00e9\u20AC"`, `"\ud83d\ude00"`, `"\ud800\u0041"`, `"\ud800\ud800"`, `"\ud800\ud800\udc00"`, `"\ud800\u00g0"`, `"\udc00x"`, `"\ud800"`,
		`"\x"`, `"\'"`, `"\U0041"`, `"\u00"`, `"\u00g0"`, `"\ud800\u00"`, `"a\`, `"abc`, `"\n`, "\"a\tb\"", "\"a\nb\"",
	}
	for _, text := range texts {
		var want string
		wantErr := json.Unmarshal([]byte(text), &want)
		p := jsonParser{data: []byte(text)}
		got, ok := p.string()
		ok = ok && p.pos == len(p.data)
		assert.Equal(t, wantErr == nil, ok, "%s", text)
		if ok {
			assert.Equal(t, want, got, "%s", text)
		}
	}
}

func TestSurrogatesAreDecodedAsEncodingJSONDecodesThem(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"a pair is one character", `"\ud83d\ude00"`, "\U0001F600"},
		{"a pair in capitals is one character", `"\uD83D\uDE00"`, "\U0001F600"},
		{"a lone high surrogate is U+FFFD", `"\ud800"`, "\uFFFD"},
		{"a lone low surrogate is U+FFFD", `"\udc00"`, "\uFFFD"},
		{"a high surrogate before a letter is U+FFFD and the letter", `"\ud800\u0041"`, "\uFFFDA"},
		{"a high surrogate before plain text is U+FFFD and the text", `"\ud800x"`, "\uFFFDx"},
		{"a high surrogate before another escape is U+FFFD and that escape", `"\ud800\n"`, "\uFFFD\n"},
		{"a lone surrogate followed by a pair is U+FFFD and the pair", `"\ud800\ud800\udc00"`, "\uFFFD\U00010000"},
		{"a low surrogate followed by a pair is U+FFFD and the pair", `"\udc00\ud800\udc00"`, "\uFFFD\U00010000"},
		{"a pair followed by a low surrogate is the pair and U+FFFD", `"\ud800\udc00\udc00"`, "\U00010000\uFFFD"},
		{"two high surrogates are two U+FFFD", `"\ud800\ud800"`, "\uFFFD\uFFFD"},
		{"a low surrogate before a high one is two U+FFFD", `"\udc00\ud800"`, "\uFFFD\uFFFD"},
		{"three high surrogates before a low one are two U+FFFD and a pair", `"\udbff\udbff\udbff\udfff"`, "\uFFFD\uFFFD\U0010FFFF"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want string
			require.NoError(t, json.Unmarshal([]byte(tc.text), &want))
			v, err := parseJSON([]byte(tc.text))
			require.Nil(t, err)
			assert.Equal(t, tc.want, v.text)
			assert.Equal(t, want, v.text, "as encoding/json decodes it")
		})
	}
}

func TestSyntaxErrorsNameTheByteWhereTheInputStopsBeingJSON(t *testing.T) {
	cases := []struct {
		name, input, message string
	}{
		{"a missing value is named at the byte after the colon", `{"hourlyValue":}`, "The input is not valid JSON (at byte 16)."},
		{"a trailing comma is named at the bracket after it", `[1,]`, "The input is not valid JSON (at byte 4)."},
		{"a second document is named at its first byte", `{} {}`, "The input is not valid JSON (at byte 4)."},
		{"a misspelt literal is named at its first wrong letter", `[trux]`, "The input is not valid JSON (at byte 5)."},
		{"an unknown escape is named at its letter", `"\x"`, "The input is not valid JSON (at byte 3)."},
		{"a bad hexadecimal digit is named where it stands", `"\u00g0"`, "The input is not valid JSON (at byte 6)."},
		{"a bad digit after a lone surrogate is named where it stands", `"\ud800\u00g0"`, "The input is not valid JSON (at byte 12)."},
		{"a control character in a string is named where it stands", "\"a\tb\"", "The input is not valid JSON (at byte 3)."},
		{"a number without digits after its point is named at the byte after the point", `[1.x]`, "The input is not valid JSON (at byte 4)."},
		{"a leading zero is named at the digit after it", `01`, "The input is not valid JSON (at byte 2)."},
		{"a byte order mark is named at its first byte", "\ufeff{}", "The input is not valid JSON (at byte 1)."},
		{"an unclosed object ends too soon", `{"hourlyValue":1`, "The input is not valid JSON: it ends too soon (after byte 16)."},
		{"a cut literal ends too soon", `tru`, "The input is not valid JSON: it ends too soon (after byte 3)."},
		{"an empty input ends too soon", ``, "The input is not valid JSON: it ends too soon (after byte 0)."},
		{"blanks alone end too soon", "  \n", "The input is not valid JSON: it ends too soon (after byte 3)."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseJSON([]byte(tc.input))
			require.NotNil(t, err)
			assert.Equal(t, CodeInvalidJSON, err.Code)
			assert.Equal(t, tc.message, err.Message)
			var syntax *json.SyntaxError
			require.ErrorAs(t, json.Unmarshal([]byte(tc.input), new(json.RawMessage)), &syntax)
			assert.Equal(t, syntax.Offset, messageByte(err.Message), "the byte encoding/json names")
		})
	}
}

func TestTextThatIsNotUTF8IsNamedAtItsFirstBadByte(t *testing.T) {
	cases := []struct {
		name, input, message string
	}{
		{"a Latin-1 letter in a string", "{\"currency\":\"caf\xe9\"}", "The input is not valid UTF-8 text (at byte 17)."},
		{"a surrogate written as UTF-8", "\"\xed\xa0\x80\"", "The input is not valid UTF-8 text (at byte 2)."},
		{"a rune cut short at the end", "\"\xe2\x82", "The input is not valid UTF-8 text (at byte 2)."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseJSON([]byte(tc.input))
			require.NotNil(t, err)
			assert.Equal(t, CodeInvalidJSON, err.Code)
			assert.Equal(t, tc.message, err.Message)
		})
	}
}

var bytePosition = regexp.MustCompile(`\((?:at|after) byte (\d+)\)\.$`)

// messageByte is the byte an error message names, or -1 if it names none.
func messageByte(message string) int64 {
	m := bytePosition.FindStringSubmatch(message)
	if m == nil {
		return -1
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n
}

func TestNestingBeyondTheLimitIsTooDeepNotInvalid(t *testing.T) {
	deep := func(n int, inner string) string { // n arrays around inner
		return strings.Repeat("[", n) + inner + strings.Repeat("]", n)
	}
	const tooDeep = "The input nests objects and lists too deeply: at most 8 levels (at byte %d)."
	cases := []struct {
		name, input string
		code        Code // "" if the input is read
		message     string
	}{
		{"eight arrays are read", deep(8, "1"), "", ""},
		{"eight levels of objects and arrays are read", `{"a":[{"b":[{"c":[{"d":[1]}]}]}]}`, "", ""},
		{"nine arrays are too deep, named at the ninth", deep(9, ""), CodeTooDeep, fmt.Sprintf(tooDeep, 9)},
		{"nine levels of objects and arrays are too deep", `{"a":[{"b":[{"c":[{"d":[{}]}]}]}]}`, CodeTooDeep, fmt.Sprintf(tooDeep, 25)},
		{"blanks between the brackets count as bytes", deep(8, " [ ] "), CodeTooDeep, fmt.Sprintf(tooDeep, 10)},
		{"a thousand arrays are too deep", deep(1000, ""), CodeTooDeep, fmt.Sprintf(tooDeep, 9)},
		{"nesting too deep is named before JSON that is invalid after it", deep(9, "x"), CodeTooDeep, fmt.Sprintf(tooDeep, 9)},
		{"JSON that is invalid before nesting too deep is invalid", `[x` + deep(9, ""), CodeInvalidJSON, "The input is not valid JSON (at byte 2)."},
		{"eight levels twice are read", "[" + deep(7, "") + "," + deep(7, "") + "]", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseJSON([]byte(tc.input))
			if tc.code == "" {
				assert.Nil(t, err)
				assert.True(t, json.Valid([]byte(tc.input)))
				return
			}
			require.NotNil(t, err)
			assert.Equal(t, tc.code, err.Code)
			assert.Equal(t, tc.message, err.Message)
		})
	}
}
