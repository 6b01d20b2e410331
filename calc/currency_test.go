package calc

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Conversions worked by hand from the ECB's rates of 2024-06-28 (per euro:
// USD 1.0705, GBP 0.84638, JPY 171.94, INR 89.2495, EUR 1).
func TestADefaultIsConvertedAtTheReferenceRatesTo2SignificantFigures(t *testing.T) {
	cases := []struct {
		name, usd, currency, want string
	}{
		// 650 × 0.84638 / 1.0705 = 550.147 / 1.0705 = 513.92: 510.
		{"the weekly group's membership in pounds", "650", "GBP", "510"},
		// 15 × 171.94 / 1.0705 = 2,579.1 / 1.0705 = 2,409.2: 2,400.
		{"a meal in yen", "15", "JPY", "2400"},
		// 2,000 × 89.2495 / 1.0705 = 178,499 / 1.0705 = 166,743.6: 170,000.
		{"a deal in rupees", "2000", "INR", "170000"},
		// 107 × 1 / 1.0705 = 99.953: 100, a digit more than 99.
		{"rounding up across a power of ten", "107", "EUR", "100"},
		// 4 × 0.84638 / 1.0705 = 3.3855 / 1.0705 = 3.1626: 3.2.
		{"an amount under 10 keeps a decimal", "4", "GBP", "3.2"},
		{"US dollars are not rounded", "1234.56", "USD", "1234.56"},
		{"zero stays zero", "0", "JPY", "0"},
		{"a currency outside the table keeps the dollars", "650", "NZD", "650"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := convertDefault(d(tc.usd), tc.currency)
			assert.True(t, got.Equal(d(tc.want)), "got %s, want %s", got, tc.want)
		})
	}
}

func TestRoundSignificant(t *testing.T) {
	cases := []struct{ v, want string }{
		{"99.6", "100"},
		{"513.9159", "510"},
		{"515", "520"}, // half away from zero
		{"0.0456", "0.046"},
		{"7", "7"},
		{"166743.58", "170000"},
		{"0", "0"},
	}
	for _, tc := range cases {
		t.Run(tc.v, func(t *testing.T) {
			got := roundSignificant(d(tc.v), 2)
			assert.True(t, got.Equal(d(tc.want)), "got %s, want %s", got, tc.want)
		})
	}
}

// Every preset amount, in every currency of the table, has at most 2
// significant figures and is within 5 % of amount × rate.
func TestEveryConvertedDefaultHas2SignificantFiguresAndStaysNearItsValue(t *testing.T) {
	tolerance := d("0.05")
	table := ReferenceRates()
	usdPerEuro := table.Rates[0].PerEuro
	for _, rate := range table.Rates {
		for _, def := range Defaults() {
			if def.Value.IsZero() || !isMoney(def.Field) || rate.Currency == "USD" {
				continue
			}
			exact := def.Value.Mul(rate.PerEuro).DivRound(usdPerEuro, 20)
			got := convertDefault(def.Value, rate.Currency)
			digits := got.Coefficient().String()
			for len(digits) > 1 && digits[len(digits)-1] == '0' {
				digits = digits[:len(digits)-1]
			}
			assert.LessOrEqual(t, len(digits), 2, "%s %s: %s", def.Field, rate.Currency, got)
			off := got.Sub(exact).Abs().DivRound(exact, 20)
			assert.True(t, off.LessThanOrEqual(tolerance), "%s %s: %s is %s off %s", def.Field, rate.Currency, got, off, exact)
		}
	}
}

// isMoney says whether a default's field is money.
func isMoney(field string) bool {
	var figs [maxFigures]figure
	all := (&Input{}).figures(figs[:0])
	all = (&Option{}).figures(all)
	for _, f := range all {
		if f.key == field {
			return f.unit == unitMoney
		}
	}
	return false
}

func TestTheReferenceRatesCoverEveryCurrencyOffered(t *testing.T) {
	table := ReferenceRates()
	require.Len(t, table.Rates, len(Currencies()))
	for i, c := range Currencies() {
		assert.Equal(t, c, table.Rates[i].Currency)
		assert.Equal(t, c, DefaultsCurrency(c))
	}
	assert.Equal(t, "2024-06-28", table.Date)
	assert.True(t, table.Rates[0].PerDollar.Equal(d("1")), "a dollar is a dollar")
	assert.True(t, table.Rates[2].PerDollar.Equal(d("0.7906")), "GBP: 0.84638 / 1.0705 = 0.79064")
}

func TestDecodeConvertsTheDefaultsLeftOutOnly(t *testing.T) {
	cases := []struct {
		name, json string
		hourly     string // the business's hourly value
		annualFee  string // the first option's
		mealCost   string // the first option's
	}{
		// 50 × 171.94 / 1.0705 = 8,030.8: 8,000; 650 → 104,400.7: 100,000; 15 → 2,400.
		{"left-out figures are converted", `{"currency":"JPY","options":[{"kind":"weekly_group"}]}`, "8000", "100000", "2400"},
		{"typed figures are not", `{"currency":"JPY","hourlyValue":50,"options":[{"kind":"weekly_group","annualFee":650}]}`, "50", "650", "2400"},
		{"the currency after the options still converts them", `{"options":[{"kind":"weekly_group"}],"currency":"JPY"}`, "8000", "100000", "2400"},
		{"a currency read in capitals converts", `{"currency":" gbp ","options":[{"kind":"weekly_group"}]}`, "40", "510", "12"},
		{"a currency outside the table keeps the dollars", `{"currency":"NZD","options":[{"kind":"weekly_group"}]}`, "50", "650", "15"},
		{"the default comparison is converted too", `{"currency":"GBP"}`, "40", "510", "12"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, errs := DecodeInput([]byte(tc.json))
			require.Empty(t, errs)
			o := in.Options[0]
			assert.True(t, in.HourlyValue.Equal(d(tc.hourly)), "hourlyValue %s", in.HourlyValue)
			assert.True(t, o.AnnualFee.Equal(d(tc.annualFee)), "annualFee %s", o.AnnualFee)
			assert.True(t, o.MealCost.Equal(d(tc.mealCost)), "mealCost %s", o.MealCost)
		})
	}
}

func TestTheReportSaysWhichCurrencyTheDefaultsAreIn(t *testing.T) {
	cases := []struct{ currency, want string }{
		{"JPY", "JPY"},
		{"USD", "USD"},
		{"NZD", "USD"},
	}
	for _, tc := range cases {
		t.Run(tc.currency, func(t *testing.T) {
			var reply struct {
				Report struct {
					Currency         string `json:"currency"`
					DefaultsCurrency string `json:"defaultsCurrency"`
				} `json:"report"`
			}
			require.NoError(t, json.Unmarshal(ComputeJSON([]byte(`{"currency":"`+tc.currency+`"}`)), &reply))
			assert.Equal(t, tc.currency, reply.Report.Currency)
			assert.Equal(t, tc.want, reply.Report.DefaultsCurrency)
		})
	}
}

func TestCompleteWritesTheConvertedDefaults(t *testing.T) {
	var reply struct {
		Input struct {
			HourlyValue string `json:"hourlyValue"`
			DealValue   string `json:"dealValue"`
			Options     []struct {
				AnnualFee  string `json:"annualFee"`
				JoiningFee string `json:"joiningFee"`
			} `json:"options"`
		} `json:"input"`
	}
	require.NoError(t, json.Unmarshal(CompleteJSON([]byte(`{"currency":"INR"}`)), &reply))
	// 50 × 83.3718 = 4,168.6: 4,200; 2,000 → 170,000; 650 → 54,191.7: 54,000; 100 → 8,337.2: 8,300.
	assert.Equal(t, "4200", reply.Input.HourlyValue)
	assert.Equal(t, "170000", reply.Input.DealValue)
	assert.Equal(t, "54000", reply.Input.Options[0].AnnualFee)
	assert.Equal(t, "8300", reply.Input.Options[0].JoiningFee)
}

func TestTheSchemaCarriesTheReferenceRates(t *testing.T) {
	assert.Equal(t, ReferenceRates(), InputSchema().ReferenceRates)
}
