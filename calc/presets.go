package calc

import (
	"strings"

	"github.com/shopspring/decimal"
)

// dec reads a decimal constant written in the code, within the bounds of an
// input; it panics on a typo.
func dec(s string) decimal.Decimal {
	v, code, reason := parseNumber(s)
	if code != "" {
		panic("calc: the constant " + s + " " + reason)
	}
	return v
}

// Default is one default figure and where it comes from: a published figure
// with its source, or "Our assumption: …". Every default of the model is one,
// so that the widget can show each with its source and no default is
// written anywhere else.
type Default struct {
	Kind   Kind            `json:"kind"`   // the preset it belongs to; "" for the reader's business and the reach figures every group shares
	Field  string          `json:"field"`  // its path within the input or the option: "hourlyValue", "annualFee", "reach.passOnRate"
	Value  decimal.Decimal `json:"value"`  // as the input writes it: rates are fractions
	Source string          `json:"source"` // where it comes from, in a sentence
}

// Sources quoted by several defaults.
const (
	sourceBNICosts     = `BNI-style costs: "$500 a year", "$750-1,200 a year all in including $10-20 a week for food or room" (questionpro.com blog on BNI costs).`
	sourceMeal         = `"$10-20 a week" for food or room (questionpro.com blog on BNI costs); 4Networking: £15 a meeting.`
	sourceBNIMeetings  = `BNI policies: weekly, 90 minutes; "The Mathematics Behind BNI": 15 minutes each way; our assumption: 50 weeks a year, for holidays.`
	sourceBNIOneToOnes = "BNI guidance: one one-to-one a week, an hour with travel."
	sourceOpenNetwork  = "4Networking-style monthly events of two hours; our assumption: a longer trip than to a local breakfast."
	sourceOneToOnes    = "Our assumption: two one-to-ones a month, an hour each, over a coffee."
	sourceChamber      = "Our assumption for a small business's local chamber: replace with your chamber's figures."
	sourceSandler      = "Sandler, via Fearless Referrals: 50 % of referrals close for an expected call, 80 % for a personal introduction, 15 % for a name-drop."
	sourceSpread       = "Our assumption: how unsure a new member can be of the rate; 0 means the rate is known."
)

// defaults lists every default figure with its source, by preset. The
// reader's business comes first, then the reach figures every group shares
// (the presets share every assumption that is not a structural difference
// between them, so that the default verdict comes from size, fees, meetings
// and competitors, not from a rate given to one side), then each kind's
// preset. A kind with a reach.groupSize estimates referrals from reach.
var defaults = []Default{
	{"", "hourlyValue", dec("50"), `$100k a year over 2,000 working hours (LeTip; "The Mathematics Behind BNI"); a placeholder to replace.`},
	{"", "billableShare", dec("1"), "Our assumption: every networking hour would otherwise be billed; lower it if some would not."},
	{"", "dealValue", dec("2000"), "A placeholder: replace it with what a new client brings you."},
	{"", "dealsPerClient", dec("1"), "Our assumption: one deal per client; raise it for clients who come back."},
	{"", "grossMargin", dec("0.5"), "A placeholder: replace it with your own margin."},

	{"", "reach.relationships", dec("0"), "A new member: nobody in the group knows you yet. Trust takes the place of a ramp."},
	{"", "reach.relationshipsPerMonth", dec("2"), "Our assumption for every group: half of a weekly group's one-to-ones; an open network's two one-to-ones and its events."},
	{"", "reach.trustMonths", dec("6"), `"Expect 6-18 months" before referrals come (Ivan Misner).`},
	{"", "reach.contactsPerRelationship", dec("600"), "A personal network of about 611 people (McCormick, Salganik & Zheng 2010)."},
	{"", "reach.targetShare", dec("0.05"), "Our assumption: the share of anyone's contacts in your market; replace it with yours."},
	{"", "reach.inMarketShare", dec("0.2"), `B2B: about 5 % of buyers are in the market in a quarter (Dawes 2021, "the 95:5 rule"), about 20 % in a year.`},
	{"", "reach.passOnRate", dec("0.25"), "Our assumption: 83 % of satisfied clients say they would refer, 29 % do (a Texas Tech study, often cited)."},

	{KindWeeklyGroup, "joiningFee", dec("100"), sourceBNICosts},
	{KindWeeklyGroup, "annualFee", dec("650"), sourceBNICosts},
	{KindWeeklyGroup, "mealCost", dec("15"), sourceMeal},
	{KindWeeklyGroup, "travelCost", dec("4"), "Our assumption: a short local drive and parking."},
	{KindWeeklyGroup, "meetingsPerYear", dec("50"), sourceBNIMeetings},
	{KindWeeklyGroup, "meetingHours", dec("1.5"), sourceBNIMeetings},
	{KindWeeklyGroup, "travelHours", dec("0.5"), sourceBNIMeetings},
	{KindWeeklyGroup, "oneToOnesPerMonth", dec("4"), sourceBNIOneToOnes},
	{KindWeeklyGroup, "oneToOneHours", dec("1"), sourceBNIOneToOnes},
	{KindWeeklyGroup, "oneToOneCost", dec("5"), "Our assumption: a coffee at each one-to-one."},
	{KindWeeklyGroup, "otherHoursPerMonth", dec("2"), "Our assumption for every group: preparing, following up, online activity."},
	{KindWeeklyGroup, "reach.groupSize", dec("25"), `Seed: a weekly group of "15-25 people".`},
	{KindWeeklyGroup, "reach.competitors", dec("0"), "One seat per profession: no competitor in the room."},
	{KindWeeklyGroup, "closeRate", dec("0.5"), sourceSandler},
	{KindWeeklyGroup, "referralSpread", dec("0.5"), sourceSpread},

	{KindOpenNetwork, "monthlyFee", dec("10"), `Seed: "base membership is about £10/month", kept as 10 in the preset's US dollars.`},
	{KindOpenNetwork, "meetingsPerYear", dec("12"), sourceOpenNetwork},
	{KindOpenNetwork, "mealCost", dec("15"), sourceMeal},
	{KindOpenNetwork, "meetingHours", dec("2"), sourceOpenNetwork},
	{KindOpenNetwork, "travelHours", dec("0.75"), sourceOpenNetwork},
	{KindOpenNetwork, "travelCost", dec("6"), sourceOpenNetwork},
	{KindOpenNetwork, "oneToOnesPerMonth", dec("2"), sourceOneToOnes},
	{KindOpenNetwork, "oneToOneHours", dec("1"), sourceOneToOnes},
	{KindOpenNetwork, "oneToOneCost", dec("5"), sourceOneToOnes},
	{KindOpenNetwork, "otherHoursPerMonth", dec("2"), "Our assumption for every group: preparing, following up, online activity."},
	{KindOpenNetwork, "reach.groupSize", dec("500"), `Seed: "a group of five hundred".`},
	{KindOpenNetwork, "reach.competitors", dec("2"), "Our assumption: a few of 500 members sell what you sell."},
	{KindOpenNetwork, "closeRate", dec("0.5"), sourceSandler},
	{KindOpenNetwork, "referralSpread", dec("0.5"), sourceSpread},

	{KindChamber, "annualFee", dec("450"), sourceChamber},
	{KindChamber, "meetingsPerYear", dec("12"), sourceChamber},
	{KindChamber, "mealCost", dec("20"), sourceChamber},
	{KindChamber, "travelCost", dec("5"), sourceChamber},
	{KindChamber, "meetingHours", dec("2"), sourceChamber},
	{KindChamber, "travelHours", dec("0.5"), sourceChamber},
	{KindChamber, "oneToOnesPerMonth", dec("2"), sourceOneToOnes},
	{KindChamber, "oneToOneHours", dec("1"), sourceOneToOnes},
	{KindChamber, "oneToOneCost", dec("5"), sourceOneToOnes},
	{KindChamber, "otherHoursPerMonth", dec("2"), "Our assumption for every group: preparing, following up, online activity."},
	{KindChamber, "reach.groupSize", dec("200"), sourceChamber + " Regular attendees of its events."},
	{KindChamber, "reach.competitors", dec("1"), sourceChamber},
	{KindChamber, "closeRate", dec("0.5"), sourceSandler},
	{KindChamber, "referralSpread", dec("0.5"), sourceSpread},
}

// Defaults returns every default figure with its source: the reader's
// business, the reach helper's starting figures and each preset's figures.
// Fields a preset does not list are zero.
func Defaults() []Default {
	return append([]Default(nil), defaults...)
}

// kindNames are the names an option of each kind starts with, in the order
// a reader is offered the kinds.
var kindNames = []struct {
	kind Kind
	name string
}{
	{KindWeeklyGroup, "Weekly referral group"},
	{KindOpenNetwork, "Large open network"},
	{KindChamber, "Chamber of commerce"},
	{KindCustom, "Custom option"},
}

// Default settings of the reader's business.
var (
	defaultCurrency      = "USD"
	defaultHorizonMonths = 24
)

// presets are every kind's starting option, built once from the defaults:
// their decimals are immutable, so every copy can share them (Preset copies
// the reach, which is a pointer).
var presets = func() map[Kind]Option {
	m := map[Kind]Option{}
	for _, k := range kindNames {
		o := Option{Name: k.name, Kind: k.kind}
		var figs, reachFigs [maxFigures]figure
		for _, d := range defaults {
			if d.Kind != k.kind {
				continue
			}
			key, isReach := strings.CutPrefix(d.Field, "reach.")
			if !isReach {
				*figureAt(o.figures(figs[:0]), key) = d.Value
				continue
			}
			if o.Reach == nil {
				r := DefaultReach()
				o.Reach = &r
			}
			*figureAt(o.Reach.figures(reachFigs[:0]), key) = d.Value
		}
		m[k.kind] = o
	}
	return m
}()

// figureAt is the figure of figs whose key is key; it panics on a key no
// figure has, which only a typo in the defaults can cause.
func figureAt(figs []figure, key string) *decimal.Decimal {
	for _, f := range figs {
		if f.key == key {
			return f.at
		}
	}
	panic("calc: no field " + key)
}

// businessDefault is the default of one of the reader's business fields.
func businessDefault(key string) decimal.Decimal {
	for _, d := range defaults {
		if d.Kind == "" && d.Field == key {
			return d.Value
		}
	}
	panic("calc: no default for " + key)
}

// DefaultReach is the reach figures every group shares, with no cap on
// relationships and no competitor: the starting figures of an option whose
// kind has no reach of its own.
func DefaultReach() Reach {
	var r Reach
	var figs [maxFigures]figure
	for _, d := range defaults {
		if d.Kind == "" && strings.HasPrefix(d.Field, "reach.") {
			*figureAt(r.figures(figs[:0]), strings.TrimPrefix(d.Field, "reach.")) = d.Value
		}
	}
	return r
}

// Preset returns the starting figures of an option of the given kind, with its
// default name. A custom option starts at zero everywhere. The second result is
// false for an unknown kind.
func Preset(kind Kind) (Option, bool) {
	o, ok := presets[kind]
	if o.Reach != nil {
		r := *o.Reach
		o.Reach = &r
	}
	return o, ok
}

// Kinds lists every kind, in the order a reader is offered them.
func Kinds() []Kind {
	kinds := make([]Kind, len(kindNames))
	for i, k := range kindNames {
		kinds[i] = k.kind
	}
	return kinds
}

// Currencies are the currencies the widget offers a reader, the default
// first. Any other ISO 4217 code is accepted too.
func Currencies() []string {
	return []string{defaultCurrency, "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY"}
}

// DefaultInput is the comparison the widget opens with: a weekly referral
// group against a large open network, over 24 months.
func DefaultInput() Input {
	in := defaultBusiness()
	in.Options = defaultOptions()
	return in
}

// defaultBusiness is DefaultInput without its options.
func defaultBusiness() Input {
	return Input{
		Currency:       defaultCurrency,
		HorizonMonths:  defaultHorizonMonths,
		HourlyValue:    businessDefault("hourlyValue"),
		BillableShare:  businessDefault("billableShare"),
		DealValue:      businessDefault("dealValue"),
		DealsPerClient: businessDefault("dealsPerClient"),
		GrossMargin:    businessDefault("grossMargin"),
	}
}

// defaultOptions are the options of DefaultInput.
func defaultOptions() []Option {
	weekly, _ := Preset(KindWeeklyGroup)
	open, _ := Preset(KindOpenNetwork)
	return []Option{weekly, open}
}
