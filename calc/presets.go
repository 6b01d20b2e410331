package calc

import "github.com/shopspring/decimal"

// dec reads a decimal constant written in the code, within the bounds of an
// input; it panics on a typo.
func dec(s string) decimal.Decimal {
	v, code, reason := parseNumber(s)
	if code != "" {
		panic("calc: the constant " + s + " " + reason)
	}
	return v
}

// Default figures of the reader's business, asked to be replaced.
var (
	defaultCurrency      = "USD"
	defaultHorizonMonths = 24
	// $100k a year over 2,000 working hours (LeTip; "The Mathematics Behind BNI").
	defaultHourlyValue = dec("50")
	// Placeholders the reader is asked to replace with their own figures.
	defaultDealValue   = dec("2000")
	defaultGrossMargin = dec("0.5")
)

// Preset returns the starting figures of an option of the given kind, with its
// default name. A custom option starts at zero everywhere. The second result is
// false for an unknown kind. Presets are built once: their decimals are
// immutable, so every copy can share them. Preset is kept out of line, as
// defaultOptions is: inlined, its copies of options would be repeated in
// each caller, growing the browser build.
//
//go:noinline
func Preset(kind Kind) (Option, bool) {
	switch kind {
	case KindWeeklyGroup:
		return weeklyGroup, true
	case KindOpenNetwork:
		return openNetwork, true
	case KindChamber:
		return chamberOfCommerce, true
	case KindCustom:
		return Option{Name: "Custom option", Kind: KindCustom}, true
	}
	return Option{}, false
}

// Kinds lists every kind, in the order a reader is offered them.
func Kinds() []Kind {
	return []Kind{KindWeeklyGroup, KindOpenNetwork, KindChamber, KindCustom}
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
		Currency:      defaultCurrency,
		HorizonMonths: defaultHorizonMonths,
		HourlyValue:   defaultHourlyValue,
		DealValue:     defaultDealValue,
		GrossMargin:   defaultGrossMargin,
	}
}

// defaultOptions are the options of DefaultInput.
//
//go:noinline
func defaultOptions() []Option { return []Option{weeklyGroup, openNetwork} }

// weeklyGroup is a BNI-style group: about 25 members, a weekly breakfast,
// one seat per profession.
var weeklyGroup = Option{
	Name: "Weekly referral group",
	Kind: KindWeeklyGroup,
	// "$500 a year", "$750-1,200 a year all in including $10-20 a week for
	// food or room" (questionpro.com blog on BNI costs).
	JoiningFee: dec("100"),
	AnnualFee:  dec("650"),
	MealCost:   dec("15"),
	// Our assumption: a short local drive and parking.
	TravelCost: dec("4"),
	// BNI policies: weekly, 90 minutes; "The Mathematics Behind BNI":
	// 15 minutes each way. Fifty weeks allows for holidays.
	MeetingsPerYear: dec("50"),
	MeetingHours:    dec("1.5"),
	TravelHours:     dec("0.5"),
	// BNI guidance: one one-to-one a week, an hour with travel; a coffee.
	OneToOnesPerMonth: dec("4"),
	OneToOneHours:     dec("1"),
	OneToOneCost:      dec("5"),
	// Our assumption: preparing the weekly pitch and follow-up.
	OtherHoursPerMonth: dec("2"),
	// Seed: "six or seven leads during the last month" from several
	// networks; BNI members' self-reported ~40 a year are mostly internal
	// and gross, so one a month once matured.
	ReferralsPerMonth: dec("1"),
	// "Expect 6-18 months" (Misner); BNI: 90-200 hours of participation.
	RampMonths: dec("6"),
	// Sandler, via Fearless Referrals: 50 % for an expected call, 80 % for
	// a personal introduction, 15 % for a name-drop.
	CloseRate: dec("0.5"),
}

// openNetwork is a large open network: hundreds of members, monthly events,
// a small monthly fee.
var openNetwork = Option{
	Name: "Large open network",
	Kind: KindOpenNetwork,
	// Seed: "base membership is about £10/month".
	MonthlyFee: dec("10"),
	// 4Networking-style: pay per meeting (£15), monthly events of two hours.
	MeetingsPerYear: dec("12"),
	MealCost:        dec("15"),
	MeetingHours:    dec("2"),
	TravelHours:     dec("0.75"),
	// Our assumption: events are further away than a local breakfast.
	TravelCost: dec("6"),
	// Our assumption: one one-to-one a month with a new contact.
	OneToOnesPerMonth: dec("1"),
	OneToOneHours:     dec("1"),
	OneToOneCost:      dec("5"),
	// Our assumption: online activity between events.
	OtherHoursPerMonth: dec("2"),
	// Seed: "six or seven leads during the last month" from several networks.
	ReferralsPerMonth: dec("1.5"),
	// "Expect 6-18 months" (Misner): looser ties mature more slowly.
	RampMonths: dec("9"),
	// Sandler: many open-network referrals are name-drops (15 %) rather
	// than expected calls (50 %).
	CloseRate: dec("0.3"),
}

// chamberOfCommerce is a local chamber of commerce: annual dues, a monthly
// mixer, slow and broad referrals. Every figure here is our assumption for a
// small business, to be replaced by the reader's own chamber's price list.
var chamberOfCommerce = Option{
	Name:               "Chamber of commerce",
	Kind:               KindChamber,
	AnnualFee:          dec("450"),
	MeetingsPerYear:    dec("12"),
	MealCost:           dec("20"),
	TravelCost:         dec("5"),
	MeetingHours:       dec("2"),
	TravelHours:        dec("0.5"),
	OtherHoursPerMonth: dec("1"),
	ReferralsPerMonth:  dec("0.5"),
	RampMonths:         dec("12"),
	CloseRate:          dec("0.3"),
}
