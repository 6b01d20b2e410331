package calc

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerdictPartsAreTheFactsOfTheSentence(t *testing.T) {
	// Over 12 months, an hour worth nothing and a client bringing 1000 of
	// profit: an option with one referral a month that always closes earns
	// 12 × 1000 = 12000, so a monthly fee of 100 leaves 12000 − 1200 = 10800
	// and a fee of 50 leaves 12000 − 600 = 11400; without referrals they
	// cost 1200 and 600. Each pays back in month 1 (1000 − 100 ≥ 0).
	paid := func(name, fee string) string {
		return `{"kind":"custom","name":"` + name + `","monthlyFee":` + fee + `,"referralsPerMonth":1,"closeRate":1}`
	}
	unpaid := func(name, fee string) string {
		return `{"kind":"custom","name":"` + name + `","monthlyFee":` + fee + `}`
	}
	one, zero := 1, 0
	month1 := &one
	tests := []struct {
		name, options string
		want          VerdictParts
		sentence      string
	}{
		{"one option that pays", paid("A", "100"),
			VerdictParts{Case: VerdictPays, Amount: dec("10800"), HorizonMonths: 12, PaybackMonth: month1},
			"A pays: $10,800 net over 12 months, paying back in month 1."},
		{"one option that does not", unpaid("A", "100"),
			VerdictParts{Case: VerdictDoesNotPay, Amount: dec("1200"), HorizonMonths: 12},
			"A does not pay: it costs $1,200 more than it brings over 12 months."},
		// B is best when 1000 N_B − 600 > 1000 N_A − 1200, that is N_B ≥ N_A,
		// for N_A, N_B Poisson(12): (1 + P(N_A = N_B)) / 2 = (1 + 0.08187) / 2 = 0.5409.
		{"the best of two, by 11400 − 10800 = 600", paid("A", "100") + "," + paid("B", "50"),
			VerdictParts{Case: VerdictPaysBest, Best: 1, RunnerUp: &zero, Amount: dec("600"), HorizonMonths: 12, PaybackMonth: month1, ChanceBest: ptr(0.5409)},
			"B pays best: $600 more than A over 12 months, paying back in month 1, with a 54.1% chance of coming out best."},
		{"two that tie", paid("A", "100") + "," + paid("B", "100"),
			VerdictParts{Case: VerdictEven, RunnerUp: &one, Amount: dec("10800"), HorizonMonths: 12, PaybackMonth: month1},
			"A and B come out even at $10,800 net over 12 months."},
		{"none pays: −600 loses 600 less than −1200, for certain", unpaid("A", "100") + "," + unpaid("B", "50"),
			VerdictParts{Case: VerdictNonePays, Best: 1, RunnerUp: &zero, Amount: dec("600"), HorizonMonths: 12, ChanceBest: ptr(1)},
			"None of the options pays over 12 months; B loses least, $600 less than A, with a 100% chance of coming out best."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, errs := DecodeInput([]byte(`{"horizonMonths":12,"hourlyValue":0,"dealValue":1000,"grossMargin":1,"options":[` + tt.options + `]}`))
			require.Empty(t, errs)
			r, err := Compute(in)
			require.NoError(t, err)
			got := r.Comparison.VerdictParts
			assert.Equal(t, tt.want.Case, got.Case)
			assert.Equal(t, tt.want.Best, got.Best)
			assert.Equal(t, tt.want.RunnerUp, got.RunnerUp)
			assert.Equal(t, tt.want.Amount.String(), got.Amount.String())
			assert.Equal(t, tt.want.HorizonMonths, got.HorizonMonths)
			assert.Equal(t, tt.want.PaybackMonth, got.PaybackMonth)
			assert.Equal(t, tt.want.ChanceBest, got.ChanceBest)
			assert.Equal(t, tt.sentence, r.Comparison.Verdict)
		})
	}
}

func ptr(p float64) *float64 { return &p }

func TestBlankOptionsAreNeverBestAndTheVerdictAsksForTheirFigures(t *testing.T) {
	// A blank option has no cost and no referrals. Over 12 months at an
	// hour worth nothing, "Fee" costs 12 × 10 = 120 and brings nothing.
	tests := []struct {
		name, options string
		best          int
		chances       []float64
		verdict       string
	}{
		{"one blank beside one with figures",
			`{"kind":"custom","name":"Fee","monthlyFee":10},{"kind":"custom","name":"Blank"}`,
			0, []float64{1, 0},
			"Fee does not pay: it costs $120 more than it brings over 12 months. Blank has no costs or referrals yet: give it its figures to compare it."},
		{"every option blank",
			`{"kind":"custom","name":"A"},{"kind":"custom","name":"B"}`,
			-1, []float64{0, 0},
			"Nothing to compare yet: give each option its costs (fees, meals, hours) and its referrals."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := []byte(`{"horizonMonths":12,"hourlyValue":0,"options":[` + tt.options + `]}`)
			in, errs := DecodeInput(input)
			require.Empty(t, errs)
			r, err := Compute(in)
			require.NoError(t, err)
			assert.Equal(t, tt.best, r.Comparison.Best)
			assert.Equal(t, tt.chances, r.Comparison.ChanceBest)
			assert.Equal(t, tt.verdict, r.Comparison.Verdict)
			assert.True(t, r.Options[1].Incomplete)
			reply := string(ComputeJSON(input))
			assert.Contains(t, reply, `"incomplete":true`)
			assert.Contains(t, reply, `"incomplete":[`+map[bool]string{true: "0,1", false: "1"}[tt.best < 0]+`]}`)
			if tt.best < 0 {
				assert.Contains(t, reply, `"comparison":{"best":null,"bestName":null`)
				assert.Contains(t, reply, `"case":"incomplete","best":null`)
			}
		})
	}
}

func TestEqualPoissonCountsGiveTheChanceInTheVerdict(t *testing.T) {
	// P(N_A = N_B) for two Poisson(12) counts: Σ_n (e^−12 12^n / n!)², summed directly.
	term, same := math.Exp(-12), 0.0
	for n := 0; n < 200; n++ {
		same += term * term
		term *= 12 / float64(n+1)
	}
	assert.InDelta(t, 0.5409, (1+same)/2, 0.00005)
}

func TestFormatMoneyWritesAsIntlDoesInEnglish(t *testing.T) {
	tests := []struct{ amount, currency, want string }{
		{"11466", "USD", "$11,466"},
		{"11466.4", "CAD", "CA$11,466"},
		{"12.5", "AUD", "A$12.50"},
		{"12.5", "JPY", "¥12"}, // half-even, and yen have no cents
		{"1234567", "CHF", "CHF\u00a01,234,567"},
		{"-99.995", "EUR", "−€100.00"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FormatMoney(dec(tt.amount), tt.currency), "%s %s", tt.amount, tt.currency)
	}
}

func TestNamesThatCouldSpoofFiguresAreRefused(t *testing.T) {
	tests := []struct {
		name, optionName string
		code             Code // "" for a name that is fine
	}{
		{"a right-to-left override reverses the figures beside it", "Club\u202e", CodeInvalidName},
		{"an isolate control", "\u2067Club", CodeInvalidName},
		{"only zero-width spaces", "\u200b\u200b", CodeRequired},
		{"only ideographic spaces", "\u3000", CodeRequired},
		{"a no-break space and a byte-order mark", "\u00a0\ufeff", CodeRequired},
		{"a Hebrew name", "מועדון", ""},
		{"an emoji joined by a zero-width joiner", "👩\u200d💻 club", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := DefaultInput()
			in.Options[0].Name = tt.optionName
			errs := Validate(in)
			if tt.code == "" {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			assert.Equal(t, "options[0].name", errs[0].Field)
			assert.Equal(t, tt.code, errs[0].Code)
		})
	}
}
