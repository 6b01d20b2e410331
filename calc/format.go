package calc

import (
	"math/big"
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
	if shift := int64(d.Exponent()) + int64(places); shift >= 0 { // no digit is dropped
		f.q.Mul(coef, powerOfTen(shift, &f.divisor))
	} else {
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
	if neg && f.q.Sign() != 0 {
		buf = append(buf, '-')
	}
	start := len(buf)
	if f.q.IsInt64() {
		buf = strconv.AppendInt(buf, f.q.Int64(), 10)
	} else {
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
