package calc

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidUTF8IsUTF8Valid(t *testing.T) {
	texts := []string{
		"", "plain", "café", "€100", "\U0001F600", "\ufffd",
		"\xff", "caf\xe9", "\xe2\x82", "\xed\xa0\x80", // a lone byte, Latin-1, a cut rune, a surrogate
		"\xc0\xaf", "\xf4\x90\x80\x80", "ok\x80", // an overlong slash, beyond U+10FFFF, a stray continuation
	}
	for _, s := range texts {
		assert.Equal(t, utf8.Valid([]byte(s)), validUTF8([]byte(s)), "%q", s)
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
