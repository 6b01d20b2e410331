package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Bounds on a number's text, checked before it becomes a decimal, so that no
// input (1e1000000, a thousand digits) can make the arithmetic slow or big.
const (
	maxIntegerDigits  = 15
	maxFractionDigits = 12
	maxExponentDigits = 6
)

// parseNumber reads a decimal exactly from its text: an optional sign, digits
// with an optional point, and an optional exponent. It returns a code and a
// reason (to finish the sentence "<label> ...") when the text is not a number
// or is out of the bounds above.
func parseNumber(text string) (decimal.Decimal, Code, string) {
	s := strings.Trim(text, " \t")
	if s == "" {
		return zero, CodeRequired, "is empty: enter a number."
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	mantissa, exponent, hasExp := strings.Cut(s, "e")
	if !hasExp {
		mantissa, exponent, hasExp = strings.Cut(s, "E")
	}
	intPart, fracPart, _ := strings.Cut(mantissa, ".")
	if !allDigits(intPart) || !allDigits(fracPart) || intPart+fracPart == "" {
		return zero, CodeNotANumber, "must be a number."
	}
	digits := strings.TrimLeft(intPart+fracPart, "0")
	// value = digits × 10^scale
	scale := -len(fracPart)
	trimmed := strings.TrimRight(digits, "0")
	scale += len(digits) - len(trimmed)
	digits = trimmed
	if hasExp {
		expSign := 1
		if exponent != "" && (exponent[0] == '+' || exponent[0] == '-') {
			if exponent[0] == '-' {
				expSign = -1
			}
			exponent = exponent[1:]
		}
		if exponent == "" || !allDigits(exponent) {
			return zero, CodeNotANumber, "must be a number."
		}
		exponent = strings.TrimLeft(exponent, "0")
		if digits == "" {
			return zero, "", "" // zero, whatever its exponent
		}
		if len(exponent) > maxExponentDigits {
			if expSign > 0 {
				return zero, CodeTooLarge, "is too large."
			}
			return zero, CodeTooPrecise, "has too many decimal places."
		}
		e, _ := strconv.Atoi("0" + exponent)
		scale += expSign * e
	}
	if digits == "" {
		return zero, "", ""
	}
	if len(digits)+scale > maxIntegerDigits {
		return zero, CodeTooLarge, "is too large."
	}
	if -scale > maxFractionDigits {
		return zero, CodeTooPrecise, "has more than " + strconv.Itoa(maxFractionDigits) + " decimal places."
	}
	if neg {
		digits = "-" + digits
	}
	v, err := decimal.NewFromString(digits + "e" + strconv.Itoa(scale))
	if err != nil { // unreachable: the text was checked above
		return zero, CodeNotANumber, "must be a number."
	}
	return v, "", ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// groupThousands writes an unsigned decimal text with commas every three
// integer digits: "1234567.5" becomes "1,234,567.5".
func groupThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
