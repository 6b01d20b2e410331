package calc

import (
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
