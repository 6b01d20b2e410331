package calc

import (
	"bytes"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ComputeJSON is the engine's one entry of the JSON contract: it decodes the
// input, computes it and replies {"report": {...}} or {"errors": [...]}.
// Decimals in the reply are strings: money, hours, referrals, clients and
// break-even counts rounded half-even to 2 places, ratios to 4.
func ComputeJSON(input []byte) []byte {
	in, errs := DecodeInput(input)
	if len(errs) > 0 {
		return EncodeErrors(errs)
	}
	return EncodeReport(report(in)) // DecodeInput validated it
}

// CompleteJSON reads an input and writes it back as {"input": {...}} with
// every field written out: the fields it leaves out take their defaults (the
// reader's business from the default comparison, an option's figures from its
// kind's preset, their money in the input's currency), as ComputeJSON would
// take them. A widget starts from the
// result, so that its form shows every figure the engine uses. Bad input gets
// the same {"errors": [...]} as from ComputeJSON.
func CompleteJSON(input []byte) []byte {
	in, errs := DecodeInput(input)
	if len(errs) > 0 {
		return EncodeErrors(errs)
	}
	return append(append([]byte(`{"input":`), EncodeInput(in)...), '}')
}

// EncodeErrors writes {"errors": [...]}.
func EncodeErrors(errs Errors) []byte {
	var w jsonWriter
	w.buf.Grow(128*len(errs) + 16)
	w.raw(`{"errors":[`)
	for i, e := range errs {
		w.comma(i)
		w.raw(`{"field":`)
		w.str(e.Field)
		w.raw(`,"code":`)
		w.str(string(e.Code))
		w.raw(`,"message":`)
		w.str(e.Message)
		w.raw(`}`)
	}
	w.raw(`]}`)
	return w.buf.Bytes()
}

// EncodeReport writes {"report": {...}}.
func EncodeReport(r Report) []byte {
	// A month takes about 160 bytes, the rest of an option about 2 KB: the
	// estimate holds nearly every reply, so the buffer rarely grows.
	var w jsonWriter
	w.buf.Grow(512 + len(r.Options)*(2048+r.HorizonMonths*176))
	w.raw(`{"report":{"currency":`)
	w.str(r.Currency)
	w.raw(`,"defaultsCurrency":`)
	w.str(DefaultsCurrency(r.Currency))
	w.raw(`,"horizonMonths":`)
	w.int(r.HorizonMonths)
	w.raw(`,"options":[`)
	for i := range r.Options {
		w.comma(i)
		w.option(&r.Options[i])
	}
	c := r.Comparison
	w.raw(`],"comparison":{"best":`)
	if c.Best >= 0 && c.Best < len(r.Options) {
		w.int(c.Best)
		w.raw(`,"bestName":`)
		w.str(r.Options[c.Best].Name)
	} else { // every option blank, or a report not made by Compute
		w.raw(`null,"bestName":null`)
	}
	w.raw(`,"tie":`)
	w.raw(strconv.FormatBool(c.Tie))
	w.raw(`,"gaps":[`)
	for i, g := range c.Gaps {
		w.comma(i)
		w.money(g)
	}
	w.raw(`],"crossoverMonth":`)
	w.optInt(c.CrossoverMonth)
	w.raw(`,"chanceBest":[`)
	for i, p := range c.ChanceBest {
		w.comma(i)
		w.probability(p)
	}
	v := c.VerdictParts
	w.raw(`],"verdictParts":{"case":`)
	w.str(v.Case)
	w.raw(`,"best":`)
	if v.Best >= 0 {
		w.int(v.Best)
	} else {
		w.raw(`null`)
	}
	w.raw(`,"runnerUp":`)
	w.optInt(v.RunnerUp)
	w.raw(`,"amount":`)
	w.money(v.Amount)
	w.raw(`,"horizonMonths":`)
	w.int(v.HorizonMonths)
	w.raw(`,"paybackMonth":`)
	w.optInt(v.PaybackMonth)
	w.raw(`,"chanceBest":`)
	if v.ChanceBest == nil {
		w.raw(`null`)
	} else {
		w.probability(*v.ChanceBest)
	}
	w.optFigures(referralsToBreakEvenKey, 2, v.ReferralsToBreakEven)
	w.raw(`,"incomplete":[`)
	for i, k := range v.Incomplete {
		w.comma(i)
		w.int(k)
	}
	w.raw(`]`)
	if v.Renewal { // absent unless the verdict speaks of renewing, so that other replies are as before
		w.raw(`,"renewal":true,"chanceStayingPays":`)
		if v.ChanceStayingPays == nil {
			w.raw(`null`)
		} else {
			w.probability(*v.ChanceStayingPays)
		}
	}
	w.raw(`},"verdict":`)
	w.str(c.Verdict)
	w.raw(`}}}`)
	return w.buf.Bytes()
}

// The keys of an option's figures in the reply, in order.
var (
	totalKeys       = []string{"referralsPerMonth", "fees", "meals", "travel", "cash", "hours", "timeCost", "cost", "referrals", "clients", "revenue", "profit", "net"}
	roiKeys         = []string{"roi", "cashRoi"}
	whatItTakesKeys = []string{"referralsToBreakEven", "referralsToMatchBest"}
	breakEvenKeys   = []string{"breakEvenClients", "breakEvenReferrals", "breakEvenReferralsPerYear", "costPerReferral", "costPerClient", "hoursPerClient", "hourlyReturn"}
	quantileKeys    = []string{"p10", "p50", "p90"}
	sensitivityKeys = []string{"low", "high", "swing"}
	monthKeys       = []string{"cash", "hours", "timeCost", "referrals", "clients", "profit", "net"}
	trackReportKeys = []string{"expected", "referrals", "clients", "factor", "closeRate"}
)

func (w *jsonWriter) option(o *OptionReport) {
	w.raw(`{"name":`)
	w.str(o.Name)
	w.raw(`,"kind":`)
	w.str(string(o.Kind))
	if o.Incomplete {
		w.raw(`,"incomplete":true`)
	} else {
		w.raw(`,"incomplete":false`)
	}
	t := &o.Totals
	w.figures(totalKeys, 2, o.ReferralsPerMonth, t.Fees, t.Meals, t.Travel, t.Cash, t.Hours, t.TimeCost, t.Cost,
		t.Referrals, t.Clients, t.Revenue, t.Profit, t.Net)
	if o.RelationshipsAtHorizon != nil {
		w.figures(relationshipsAtHorizonKey, 2, *o.RelationshipsAtHorizon)
		w.figures(referralsPerRelationshipKey, 4, *o.ReferralsPerRelationship)
	}
	if tr := o.Track; tr != nil { // absent without a track, so that such a reply is as before
		w.raw(`,"track":{"monthsIn":`)
		w.int(tr.MonthsIn)
		w.figures(trackReportKeys[:3], 2, tr.Expected, tr.Referrals, tr.Clients)
		w.figures(trackReportKeys[3:], 4, tr.Factor, tr.CloseRate)
		w.raw(`}`)
	}
	w.optFigures(whatItTakesKeys, 2, o.ReferralsToBreakEven, o.ReferralsToMatchBest)
	w.optFigures(roiKeys, 4, o.ROI, o.CashROI)
	w.key("paybackMonth")
	w.optInt(o.PaybackMonth)
	w.optFigures(breakEvenKeys, 2, o.BreakEvenClients, o.BreakEvenReferrals, o.BreakEvenReferralsPerYear,
		o.CostPerReferral, o.CostPerClient, o.HoursPerClient, o.HourlyReturn)
	if u := o.Uncertainty; u == nil {
		w.raw(`,"uncertainty":null`)
	} else {
		w.raw(`,"uncertainty":{"breakEvenProbability":`)
		w.probability(u.BreakEvenProbability)
		w.figures(quantileKeys, 2, u.P10, u.P50, u.P90)
		w.raw(`}`)
	}
	w.raw(`,"sensitivity":[`)
	var swings [3]repeated // entries of inputs with the same part of net repeat their figures
	for i, s := range o.Sensitivity {
		w.comma(i)
		w.raw(`{"field":`)
		w.str(s.Field)
		for j, v := range [...]decimal.Decimal{s.Low, s.High, s.Swing} {
			w.repeated(&swings[j], sensitivityKeys[j], v)
		}
		if s.CostOnly {
			w.raw(`,"costOnly":true}`)
		} else {
			w.raw(`,"costOnly":false}`)
		}
	}
	w.raw(`],"months":[`)
	var figures [7]repeated // months repeat most figures of the month before
	for i, m := range o.Months {
		w.comma(i)
		w.raw(`{"month":`)
		w.int(m.Month)
		for j, v := range [...]decimal.Decimal{m.Cash, m.Hours, m.TimeCost, m.Referrals, m.Clients, m.Profit, m.Net} {
			w.repeated(&figures[j], monthKeys[j], v)
		}
		w.figures(cumulativeKey, 2, m.CumulativeNet)
		w.raw(`}`)
	}
	w.raw(`]}`)
}

// repeated is the text of a money figure as last written, copied rather than
// written again while the figure stays the same.
type repeated struct {
	value decimal.Decimal
	text  []byte // ,"key":"value"
}

// repeated writes ,"key":"value" to 2 places, or copies r's text if v is
// identical to its value.
func (w *jsonWriter) repeated(r *repeated, key string, v decimal.Decimal) {
	if r.text != nil && identical(v, r.value) {
		w.buf.Write(r.text)
		return
	}
	start := w.buf.Len()
	w.key(key)
	w.decimalString(v, 2)
	r.value, r.text = v, w.buf.Bytes()[start:w.buf.Len():w.buf.Len()]
}

var (
	cumulativeKey               = []string{"cumulativeNet"}
	relationshipsAtHorizonKey   = []string{"relationshipsAtHorizon"}
	referralsToBreakEvenKey     = []string{"referralsToBreakEven"}
	referralsPerRelationshipKey = []string{"referralsPerRelationship"}
)

// figures writes ,"key":"value" for each key and value, rounded half-even to
// places.
func (w *jsonWriter) figures(keys []string, places int32, values ...decimal.Decimal) {
	for i, v := range values {
		w.key(keys[i])
		w.decimalString(v, places)
	}
}

// optFigures is figures for figures that may not exist, written as null.
func (w *jsonWriter) optFigures(keys []string, places int32, values ...*decimal.Decimal) {
	for i, v := range values {
		w.key(keys[i])
		if v == nil {
			w.raw("null")
		} else {
			w.decimalString(*v, places)
		}
	}
}

// jsonWriter appends JSON to one buffer. Its writes are bytes.Buffer's
// calls, not appends: an append is copied into each of the writer's hundred
// call sites, which made the .wasm 4.5 KB larger (brotli).
type jsonWriter struct {
	buf bytes.Buffer
	fmt fixedFormatter
}

// raw appends s as it is.
func (w *jsonWriter) raw(s string) { w.buf.WriteString(s) }

// comma writes the comma before every element of a list but the first.
func (w *jsonWriter) comma(i int) {
	if i > 0 {
		w.buf.WriteByte(',')
	}
}

// key writes ,"k": before a member that is not the first.
func (w *jsonWriter) key(k string) {
	w.buf.WriteString(`,"`)
	w.buf.WriteString(k)
	w.buf.WriteString(`":`)
}

func (w *jsonWriter) int(n int) {
	w.buf.Write(strconv.AppendInt(w.buf.AvailableBuffer(), int64(n), 10))
}

func (w *jsonWriter) optInt(n *int) {
	if n == nil {
		w.raw("null")
		return
	}
	w.int(*n)
}

// decimalString writes d rounded half-even to places as a JSON string, or
// exactly as it is where places is negative.
func (w *jsonWriter) decimalString(d decimal.Decimal, places int32) {
	w.buf.WriteByte('"')
	if places < 0 {
		w.buf.WriteString(d.String())
	} else {
		w.buf.Write(w.fmt.appendFixed(w.buf.AvailableBuffer(), d, places))
	}
	w.buf.WriteByte('"')
}

func (w *jsonWriter) money(d decimal.Decimal) { w.decimalString(d, 2) }

// probability writes p to 4 places as a JSON number.
func (w *jsonWriter) probability(p float64) {
	w.buf.Write(strconv.AppendFloat(w.buf.AvailableBuffer(), math.Round(p*10000)/10000, 'f', -1, 64))
}

// str writes s as a JSON string, escaping what JSON and HTML embedding need.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := w.buf.AvailableBuffer()
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				b = append(b, `\ufffd`...)
			case r == '\u2028' || r == '\u2029':
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			default:
				b = append(b, s[i:i+size]...)
			}
			i += size
			continue
		}
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
		i++
	}
	b = append(b, '"')
	w.buf.Write(b)
}

// EncodeInput writes an input as JSON that DecodeInput reads back to the same
// input, every number as an exact decimal string.
func EncodeInput(in Input) []byte {
	var w jsonWriter
	w.buf.Grow(512 + 512*len(in.Options))
	w.raw(`{"currency":`)
	w.str(in.Currency)
	w.raw(`,"horizonMonths":`)
	w.int(in.HorizonMonths)
	var figs [maxFigures]figure
	writeFields(&w, in.figures(figs[:0]), "")
	w.raw(`,"options":[`)
	for i := range in.Options {
		o := &in.Options[i]
		w.comma(i)
		w.raw(`{"name":`)
		w.str(o.Name)
		w.raw(`,"kind":`)
		w.str(string(o.Kind))
		skip := ""
		if o.Reach != nil {
			skip = "referralsPerMonth" // estimated from reach instead
			w.raw(`,"reach":{`)
			writeFields(&w, o.Reach.figures(figs[:0]), "")
			w.raw(`}`)
		}
		writeFields(&w, o.figures(figs[:0]), skip)
		if o.Track != nil {
			w.raw(`,"track":{`)
			writeFields(&w, o.Track.figures(figs[:0]), "")
			w.raw(`}`)
		}
		w.raw(`}`)
	}
	w.raw(`]}`)
	return w.buf.Bytes()
}

// writeFields writes every figure as "key":"decimal", each after a comma (the
// first one too, unless the object has just opened), but skip.
func writeFields(w *jsonWriter, figs []figure, skip string) {
	for _, f := range figs {
		if f.key == skip {
			continue
		}
		if b := w.buf.Bytes(); b[len(b)-1] == '{' {
			w.raw(`"` + f.key + `":`)
		} else {
			w.key(f.key)
		}
		w.decimalString(*f.at, -1)
	}
}

// identical reports whether a and b are the same number written with the
// same exponent, as the figures months share are; it never rescales.
func identical(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Equal(b)
}
