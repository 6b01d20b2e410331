package calc

import "github.com/shopspring/decimal"

// Kind names the kind of networking option. It only chooses the defaults an
// option starts from; the model treats every kind alike.
type Kind string

// The kinds an option may have.
const (
	KindWeeklyGroup Kind = "weekly_group"
	KindOpenNetwork Kind = "open_network"
	KindChamber     Kind = "chamber_of_commerce"
	KindCustom      Kind = "custom"
)

// Input is everything the reader tells the calculator: their business, shared
// by all options, and the options to compare. A zero BillableShare or
// DealsPerClient counts no hour or no deal: DecodeInput and DefaultInput
// start both at 1.
type Input struct {
	Currency       string          // ISO 4217 code, used for formatting only
	HorizonMonths  int             // months evaluated, 1-120
	HourlyValue    decimal.Decimal // what one hour of the reader's time is worth
	BillableShare  decimal.Decimal // share of networking hours that would otherwise earn, 0-1
	DealValue      decimal.Decimal // revenue of one deal with a new client
	DealsPerClient decimal.Decimal // deals a new client brings, the first included, booked in the month won
	GrossMargin    decimal.Decimal // share of revenue that is profit, 0-1
	Options        []Option        // 1-6 options, compared in this order
}

// Option is one networking group or network the reader considers joining.
type Option struct {
	Name string
	Kind Kind

	JoiningFee         decimal.Decimal // one-off, month 1
	AnnualFee          decimal.Decimal // charged in months 1, 13, 25, ...
	MonthlyFee         decimal.Decimal // charged every month
	MeetingsPerYear    decimal.Decimal // meetings attended per year
	MealCost           decimal.Decimal // meal or room fee per meeting
	TravelCost         decimal.Decimal // fuel, fares, parking per meeting
	MeetingHours       decimal.Decimal // hours per meeting
	TravelHours        decimal.Decimal // round-trip hours per meeting
	OneToOnesPerMonth  decimal.Decimal // one-to-one meetings per month
	OneToOneHours      decimal.Decimal // hours per one-to-one, travel included
	OneToOneCost       decimal.Decimal // coffee or lunch per one-to-one
	OtherHoursPerMonth decimal.Decimal // preparation, follow-up, online activity, roles
	ReferralsPerMonth  decimal.Decimal // referrals a month once relationships have matured
	RampMonths         decimal.Decimal // months until referrals reach their full rate
	CloseRate          decimal.Decimal // share of referrals that become clients, 0-1
	ReferralSpread     decimal.Decimal // how unsure the reader is of the referral rate: its coefficient of variation, 0-3

	// Reach, when set, estimates referrals month by month from the
	// reader's relationships in the group; ReferralsPerMonth must then be
	// zero, and RampMonths still applies.
	Reach *Reach

	// Track, when set, is the record of a reader who is already a member:
	// the projection is then the months ahead, from membership month
	// MonthsIn + 1, and the record updates the referral rate and the close
	// rate (see outlookOf).
	Track *Track
}

// Track is what a group has brought a reader who is already a member: the
// months in it, and the referrals and clients it brought in them. Each is a
// whole number; Clients is at most Referrals. The money already spent is
// not in it: past costs are sunk, and the projection counts none of them.
type Track struct {
	MonthsIn  decimal.Decimal // months already in the group, 1-120
	Referrals decimal.Decimal // referrals had in those months
	Clients   decimal.Decimal // clients won from them
}

// Reach estimates referrals from the reader's relationships in a group,
// which grow month by month up to the group's size:
//
//	perRelationship  = contactsPerRelationship × targetShare × inMarketShare × passOnRate
//	                   / (competitors + 1) / 12
//	relationships(t) = min(groupSize − 1, relationships + relationshipsPerMonth × max(0, t − trustMonths))
//	referrals(t)     = relationships(t) × perRelationship × ramp(t)
type Reach struct {
	Relationships           decimal.Decimal // members who know the reader well enough to refer, at the start
	RelationshipsPerMonth   decimal.Decimal // new working relationships built a month
	TrustMonths             decimal.Decimal // months before a new relationship starts referring
	GroupSize               decimal.Decimal // members or regular attendees, capping relationships at groupSize − 1; 0 for no cap
	ContactsPerRelationship decimal.Decimal // people each of them knows
	TargetShare             decimal.Decimal // share of those contacts in the reader's target market
	InMarketShare           decimal.Decimal // share of the target market buying in a given year
	PassOnRate              decimal.Decimal // chance a relationship passes on a need they hear of
	Competitors             decimal.Decimal // members offering what the reader offers
}

// Limits of the input, checked before any arithmetic.
const (
	MinHorizonMonths = 1
	MaxHorizonMonths = 120
	MinOptions       = 1
	MaxOptions       = 6
	MaxNameRunes     = 60
	MaxInputBytes    = 32 << 10
	MinMonthsIn      = 1 // a track's months in the group
	MaxMonthsIn      = 120
)

// unit says how a numeric field is read, bounded and described to the reader.
type unit uint8

const (
	unitMoney unit = iota
	unitRate
	unitHours
	unitCount
	unitMonths
	unitNumber // a plain number, such as a ratio: 0.5
)

var (
	zero        = decimal.Zero
	one         = decimal.NewFromInt(1)
	twelve      = decimal.NewFromInt(12)
	maxMoney    = decimal.NewFromInt(1_000_000_000)
	maxDayHours = decimal.NewFromInt(24)
)

// field describes one numeric input: its JSON name, the words a reader knows it
// by (the widget's label, and the subject of its errors), its unit and upper
// bound, and where it lives. One table drives decoding,
// validation and the sensitivity analysis, so a field is described once.
type field[T any] struct {
	fieldInfo
	get func(*T) *decimal.Decimal
}

// fieldInfo is a field but where it lives.
type fieldInfo struct {
	key   string
	label string
	unit  unit
	max   decimal.Decimal
}

// figure is one field of one value: what the field is and where it lives in
// that value. The functions that work on fields of any table take figures,
// so that no code is generic.
type figure struct {
	*fieldInfo
	at *decimal.Decimal
}

// maxFigures is the length of the longest table, optionFields.
const maxFigures = 16

// Every figure of an input, of an option or of a reach estimate, in the
// order of its table, appended to figs.
func (in *Input) figures(figs []figure) []figure {
	for i := range globalFields {
		figs = append(figs, figure{&globalFields[i].fieldInfo, globalFields[i].get(in)})
	}
	return figs
}

func (o *Option) figures(figs []figure) []figure {
	for i := range optionFields {
		figs = append(figs, figure{&optionFields[i].fieldInfo, optionFields[i].get(o)})
	}
	return figs
}

func (tr *Track) figures(figs []figure) []figure {
	for i := range trackFields {
		figs = append(figs, figure{&trackFields[i].fieldInfo, trackFields[i].get(tr)})
	}
	return figs
}

func (r *Reach) figures(figs []figure) []figure {
	for i := range reachFields {
		figs = append(figs, figure{&reachFields[i].fieldInfo, reachFields[i].get(r)})
	}
	return figs
}

var globalFields = []field[Input]{
	{fieldInfo{"hourlyValue", "What an hour of your time is worth", unitMoney, maxMoney}, func(in *Input) *decimal.Decimal { return &in.HourlyValue }},
	{fieldInfo{"billableShare", "Share of those hours you would otherwise bill", unitRate, one}, func(in *Input) *decimal.Decimal { return &in.BillableShare }},
	{fieldInfo{"dealValue", "Revenue from a new client", unitMoney, maxMoney}, func(in *Input) *decimal.Decimal { return &in.DealValue }},
	{fieldInfo{"dealsPerClient", "Deals a new client brings, the first included", unitCount, decimal.NewFromInt(1000)}, func(in *Input) *decimal.Decimal { return &in.DealsPerClient }},
	{fieldInfo{"grossMargin", "Gross margin", unitRate, one}, func(in *Input) *decimal.Decimal { return &in.GrossMargin }},
}

var optionFields = []field[Option]{
	{fieldInfo{"joiningFee", "Joining fee", unitMoney, maxMoney}, func(o *Option) *decimal.Decimal { return &o.JoiningFee }},
	{fieldInfo{"annualFee", "Annual fee", unitMoney, maxMoney}, func(o *Option) *decimal.Decimal { return &o.AnnualFee }},
	{fieldInfo{"monthlyFee", "Monthly fee", unitMoney, maxMoney}, func(o *Option) *decimal.Decimal { return &o.MonthlyFee }},
	{fieldInfo{"meetingsPerYear", "Meetings a year", unitCount, decimal.NewFromInt(365)}, func(o *Option) *decimal.Decimal { return &o.MeetingsPerYear }},
	{fieldInfo{"mealCost", "Meal or room fee per meeting", unitMoney, maxMoney}, func(o *Option) *decimal.Decimal { return &o.MealCost }},
	{fieldInfo{"travelCost", "Travel cost per meeting", unitMoney, maxMoney}, func(o *Option) *decimal.Decimal { return &o.TravelCost }},
	{fieldInfo{"meetingHours", "Hours per meeting", unitHours, maxDayHours}, func(o *Option) *decimal.Decimal { return &o.MeetingHours }},
	{fieldInfo{"travelHours", "Travel hours per meeting, both ways", unitHours, maxDayHours}, func(o *Option) *decimal.Decimal { return &o.TravelHours }},
	{fieldInfo{"oneToOnesPerMonth", "One-to-ones a month", unitCount, decimal.NewFromInt(100)}, func(o *Option) *decimal.Decimal { return &o.OneToOnesPerMonth }},
	{fieldInfo{"oneToOneHours", "Hours per one-to-one", unitHours, maxDayHours}, func(o *Option) *decimal.Decimal { return &o.OneToOneHours }},
	{fieldInfo{"oneToOneCost", "Cost per one-to-one", unitMoney, maxMoney}, func(o *Option) *decimal.Decimal { return &o.OneToOneCost }},
	{fieldInfo{"otherHoursPerMonth", "Other hours a month (preparation, follow-up)", unitHours, decimal.NewFromInt(744)}, func(o *Option) *decimal.Decimal { return &o.OtherHoursPerMonth }},
	{fieldInfo{"referralsPerMonth", "Referrals a month, once established", unitCount, maxReferralsPerMonth}, func(o *Option) *decimal.Decimal { return &o.ReferralsPerMonth }},
	{fieldInfo{"rampMonths", "Months until referrals reach that rate", unitMonths, decimal.NewFromInt(60)}, func(o *Option) *decimal.Decimal { return &o.RampMonths }},
	{fieldInfo{"closeRate", "Referrals that become clients", unitRate, one}, func(o *Option) *decimal.Decimal { return &o.CloseRate }},
	{fieldInfo{"referralSpread", "Uncertainty about the referral rate", unitNumber, decimal.NewFromInt(3)}, func(o *Option) *decimal.Decimal { return &o.ReferralSpread }},
}

// maxReferralsPerMonth bounds referrals, typed or estimated, so that the
// uncertainty section's exact Poisson sums stay short.
var maxReferralsPerMonth = decimal.NewFromInt(10_000)

var reachFields = []field[Reach]{
	{fieldInfo{"relationships", relationshipsLabel, unitCount, decimal.NewFromInt(10_000)}, func(r *Reach) *decimal.Decimal { return &r.Relationships }},
	{fieldInfo{"relationshipsPerMonth", "New relationships you build a month", unitCount, decimal.NewFromInt(100)}, func(r *Reach) *decimal.Decimal { return &r.RelationshipsPerMonth }},
	{fieldInfo{"trustMonths", "Months before a new relationship refers you", unitMonths, decimal.NewFromInt(60)}, func(r *Reach) *decimal.Decimal { return &r.TrustMonths }},
	{fieldInfo{"groupSize", groupSizeLabel, unitCount, maxGroupSize}, func(r *Reach) *decimal.Decimal { return &r.GroupSize }},
	{fieldInfo{"contactsPerRelationship", "People each of them knows", unitCount, decimal.NewFromInt(100_000)}, func(r *Reach) *decimal.Decimal { return &r.ContactsPerRelationship }},
	{fieldInfo{"targetShare", "Of those, in your target market", unitRate, one}, func(r *Reach) *decimal.Decimal { return &r.TargetShare }},
	{fieldInfo{"inMarketShare", "Of your market, buying in a year", unitRate, one}, func(r *Reach) *decimal.Decimal { return &r.InMarketShare }},
	{fieldInfo{"passOnRate", "Chance they pass on a need they hear of", unitRate, one}, func(r *Reach) *decimal.Decimal { return &r.PassOnRate }},
	{fieldInfo{"competitors", "Members who offer what you offer", unitCount, decimal.NewFromInt(1_000)}, func(r *Reach) *decimal.Decimal { return &r.Competitors }},
}

// trackFields are a track's, whole numbers all: validateTrack checks that,
// the months' lower bound of 1 and the clients against the referrals.
var trackFields = []field[Track]{
	{fieldInfo{"monthsIn", monthsInLabel, unitMonths, decimal.NewFromInt(MaxMonthsIn)}, func(tr *Track) *decimal.Decimal { return &tr.MonthsIn }},
	{fieldInfo{"referrals", trackReferralsLabel, unitCount, maxTrackCount}, func(tr *Track) *decimal.Decimal { return &tr.Referrals }},
	{fieldInfo{"clients", "Clients won from them so far", unitCount, maxTrackCount}, func(tr *Track) *decimal.Decimal { return &tr.Clients }},
}

// Labels of the track fields that the validation's sentences name.
const (
	monthsInLabel       = "Months you have been a member"
	trackReferralsLabel = "Referrals you have had so far"
)

// maxTrackCount bounds the referrals and clients of a track: 10,000 a
// month, the most an option may bring, for 120 months.
var maxTrackCount = decimal.NewFromInt(1_200_000)

// Labels of the reach fields that the validation's sentences name.
const (
	relationshipsLabel = "Members who know you well at the start"
	groupSizeLabel     = "Members or regular attendees"
)

// maxGroupSize is the largest group a reach estimate takes.
var maxGroupSize = decimal.NewFromInt(1_000_000)

// PerRelationship is the referrals a month one relationship brings,
// unrounded.
func (r *Reach) PerRelationship() decimal.Decimal {
	people := r.ContactsPerRelationship.Mul(r.TargetShare).Mul(r.InMarketShare).Mul(r.PassOnRate)
	return people.DivRound(r.Competitors.Add(one).Mul(twelve), divPlaces)
}

// RelationshipsAt is the relationships that refer the reader in membership
// month t: those at the start, and those built a month once trusted, up to
// the group's size less the reader.
func (r *Reach) RelationshipsAt(t int) decimal.Decimal {
	limit, capped := r.relationshipCap()
	return r.relationshipsAt(t, limit, capped)
}

// relationshipsAt is RelationshipsAt for a caller that has worked out the
// cap, relationshipCap's limit and capped, once for many months.
func (r *Reach) relationshipsAt(t int, limit decimal.Decimal, capped bool) decimal.Decimal {
	rel := r.Relationships
	if trusted := months(t).Sub(r.TrustMonths); trusted.IsPositive() {
		rel = rel.Add(r.RelationshipsPerMonth.Mul(trusted))
	}
	if capped && larger(rel, limit) {
		return limit
	}
	return rel
}

// relationshipCap is the most relationships the group allows, groupSize − 1; ok is false
// where the group has no size.
func (r *Reach) relationshipCap() (limit decimal.Decimal, ok bool) {
	if r.GroupSize.IsZero() {
		return zero, false
	}
	return r.GroupSize.Sub(one), true
}

// hourCost is what an hour of networking displaces: the reader's hourly
// value, for the share of hours that would otherwise be billed.
func (in *Input) hourCost() decimal.Decimal {
	return in.HourlyValue.Mul(in.BillableShare)
}

// profitPerClient is the profit of every deal a new client brings.
func (in *Input) profitPerClient() decimal.Decimal {
	return in.DealValue.Mul(in.DealsPerClient).Mul(in.GrossMargin)
}

// divPlaces is the number of decimal places every division keeps.
const divPlaces = 16
