package calc

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Already a member: the renewal check (issue 15). A track's projection is
// the next H months, membership months monthsIn + 1 … monthsIn + H, every
// figure worked out here by hand.

// memberJSON is a whole input over horizon months, an hour worth nothing
// and a client bringing 1000 of profit, with one option.
func memberJSON(horizon, option string) string {
	return `{"horizonMonths":` + horizon + `,"hourlyValue":0,"dealValue":1000,"grossMargin":1,"options":[` + option + `]}`
}

// trackCase is an input, the figures of its reply (checked in the Go
// report rounded to their places), and Go figures expected exactly.
type trackCase struct {
	name, input string
	want, exact []fig
}

func TestATrackProjectsTheMonthsAheadByHand(t *testing.T) {
	// Fees only: a joining fee of 50, an annual fee of 120, no referrals.
	fees := func(track string) string {
		return `{"kind":"custom","joiningFee":50,"annualFee":120,"track":` + track + `}`
	}
	cases := []trackCase{
		{name: "nine months in, the anniversary falls in month 4 of a 12-month horizon",
			input: memberJSON("12", fees(`{"monthsIn":9,"referrals":0,"clients":0}`)), want: []fig{
				{"options.0.track.monthsIn", 9},
				{"options.0.months.0.cash", "0.00"},   // membership month 10: no joining fee, no annual fee
				{"options.0.months.2.cash", "0.00"},   // month 12
				{"options.0.months.3.cash", "120.00"}, // month 13 = 1 + 12: the annual fee
				{"options.0.months.4.cash", "0.00"},   // month 14
				{"options.0.fees", "120.00"},          // one anniversary among months 10 … 21
				{"options.0.net", "-120.00"},
				{"options.0.months.11.cumulativeNet", "-120.00"},
				{"options.0.months.11.month", 12}, // the projection still counts 1 … 12
			}},
		{name: "twelve months in, the anniversary is the projection's first month",
			input: memberJSON("12", fees(`{"monthsIn":12,"referrals":0,"clients":0}`)), want: []fig{
				{"options.0.months.0.cash", "120.00"}, // membership month 13
				{"options.0.months.1.cash", "0.00"},
				{"options.0.fees", "120.00"}, // months 13 … 24 hold one anniversary
			}},
		{name: "twelve months in over 24 months ahead: two anniversaries",
			input: memberJSON("24", fees(`{"monthsIn":12,"referrals":0,"clients":0}`)), want: []fig{
				{"options.0.months.0.cash", "120.00"},  // month 13
				{"options.0.months.12.cash", "120.00"}, // month 25
				{"options.0.fees", "240.00"},
			}},
		{name: "eleven months in over one month: no fee at all",
			input: memberJSON("1", fees(`{"monthsIn":11,"referrals":0,"clients":0}`)), want: []fig{
				{"options.0.fees", "0.00"}, // month 12
			}},
		{name: "without a track the same option pays both fees in month 1",
			input: memberJSON("12", fees(`null`)), want: []fig{
				{"options.0.months.0.cash", "170.00"}, // 50 + 120
				{"options.0.fees", "170.00"},
			}},

		// Two referrals a month once a ramp of 4 months is through, a
		// close rate of 0.5, a spread of 0.5 (k = 1/0.5² = 4), a monthly fee
		// of 100. Six months in, with 3 referrals and 1 client:
		//   expected   = 2 × (1/4 + 2/4 + 3/4 + 1 + 1 + 1) = 2 × 4.5 = 9
		//   factor     = (4 + 3) / (4 + 9) = 7/13 = 0.5384615384615385 (16 places)
		//   closeRate' = (10 × 0.5 + 1) / (10 + 3) = 6/13 = 0.4615384615384615
		// The months ahead, 7 … 18, are past the ramp: 2 × 7/13 a month.
		{name: "the record scales the referrals and the close rate",
			input: memberJSON("12", `{"kind":"custom","monthlyFee":100,"referralsPerMonth":2,"rampMonths":4,"closeRate":0.5,"referralSpread":0.5,`+
				`"track":{"monthsIn":6,"referrals":3,"clients":1}}`),
			want: []fig{
				{"options.0.track.expected", "9.00"},
				{"options.0.track.referrals", "3.00"},
				{"options.0.track.clients", "1.00"},
				{"options.0.track.factor", "0.5385"},
				{"options.0.track.closeRate", "0.4615"},
				{"options.0.referralsPerMonth", "1.08"}, // 2 × factor
				{"options.0.months.0.referrals", "1.08"},
				{"options.0.months.0.clients", "0.50"}, // 1.0769… × 0.4615…
				{"options.0.referrals", "12.92"},       // 12 × 2 × factor
				{"options.0.clients", "5.96"},          // × closeRate'
				{"options.0.net", "4764.50"},           // × 1000 − 12 × 100
				{"options.0.paybackMonth", 1},          // 497.04 − 100 ≥ 0
				{"options.0.referralsToBreakEven", "0.22"},
				{"options.0.breakEvenReferrals", "2.60"},
				{"options.0.breakEvenReferralsPerYear", "2.60"},
			},
			exact: []fig{
				{"options.0.track.expected", "9"},
				{"options.0.track.factor", "0.5384615384615385"},
				{"options.0.track.closeRate", "0.4615384615384615"},
				{"options.0.referralsPerMonth", "1.076923076923077"},
				{"options.0.referrals", "12.923076923076924"},
				// 12.923076923076924 × 0.4615384615384615
				{"options.0.clients", "5.964497041420118272189349112426"},
				{"options.0.net", "4764.497041420118272189349112426"},
				{"options.0.referralsToBreakEven", "0.2166666666666667"}, // 1200 / (12 × closeRate' × 1000)
				{"options.0.breakEvenReferrals", "2.6000000000000002"},   // (1200 / 1000) / closeRate'
			}},
		// Two months in with a known rate (spread 0): factor 1; no record
		// of its own, so closeRate' = (10 × 0.5 + 0) / (10 + 0) = 0.5. The
		// ramp is as far along as two months have brought it: month 1
		// ahead is membership month 3, at 3/4 of the rate.
		{name: "the ramp goes on from where the months in left it",
			input: memberJSON("12", `{"kind":"custom","referralsPerMonth":2,"rampMonths":4,"closeRate":0.5,`+
				`"track":{"monthsIn":2,"referrals":0,"clients":0}}`),
			want: []fig{
				{"options.0.track.expected", "1.50"}, // 2 × (1/4 + 2/4)
				{"options.0.track.factor", "1.0000"},
				{"options.0.track.closeRate", "0.5000"},
				{"options.0.months.0.referrals", "1.50"}, // 2 × 3/4
				{"options.0.months.1.referrals", "2.00"}, // membership month 4: the full rate
				{"options.0.referrals", "23.50"},         // 1.5 + 11 × 2
			},
			exact: []fig{{"options.0.track.factor", "1"}, {"options.0.track.closeRate", "0.5"}, {"options.0.referrals", "23.5"}}},
		// A known rate (spread 0) trusts the model over the record: the
		// same 3 referrals where 9 were expected leave the rate at 2.
		{name: "a spread of 0 ignores the record's referrals",
			input: memberJSON("12", `{"kind":"custom","monthlyFee":100,"referralsPerMonth":2,"rampMonths":4,"closeRate":0.5,"referralSpread":0,`+
				`"track":{"monthsIn":6,"referrals":3,"clients":1}}`),
			want: []fig{
				{"options.0.track.expected", "9.00"},
				{"options.0.track.factor", "1.0000"},
				{"options.0.track.closeRate", "0.4615"}, // the close rate still learns
				{"options.0.referralsPerMonth", "2.00"},
				{"options.0.referrals", "24.00"},
			},
			exact: []fig{{"options.0.track.factor", "1"}, {"options.0.referrals", "24"}}},
		// The weekly group's relationships only refer after 6 months of
		// trust: three months in, the model expected none. With a spread of
		// 0.5 (k = 4) the 2 referrals had still scale the months ahead:
		// factor = (4 + 2) / 4 = 1.5; closeRate' = (10 × 0.5 + 1) / 12 = 0.5.
		// One relationship refers 600 × 0.05 × 0.2 × 0.25 / 12 = 0.125 a
		// month; month 4 ahead is membership month 7, with 2 × (7 − 6) = 2
		// relationships: 2 × 0.125 × 1.5 = 0.375.
		{name: "the model expected nothing yet: the record still scales the months ahead",
			input: memberJSON("12", `{"kind":"weekly_group","track":{"monthsIn":3,"referrals":2,"clients":1}}`),
			want: []fig{
				{"options.0.track.expected", "0.00"},
				{"options.0.track.factor", "1.5000"},
				{"options.0.track.closeRate", "0.5000"},
				{"options.0.months.0.referrals", "0.00"},         // membership month 4
				{"options.0.months.2.referrals", "0.00"},         // month 6
				{"options.0.months.3.referrals", "0.38"},         // 0.375, half to even
				{"options.0.months.3.cash", "99.17"},             // no fee: 50/12 × (15 + 4) + 4 × 5
				{"options.0.months.9.cash", "749.17"},            // membership month 13: + 650
				{"options.0.relationshipsAtHorizon", "18.00"},    // month 15: 2 × (15 − 6)
				{"options.0.referralsPerRelationship", "0.1250"}, // the model's, before the factor
				{"options.0.referralsPerMonth", "3.38"},          // 18 × 0.125 × 1.5 = 3.375
			},
			exact: []fig{{"options.0.track.factor", "1.5"}, {"options.0.months.3.referrals", "0.375"}, {"options.0.referralsPerMonth", "3.375"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := computeBoth(t, tc.input)
			c.roundedFigures(t, tc.want)
			for _, f := range tc.exact {
				checkGo(t, f.path, goFigure(t, c.report, f.path), f.want)
			}
		})
	}
}

// The uncertainty's shape grows by the record's referrals. Half a referral a
// month, always closing, a spread of 1 (k = 1): four months in with 2
// referrals, as expected (0.5 × 4), and 2 clients: factor (1 + 2)/(1 + 2) = 1,
// closeRate' = (10 + 2)/(10 + 2) = 1. Over 4 months ahead μ = 2 clients, as
// in TestUncertaintyWithASpreadByHand, but of shape k + 2 = 3, where that
// test's geometric has shape 1: p = 3/5, q = 2/5,
//
//	P(0) = 0.6³ = 0.216, P(1) = 3 × 0.216 × 0.4 = 0.2592,
//	P(2) = 6 × 0.216 × 0.16 = 0.20736, P(3) = 10 × 0.216 × 0.064 = 0.13824,
//	P(4) = 15 × 0.216 × 0.0256 = 0.082944.
//
// Breaking even takes ⌈2500/1000⌉ = 3 clients: 1 − 0.68256 = 0.31744 (8/27
// = 0.2963 at shape 1). P(N ≤ n): 0.216 ≥ 0.1 at 0; 0.4752, then 0.68256 ≥
// 0.5 at 2; 0.8208, then 0.903744 ≥ 0.9 at 4.
func TestTheRecordNarrowsTheUncertaintyByHand(t *testing.T) {
	c := computeBoth(t, memberJSON("4", `{"kind":"custom","monthlyFee":625,"referralsPerMonth":0.5,"closeRate":1,"referralSpread":1,`+
		`"track":{"monthsIn":4,"referrals":2,"clients":2}}`))
	c.roundedFigures(t, []fig{
		{"options.0.track.factor", "1.0000"},
		{"options.0.track.closeRate", "1.0000"},
		{"options.0.clients", "2.00"},
		{"options.0.breakEvenClients", "2.50"},
		{"options.0.uncertainty.breakEvenProbability", 0.3174},
		{"options.0.uncertainty.p10", "-2500.00"}, // 0 × 1000 − 2500
		{"options.0.uncertainty.p50", "-500.00"},  // 2 × 1000 − 2500
		{"options.0.uncertainty.p90", "1500.00"},  // 4 × 1000 − 2500
	})
	u := c.report.Options[0].Uncertainty
	assert.InDelta(t, 0.31744, u.BreakEvenProbability, 1e-12)
	assert.InDelta(t, negativeBinomialAtLeast(2, 3, 3), u.BreakEvenProbability, 1e-12)
}

// The shape k + referrals against a direct sum of the negative binomial's
// terms, for records of several sizes and spreads.
func TestBreakEvenProbabilityIsANegativeBinomialOfShapeKPlusTheRecord(t *testing.T) {
	for _, c := range []struct {
		spread, referrals, clients string
		shape                      float64
	}{
		{"0.5", "3", "1", 4 + 3},
		{"0.5", "0", "0", 4},
		{"2", "40", "12", 0.25 + 40},
		{"0.1", "7", "7", 100 + 7},
	} {
		input := memberJSON("24", `{"kind":"custom","monthlyFee":300,"referralsPerMonth":1.5,"closeRate":0.4,"referralSpread":`+c.spread+
			`,"track":{"monthsIn":10,"referrals":`+c.referrals+`,"clients":`+c.clients+`}}`)
		r := computeBoth(t, input).report.Options[0]
		require.NotNil(t, r.Uncertainty)
		mean, _ := r.Clients.Float64()
		need := int(r.BreakEvenClients.Ceil().IntPart())
		assert.InDelta(t, negativeBinomialAtLeast(mean, c.shape, need), r.Uncertainty.BreakEvenProbability, 1e-10,
			"spread %s, %s referrals: shape %v", c.spread, c.referrals, c.shape)
	}
}

// negativeBinomialAtLeast is P(N ≥ n) for N negative binomial of mean μ and
// shape k, summed term by term from Γ: 1 − Σ_{i<n} Γ(i+k)/(Γ(k)·i!)·p^k·q^i.
func negativeBinomialAtLeast(mean, shape float64, n int) float64 {
	p, q := shape/(shape+mean), mean/(shape+mean)
	below := 0.0
	for i := 0; i < n; i++ {
		a, _ := math.Lgamma(float64(i) + shape)
		b, _ := math.Lgamma(shape)
		c, _ := math.Lgamma(float64(i) + 1)
		below += math.Exp(a - b - c + shape*math.Log(p) + float64(i)*math.Log(q))
	}
	return 1 - below
}

func TestTheVerdictSpeaksOfRenewing(t *testing.T) {
	// A custom option with one referral a month that always closes: 12
	// clients over 12 months, 12000 of profit. Twelve months in with 12
	// referrals and 12 clients, as the model expects: factor 1 (a known
	// rate) and closeRate' = (10 + 12)/(10 + 12) = 1.
	member := func(name, fee string) string {
		return `{"kind":"custom","name":"` + name + `","monthlyFee":` + fee + `,"referralsPerMonth":1,"closeRate":1,` +
			`"track":{"monthsIn":12,"referrals":12,"clients":12}}`
	}
	joining := func(name, fee string) string {
		return `{"kind":"custom","name":"` + name + `","monthlyFee":` + fee + `,"referralsPerMonth":1,"closeRate":1}`
	}
	month1, zero, one := 1, 0, 1
	tests := []struct {
		name, options string
		want          VerdictParts
		sentence      string
	}{
		// 12000 − 12 × 900 = 1200; breaking even takes ⌈10800/1000⌉ = 11
		// clients of a Poisson(12): P(N ≥ 11) = 0.6528.
		{"staying pays", member("A", "900"),
			VerdictParts{Case: VerdictPays, Amount: dec("1200"), HorizonMonths: 12, PaybackMonth: &month1, Renewal: true, ChanceStayingPays: ptr(0.6528)},
			"Renewing A is expected to earn $1,200 over the next 12 months, paying back in month 1 from now. The chance that staying pays is 65.3%."},
		// 12000 − 12 × 1100 = −1200; ⌈13200/1000⌉ = 14 clients: P(N ≥ 14)
		// = 0.3185; to break even 13200 / (12 × 1 × 1000) = 1.10 a month.
		{"staying costs more than it brings", member("A", "1100"),
			VerdictParts{Case: VerdictDoesNotPay, Amount: dec("1200"), HorizonMonths: 12, Renewal: true, ChanceStayingPays: ptr(0.3185),
				ReferralsToBreakEven: ptr2(dec("1.1"))},
			"Renewing A is expected to cost $1,200 more than it brings over the next 12 months; leaving saves that. The chance that staying pays is 31.8%. " +
				"To break even, A would need 1.1 referrals a month once established, where its record and these figures give 1."},
		// A nets 12000 − 9600 = 2400, B 12000 − 10800 = 1200. A comes out
		// best when 1000 N_A − 9600 > 1000 N_B − 10800, N_A ≥ N_B − 1, for
		// two Poisson(12): 0.6211. A breaks even with ⌈9.6⌉ = 10 clients:
		// P(N ≥ 10) = 0.7576.
		{"renewing pays best", member("A", "800") + "," + joining("B", "900"),
			VerdictParts{Case: VerdictPaysBest, Best: 0, RunnerUp: &one, Amount: dec("1200"), HorizonMonths: 12, PaybackMonth: &month1,
				ChanceBest: ptr(0.6211), Renewal: true, ChanceStayingPays: ptr(0.7576)},
			"Renewing A pays best: $1,200 more than B over the next 12 months, paying back in month 1 from now, with a 62.1% chance of coming out best. " +
				"The chance that staying pays is 75.8%."},
		// The best has no track: the reader compares joining B with the
		// group they are in, and the verdict is the usual one.
		{"joining another pays best", joining("B", "800") + "," + member("A", "900"),
			VerdictParts{Case: VerdictPaysBest, Best: 0, RunnerUp: &one, Amount: dec("1200"), HorizonMonths: 12, PaybackMonth: &month1,
				ChanceBest: ptr(0.6211)},
			"B pays best: $1,200 more than A over 12 months, paying back in month 1, with a 62.1% chance of coming out best."},
		{"both members, even", member("A", "900") + "," + member("B", "900"),
			VerdictParts{Case: VerdictEven, RunnerUp: &one, Amount: dec("1200"), HorizonMonths: 12, PaybackMonth: &month1, Renewal: true, ChanceStayingPays: ptr(0.6528)},
			"Renewing A comes out even with B at $1,200 net over the next 12 months. The chance that staying pays is 65.3%."},
		// Neither pays: A loses 1200, B 2400 (fee 1200): A is best for
		// certain only if N_A ≥ N_B − 1, as above.
		{"none pays, renewing loses least", member("A", "1100") + "," + member("B", "1200"),
			VerdictParts{Case: VerdictNonePays, Best: 0, RunnerUp: &one, Amount: dec("1200"), HorizonMonths: 12,
				ChanceBest: ptr(0.6211), Renewal: true, ChanceStayingPays: ptr(0.3185), ReferralsToBreakEven: ptr2(dec("1.1"))},
			"None of the options pays over the next 12 months; renewing A loses least, $1,200 less than B, with a 62.1% chance of coming out best. " +
				"The chance that staying pays is 31.8%. To break even, A would need 1.1 referrals a month once established, where its record and these figures give 1."},
	}
	_ = zero
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := computeBoth(t, memberJSON("12", tt.options))
			got := c.report.Comparison.VerdictParts
			assert.Equal(t, tt.want.Case, got.Case)
			assert.Equal(t, tt.want.Best, got.Best)
			assert.Equal(t, tt.want.RunnerUp, got.RunnerUp)
			assert.Equal(t, tt.want.Amount.String(), got.Amount.String())
			assert.Equal(t, tt.want.PaybackMonth, got.PaybackMonth)
			assert.Equal(t, tt.want.ChanceBest, got.ChanceBest)
			assert.Equal(t, tt.want.Renewal, got.Renewal)
			assert.Equal(t, tt.want.ChanceStayingPays, got.ChanceStayingPays)
			if tt.want.ReferralsToBreakEven != nil && assert.NotNil(t, got.ReferralsToBreakEven) {
				assert.True(t, tt.want.ReferralsToBreakEven.Equal(*got.ReferralsToBreakEven), "%s", got.ReferralsToBreakEven)
			}
			assert.Equal(t, tt.sentence, c.report.Comparison.Verdict)
			parts := c.reply["comparison"].(map[string]any)["verdictParts"].(map[string]any)
			if tt.want.Renewal {
				assert.Equal(t, true, parts["renewal"])
				assert.Equal(t, *tt.want.ChanceStayingPays, parts["chanceStayingPays"])
			} else {
				assert.NotContains(t, parts, "renewal", "absent without a renewal, as before")
				assert.NotContains(t, parts, "chanceStayingPays")
			}
		})
	}
}

func ptr2(v decimal.Decimal) *decimal.Decimal { return &v }

func TestTheVerdictSaysTheNextMonthInTheSingular(t *testing.T) {
	c := computeBoth(t, memberJSON("1", `{"kind":"custom","name":"A","monthlyFee":10,"track":{"monthsIn":3,"referrals":0,"clients":0}}`))
	assert.Equal(t, "Renewing A is expected to cost $10.00 more than it brings over the next month; leaving saves that. The chance that staying pays is 0%.",
		c.report.Comparison.Verdict, "no referrals, no chance")
	c = computeBoth(t, `{"horizonMonths":1,"dealValue":0,"options":[{"kind":"custom","name":"A","monthlyFee":10,"track":{"monthsIn":3,"referrals":0,"clients":0}}]}`)
	assert.Equal(t, "Renewing A is expected to cost $10.00 more than it brings over the next month; leaving saves that.", c.report.Comparison.Verdict)
	assert.Nil(t, c.report.Comparison.VerdictParts.ChanceStayingPays, "no profit per client, no chance")
}

func TestATrackIsValidatedFieldByField(t *testing.T) {
	track := func(members string) string { return optionJSON(`"referralsPerMonth":1,"track":{` + members + `}`) }
	cases := []struct {
		name, input string
		want        []string
	}{
		{"more clients than referrals", track(`"monthsIn":9,"referrals":3,"clients":4`), []string{"options[0].track.clients out_of_range"}},
		{"no month in", track(`"monthsIn":0,"referrals":0,"clients":0`), []string{"options[0].track.monthsIn out_of_range"}},
		{"months in left out", track(`"referrals":0,"clients":0`), []string{"options[0].track.monthsIn required"}},
		{"an empty track", optionJSON(`"track":{}`), []string{"options[0].track.monthsIn required"}},
		{"months in as text", track(`"monthsIn":"nine","referrals":3,"clients":1`), []string{"options[0].track.monthsIn not_a_number"}},
		{"clients as text", track(`"monthsIn":9,"referrals":3,"clients":true`), []string{"options[0].track.clients wrong_type"}},
		{"121 months in", track(`"monthsIn":121,"referrals":0,"clients":0`), []string{"options[0].track.monthsIn out_of_range"}},
		{"negative months in", track(`"monthsIn":-3,"referrals":0,"clients":0`), []string{"options[0].track.monthsIn out_of_range"}},
		{"9.5 months in", track(`"monthsIn":9.5,"referrals":0,"clients":0`), []string{"options[0].track.monthsIn not_whole"}},
		{"negative referrals", track(`"monthsIn":9,"referrals":-1,"clients":0`), []string{"options[0].track.referrals negative"}},
		{"2.5 referrals", track(`"monthsIn":9,"referrals":2.5,"clients":0`), []string{"options[0].track.referrals not_whole"}},
		{"negative clients", track(`"monthsIn":9,"referrals":2,"clients":-1`), []string{"options[0].track.clients negative"}},
		{"half a client", track(`"monthsIn":9,"referrals":2,"clients":"0.5"`), []string{"options[0].track.clients not_whole"}},
		{"more referrals than 10,000 a month for 120 months", track(`"monthsIn":9,"referrals":1200001,"clients":0`), []string{"options[0].track.referrals out_of_range"}},
		{"an unknown key", track(`"monthsIn":9,"referrals":2,"clients":1,"years":1`), []string{"options[0].track.years unknown_field"}},
		{"a key given twice", track(`"monthsIn":9,"monthsIn":10,"referrals":2,"clients":1`), []string{"options[0].track.monthsIn duplicate_field"}},
		{"referrals as text", track(`"monthsIn":9,"referrals":"three","clients":1`), []string{"options[0].track.referrals not_a_number"}},
		{"a list", optionJSON(`"track":[9,3,1]`), []string{"options[0].track wrong_type"}},
		{"a number", optionJSON(`"track":9`), []string{"options[0].track wrong_type"}},
		// A spread of 3 (k = 1/9) with 1,000,000 referrals where 9 were
		// expected scales 1 referral a month by (1/9 + 10⁶)/(1/9 + 9) ≈
		// 109,756: beyond the 10,000 a month the model takes.
		{"a record that scales the rate beyond 10,000 a month",
			optionJSON(`"referralsPerMonth":1,"referralSpread":3,"track":{"monthsIn":9,"referrals":1000000,"clients":0}`),
			[]string{"options[0].track.referrals out_of_range"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, replyErrors(t, []byte(tc.input)))
		})
	}
	_, errs := DecodeInput([]byte(track(`"monthsIn":9,"referrals":3,"clients":4`)))
	require.Len(t, errs, 1)
	assert.Equal(t, "Clients won from them so far can be at most the referrals so far (3).", errs[0].Message)
	_, errs = DecodeInput([]byte(track(`"monthsIn":0,"referrals":0,"clients":0`)))
	require.Len(t, errs, 1)
	assert.Equal(t, "Months you have been a member must be between 1 and 120.", errs[0].Message)
	_, errs = DecodeInput([]byte(track(`"monthsIn":9,"referrals":2.5,"clients":0`)))
	require.Len(t, errs, 1)
	assert.Equal(t, "Referrals you have had so far must be a whole number.", errs[0].Message)
}

// A reach estimate is bounded where the months ahead end, monthsIn + H: a
// group without a limit whose relationships grow past the bound only after
// the months in.
func TestTheReachBoundHoldsOverTheMonthsAhead(t *testing.T) {
	// 100 relationships a month, each bringing 100,000 × 1 × 1 × 1 / 12 a
	// month: 8,333 a relationship, past 10,000 from 2 relationships, in
	// month 2. Over one month from the start, 100 relationships are
	// trusted only after 1 month: none. Forty months in, they are.
	reach := `"reach":{"relationships":0,"relationshipsPerMonth":100,"trustMonths":1,"groupSize":0,"contactsPerRelationship":100000,"targetShare":1,"inMarketShare":1,"passOnRate":1,"competitors":0}`
	_, errs := DecodeInput([]byte(`{"horizonMonths":1,"options":[{"kind":"custom",` + reach + `}]}`))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"options[0].reach out_of_range"},
		replyErrors(t, []byte(`{"horizonMonths":1,"options":[{"kind":"custom",`+reach+`,"track":{"monthsIn":40,"referrals":0,"clients":0}}]}`)))
}

func TestNullTrackIsNoTrackAndATrackRoundTrips(t *testing.T) {
	without := memberJSON("12", `{"kind":"weekly_group"}`)
	null := memberJSON("12", `{"kind":"weekly_group","track":null}`)
	assert.Equal(t, string(ComputeJSON([]byte(without))), string(ComputeJSON([]byte(null))))
	assert.NotContains(t, string(ComputeJSON([]byte(without))), `"track"`, "absent without a track")

	with := memberJSON("12", `{"kind":"weekly_group","track":{"monthsIn":"9","referrals":3,"clients":1}}`)
	in, errs := DecodeInput([]byte(with))
	require.Empty(t, errs)
	require.NotNil(t, in.Options[0].Track)
	assert.Equal(t, "9", in.Options[0].Track.MonthsIn.String())
	encoded := EncodeInput(in)
	assert.Contains(t, string(encoded), `"track":{"monthsIn":"9","referrals":"3","clients":"1"}`)
	again, errs := DecodeInput(encoded)
	require.Empty(t, errs)
	assert.Equal(t, in, again)
	assert.Equal(t, string(ComputeJSON([]byte(with))), string(ComputeJSON(encoded)))
	complete := string(CompleteJSON([]byte(with)))
	assert.True(t, strings.HasPrefix(complete, `{"input":`+string(encoded)), complete)
}

// A record that matches the model's expectation leaves the projection as
// the model has it: the months ahead are the last H months of a projection
// from the start over monthsIn + H months. A typed rate of 1 a month, no
// ramp, six months in: 6 expected; 6 referrals, 3 clients at a close rate
// of 0.5: factor (k + 6)/(k + 6) = 1 and closeRate' = (5 + 3)/(10 + 6) = 0.5.
func TestARecordAsExpectedLeavesTheProjectionUnchanged(t *testing.T) {
	for _, spread := range []string{"0", "0.3", "1", "3"} {
		c := computeBoth(t, memberJSON("18", `{"kind":"custom","joiningFee":80,"annualFee":300,"monthlyFee":40,"referralsPerMonth":1,"closeRate":0.5,`+
			`"referralSpread":`+spread+`,"track":{"monthsIn":6,"referrals":6,"clients":3}}`))
		o := c.report.Options[0]
		require.NotNil(t, o.Track)
		assert.True(t, o.Track.Expected.Equal(d("6")), "expected %s", o.Track.Expected)
		assert.InDelta(t, 1, o.Track.Factor.InexactFloat64(), 1e-9, "spread %s", spread)
		assert.True(t, o.Track.CloseRate.Equal(d("0.5")))
		whole := computeBoth(t, memberJSON("24", `{"kind":"custom","joiningFee":80,"annualFee":300,"monthlyFee":40,"referralsPerMonth":1,"closeRate":0.5,"referralSpread":`+spread+`}`))
		for m, month := range o.Months {
			from := whole.report.Options[0].Months[6+m]
			assert.True(t, month.Cash.Equal(from.Cash) && month.Referrals.Equal(from.Referrals) && month.Clients.Equal(from.Clients) && month.Net.Equal(from.Net),
				"spread %s, month %d: %+v, from the start %+v", spread, m+1, month, from)
		}
	}
	// From reach: the weekly group, 13 months in, expected
	// 0.125 × (2 + 4 + 6 + 8 + 10 + 12 + 14) = 7; with 7 referrals the
	// factor is 1.
	c := computeBoth(t, memberJSON("12", `{"kind":"weekly_group","track":{"monthsIn":13,"referrals":7,"clients":3}}`))
	assert.True(t, c.report.Options[0].Track.Expected.Equal(d("7")))
	assert.True(t, c.report.Options[0].Track.Factor.Equal(one))
}

// A member's months are the last H months of a projection from the start
// over monthsIn + H months, with the record's update: the same cash, hours
// and time cost (no joining fee, the annual fee on anniversaries), the
// referrals times the factor, the clients at closeRate'. The referrals the
// model expected are that projection's over its first monthsIn months, and
// a spread of 0 leaves the referrals as they are, whatever the record.
func TestAMembersMonthsAreTheTailOfAProjectionFromTheStart(t *testing.T) {
	members := 0
	forEachOption(t, func(t *testing.T, in *Input, o *Option, r OptionReport) {
		if o.Track == nil {
			assert.Nil(t, r.Track)
			return
		}
		members++
		look := outlookOf(o)
		require.NotNil(t, r.Track)
		whole, start := *in, *o
		whole.HorizonMonths, start.Track = look.monthsIn+in.HorizonMonths, nil
		curve := newReferralCurve(whole.HorizonMonths, &start)
		months := monthsOf(&whole, &start, monthlyCosts(&start), &curve)
		expected := zero
		for _, m := range months[:look.monthsIn] {
			expected = expected.Add(m.Referrals)
		}
		assert.True(t, expected.Equal(r.Track.Expected), "expected %s, the months in bring %s", r.Track.Expected, expected)
		// factor = (k + referrals)/(k + expected), k = 1/spread², to 1e-14.
		if s := o.ReferralSpread; !s.IsZero() {
			k := one.DivRound(s.Mul(s), 28)
			want := k.Add(o.Track.Referrals).DivRound(k.Add(expected), 28)
			assert.True(t, want.Sub(r.Track.Factor).Abs().LessThan(d("1e-14")), "factor %s, want %s", r.Track.Factor, want)
		} else {
			assert.True(t, r.Track.Factor.Equal(one), "a spread of 0 ignores the record: factor %s", r.Track.Factor)
		}
		for m, month := range r.Months {
			from := months[look.monthsIn+m]
			assert.True(t, month.Cash.Equal(from.Cash) && month.Hours.Equal(from.Hours) && month.TimeCost.Equal(from.TimeCost),
				"month %d costs %s, membership month %d %s", m+1, month.Cash, look.monthsIn+m+1, from.Cash)
			assert.True(t, month.Referrals.Equal(from.Referrals.Mul(look.factor)), "month %d: %s referrals, %s × %s", m+1, month.Referrals, from.Referrals, look.factor)
			assert.True(t, month.Clients.Equal(month.Referrals.Mul(look.closeRate)), "month %d clients", m+1)
		}
		// referralsPerMonth is the rate at the horizon's end before the
		// ramp, times the factor.
		assert.True(t, r.ReferralsPerMonth.Equal(look.scaled(referralBase(o)).Mul(curve.level)), "referralsPerMonth %s", r.ReferralsPerMonth)
	})
	assert.Greater(t, members, 100, "the random inputs hold members")
}

// More referrals in the record never lower the referrals ahead; one more
// referral that became a client never lowers net either (closeRate' =
// (10·closeRate + clients + 1)/(10 + referrals + 1) is no lower, as
// 10 + referrals ≥ 10·closeRate + clients).
func TestMoreReferralsNeverLowerTheProjection(t *testing.T) {
	checked := 0
	forEachOption(t, func(t *testing.T, in *Input, o *Option, r OptionReport) {
		if o.Track == nil {
			return
		}
		for _, c := range []struct {
			name               string
			referrals, clients int64
		}{{"one more referral", 1, 0}, {"ten more referrals", 10, 0}, {"one more referral and client", 1, 1}} {
			g, more := *in, *o
			tr := *o.Track
			tr.Referrals = tr.Referrals.Add(decimal.NewFromInt(c.referrals))
			tr.Clients = tr.Clients.Add(decimal.NewFromInt(c.clients))
			more.Track = &tr
			g.Options = []Option{more}
			if len(Validate(g)) > 0 {
				continue // beyond the referrals a month the model takes
			}
			checked++
			after := optionReport(&g, &more)
			assert.False(t, after.Referrals.LessThan(r.Referrals), "%s: referrals %s → %s", c.name, r.Referrals, after.Referrals)
			for m := range r.Months {
				assert.False(t, after.Months[m].Referrals.LessThan(r.Months[m].Referrals), "%s: month %d", c.name, m+1)
			}
			if c.clients > 0 {
				assert.False(t, after.Net.LessThan(r.Net), "%s: net %s → %s", c.name, r.Net, after.Net)
			}
			if o.ReferralSpread.IsZero() {
				assert.True(t, after.Referrals.Equal(r.Referrals), "%s: a spread of 0 ignores the record's referrals", c.name)
			}
		}
	})
	assert.Greater(t, checked, 300)
}

// The tornado of a member's option against a month-by-month recomputation
// (netMonthByMonth, which follows MODEL.md's track independently of the
// engine): the close rate, the typed rate and the reach figures of one
// relationship's rate are mixed with the record and recomputed; the
// joining fee, paid before the months ahead, has no entry.
func TestAMembersTornadoAgreesWithAFullRecomputation(t *testing.T) {
	inputs := map[string]string{
		"a weekly group nine months in":           `{"horizonMonths":12,"options":[{"kind":"weekly_group","track":{"monthsIn":9,"referrals":3,"clients":1}}]}`,
		"an open network two years in, no record": `{"horizonMonths":36,"options":[{"kind":"open_network","track":{"monthsIn":24,"referrals":0,"clients":0}}]}`,
		"a chamber before trust, as expected":     `{"options":[{"kind":"chamber_of_commerce","track":{"monthsIn":3,"referrals":2,"clients":2}}]}`,
		"a typed rate on its ramp, a close rate capped": `{"horizonMonths":31,"options":[{"kind":"custom","annualFee":400,"joiningFee":90,"monthlyFee":12.5,` +
			`"referralsPerMonth":2,"rampMonths":7.5,"closeRate":0.9,"referralSpread":0.7,"track":{"monthsIn":5,"referrals":6,"clients":4}}]}`,
		"a typed rate, a spread of 0": `{"options":[{"kind":"custom","monthlyFee":50,"referralsPerMonth":1,"closeRate":0.3,"track":{"monthsIn":14,"referrals":30,"clients":20}}]}`,
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			c := computeBoth(t, input)
			in, errs := DecodeInput([]byte(input))
			require.Empty(t, errs)
			rep := c.report.Options[0]
			require.NotEmpty(t, rep.Sensitivity)
			assert.Equal(t, cents(netMonthByMonth(&in, &in.Options[0])).String(), cents(rep.Net).String(), "net")
			for _, s := range rep.Sensitivity {
				assert.NotEqual(t, "joiningFee", s.Field, "paid before the months ahead")
			}
			assertEntriesAreRecomputed(t, in, rep)
		})
	}
}

// The worked example of docs/model.md, "Already a member".
func TestTheWorkedExampleOfTheRenewalCheck(t *testing.T) {
	c := computeBoth(t, `{"horizonMonths":12,"options":[{"kind":"weekly_group","track":{"monthsIn":9,"referrals":3,"clients":1}}]}`)
	c.roundedFigures(t, []fig{
		{"options.0.track.expected", "1.50"},
		{"options.0.track.factor", "1.2727"},
		{"options.0.track.closeRate", "0.4615"},
		{"options.0.referrals", "34.36"},
		{"options.0.clients", "15.86"},
		{"options.0.profit", "15860.14"},
		{"options.0.fees", "650.00"},
		{"options.0.months.3.cash", "749.17"},
		{"options.0.hours", "172.00"},
		{"options.0.cost", "10440.00"},
		{"options.0.net", "5420.14"},
		{"options.0.paybackMonth", 6},
		{"options.0.uncertainty.breakEvenProbability", 0.7575},
	})
	assert.Equal(t, "Renewing Weekly referral group is expected to earn $5,420 over the next 12 months, paying back in month 6 from now. "+
		"The chance that staying pays is 75.8%.", c.report.Comparison.Verdict)
}
