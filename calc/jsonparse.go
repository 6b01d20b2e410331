package calc

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON reader of our own rather than encoding/json: numbers are kept as
// the text the caller wrote, so that they are read exactly as decimals and
// never through float64; member order and duplicates stay visible for strict
// decoding; and the browser build stays free of reflection-based encoding.

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// jsonValue is one parsed JSON value.
type jsonValue struct {
	kind    jsonKind
	text    string       // a number's text as written, or a string's decoded text
	members []jsonMember // an object's members, or an array's items without keys
}

type jsonMember struct {
	key   string
	value jsonValue
}

// maxJSONDepth bounds nesting: the deepest valid input is
// {"options":[{"reach":{...}}]}, three levels down.
const maxJSONDepth = 8

type jsonParser struct {
	data    []byte
	pos     int
	depth   int
	tooDeep bool // the input was refused at an object or array beyond maxJSONDepth
	// open holds the elements of the objects and arrays being read, innermost
	// last, so that each one's list is allocated once, at its final length.
	open []jsonMember
}

// parseJSON reads one JSON document of at most MaxInputBytes.
//
// It accepts what encoding/json's Valid accepts, but for text that is not
// UTF-8, which encoding/json takes inside strings as U+FFFD, and nesting
// deeper than maxJSONDepth, which it refuses as CodeTooDeep at the first
// bracket too deep, reading no further. Its strings are decoded as
// encoding/json decodes them. An error names the byte where the input stops
// being JSON, counting from 1, which is the Offset of encoding/json's
// SyntaxError for that input (in Go's default build of encoding/json; with
// GOEXPERIMENT=jsonv2 it counts differently). FuzzParserAgreesWithEncodingJSON
// holds it to all of this.
func parseJSON(data []byte) (jsonValue, *FieldError) {
	if len(data) > MaxInputBytes {
		return jsonValue{}, &FieldError{Code: CodeTooLong,
			Message: "The input is longer than " + strconv.Itoa(MaxInputBytes>>10) + " KB."}
	}
	if at := invalidUTF8(data); at >= 0 {
		return jsonValue{}, &FieldError{Code: CodeInvalidJSON,
			Message: "The input is not valid UTF-8 text (at byte " + strconv.Itoa(at+1) + ")."}
	}
	var open [32]jsonMember // as many as a valid input holds open at once, or nearly
	p := jsonParser{data: data, open: open[:0]}
	v, ok := p.value()
	if ok {
		p.skipSpace()
		ok = p.pos == len(p.data)
	}
	if !ok {
		return jsonValue{}, p.refusal()
	}
	return v, nil
}

// refusal says why and where the parser stopped: at the byte p.pos, or at the
// end of an input that stops short.
func (p *jsonParser) refusal() *FieldError {
	at := " (at byte " + strconv.Itoa(p.pos+1) + ")."
	switch {
	case p.tooDeep:
		return &FieldError{Code: CodeTooDeep,
			Message: "The input nests objects and lists too deeply: at most " + strconv.Itoa(maxJSONDepth) + " levels" + at}
	case p.pos >= len(p.data):
		return &FieldError{Code: CodeInvalidJSON,
			Message: "The input is not valid JSON: it ends too soon (after byte " + strconv.Itoa(len(p.data)) + ")."}
	}
	return &FieldError{Code: CodeInvalidJSON, Message: "The input is not valid JSON" + at}
}

// invalidUTF8 returns the index of the first byte of data that is not part of
// valid UTF-8, or -1 if data is valid UTF-8. It reads rune by rune, as
// utf8.Valid's fast paths are more code in the browser build than inputs of
// at most 32 KB need.
func invalidUTF8(data []byte) int {
	for at := 0; at < len(data); {
		r, size := utf8.DecodeRune(data[at:])
		if r == utf8.RuneError && size == 1 {
			return at
		}
		at += size
	}
	return -1
}

// skipSpace moves past the blanks JSON allows between tokens.
func (p *jsonParser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (jsonValue, bool) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return jsonValue{}, false
	}
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		if p.depth++; p.depth > maxJSONDepth {
			p.tooDeep = true
			return jsonValue{}, false
		}
		kind, closing := jsonArray, byte(']')
		if c == '{' {
			kind, closing = jsonObject, '}'
		}
		v, ok := p.elements(kind, closing)
		p.depth-- // not deferred: a defer is more code in the browser build
		return v, ok
	case c == '"':
		s, ok := p.string()
		return jsonValue{kind: jsonString, text: s}, ok
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return jsonValue{kind: jsonBool, text: "true"}, p.literal("true")
	case c == 'f':
		return jsonValue{kind: jsonBool, text: "false"}, p.literal("false")
	case c == 'n':
		return jsonValue{kind: jsonNull}, p.literal("null")
	}
	return jsonValue{}, false
}

// literal reads word, or stops at the first byte that differs from it.
func (p *jsonParser) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.data) || p.data[p.pos] != word[i] {
			return false
		}
		p.pos++
	}
	return true
}

// elements reads an object's members or an array's items, up to closing:
// one function for both, as a second copy of the loop is more code in the
// browser build.
func (p *jsonParser) elements(kind jsonKind, closing byte) (jsonValue, bool) {
	v := jsonValue{kind: kind}
	first := len(p.open)
	p.pos++ // { or [
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == closing {
		p.pos++
		return v, true
	}
	for {
		var m jsonMember
		if kind == jsonObject {
			p.skipSpace()
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return v, false
			}
			key, ok := p.string()
			if !ok {
				return v, false
			}
			p.skipSpace()
			if p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return v, false
			}
			p.pos++
			m.key = key
		}
		item, ok := p.value()
		if !ok {
			return v, false
		}
		m.value = item
		p.open = append(p.open, m)
		if more, ok := p.next(closing); !more {
			v.members = append([]jsonMember(nil), p.open[first:]...)
			p.open = p.open[:first]
			return v, ok
		}
	}
}

// next consumes the comma before another element (more) or the closing
// bracket (ok); anything else is a syntax error.
func (p *jsonParser) next(closing byte) (more, ok bool) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return false, false
	}
	switch p.data[p.pos] {
	case ',':
		p.pos++
		return true, true
	case closing:
		p.pos++
		return false, true
	}
	return false, false
}

func (p *jsonParser) number() (jsonValue, bool) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == '0':
		p.pos++
	case !p.digits():
		return jsonValue{}, false
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if !p.digits() {
			return jsonValue{}, false
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if !p.digits() {
			return jsonValue{}, false
		}
	}
	return jsonValue{kind: jsonNumber, text: string(p.data[start:p.pos])}, true
}

func (p *jsonParser) digits() bool {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}

// simpleEscapes pairs each one-letter escape with the byte it stands for:
// looked up in a loop rather than a switch, which is more code in the
// browser build.
const simpleEscapes = `""\\//b` + "\b" + `f` + "\f" + `n` + "\n" + `r` + "\r" + `t` + "\t"

// string reads a quoted string, decoding its escapes. Text without escapes is
// taken as it is; buf holds the decoded text from the first escape on.
func (p *jsonParser) string() (string, bool) {
	p.pos++ // "
	start := p.pos
	var buf []byte
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c < 0x20 {
			return "", false // at the control character
		}
		p.pos++
		switch {
		case c == '"':
			if buf == nil {
				buf = p.data[start : p.pos-1]
			}
			return string(buf), true
		case c != '\\':
			if buf != nil {
				buf = append(buf, c)
			}
			continue
		}
		if buf == nil {
			buf = append([]byte(nil), p.data[start:p.pos-1]...)
		}
		if p.pos >= len(p.data) {
			return "", false
		}
		esc := p.data[p.pos]
		if esc == 'u' {
			p.pos++
			r, ok := p.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				r = p.pairedSurrogate(r)
			}
			buf = utf8.AppendRune(buf, r)
			continue
		}
		i := 0
		for i < len(simpleEscapes) && simpleEscapes[i] != esc {
			i += 2
		}
		if i == len(simpleEscapes) {
			return "", false // at the unknown escape
		}
		p.pos++
		buf = append(buf, simpleEscapes[i+1])
	}
	return "", false
}

// pairedSurrogate reads the escape after the surrogate r when the two make a
// pair, and returns the rune they stand for. A surrogate without its pair is
// U+FFFD, and the escape after it, if any, is left to be read on its own: it
// may begin a pair of its own, as in "\ud800\ud800\udc00", which is U+FFFD
// U+10000, as encoding/json reads it.
func (p *jsonParser) pairedSurrogate(r rune) rune {
	start := p.pos
	if p.literal(`\u`) {
		if r2, ok := p.hex4(); ok {
			if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
				return pair
			}
		}
	}
	p.pos = start
	return utf8.RuneError
}

// hex4 reads the four hexadecimal digits of a \u escape, or stops at the
// first byte that is not one.
func (p *jsonParser) hex4() (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		if p.pos >= len(p.data) {
			return 0, false
		}
		c := p.data[p.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
		p.pos++
	}
	return r, true
}
