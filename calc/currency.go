package calc

import "github.com/shopspring/decimal"

// The presets' money is in US dollars, as their sources quote it. For
// another currency the engine converts it at one fixed, dated table of
// reference rates and rounds it to 2 significant figures (650 USD → 510 GBP),
// so that a reader in yen never sees a ¥650 membership. A currency outside
// the table keeps the dollar amounts, and the report says so in
// defaultsCurrency. Figures the reader gives are never converted.

// RateTable is a fixed, dated table of reference rates: the units of each
// currency one euro bought on Date, as the source published them. An amount
// in From converts at (the currency per euro) / (From per euro).
type RateTable struct {
	Date   string `json:"date"`   // ISO 8601: "2024-06-28"
	Source string `json:"source"` // who published the rates
	From   string `json:"from"`   // the currency of the defaults' money: USD
	Rates  []Rate `json:"rates"`  // in the order of Currencies
}

// Rate is one currency of a RateTable.
type Rate struct {
	Currency string          `json:"currency"`
	PerEuro  decimal.Decimal `json:"perEuro"` // as published
	// PerDollar is what one US dollar converts to, to 4 places for a reader;
	// the conversion itself keeps 16.
	PerDollar decimal.Decimal `json:"perDollar"`
}

// referenceRates are the European Central Bank's euro foreign exchange
// reference rates of Friday 28 June 2024, as its eurofxref-daily.xml of
// that day gives them. They were read from the copy of that file quoted in
// full in github.com/dialogplay/tool-directory,
// integrations/ecb_exchange_rate/README.md (commit 65cf17e). The euro is 1 by
// definition. Check: 650 × 0.84638 / 1.0705 = 513.9, 510 GBP, as the model
// says.
var referenceRates = RateTable{
	Date:   "2024-06-28",
	Source: "European Central Bank's euro foreign exchange reference rates",
	From:   defaultCurrency,
	Rates: []Rate{
		{Currency: "USD", PerEuro: dec("1.0705")},
		{Currency: "EUR", PerEuro: dec("1")},
		{Currency: "GBP", PerEuro: dec("0.84638")},
		{Currency: "CAD", PerEuro: dec("1.4670")},
		{Currency: "AUD", PerEuro: dec("1.6079")},
		{Currency: "CHF", PerEuro: dec("0.9634")},
		{Currency: "INR", PerEuro: dec("89.2495")},
		{Currency: "JPY", PerEuro: dec("171.94")},
	},
}

// dollarRates are the units of each currency of referenceRates that one US
// dollar buys, to divPlaces places.
var dollarRates = func() map[string]decimal.Decimal {
	var usd decimal.Decimal
	for _, r := range referenceRates.Rates {
		if r.Currency == referenceRates.From {
			usd = r.PerEuro
		}
	}
	m := map[string]decimal.Decimal{}
	for _, r := range referenceRates.Rates {
		m[r.Currency] = r.PerEuro.DivRound(usd, divPlaces)
	}
	return m
}()

// ReferenceRates returns the table the presets' money is converted at, each
// rate with what one US dollar converts to.
func ReferenceRates() RateTable {
	t := referenceRates
	t.Rates = append([]Rate(nil), t.Rates...)
	for i := range t.Rates {
		t.Rates[i].PerDollar = dollarRates[t.Rates[i].Currency].Round(4)
	}
	return t
}

// DefaultsCurrency is the currency the default amounts of an input in
// currency are in: currency itself when the reference rates convert to it,
// else "USD".
func DefaultsCurrency(currency string) string {
	if _, ok := dollarRates[currency]; ok {
		return currency
	}
	return defaultCurrency
}

// convertDefault converts a default amount from US dollars to currency:
// amount × rate, rounded to 2 significant figures. The dollar amount is kept
// for US dollars and for a currency outside the reference rates.
func convertDefault(usd decimal.Decimal, currency string) decimal.Decimal {
	rate, ok := dollarRates[currency]
	if !ok || currency == defaultCurrency {
		return usd
	}
	return roundSignificant(usd.Mul(rate), 2)
}

// roundSignificant rounds v half away from zero to digits significant
// figures: 513.9 to 2 is 510, 99.6 is 100. Zero stays zero.
func roundSignificant(v decimal.Decimal, digits int32) decimal.Decimal {
	if v.IsZero() {
		return v
	}
	// The leading digit's power of ten: 2 for 513.9 (coefficient 5139, exponent -1).
	magnitude := int32(v.NumDigits()) + v.Exponent() - 1
	return v.Round(digits - 1 - magnitude)
}

// defaultsIn converts every money figure of figs, defaults in US dollars,
// to currency.
func defaultsIn(figs []figure, currency string) {
	for _, f := range figs {
		if f.unit == unitMoney {
			*f.at = convertDefault(*f.at, currency)
		}
	}
}

// PresetIn is Preset with its money in currency (see DefaultsCurrency).
func PresetIn(kind Kind, currency string) (Option, bool) {
	o, ok := Preset(kind)
	var figs [maxFigures]figure
	defaultsIn(o.figures(figs[:0]), currency)
	return o, ok
}

// DefaultInputIn is DefaultInput in currency, its money converted (see
// DefaultsCurrency).
func DefaultInputIn(currency string) Input {
	in := DefaultInput()
	in.Currency = currency
	var figs [maxFigures]figure
	defaultsIn(in.figures(figs[:0]), currency)
	for i := range in.Options {
		defaultsIn(in.Options[i].figures(figs[:0]), currency)
	}
	return in
}
