package calc

import "github.com/shopspring/decimal"

// Report is the comparison of every option of an input.
type Report struct {
	Currency      string
	HorizonMonths int
	Options       []OptionReport // in input order
	Comparison    Comparison
}

// OptionReport is what one option costs and brings over the horizon. Figures
// are unrounded; a nil pointer means the figure does not exist because its
// divisor is zero (no cost, no clients, no hours).
type OptionReport struct {
	Name              string
	Kind              Kind
	ReferralsPerMonth decimal.Decimal // matured rate, typed, or from reach the rate reached at the horizon
	Totals

	// From reach only, else nil: the relationships reached at the horizon
	// and the referrals a month each of them brings.
	RelationshipsAtHorizon   *decimal.Decimal
	ReferralsPerRelationship *decimal.Decimal

	// What it takes: the referrals a month once established (in the units
	// of ReferralsPerMonth, with the same shape over time) that would bring
	// net 0, and the net of the best option (nil for the best itself). Nil
	// where no rate would do: no relationships at the horizon, no close
	// rate, no profit per client.
	ReferralsToBreakEven *decimal.Decimal
	ReferralsToMatchBest *decimal.Decimal

	// Track is a member's record and what it did to the projection; nil
	// for an option without a track.
	Track *TrackReport

	// Incomplete marks a blank option: no cost and no referrals, so nothing
	// to compare yet. It is never best and has no chance of being best.
	Incomplete bool

	ROI                       *decimal.Decimal // net / cost
	CashROI                   *decimal.Decimal // (profit − cash) / cash
	PaybackMonth              *int             // first month with cumulative net ≥ 0
	BreakEvenClients          *decimal.Decimal // cost / (dealValue × dealsPerClient × grossMargin)
	BreakEvenReferrals        *decimal.Decimal // breakEvenClients / closeRate
	BreakEvenReferralsPerYear *decimal.Decimal // breakEvenReferrals × 12 / horizon
	CostPerReferral           *decimal.Decimal
	CostPerClient             *decimal.Decimal
	HoursPerClient            *decimal.Decimal
	HourlyReturn              *decimal.Decimal // (profit − cash) / hours, set against hourlyValue × billableShare

	Uncertainty *Uncertainty // nil where BreakEvenClients is nil
	Sensitivity []Sensitivity
	Months      []Month

	// profitPerRate is the profit of the horizon per unit of rate over
	// rateLevel: referralsToEarn divides by it.
	profitPerRate, rateLevel decimal.Decimal

	// clientsWon is the clients won, at random, laid out for the uncertainty
	// and the chance of being best; nil where BreakEvenClients is nil.
	clientsWon *tabulated
}

// TrackReport is a member's record, what the model expected of it, and how
// it updated the months ahead (see outlookOf).
type TrackReport struct {
	MonthsIn  int
	Expected  decimal.Decimal // the referrals the model expected over the months in
	Referrals decimal.Decimal // the referrals had in them
	Clients   decimal.Decimal // the clients won from them
	Factor    decimal.Decimal // what the referrals ahead are scaled by: (k + referrals) / (k + expected), k = 1/spread²
	CloseRate decimal.Decimal // closeRate' = (10·closeRate + clients) / (10 + referrals)
}

// referralsToEarn is the rate once established at which the option's profit
// over the horizon would be profit, or nil where no rate would do.
func (r *OptionReport) referralsToEarn(profit decimal.Decimal) *decimal.Decimal {
	return ratio(profit.Mul(r.rateLevel), r.profitPerRate)
}

// Sensitivity is net with one input at 80 % and at 120 % of its value.
type Sensitivity struct {
	Field string // the input's path in an option: "dealValue", "closeRate", "reach.passOnRate", ...
	Low   decimal.Decimal
	High  decimal.Decimal
	Swing decimal.Decimal // |High − Low|
	// CostOnly marks an input that enters only the cash or the time cost:
	// its entry holds referrals fixed, though fewer meetings rarely bring
	// the same referrals.
	CostOnly bool
}

// Comparison says which option pays best and by how much.
type Comparison struct {
	Best           int               // index of the option with the highest net (the first, on a tie)
	Tie            bool              // another option's net is equal to the cent
	Gaps           []decimal.Decimal // best's net minus each option's net, in input order
	CrossoverMonth *int              // from this month to the horizon, best's cumulative net stays ahead of every other's

	// ChanceBest is, for each option in input order, the probability that
	// its net is the highest once the clients it wins are drawn at random,
	// an exact tie shared equally among the tied options: the chances sum
	// to 1.
	ChanceBest []float64

	VerdictParts VerdictParts // the verdict's facts, for a widget to word and format in the reader's locale
	Verdict      string       // the verdict in English, its money written as "$11,466", for API users
}

// ratio is a / b, or nil where b is zero.
func ratio(a, b decimal.Decimal) *decimal.Decimal {
	if b.IsZero() {
		return nil
	}
	q := a.DivRound(b, divPlaces)
	return &q
}
