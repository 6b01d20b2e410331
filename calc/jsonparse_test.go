package calc

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
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
		`"\u0041\u00e9\u20AC"`, `"\ud83d\ude00"`, `"\ud800\u0041"`, `"\ud800\ud800"`, `"\udc00x"`, `"\ud800"`,
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
