package calc

import (
	"strconv"
	"unicode"

	"github.com/shopspring/decimal"
)

// DecodeInput reads an input from JSON and validates it. Numbers may be JSON
// numbers or decimal strings and are read exactly from their text. Missing
// fields take their defaults: the reader's business from DefaultInput, an
// option's figures from the preset of its kind, and a missing options list
// becomes the default comparison, their money converted to the input's
// currency (DefaultInputIn); figures given are never converted. Unknown fields are errors. Every error found
// is returned at once, each with its field's path, up to MaxErrors of them
// and one more that counts the rest.
func DecodeInput(data []byte) (Input, Errors) {
	root, err := parseJSON(data)
	if err != nil {
		return Input{}, Errors{*err}
	}
	var dec decoder
	in := dec.input(root)
	// Fields that failed to decode kept their valid defaults, so Validate
	// names each remaining problem once.
	dec.errs = append(dec.errs, Validate(in)...)
	if len(dec.errs) > 0 {
		return Input{}, dec.errs.capped()
	}
	return in, nil
}

type decoder struct {
	errs     Errors
	currency string // the input's: the presets' money is converted to it
}

func (dec *decoder) fail(field string, code Code, message string) {
	dec.errs.add(field, code, message)
}

// object checks that v is an object without repeated keys.
func (dec *decoder) object(v jsonValue, at, what string) bool {
	if v.kind != jsonObject {
		dec.fail(at, CodeWrongType, what+" must be a JSON object.")
		return false
	}
	for i, m := range v.members {
		for _, earlier := range v.members[:i] {
			if earlier.key == m.key {
				dec.fail(path(at, m.key), CodeDuplicateField, "This field is given twice.")
				return false
			}
		}
	}
	return true
}

func (dec *decoder) input(v jsonValue) Input {
	if !dec.object(v, "", "The input") {
		return DefaultInput()
	}
	dec.currency = defaultCurrency
	for _, m := range v.members { // first: the defaults' money is in the currency
		if m.key == "currency" {
			if s, ok := dec.string(m.value, "", m.key, "Currency"); ok {
				dec.currency = currencyCode(s)
			}
		}
	}
	in := DefaultInputIn(dec.currency)
	var figs [maxFigures]figure
	business := in.figures(figs[:0])
	for _, m := range v.members {
		switch m.key {
		case "currency":
		case "horizonMonths":
			if n, ok := dec.number(m.value, "", m.key, horizonLabel); ok {
				switch {
				case !n.IsInteger():
					dec.fail(m.key, CodeNotWhole, horizonLabel+" must be a whole number.")
				case n.LessThan(decimal.NewFromInt(MinHorizonMonths)) || n.GreaterThan(decimal.NewFromInt(MaxHorizonMonths)):
					dec.fail(m.key, CodeOutOfRange, horizonMessage)
				default:
					in.HorizonMonths = int(n.IntPart())
				}
			}
		case "options":
			in.Options = dec.options(m.value, m.key)
		default:
			if decodeField(dec, business, m, "") < 0 {
				dec.fail(path("", m.key), CodeUnknownField, unknownMessage(m.key))
			}
		}
	}
	return in
}

// currencyCode reads a currency as strings.ToUpper(strings.TrimSpace(s))
// does where that gives three letters A-Z, the only codes Validate accepts,
// and returns any other text as it is, to be refused: a few lines rather than
// the Unicode case tables in the browser build. Besides a-z, two letters
// have their upper case in A-Z: the dotless ı and the long ſ.
func currencyCode(s string) string {
	code := make([]byte, 0, 3)
	trailing := false // spaces after the letters: no letter may follow them
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			trailing = len(code) > 0
			continue
		case trailing:
			return s
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r == 'ı':
			r = 'I'
		case r == 'ſ':
			r = 'S'
		case r < 'A' || r > 'Z':
			return s
		}
		code = append(code, byte(r))
	}
	if len(code) != 3 {
		return s
	}
	return string(code)
}

// horizonLabel is what the reader knows horizonMonths by.
const horizonLabel = "Months to look ahead"

const horizonMessage = horizonLabel + " must be between 1 and 120."

func unknownMessage(key string) string {
	return strconv.Quote(shortKey(key)) + " is not a field this calculator knows."
}

// decodeField reads member m into the figure it names, and returns that
// figure's index, or -1 if there is no such figure.
func decodeField(dec *decoder, figs []figure, m jsonMember, parent string) int {
	for i, f := range figs {
		if f.key == m.key {
			if n, ok := dec.number(m.value, parent, f.key, f.label); ok {
				*f.at = n
			}
			return i
		}
	}
	return -1
}

// number reads the number at path(parent, key); the path is only built for
// an error.
func (dec *decoder) number(v jsonValue, parent, key, label string) (decimal.Decimal, bool) {
	if v.kind != jsonNumber && v.kind != jsonString {
		dec.fail(path(parent, key), CodeWrongType, label+" must be a number.")
		return zero, false
	}
	n, code, reason := parseNumber(v.text)
	if code != "" {
		dec.fail(path(parent, key), code, label+" "+reason)
		return zero, false
	}
	return n, true
}

// string reads the text at path(parent, key), as number does.
func (dec *decoder) string(v jsonValue, parent, key, label string) (string, bool) {
	if v.kind != jsonString {
		dec.fail(path(parent, key), CodeWrongType, label+" must be text.")
		return "", false
	}
	return v.text, true
}

func (dec *decoder) options(v jsonValue, at string) []Option {
	if v.kind != jsonArray {
		dec.fail(at, CodeWrongType, "Options must be a list.")
		return defaultOptions() // so that Validate does not report them missing too
	}
	if len(v.members) > MaxOptions { // Validate says so; decode no further
		return make([]Option, len(v.members))
	}
	opts := make([]Option, len(v.members))
	for i, item := range v.members {
		opts[i] = dec.option(item.value, indexPath(at, i), i)
	}
	return opts
}

func (dec *decoder) option(v jsonValue, at string, index int) Option {
	if !dec.object(v, at, "An option") {
		o, _ := Preset(KindCustom)
		return o
	}
	kind := KindCustom
	for _, m := range v.members {
		if m.key == "kind" {
			if s, ok := dec.string(m.value, at, "kind", "Kind"); ok {
				kind = Kind(s)
			}
		}
	}
	o, ok := PresetIn(kind, dec.currency)
	if !ok {
		dec.fail(path(at, "kind"), CodeInvalidKind, kindMessage)
		o, _ = Preset(KindCustom)
	}
	if o.Kind == KindCustom {
		o.Name = "Option " + strconv.Itoa(index+1)
	}
	typedReferrals := false
	var reach *jsonMember
	var figs [maxFigures]figure
	figures := o.figures(figs[:0])
	for i, m := range v.members {
		switch m.key {
		case "kind":
		case "name":
			if s, ok := dec.string(m.value, at, "name", "Name"); ok {
				o.Name = s
			}
		case "reach":
			reach = &v.members[i]
		case "track":
			o.Track = dec.track(m.value, path(at, "track"))
		default:
			typedReferrals = typedReferrals || m.key == "referralsPerMonth"
			if decodeField(dec, figures, m, at) < 0 {
				dec.fail(path(at, m.key), CodeUnknownField, unknownMessage(m.key))
			}
		}
	}
	// Referrals are typed or estimated from reach, whichever the option
	// gives, else as its kind's preset does.
	switch {
	case reach != nil && reach.value.kind != jsonNull:
		if typedReferrals {
			dec.fail(path(at, "reach"), CodeConflict, conflictMessage)
		}
		o.Reach = dec.reach(reach.value, path(at, "reach"), o.Reach)
		o.ReferralsPerMonth = zero
	case reach != nil || typedReferrals:
		o.Reach = nil
	}
	return o
}

const (
	kindMessage     = "Kind must be weekly_group, open_network, chamber_of_commerce or custom."
	conflictMessage = "Give referrals a month or the reach estimate, not both."
)

// track reads a member's record, or null for none. monthsIn is required;
// the referrals and clients left out are 0. A figure that fails to decode
// keeps a value Validate accepts with the others (1 month, 0 clients, and
// for the referrals the clients where they are a valid count), so that
// each problem is named once.
func (dec *decoder) track(v jsonValue, at string) *Track {
	if v.kind == jsonNull {
		return nil
	}
	if !dec.object(v, at, "Track") {
		return nil
	}
	tr := Track{MonthsIn: one}
	var figs [maxFigures]figure
	figures := tr.figures(figs[:0])
	referralsFailed, hasMonths := false, false
	for _, m := range v.members {
		before := len(dec.errs)
		i := decodeField(dec, figures, m, at)
		switch {
		case i < 0:
			dec.fail(path(at, m.key), CodeUnknownField, unknownMessage(m.key))
		case len(dec.errs) > before:
			referralsFailed = referralsFailed || figures[i].at == &tr.Referrals
		}
		hasMonths = hasMonths || i == 0
	}
	if !hasMonths {
		dec.fail(path(at, "monthsIn"), CodeRequired, monthsInLabel+" is missing: enter how many months you have been in this group.")
	}
	if c := tr.Clients; referralsFailed && c.IsInteger() && !c.IsNegative() && !larger(c, maxTrackCount) {
		tr.Referrals = c
	}
	return &tr
}

// reach reads a reach estimate; the figures it leaves out are preset's, or
// zero where the kind has no reach of its own (a custom option starts at
// zero everywhere), so that a version-1 reach gives version 1's estimate.
func (dec *decoder) reach(v jsonValue, at string, preset *Reach) *Reach {
	var r Reach
	if preset != nil {
		r = *preset
	}
	if !dec.object(v, at, "Reach") {
		return &r
	}
	var figs [maxFigures]figure
	figures := r.figures(figs[:0])
	for _, m := range v.members {
		if decodeField(dec, figures, m, at) < 0 {
			dec.fail(path(at, m.key), CodeUnknownField, unknownMessage(m.key))
		}
	}
	return &r
}
