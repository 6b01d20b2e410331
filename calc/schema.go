package calc

import "github.com/shopspring/decimal"

// Schema is what a form needs to know of the input, from the engine's own
// tables: every numeric field with its label, unit and bounds, the kinds
// with their names, every default with its source, the currencies offered,
// the reference rates the defaults' money is converted at, and the limits on
// options and the horizon. The widget builds its form, its
// limits and its kind menu from it, so that no label, limit or default is
// written twice.
type Schema struct {
	Fields       []FieldSpec `json:"fields"`
	Kinds        []KindSpec  `json:"kinds"`
	DefaultKinds []Kind      `json:"defaultKinds"` // the options of the default comparison
	Defaults     []Default   `json:"defaults"`     // money in US dollars, converted for another currency at ReferenceRates
	Currencies   []string    `json:"currencies"`
	// ReferenceRates is the table the defaults' money is converted at.
	ReferenceRates RateTable `json:"referenceRates"`
	MaxOptions     int       `json:"maxOptions"`
	MaxNameRunes   int       `json:"maxNameRunes"` // the longest name of an option, in characters
}

// FieldSpec describes one numeric input as a form shows it.
type FieldSpec struct {
	Path  string          `json:"path"`  // "hourlyValue", "options[].annualFee", "options[].reach.passOnRate", "options[].track.monthsIn"
	Label string          `json:"label"` // the reader's words for it, in the form and in its errors
	Unit  string          `json:"unit"`  // money, rate (a fraction, typed as a percentage), hours, count, months or number (a plain ratio)
	Min   decimal.Decimal `json:"min"`
	Max   decimal.Decimal `json:"max"`
	// Default is the field's value when no preset sets it: the business
	// fields' defaults and the horizon; zero for an option's fields.
	Default decimal.Decimal `json:"default"`
}

// KindSpec is a kind and the name its options start with.
type KindSpec struct {
	Kind Kind   `json:"kind"`
	Name string `json:"name"`
}

// unitNames are the units as the schema writes them.
var unitNames = [...]string{unitMoney: "money", unitRate: "rate", unitHours: "hours", unitCount: "count", unitMonths: "months", unitNumber: "number"}

// InputSchema returns the schema of the input.
func InputSchema() Schema {
	s := Schema{Defaults: Defaults(), Currencies: Currencies(), ReferenceRates: ReferenceRates(), MaxOptions: MaxOptions, MaxNameRunes: MaxNameRunes}
	business := defaultBusiness()
	s.Fields = append(s.Fields, FieldSpec{
		Path: "horizonMonths", Label: horizonLabel, Unit: unitNames[unitMonths],
		Min: decimal.NewFromInt(MinHorizonMonths), Max: decimal.NewFromInt(MaxHorizonMonths), Default: decimal.NewFromInt(int64(business.HorizonMonths)),
	})
	var figs [maxFigures]figure
	for _, f := range business.figures(figs[:0]) {
		s.Fields = append(s.Fields, fieldSpec("", f, *f.at))
	}
	for _, f := range (&Option{}).figures(figs[:0]) {
		s.Fields = append(s.Fields, fieldSpec("options[].", f, zero))
	}
	for _, f := range (&Reach{}).figures(figs[:0]) {
		s.Fields = append(s.Fields, fieldSpec("options[].reach.", f, zero))
	}
	for _, f := range (&Track{}).figures(figs[:0]) {
		spec := fieldSpec("options[].track.", f, zero)
		if f.key == "monthsIn" {
			spec.Min = decimal.NewFromInt(MinMonthsIn)
		}
		s.Fields = append(s.Fields, spec)
	}
	for _, k := range kindNames {
		s.Kinds = append(s.Kinds, KindSpec{k.kind, k.name})
	}
	for _, o := range defaultOptions() {
		s.DefaultKinds = append(s.DefaultKinds, o.Kind)
	}
	return s
}

func fieldSpec(parent string, f figure, def decimal.Decimal) FieldSpec {
	return FieldSpec{Path: parent + f.key, Label: f.label, Unit: unitNames[f.unit], Min: zero, Max: f.max, Default: def}
}
