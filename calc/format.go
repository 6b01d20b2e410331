package calc

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// fixedFormatter appends decimals rounded half-even to a number of places,
// digit for digit what StringFixedBank writes, but into one buffer and with
// scratch integers reused from number to number: a reply holds hundreds of
// figures.
type fixedFormatter struct {
	q, r, divisor, twice big.Int // divisor: scratch for shifts beyond the table
}

// powersOfTen[k] is 10^k, for the shifts a reply needs: a figure has at most
// 2 × 16 decimal places from products of divisions, plus a few.
var powersOfTen = func() []*big.Int {
	p := make([]*big.Int, 48)
	p[0] = big.NewInt(1)
	for k := 1; k < len(p); k++ {
		p[k] = new(big.Int).Mul(p[k-1], big.NewInt(10))
	}
	return p
}()

// powerOfTen is 10^k, from the table or computed into scratch.
func powerOfTen(k int64, scratch *big.Int) *big.Int {
	if k < int64(len(powersOfTen)) {
		return powersOfTen[k]
	}
	return scratch.Exp(big.NewInt(10), big.NewInt(k), nil)
}

var bigOne = big.NewInt(1)

// appendFixed appends d rounded half-even to places (0 to 4).
func (f *fixedFormatter) appendFixed(buf []byte, d decimal.Decimal, places int32) []byte {
	coef := d.Coefficient()
	neg := coef.Sign() < 0
	coef.Abs(coef)
	shift := int64(d.Exponent()) + int64(places)
	q, small := roundedWords(coef.Bits(), shift)
	if !small {
		f.roundBig(coef, shift)
	}
	if neg && (small && q != 0 || !small && f.q.Sign() != 0) {
		buf = append(buf, '-')
	}
	start := len(buf)
	switch {
	case small:
		buf = strconv.AppendUint(buf, q, 10)
	case f.q.IsInt64():
		buf = strconv.AppendInt(buf, f.q.Int64(), 10)
	default:
		buf = f.q.Append(buf, 10)
	}
	// pad to at least places+1 digits, then insert the point
	for int32(len(buf)-start) <= places {
		buf = append(buf[:start+1], buf[start:]...)
		buf[start] = '0'
	}
	if places > 0 {
		point := len(buf) - int(places)
		buf = append(buf, 0)
		copy(buf[point+1:], buf[point:])
		buf[point] = '.'
	}
	return buf
}

// roundBig sets f.q to coef × 10^shift rounded half-even to a whole number.
func (f *fixedFormatter) roundBig(coef *big.Int, shift int64) {
	if shift >= 0 { // no digit is dropped
		f.q.Mul(coef, powerOfTen(shift, &f.divisor))
		return
	}
	divisor := powerOfTen(-shift, &f.divisor)
	f.q.QuoRem(coef, divisor, &f.r)
	switch f.twice.Lsh(&f.r, 1).Cmp(divisor) {
	case 1:
		f.q.Add(&f.q, bigOne)
	case 0: // a tie: to even (the low word, as Bit(0) is more code)
		if w := f.q.Bits(); len(w) > 0 && w[0]&1 == 1 {
			f.q.Add(&f.q, bigOne)
		}
	}
}

// roundedWords is roundBig for the common case, in machine words rather
// than big.Int: a coefficient of at most two words (magnitude words, least
// significant first) whose digits beyond the places are dropped, by at most
// 19 digits, into a whole number of one word. small is false otherwise.
func roundedWords(words []big.Word, shift int64) (q uint64, small bool) {
	if bits.UintSize != 64 || len(words) > 2 || shift >= 0 || shift < -19 {
		return 0, false
	}
	var hi, lo uint64
	switch len(words) {
	case 2:
		hi, lo = uint64(words[1]), uint64(words[0])
	case 1:
		lo = uint64(words[0])
	}
	divisor := pow10Words[-shift]
	if hi >= divisor { // the quotient needs two words
		return 0, false
	}
	q, r := bits.Div64(hi, lo, divisor)
	// Half-even: up past the half, and at the half to even. r < divisor,
	// so divisor − r does not wrap where 2r might.
	if half := divisor - r; r > half || r == half && q&1 == 1 {
		if q == math.MaxUint64 {
			return 0, false
		}
		q++
	}
	return q, true
}

// pow10Words[k] is 10^k, for k up to 19, the largest power of ten a word
// holds.
var pow10Words = func() (p [20]uint64) {
	p[0] = 1
	for k := 1; k < len(p); k++ {
		p[k] = p[k-1] * 10
	}
	return p
}()
