package calc

import (
	"math"
	"math/big"
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
	s := trimBlanks(text)
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
	// value = digits × 10^scale, digits without leading or trailing zeros
	var buf [32]byte
	digits := append(append(buf[:0], intPart...), fracPart...)
	scale := -len(fracPart)
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		scale++
	}
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
		for len(exponent) > 0 && exponent[0] == '0' {
			exponent = exponent[1:]
		}
		if len(digits) == 0 {
			return zero, "", "" // zero, whatever its exponent
		}
		if len(exponent) > maxExponentDigits {
			if expSign > 0 {
				return zero, CodeTooLarge, "is too large."
			}
			return zero, CodeTooPrecise, "has too many decimal places."
		}
		scale += expSign * int(digitsValue([]byte(exponent)))
	}
	if len(digits) == 0 {
		return zero, "", ""
	}
	if len(digits)+scale > maxIntegerDigits {
		return zero, CodeTooLarge, "is too large."
	}
	if -scale > maxFractionDigits {
		return zero, CodeTooPrecise, "has more than " + strconv.Itoa(maxFractionDigits) + " decimal places."
	}
	return decimalOf(digits, scale, neg), "", ""
}

// decimalOf is digits × 10^scale, negated if neg, for at most 36 digits:
// the bounds above allow 27.
func decimalOf(digits []byte, scale int, neg bool) decimal.Decimal {
	const chunk = 18 // digits an int64 always holds
	split := max(0, len(digits)-chunk)
	low, high := digitsValue(digits[split:]), digitsValue(digits[:split])
	if neg {
		low, high = -low, -high
	}
	v := decimal.New(low, int32(scale))
	if split > 0 {
		v = decimal.New(high, int32(scale+chunk)).Add(v)
	}
	return v
}

// digitsValue is the value of at most 18 decimal digits.
func digitsValue(digits []byte) int64 {
	var n int64
	for _, c := range digits {
		n = n*10 + int64(c-'0')
	}
	return n
}

// trimBlanks removes the spaces and tabs around s.
func trimBlanks(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// larger reports whether a > b, as a.GreaterThan(b) does. Numbers of the
// same exponent compare by their coefficients, as Cmp does without
// allocating; otherwise it tells apart numbers of different signs or counts
// of integer digits by those alone: Cmp rescales one of them, allocating,
// whenever their exponents differ, and figures are compared in the hundreds
// per reply.
func larger(a, b decimal.Decimal) bool {
	if a.Exponent() == b.Exponent() {
		return a.GreaterThan(b)
	}
	sa, sb := a.Sign(), b.Sign()
	if sa != sb {
		return sa > sb
	}
	if sa != 0 {
		if da, db := a.NumDigits()+int(a.Exponent()), b.NumDigits()+int(b.Exponent()); da != db {
			return (da > db) == (sa > 0)
		}
	}
	return a.GreaterThan(b)
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
	intPart, _, _ := strings.Cut(s, ".")
	b := make([]byte, 0, len(s)+len(s)/3)
	for i := 0; i < len(s); i++ {
		if i > 0 && i < len(intPart) && (len(intPart)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// float64Of is d rounded to the nearest float64, ties to even: what
// d.InexactFloat64() returns, without its detour through big.Rat, whose
// conversion and normalization (a GCD) cost kilobytes in the browser build.
// d must be zero or of magnitude between 1e-290 and 1e290, as every figure
// of the model is, so that the result is a normal float.
func float64Of(d decimal.Decimal) float64 {
	num, den := d.Coefficient(), bigOne // num is a copy
	neg := num.Sign() < 0
	num.Abs(num)
	if num.Sign() == 0 {
		return 0
	}
	var scratch, r big.Int
	if e := int64(d.Exponent()); e > 0 {
		num.Mul(num, powerOfTen(e, &scratch))
	} else {
		den = powerOfTen(-e, &scratch)
	}
	// Scale num/den by 2^shift so that their quotient has 54 or 55 bits: 53
	// for the float's mantissa and at least one more to round by. The
	// remainder tells a tie from a number just above it.
	shift := 54 - (num.BitLen() - den.BitLen())
	if shift >= 0 {
		num.Lsh(num, uint(shift))
	} else {
		den = new(big.Int).Lsh(den, uint(-shift)) // den may be a shared power of ten
	}
	q, _ := num.QuoRem(num, den, &r)
	dropped := q.BitLen() - 53
	mantissa := q.Uint64() >> dropped
	half := uint64(1) << (dropped - 1)
	switch rest := q.Uint64() & (2*half - 1); {
	case rest > half, rest == half && (r.Sign() != 0 || mantissa&1 == 1):
		mantissa++ // 2^53 at most, still exact
	}
	// mantissa × 2^(dropped − shift): a product by a power of two is exact.
	f := float64(mantissa) * math.Float64frombits(uint64(1023+dropped-shift)<<52)
	if neg {
		return -f
	}
	return f
}
