package calc

import (
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every expected figure below is worked out by hand from docs/model.md. Unless an
// input says otherwise the reader's business is the default one: hourly
// value 50, deal value 2000, gross margin 0.5, so one client brings
// 2000 × 0.5 = 1000 of profit; horizon 24 months. Custom options start at
// zero everywhere. Paths index months from 0: "months.12" is month 13.

// reachJSON is a reach estimate of 10 × 300 × 0.1 × 0.2 × 0.5 = 30 people a
// year, shared with one competitor: 30 / (1 + 1) / 12 = 1.25 referrals a month.
const reachJSON = `{"relationships":10,"contactsPerRelationship":300,"targetShare":0.1,` +
	`"inMarketShare":0.2,"passOnRate":0.5,"competitors":1}`

func TestProjectionFollowsTheModel(t *testing.T) {
	runFigureCases(t, []figureCase{
		{
			name:  "an annual fee is charged in months 1, 13 and 25, so three times over 25 months",
			input: `{"horizonMonths":25,"options":[{"kind":"custom","annualFee":100}]}`,
			want: []fig{
				{"options.0.fees", "300.00"}, // 100 × 3
				{"options.0.cash", "300.00"},
				{"options.0.months.0.cash", "100.00"},  // month 1
				{"options.0.months.1.cash", "0.00"},    // month 2
				{"options.0.months.11.cash", "0.00"},   // month 12
				{"options.0.months.12.cash", "100.00"}, // month 13
				{"options.0.months.23.cash", "0.00"},   // month 24
				{"options.0.months.24.cash", "100.00"}, // month 25
				{"options.0.months.24.cumulativeNet", "-300.00"},
				{"options.0.net", "-300.00"},
			},
		},
		{
			name:  "an annual fee is charged once over 12 months",
			input: `{"horizonMonths":12,"options":[{"kind":"custom","annualFee":100}]}`,
			want:  []fig{{"options.0.fees", "100.00"}}, // month 1 only
		},
		{
			name:  "an annual fee is charged twice over 13 months",
			input: `{"horizonMonths":13,"options":[{"kind":"custom","annualFee":100}]}`,
			want:  []fig{{"options.0.fees", "200.00"}}, // months 1 and 13
		},
		{
			name:  "an annual fee is charged twice over 24 months",
			input: `{"horizonMonths":24,"options":[{"kind":"custom","annualFee":100}]}`,
			want:  []fig{{"options.0.fees", "200.00"}}, // months 1 and 13
		},
		{
			name:  "an annual fee is charged ten times over 120 months",
			input: `{"horizonMonths":120,"options":[{"kind":"custom","annualFee":100}]}`,
			want: []fig{
				{"options.0.fees", "1000.00"},           // months 1, 13, ..., 109: 10 × 100
				{"options.0.months.108.cash", "100.00"}, // month 109 = 9 × 12 + 1
				{"options.0.months.119.cash", "0.00"},   // month 120
			},
		},
		{
			name:  "a joining fee is charged in month 1 only",
			input: `{"horizonMonths":3,"options":[{"kind":"custom","joiningFee":250}]}`,
			want: []fig{
				{"options.0.fees", "250.00"},
				{"options.0.months.0.cash", "250.00"},
				{"options.0.months.1.cash", "0.00"},
				{"options.0.months.2.cash", "0.00"},
				{"options.0.months.2.cumulativeNet", "-250.00"},
			},
		},
		{
			name:  "a monthly fee is charged every month",
			input: `{"horizonMonths":24,"options":[{"kind":"custom","monthlyFee":10}]}`,
			want: []fig{
				{"options.0.months.0.cash", "10.00"},
				{"options.0.months.23.cash", "10.00"},
				{"options.0.fees", "240.00"}, // 10 × 24
				{"options.0.cash", "240.00"},
			},
		},
		{
			name: "meetings a year are spread a twelfth to each month, with their meal, travel and hours",
			input: `{"horizonMonths":12,"options":[{"kind":"custom","meetingsPerYear":24,"mealCost":15,` +
				`"travelCost":5,"meetingHours":1.5,"travelHours":0.5}]}`,
			want: []fig{
				{"options.0.months.0.cash", "40.00"},      // 24 / 12 = 2 meetings × (15 + 5)
				{"options.0.months.0.hours", "4.00"},      // 2 × (1.5 + 0.5)
				{"options.0.months.0.timeCost", "200.00"}, // 4 × 50
				{"options.0.meals", "360.00"},             // 2 × 15 × 12
				{"options.0.travel", "120.00"},            // 2 × 5 × 12
				{"options.0.cash", "480.00"},              // 40 × 12
				{"options.0.hours", "48.00"},              // 4 × 12
				{"options.0.timeCost", "2400.00"},         // 48 × 50
				{"options.0.cost", "2880.00"},             // 480 + 2400
				{"options.0.net", "-2880.00"},
				{"options.0.roi", "-1.0000"},           // −2880 / 2880
				{"options.0.cashRoi", "-1.0000"},       // (0 − 480) / 480
				{"options.0.hourlyReturn", "-10.00"},   // (0 − 480) / 48
				{"options.0.breakEvenClients", "2.88"}, // 2880 / 1000
				{"options.0.breakEvenReferrals", nil},  // close rate 0
				{"options.0.costPerReferral", nil},     // no referrals
				{"options.0.paybackMonth", nil},        // cumulative net only falls
				{"options.0.months.11.cumulativeNet", "-2880.00"},
			},
		},
		{
			name: "one-to-ones cost their coffee and their hours every month, like other hours",
			input: `{"hourlyValue":40,"horizonMonths":2,"options":[{"kind":"custom","oneToOnesPerMonth":4,` +
				`"oneToOneHours":1.5,"oneToOneCost":5,"otherHoursPerMonth":2}]}`,
			want: []fig{
				{"options.0.months.0.cash", "20.00"},      // 4 × 5
				{"options.0.months.0.hours", "8.00"},      // 4 × 1.5 + 2
				{"options.0.months.0.timeCost", "320.00"}, // 8 × 40
				{"options.0.meals", "40.00"},              // coffees count with meals: 20 × 2
				{"options.0.cash", "40.00"},
				{"options.0.hours", "16.00"},
				{"options.0.timeCost", "640.00"},
				{"options.0.cost", "680.00"}, // 40 + 640
			},
		},
		{
			name:  "referrals ramp up over four months: a quarter, a half, three quarters, then the full rate",
			input: `{"horizonMonths":6,"options":[{"kind":"custom","referralsPerMonth":2,"rampMonths":4,"closeRate":0.5}]}`,
			want: []fig{
				{"options.0.months.0.referrals", "0.50"}, // 2 × 1/4
				{"options.0.months.1.referrals", "1.00"}, // 2 × 2/4
				{"options.0.months.2.referrals", "1.50"}, // 2 × 3/4
				{"options.0.months.3.referrals", "2.00"}, // 2 × 4/4
				{"options.0.months.5.referrals", "2.00"},
				{"options.0.months.0.clients", "0.25"},  // 0.5 × 0.5
				{"options.0.months.0.profit", "250.00"}, // 0.25 × 2000 × 0.5
				{"options.0.referrals", "9.00"},         // 2 × (0.25 + 0.5 + 0.75 + 1 + 1 + 1)
				{"options.0.clients", "4.50"},           // 9 × 0.5
				{"options.0.revenue", "9000.00"},        // 4.5 × 2000
				{"options.0.profit", "4500.00"},         // 9000 × 0.5
				{"options.0.net", "4500.00"},            // nothing to pay
				{"options.0.paybackMonth", 1},           // 250 ≥ 0 in month 1
				{"options.0.roi", nil},                  // cost 0
				{"options.0.cashRoi", nil},              // cash 0
				{"options.0.breakEvenClients", "0.00"},  // 0 / 1000
				{"options.0.breakEvenReferrals", "0.00"},
				{"options.0.costPerClient", "0.00"},
				// Poisson(4.5): P(N ≤ 1) = 0.0611, P(N ≤ 2) = 0.1736 → k10 = 2;
				// P(N ≤ 3) = 0.3423, P(N ≤ 4) = 0.5321 → k50 = 4;
				// P(N ≤ 6) = 0.8311, P(N ≤ 7) = 0.9134 → k90 = 7.
				{"options.0.uncertainty.breakEvenProbability", 1.0}, // nothing to earn back
				{"options.0.uncertainty.p10", "2000.00"},            // 2 × 1000 − 0
				{"options.0.uncertainty.p50", "4000.00"},            // 4 × 1000
				{"options.0.uncertainty.p90", "7000.00"},            // 7 × 1000
			},
		},
		{
			name:  "with no ramp referrals come at the full rate from month 1",
			input: `{"horizonMonths":6,"options":[{"kind":"custom","referralsPerMonth":2,"rampMonths":0,"closeRate":0.5}]}`,
			want: []fig{
				{"options.0.months.0.referrals", "2.00"},
				{"options.0.referrals", "12.00"}, // 2 × 6
				{"options.0.clients", "6.00"},
				{"options.0.profit", "6000.00"}, // 6 × 1000
			},
		},
		{
			name:  "a ramp of 2.5 months reaches the full rate in month 3",
			input: `{"horizonMonths":4,"options":[{"kind":"custom","referralsPerMonth":1,"rampMonths":2.5,"closeRate":1}]}`,
			want: []fig{
				{"options.0.months.0.referrals", "0.40"}, // 1 / 2.5
				{"options.0.months.1.referrals", "0.80"}, // 2 / 2.5
				{"options.0.months.2.referrals", "1.00"}, // 3 / 2.5 > 1
				{"options.0.months.3.referrals", "1.00"},
				{"options.0.referrals", "3.20"}, // 0.4 + 0.8 + 1 + 1
			},
		},
		{
			name:  "a reach estimate stands for the referrals a month",
			input: `{"horizonMonths":12,"options":[{"kind":"custom","closeRate":0.5,"reach":` + reachJSON + `}]}`,
			want: []fig{
				{"options.0.referralsPerMonth", "1.25"}, // see reachJSON
				{"options.0.referrals", "15.00"},        // 1.25 × 12
				{"options.0.clients", "7.50"},           // 15 × 0.5
				{"options.0.profit", "7500.00"},         // 7.5 × 1000
			},
		},
		{
			name:  "break-even counts clients and referrals needed to pay the cost, per year too",
			input: `{"options":[{"kind":"custom","annualFee":1500,"referralsPerMonth":1,"closeRate":0.25}]}`,
			want: []fig{
				{"options.0.fees", "3000.00"},                    // 1500 in months 1 and 13
				{"options.0.cost", "3000.00"},                    // no hours
				{"options.0.referrals", "24.00"},                 // 1 × 24
				{"options.0.clients", "6.00"},                    // 24 × 0.25
				{"options.0.profit", "6000.00"},                  // 6 × 1000
				{"options.0.net", "3000.00"},                     // 6000 − 3000
				{"options.0.roi", "1.0000"},                      // 3000 / 3000
				{"options.0.cashRoi", "1.0000"},                  // (6000 − 3000) / 3000
				{"options.0.breakEvenClients", "3.00"},           // 3000 / 1000
				{"options.0.breakEvenReferrals", "12.00"},        // 3 / 0.25
				{"options.0.breakEvenReferralsPerYear", "6.00"},  // 12 × 12 / 24
				{"options.0.costPerReferral", "125.00"},          // 3000 / 24
				{"options.0.costPerClient", "500.00"},            // 3000 / 6
				{"options.0.hoursPerClient", "0.00"},             // 0 / 6
				{"options.0.hourlyReturn", nil},                  // no hours
				{"options.0.months.0.net", "-1250.00"},           // 0.25 × 1000 − 1500
				{"options.0.months.11.cumulativeNet", "1500.00"}, // 12 × 250 − 1500
				{"options.0.months.12.cumulativeNet", "250.00"},  // 13 × 250 − 3000
				{"options.0.paybackMonth", 6},                    // 6 × 250 − 1500 = 0
				// Poisson(6), 3 clients needed: 1 − e⁻⁶(1 + 6 + 36/2) = 1 − 25e⁻⁶ = 0.93803.
				// P(N ≤ 2) = 0.0620, P(N ≤ 3) = 0.1512 → k10 = 3;
				// P(N ≤ 5) = 0.4457, P(N ≤ 6) = 0.6063 → k50 = 6;
				// P(N ≤ 8) = 0.8472, P(N ≤ 9) = 0.9161 → k90 = 9.
				{"options.0.uncertainty.breakEvenProbability", 0.938},
				{"options.0.uncertainty.p10", "0.00"},    // 3 × 1000 − 3000
				{"options.0.uncertainty.p50", "3000.00"}, // 6 × 1000 − 3000
				{"options.0.uncertainty.p90", "6000.00"}, // 9 × 1000 − 3000
			},
		},
		{
			name:  "payback is the first month whose cumulative net is zero or more",
			input: `{"horizonMonths":3,"options":[{"kind":"custom","joiningFee":1000,"referralsPerMonth":1,"closeRate":0.5}]}`,
			want: []fig{
				{"options.0.months.0.net", "-500.00"}, // 0.5 × 1000 − 1000
				{"options.0.months.0.cumulativeNet", "-500.00"},
				{"options.0.months.1.net", "500.00"},
				{"options.0.months.1.cumulativeNet", "0.00"}, // −500 + 500
				{"options.0.paybackMonth", 2},
			},
		},
		{
			name:  "with a zero close rate there are no clients, so nothing is counted per client",
			input: `{"horizonMonths":12,"options":[{"kind":"custom","monthlyFee":50,"referralsPerMonth":2}]}`,
			want: []fig{
				{"options.0.referrals", "24.00"}, // 2 × 12
				{"options.0.clients", "0.00"},
				{"options.0.cost", "600.00"},           // 50 × 12
				{"options.0.costPerReferral", "25.00"}, // 600 / 24
				{"options.0.costPerClient", nil},       // clients 0
				{"options.0.hoursPerClient", nil},      // clients 0
				{"options.0.breakEvenClients", "0.60"}, // 600 / 1000
				{"options.0.breakEvenReferrals", nil},  // 0.6 / 0
				{"options.0.breakEvenReferralsPerYear", nil},
				{"options.0.uncertainty.breakEvenProbability", 0.0}, // Poisson(0) never reaches 1 client
				{"options.0.uncertainty.p10", "-600.00"},            // 0 × 1000 − 600
				{"options.0.uncertainty.p50", "-600.00"},
				{"options.0.uncertainty.p90", "-600.00"},
			},
		},
		{
			name:  "with a zero hourly value hours cost nothing",
			input: `{"hourlyValue":0,"horizonMonths":12,"options":[{"kind":"custom","otherHoursPerMonth":10,"monthlyFee":20}]}`,
			want: []fig{
				{"options.0.hours", "120.00"}, // 10 × 12
				{"options.0.timeCost", "0.00"},
				{"options.0.months.0.timeCost", "0.00"},
				{"options.0.cash", "240.00"},        // 20 × 12
				{"options.0.cost", "240.00"},        // 240 + 0
				{"options.0.hourlyReturn", "-2.00"}, // (0 − 240) / 120
				{"options.0.roi", "-1.0000"},        // −240 / 240
			},
		},
		{
			name:  "an option that costs and brings nothing has no ratios, and pays back at once",
			input: `{"options":[{"kind":"custom"}]}`,
			want: []fig{
				{"options.0.cost", "0.00"},
				{"options.0.net", "0.00"},
				{"options.0.roi", nil},                              // 0 / 0
				{"options.0.cashRoi", nil},                          // cash 0
				{"options.0.paybackMonth", 1},                       // cumulative net 0 ≥ 0
				{"options.0.breakEvenClients", "0.00"},              // 0 / 1000
				{"options.0.breakEvenReferrals", nil},               // close rate 0
				{"options.0.costPerReferral", nil},                  // referrals 0
				{"options.0.costPerClient", nil},                    // clients 0
				{"options.0.hoursPerClient", nil},                   // clients 0
				{"options.0.hourlyReturn", nil},                     // hours 0
				{"options.0.uncertainty.breakEvenProbability", 1.0}, // 0 clients needed
				{"options.0.uncertainty.p10", "0.00"},
				{"options.0.uncertainty.p50", "0.00"},
				{"options.0.uncertainty.p90", "0.00"},
			},
		},
		{
			name:  "with a zero deal value no count of clients breaks even, and there is no uncertainty",
			input: `{"dealValue":0,"options":[{"kind":"custom","monthlyFee":10,"referralsPerMonth":1,"closeRate":0.5}]}`,
			want: []fig{
				{"options.0.clients", "12.00"}, // 1 × 24 × 0.5
				{"options.0.profit", "0.00"},
				{"options.0.costPerClient", "20.00"}, // 240 / 12
				{"options.0.breakEvenClients", nil},  // 240 / (0 × 0.5)
				{"options.0.breakEvenReferrals", nil},
				{"options.0.breakEvenReferralsPerYear", nil},
				{"options.0.uncertainty", nil},
			},
		},
		{
			name:  "with a zero gross margin no count of clients breaks even, and there is no uncertainty",
			input: `{"grossMargin":0,"options":[{"kind":"custom","monthlyFee":10,"referralsPerMonth":1,"closeRate":0.5}]}`,
			want: []fig{
				{"options.0.revenue", "24000.00"},   // 12 × 2000
				{"options.0.profit", "0.00"},        // × 0
				{"options.0.breakEvenClients", nil}, // 240 / (2000 × 0)
				{"options.0.uncertainty", nil},
			},
		},
		{
			name: "an option of hours and no cash has no cash ROI but an hourly return",
			input: `{"horizonMonths":12,"options":[{"kind":"custom","otherHoursPerMonth":1,` +
				`"referralsPerMonth":1,"closeRate":0.1}]}`,
			want: []fig{
				{"options.0.cash", "0.00"},
				{"options.0.hours", "12.00"},                    // 1 × 12
				{"options.0.timeCost", "600.00"},                // 12 × 50
				{"options.0.clients", "1.20"},                   // 12 × 0.1
				{"options.0.profit", "1200.00"},                 // 1.2 × 1000
				{"options.0.roi", "1.0000"},                     // (1200 − 600) / 600
				{"options.0.cashRoi", nil},                      // cash 0
				{"options.0.hourlyReturn", "100.00"},            // (1200 − 0) / 12
				{"options.0.hoursPerClient", "10.00"},           // 12 / 1.2
				{"options.0.costPerClient", "500.00"},           // 600 / 1.2
				{"options.0.costPerReferral", "50.00"},          // 600 / 12
				{"options.0.breakEvenClients", "0.60"},          // 600 / 1000
				{"options.0.breakEvenReferrals", "6.00"},        // 0.6 / 0.1
				{"options.0.breakEvenReferralsPerYear", "6.00"}, // 6 × 12 / 12
				{"options.0.paybackMonth", 1},                   // 0.1 × 1000 − 50 = 50
				// Poisson(1.2), 1 client needed: 1 − e^−1.2 = 0.69881.
				// P(N ≤ 0) = 0.3012 → k10 = 0; P(N ≤ 1) = 0.6626 → k50 = 1;
				// P(N ≤ 2) = 0.8795, P(N ≤ 3) = 0.9662 → k90 = 3.
				{"options.0.uncertainty.breakEvenProbability", 0.6988},
				{"options.0.uncertainty.p10", "-600.00"}, // 0 × 1000 − 600
				{"options.0.uncertainty.p50", "400.00"},  // 1 × 1000 − 600
				{"options.0.uncertainty.p90", "2400.00"}, // 3 × 1000 − 600
			},
		},
	})
}

func TestComparisonRanksTheOptions(t *testing.T) {
	runFigureCases(t, []figureCase{
		{
			name: "two identical options come out even",
			input: `{"horizonMonths":12,"options":[` +
				`{"kind":"custom","monthlyFee":100,"referralsPerMonth":1,"closeRate":1},` +
				`{"kind":"custom","monthlyFee":100,"referralsPerMonth":1,"closeRate":1}]}`,
			want: []fig{
				{"options.0.net", "10800.00"}, // 12 × 1000 − 12 × 100
				{"comparison.best", 0},        // the first, on a tie
				{"comparison.tie", true},
				{"comparison.gaps.0", "0.00"},
				{"comparison.gaps.1", "0.00"},
				{"comparison.crossoverMonth", nil}, // never strictly ahead
				{"comparison.chanceBest.0", 0.5},   // the same Poisson(12) clients, each the same net
				{"comparison.chanceBest.1", 0.5},
				{"comparison.verdict", "Option 1 and Option 2 come out even at $10,800 net over 12 months."},
			},
		},
		{
			name: "the best option takes the lead in month 2 and keeps it",
			input: `{"horizonMonths":4,"options":[` +
				`{"name":"Fee only","kind":"custom","monthlyFee":100},` +
				`{"name":"Slow starter","kind":"custom","joiningFee":1500,"referralsPerMonth":1,"closeRate":1},` +
				`{"name":"Nothing","kind":"custom"}]}`,
			// Cumulative nets: Fee only −100, −200, −300, −400;
			// Slow starter 1000 − 1500 = −500, then 500, 1500, 2500; Nothing 0.
			want: []fig{
				{"options.1.paybackMonth", 2},
				{"comparison.best", 1},
				{"comparison.tie", false},
				{"comparison.gaps.0", "2900.00"}, // 2500 − (−400)
				{"comparison.gaps.1", "0.00"},
				{"comparison.gaps.2", "2500.00"}, // 2500 − 0
				{"comparison.crossoverMonth", 2}, // −500 trails in month 1; 500 leads from month 2
				// Nothing has no cost and no referrals: it is blank, never
				// best. Fee only nets −400 for certain; Slow starter
				// 1000N − 1500, N Poisson(4): best from N = 2 (1000 − 1500 =
				// −500 trails −400), with 1 − e⁻⁴(1 + 4) = 0.9084; else Fee
				// only is, with 5e⁻⁴ = 0.0916.
				{"options.2.incomplete", true},
				{"comparison.chanceBest.0", 0.0916},
				{"comparison.chanceBest.1", 0.9084},
				{"comparison.chanceBest.2", 0.0},
				{"comparison.verdict", "Slow starter pays best: $2,900 more than Fee only over 4 months, paying back in month 2, with a 90.8% chance of coming out best. Nothing has no costs or referrals yet: give it its figures to compare it."},
			},
		},
		{
			name: "the crossover is the month from which the lead lasts, not the first month ahead",
			input: `{"options":[` +
				`{"name":"Joining fee","kind":"custom","joiningFee":960},` +
				`{"name":"Annual dues","kind":"custom","annualFee":1000,"referralsPerMonth":1,"closeRate":0.05}]}`,
			// Joining fee stays at −960. Annual dues earn 0.05 × 1000 = 50 a month:
			// 50m − 1000, and 50m − 2000 from month 13. Month 1: −950 leads;
			// month 13: −1350 trails; month 20: −1000 trails; month 21: −950 leads to month 24 (−800).
			want: []fig{
				{"options.1.months.0.cumulativeNet", "-950.00"},
				{"options.1.months.12.cumulativeNet", "-1350.00"},
				{"options.1.months.19.cumulativeNet", "-1000.00"},
				{"options.1.months.20.cumulativeNet", "-950.00"},
				{"options.1.net", "-800.00"},
				{"comparison.best", 1},
				{"comparison.gaps.0", "160.00"}, // −800 − (−960)
				{"comparison.crossoverMonth", 21},
				{"options.1.paybackMonth", nil},
				// Annual dues net 1000 N − 2000, N Poisson(24 × 0.05 = 1.2),
				// against −960: best from N = 2, with 1 − e^−1.2 × 2.2 = 0.3374.
				// Breaking even takes 2000 / (24 × 0.05 × 1000) = 1.67 a month.
				{"comparison.verdict", "None of the options pays over 24 months; Annual dues loses least, $160 less than Joining fee, with a 33.7% chance of coming out best. " +
					"To break even, Annual dues would need 1.67 referrals a month once established, where these figures give 1."},
			},
		},
		{
			name:  "with no deal value the nets are certain and the cheaper option is best",
			input: `{"dealValue":0,"options":[{"kind":"custom","monthlyFee":10,"referralsPerMonth":1,"closeRate":1},{"kind":"custom","monthlyFee":5}]}`,
			want:  []fig{{"comparison.chanceBest.0", 0.0}, {"comparison.chanceBest.1", 1.0}},
		},
		{
			name:  "a single option that pays says so, with its payback month",
			input: `{"horizonMonths":12,"options":[{"name":"Breakfast club","kind":"custom","monthlyFee":100,"referralsPerMonth":1,"closeRate":1}]}`,
			want: []fig{
				{"options.0.net", "10800.00"}, // 12 × (1000 − 100)
				{"comparison.best", 0},
				{"comparison.tie", false},
				{"comparison.gaps.0", "0.00"},
				{"comparison.crossoverMonth", nil}, // nothing to cross
				{"comparison.chanceBest.0", 1.0},
				{"comparison.verdict", "Breakfast club pays: $10,800 net over 12 months, paying back in month 1."},
			},
		},
		{
			name:  "a single option that does not pay says what it costs",
			input: `{"horizonMonths":12,"options":[{"name":"Breakfast club","kind":"custom","monthlyFee":100}]}`,
			want: []fig{
				{"comparison.verdict", "Breakfast club does not pay: it costs $1,200 more than it brings over 12 months."},
			},
		},
		{
			name:  "amounts under 100 keep their cents in the verdict",
			input: `{"horizonMonths":3,"options":[{"name":"Club","kind":"custom","monthlyFee":5.5}]}`,
			want: []fig{
				{"comparison.verdict", "Club does not pay: it costs $16.50 more than it brings over 3 months."}, // 5.5 × 3
			},
		},
		{
			name:  "the verdict writes a known currency by its symbol",
			input: `{"currency":"EUR","horizonMonths":12,"options":[{"name":"Club","kind":"custom","monthlyFee":100}]}`,
			want: []fig{
				{"comparison.verdict", "Club does not pay: it costs €1,200 more than it brings over 12 months."},
			},
		},
		{
			name:  "the verdict writes another currency by its code",
			input: `{"currency":"CHF","horizonMonths":12,"options":[{"name":"Club","kind":"custom","monthlyFee":100}]}`,
			want: []fig{
				{"comparison.verdict", "Club does not pay: it costs CHF\u00a01,200 more than it brings over 12 months."},
			},
		},
	})
}

// The default comparison, worked out by hand. Its figures hold 50 / 12
// meetings a month and a ramp of sixths and ninths, so they are compared to
// the cent (or the ratio's 4 places) in the Go report too.
//
// Weekly group: fees 100 + 650 × 2 = 1400; meals (50/12 × 15 + 4 × 5) × 24 =
// 1980; travel 50/12 × 4 × 24 = 400; cash 3780; hours (50/12 × 2 + 4 + 2) × 24
// = 344, time 17200; cost 20980; referrals 1/6 + ... + 5/6 + 19 = 21.5,
// clients 10.75, profit 10750; net −10230.
// Open network: fees 240; meals (15 + 5) × 24 = 480; travel 6 × 24 = 144; cash
// 864; hours (2.75 + 1 + 2) × 24 = 138, time 6900; cost 7764; referrals
// 1.5 × (1/9 + ... + 8/9 + 16) = 30, clients 9, profit 9000; net 1236. It
// loses 323.5 a month and earns 50m before month 9: cumulative −788 at
// month 8, then +126.5 a month: −29 at month 14, 97.5 at month 15.
func TestDefaultComparisonByHand(t *testing.T) {
	c := computeBoth(t, `{}`)
	// The arithmetic of the costs and of the referrals from relationships
	// is in ExampleCompute: 300 relationship-months at 0.125 referrals a
	// month for the group (capped at 24 from month 18), 342 at 0.125/3 for
	// the network (no cap within 500).
	want := []fig{
		{"options.0.fees", "1400.00"},
		{"options.0.meals", "1980.00"},
		{"options.0.travel", "400.00"},
		{"options.0.cash", "3780.00"},
		{"options.0.hours", "344.00"},
		{"options.0.timeCost", "17200.00"},
		{"options.0.cost", "20980.00"},
		{"options.0.relationshipsAtHorizon", "24.00"},    // min(24, 2 × (24 − 6))
		{"options.0.referralsPerRelationship", "0.1250"}, // 600 × 0.05 × 0.2 × 0.25 / 12
		{"options.0.referralsPerMonth", "3.00"},          // 24 × 0.125, from month 18
		{"options.0.months.16.referrals", "2.75"},        // month 17: 22 relationships
		{"options.0.months.17.referrals", "3.00"},        // month 18: the cap
		{"options.0.referrals", "37.50"},                 // 300 × 0.125
		{"options.0.clients", "18.75"},                   //
		{"options.0.profit", "18750.00"},                 //
		{"options.0.net", "-2230.00"},                    //
		{"options.0.roi", "-0.1063"},                     // −2230 / 20980 = −0.10629
		{"options.0.cashRoi", "3.9603"},                  // (18750 − 3780) / 3780 = 3.96032
		{"options.0.hourlyReturn", "43.52"},              // 14970 / 344 = 43.517
		{"options.0.breakEvenClients", "20.98"},          // 20980 / 1000
		{"options.0.breakEvenReferrals", "41.96"},        // 20.98 / 0.5
		{"options.0.paybackMonth", nil},                  // net −2230 at the horizon, never ≥ 0 before
		{"options.0.referralsToBreakEven", "3.36"},       // 20980 × 24 / (300 × 0.5 × 1000) = 3.3568
		{"options.0.referralsToMatchBest", "3.04"},       // (20980 − 1959) × 24 / 150000 = 3.0434
		{"options.1.fees", "240.00"},                     // 10 × 24
		{"options.1.meals", "600.00"},                    // (15 + 2 × 5) × 24
		{"options.1.travel", "144.00"},                   // 6 × 24
		{"options.1.cash", "984.00"},                     //
		{"options.1.hours", "162.00"},                    // (2 + 0.75 + 2 + 2) × 24
		{"options.1.timeCost", "8100.00"},                //
		{"options.1.cost", "9084.00"},                    //
		{"options.1.relationshipsAtHorizon", "36.00"},    // 2 × (24 − 6)
		{"options.1.referralsPerRelationship", "0.0417"}, // 0.125 / 3
		{"options.1.referralsPerMonth", "1.50"},          // 36 × 0.125 / 3
		{"options.1.months.6.referrals", "0.08"},         // month 7: 2 relationships
		{"options.1.referrals", "14.25"},                 // 342 × 0.125 / 3
		{"options.1.clients", "7.13"},                    // 0.125/3 kept to 16 places is 0.0416666666666667: 7.1250000000000057
		{"options.1.profit", "7125.00"},                  //
		{"options.1.net", "-1959.00"},                    //
		{"options.1.roi", "-0.2157"},                     // −1959 / 9084 = −0.21565
		{"options.1.cashRoi", "6.2409"},                  // 6141 / 984 = 6.24085
		{"options.1.breakEvenReferrals", "18.17"},        // 9.084 / 0.5
		{"options.1.breakEvenReferralsPerYear", "9.08"},  // 18.168 × 12 / 24
		{"options.1.paybackMonth", nil},                  //
		{"options.1.referralsToBreakEven", "1.91"},       // 9084 × 36 / (342 × 0.5 × 1000) = 1.9124
		{"options.1.referralsToMatchBest", nil},          // the best
		{"comparison.best", 1},                           //
		{"comparison.gaps.0", "271.00"},                  // −1959 − (−2230)
		{"comparison.crossoverMonth", 1},                 // the group gains on the network from month 12 on, but not enough
		{"comparison.verdictParts.referralsToBreakEven", "1.91"},
		// Both presets are unsure of their referral rate by a spread of 0.5,
		// a shape of 1/0.5² = 4: N_W and N_N are negative binomial of means
		// 18.75 and 7.125 and shape 4. The group breaks even with 21 clients,
		// P(N_W ≥ 21) = 0.369862; the network with 10, P(N_N ≥ 10) =
		// 0.254636. The group is best when 1000 N_W − 20980 > 1000 N_N −
		// 9084, that is N_W − N_N ≥ 12 (11.896 rounded up): 0.455317. (Sums
		// in exact fractions, p = 16/91 and 32/89.)
		{"options.0.uncertainty.breakEvenProbability", 0.3699},
		{"options.1.uncertainty.breakEvenProbability", 0.2546},
		{"comparison.chanceBest.0", 0.4553},
		{"comparison.chanceBest.1", 0.5447},
		{"comparison.verdict", "None of the options pays over 24 months; Large open network loses least, $271 less than Weekly referral group, with a 54.5% chance of coming out best. " +
			"To break even, Large open network would need 1.91 referrals a month once established, where these figures give 1.5."},
	}
	c.roundedFigures(t, want)

	// The same sums, from the recurrence of the negative binomial's
	// probabilities, to the engine's own precision.
	weekly, network := referencePMF(18.75, 4, 600), referencePMF(7.125, 4, 400)
	assert.InDelta(t, referenceAtLeast(weekly, 21), c.report.Options[0].Uncertainty.BreakEvenProbability, 1e-12)
	assert.InDelta(t, referenceAtLeast(network, 10), c.report.Options[1].Uncertainty.BreakEvenProbability, 1e-12)
	var groupBest []float64
	for w := 12; w < len(weekly); w++ {
		for n := 0; n <= w-12 && n < len(network); n++ {
			groupBest = append(groupBest, weekly[w]*network[n])
		}
	}
	assert.InDelta(t, compensatedSum(groupBest), c.report.Comparison.ChanceBest[0], 1e-12)
}

func TestReportRoundsHalfEven(t *testing.T) {
	cases := []struct {
		name         string
		input        string
		path         string
		exact, shown string
	}{
		{
			name:  "half a cent rounds down to an even cent",
			input: `{"horizonMonths":1,"options":[{"kind":"custom","monthlyFee":"0.125"}]}`,
			path:  "options.0.cash", exact: "0.125", shown: "0.12",
		},
		{
			name:  "half a cent rounds up to an even cent",
			input: `{"horizonMonths":1,"options":[{"kind":"custom","monthlyFee":"0.135"}]}`,
			path:  "options.0.cash", exact: "0.135", shown: "0.14",
		},
		{
			name:  "a negative half cent rounds to the even cent too",
			input: `{"horizonMonths":1,"options":[{"kind":"custom","monthlyFee":"0.125"}]}`,
			path:  "options.0.net", exact: "-0.125", shown: "-0.12",
		},
		{
			// profit 40002 × 0.5 = 20001, cost 20000: ROI 1 / 20000
			name: "a ratio of half a ten-thousandth rounds down to an even place",
			input: `{"hourlyValue":0,"dealValue":40002,"horizonMonths":1,"options":[` +
				`{"kind":"custom","monthlyFee":20000,"referralsPerMonth":1,"closeRate":1}]}`,
			path: "options.0.roi", exact: "0.00005", shown: "0.0000",
		},
		{
			// profit 40006 × 0.5 = 20003, cost 20000: ROI 3 / 20000
			name: "a ratio of one and a half ten-thousandths rounds up to an even place",
			input: `{"hourlyValue":0,"dealValue":40006,"horizonMonths":1,"options":[` +
				`{"kind":"custom","monthlyFee":20000,"referralsPerMonth":1,"closeRate":1}]}`,
			path: "options.0.roi", exact: "0.00015", shown: "0.0002",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := computeBoth(t, tc.input)
			checkGo(t, tc.path, goFigure(t, c.report, tc.path), tc.exact)
			checkJSON(t, tc.path, jsonFigure(t, c.reply, tc.path), tc.shown)
		})
	}
}

func TestSensitivityIsNetWithEachInputAt80And120Percent(t *testing.T) {
	type entry struct{ low, high, swing string }
	cases := []struct {
		name  string
		input string
		want  map[string]entry
	}{
		{
			// Referrals 1 × (1/2 + 11) = 11.5 over the ramp of 2 months; clients
			// 11.5 × 0.95 = 10.925; profit 10.925 × 1000 × 0.9 = 9832.5; cost
			// 100 × 12 = 1200; net 8632.5. Hours cost nothing (hourly value 0,
			// left out as zero; the billable share of 1 then moves nothing).
			name: "every input that moves net is varied, rates capped at 100 %",
			input: `{"hourlyValue":0,"dealValue":1000,"grossMargin":0.9,"horizonMonths":12,"options":[` +
				`{"kind":"custom","monthlyFee":100,"referralsPerMonth":1,"rampMonths":2,"closeRate":0.95}]}`,
			want: map[string]entry{
				// profit × 0.8 = 7866, × 1.2 = 11799
				"dealValue":         {"6666.00", "10599.00", "3933.00"},
				"dealsPerClient":    {"6666.00", "10599.00", "3933.00"},
				"referralsPerMonth": {"6666.00", "10599.00", "3933.00"},
				// 0.72, and 1.08 capped at 1: profit 9832.5 / 0.9 = 10925
				"grossMargin": {"6666.00", "9725.00", "3059.00"},
				// 0.76, and 1.14 capped at 1: profit 11.5 × 900 = 10350
				"closeRate": {"6666.00", "9150.00", "2484.00"},
				// fees 80 × 12 = 960, 120 × 12 = 1440
				"monthlyFee": {"8872.50", "8392.50", "480.00"},
				// ramp 1.6: 1/1.6 + 11 = 11.625 → 11.625 × 855 = 9939.375;
				// ramp 2.4: 1/2.4 + 2/2.4 + 10 = 11.25 → 11.25 × 855 = 9618.75
				"rampMonths": {"8739.38", "8418.75", "320.62"}, // 8739.375, 320.625 half-even
			},
		},
		{
			// Profit 1 × 1 × 10000.015 × 0.9 = 9000.0135, no cost.
			name: "a capped rate gives the net at 100 % to the cent",
			input: `{"hourlyValue":0,"dealValue":"10000.015","grossMargin":0.9,"horizonMonths":1,"options":[` +
				`{"kind":"custom","referralsPerMonth":1,"closeRate":1}]}`,
			want: map[string]entry{
				// 9000.0135 × 0.8 = 7200.0108, × 1.2 = 10800.0162
				"dealValue":         {"7200.01", "10800.02", "3600.01"},
				"dealsPerClient":    {"7200.01", "10800.02", "3600.01"},
				"referralsPerMonth": {"7200.01", "10800.02", "3600.01"},
				// margin 1: 10000.015 exactly, half-even to 10000.02; swing 2800.0042
				"grossMargin": {"7200.01", "10000.02", "2800.00"},
				// close rate 1.2 capped at 1: net unchanged, 9000.0135; swing 1800.0027
				"closeRate": {"7200.01", "9000.01", "1800.00"},
			},
		},
		{
			// Ramp 60: Σ_{t=1..60} t/60 + 60 full months = 61/2 + 60 = 90.5
			// referrals, each a client of 1000 profit: net 90500, no cost.
			name: "a ramp of 60 months is tried at 72, beyond the input's bound",
			input: `{"horizonMonths":120,"hourlyValue":0,"dealValue":1000,"grossMargin":1,"options":[` +
				`{"kind":"custom","name":"R","referralsPerMonth":1,"closeRate":1,"rampMonths":60}]}`,
			want: map[string]entry{
				// 90500 × 0.8 = 72400, × 1.2 = 108600
				"dealValue":         {"72400.00", "108600.00", "36200.00"},
				"dealsPerClient":    {"72400.00", "108600.00", "36200.00"},
				"referralsPerMonth": {"72400.00", "108600.00", "36200.00"},
				// rates of 1: 0.8, and 1.2 capped at 1
				"grossMargin": {"72400.00", "90500.00", "18100.00"},
				"closeRate":   {"72400.00", "90500.00", "18100.00"},
				// ramp 48: Σ_{t=1..48} t/48 + 72 = 49/2 + 72 = 96.5 → 96500;
				// ramp 72: Σ_{t=1..72} t/72 + 48 = 73/2 + 48 = 84.5 → 84500
				// (not Σ_{t=1..59} t/72 + 61 = 85.583, its full rate cut at month 60)
				"rampMonths": {"96500.00", "84500.00", "12000.00"},
			},
		},
		{
			// Hours 10 × 2 = 20, time cost 20 × 40 × 0.5 = 400; cash 20 × 2 = 40;
			// cost 440. Referrals 2, clients 1, revenue 1 × 2000 × 2 = 4000,
			// profit 2000; net 1560.
			name: "the billable share scales the time cost, deals per client the profit",
			input: `{"hourlyValue":40,"billableShare":0.5,"dealsPerClient":2,"horizonMonths":2,"options":[` +
				`{"kind":"custom","otherHoursPerMonth":10,"monthlyFee":20,"referralsPerMonth":1,"closeRate":0.5}]}`,
			want: map[string]entry{
				// profit × 0.8 = 1600, × 1.2 = 2400
				"dealValue":         {"1160.00", "1960.00", "800.00"},
				"dealsPerClient":    {"1160.00", "1960.00", "800.00"},
				"grossMargin":       {"1160.00", "1960.00", "800.00"},
				"referralsPerMonth": {"1160.00", "1960.00", "800.00"},
				"closeRate":         {"1160.00", "1960.00", "800.00"},
				// time cost × 0.8 = 320, × 1.2 = 480: an hour displaces 40 × 0.5
				"hourlyValue":        {"1640.00", "1480.00", "160.00"},
				"billableShare":      {"1640.00", "1480.00", "160.00"},
				"otherHoursPerMonth": {"1640.00", "1480.00", "160.00"},
				// fees 32 and 48
				"monthlyFee": {"1568.00", "1552.00", "16.00"},
			},
		},
		{
			// Time cost 10 × 50 × 0.9 = 450, net −450; no profit, so the
			// deal value, the deals per client and the margin move nothing.
			name: "a billable share at 120 % is capped at 100 %",
			input: `{"hourlyValue":50,"billableShare":0.9,"horizonMonths":1,"options":[` +
				`{"kind":"custom","otherHoursPerMonth":10}]}`,
			want: map[string]entry{
				// 360 and 540
				"hourlyValue":        {"-360.00", "-540.00", "180.00"},
				"otherHoursPerMonth": {"-360.00", "-540.00", "180.00"},
				// 10 × 50 × 0.72 = 360, and 1.08 capped at 1: 10 × 50 = 500
				"billableShare": {"-360.00", "-500.00", "140.00"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := computeBoth(t, tc.input)
			got := c.report.Options[0].Sensitivity
			require.Len(t, got, len(tc.want))
			for i, s := range got {
				w, ok := tc.want[s.Field]
				require.True(t, ok, "unexpected field %s", s.Field)
				at := "options.0.sensitivity." + strconv.Itoa(i) + "."
				for key, pair := range map[string][2]any{
					"low": {s.Low, w.low}, "high": {s.High, w.high}, "swing": {s.Swing, w.swing},
				} {
					checkGo(t, at+key, roundTo(pair[0], pair[1].(string)), pair[1])
					checkJSON(t, at+key, jsonFigure(t, c.reply, at+key), pair[1])
				}
				assert.Equal(t, s.Field, jsonFigure(t, c.reply, at+"field"))
				if i > 0 {
					assert.False(t, s.Swing.GreaterThan(got[i-1].Swing), "sorted by swing, largest first")
				}
			}
		})
	}
}

// Nets of 9.995 and 10.005 both show as 10.00. Whichever option is called
// best, its gap to another cannot be negative, and the verdict cannot say it
// pays "−$0.01 more".
func TestComparisonNeverShowsANegativeGap(t *testing.T) {
	c := computeBoth(t, `{"hourlyValue":0,"dealValue":10,"grossMargin":1,"horizonMonths":1,"options":[`+
		`{"name":"A","kind":"custom","monthlyFee":"0.005","referralsPerMonth":1,"closeRate":1},`+
		`{"name":"B","kind":"custom","referralsPerMonth":"1.0005","closeRate":1}]}`)
	c.roundedFigures(t, []fig{
		{"options.0.net", "10.00"}, // 10 − 0.005 = 9.995, shown half-even
		{"options.1.net", "10.00"}, // 1.0005 × 10
	})
	for i := range c.report.Options {
		gap := jsonFigure(t, c.reply, "comparison.gaps."+strconv.Itoa(i)).(string)
		assert.NotContains(t, gap, "-", "gap to option %d", i)
	}
	assert.NotContains(t, c.report.Comparison.Verdict, "−")
}

func TestPresetsCarryTheModelsDefaults(t *testing.T) {
	// docs/model.md, "Where the defaults come from".
	cases := []struct {
		kind Kind
		want map[string]string
	}{
		{KindWeeklyGroup, map[string]string{
			"annualFee": "650", "joiningFee": "100", "mealCost": "15", "meetingsPerYear": "50",
			"meetingHours": "1.5", "travelHours": "0.5", "oneToOnesPerMonth": "4", "oneToOneHours": "1",
			"rampMonths": "0", "closeRate": "0.5", "referralsPerMonth": "0", "referralSpread": "0.5",
			"reach.groupSize": "25", "reach.competitors": "0",
		}},
		{KindOpenNetwork, map[string]string{
			"monthlyFee": "10", "meetingsPerYear": "12", "meetingHours": "2", "travelHours": "0.75",
			"mealCost": "15", "oneToOnesPerMonth": "2", "rampMonths": "0", "closeRate": "0.5",
			"referralsPerMonth": "0", "referralSpread": "0.5", "reach.groupSize": "500", "reach.competitors": "2",
		}},
	}
	// Both share the rest of the reach: MODEL.md's table.
	shared := map[string]string{
		"reach.relationships": "0", "reach.relationshipsPerMonth": "2", "reach.trustMonths": "6",
		"reach.contactsPerRelationship": "600", "reach.targetShare": "0.05", "reach.inMarketShare": "0.2",
		"reach.passOnRate": "0.25",
	}
	for _, tc := range cases {
		for key, want := range shared {
			tc.want[key] = want
		}
	}
	for _, tc := range cases {
		t.Run(string(tc.kind)+" starts from the published figures", func(t *testing.T) {
			o, ok := Preset(tc.kind)
			require.True(t, ok)
			assert.Equal(t, tc.kind, o.Kind)
			require.NotNil(t, o.Reach, "referrals from relationships")
			for key, want := range tc.want {
				got := *fieldAt(&Input{}, &o, key).at
				assert.True(t, got.Equal(d(want)), "%s = %s, want %s", key, got, want)
			}
		})
	}
	t.Run("a custom option starts at zero everywhere", func(t *testing.T) {
		o, ok := Preset(KindCustom)
		require.True(t, ok)
		for _, f := range optionFields {
			assert.True(t, f.get(&o).IsZero(), f.key)
		}
		assert.Nil(t, o.Reach)
	})
	t.Run("the reader's business defaults to USD, 24 months, 50 an hour every hour, one deal of 2000 at 50 %", func(t *testing.T) {
		in := DefaultInput()
		assert.Equal(t, "USD", in.Currency)
		assert.Equal(t, 24, in.HorizonMonths)
		assert.True(t, in.HourlyValue.Equal(d("50")))
		assert.True(t, in.BillableShare.Equal(d("1")), "every hour would otherwise be billed")
		assert.True(t, in.DealValue.Equal(d("2000")))
		assert.True(t, in.DealsPerClient.Equal(d("1")), "one deal per client")
		assert.True(t, in.GrossMargin.Equal(d("0.5")))
		require.Len(t, in.Options, 2)
		assert.Equal(t, []Kind{KindWeeklyGroup, KindOpenNetwork}, []Kind{in.Options[0].Kind, in.Options[1].Kind})
		assert.Empty(t, Validate(in))
	})
}

func TestEveryKindHasAValidPreset(t *testing.T) {
	assert.Equal(t, []Kind{KindWeeklyGroup, KindOpenNetwork, KindChamber, KindCustom}, Kinds())
	for _, kind := range Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			o, ok := Preset(kind)
			require.True(t, ok)
			assert.Equal(t, kind, o.Kind)
			assert.NotEmpty(t, o.Name)
			in := DefaultInput()
			in.Options = []Option{o}
			assert.Empty(t, Validate(in))
		})
	}
	t.Run("an unknown kind has no preset", func(t *testing.T) {
		_, ok := Preset("golf_club")
		assert.False(t, ok)
	})
}

func TestComputeRefusesAnInvalidInputWithItsErrors(t *testing.T) {
	_, err := Compute(Input{})
	var errs Errors
	require.ErrorAs(t, err, &errs)
	assert.Equal(t, []string{
		"currency invalid_currency", "horizonMonths out_of_range", "options too_few",
	}, fieldCodes(errs))
}

// docs/model.md: every division is an explicit DivRound to 16 places; the
// package-global DivisionPrecision is never relied on.
func TestResultsDoNotDependOnDivisionPrecision(t *testing.T) {
	input := []byte(`{"horizonMonths":7,"options":[{"kind":"weekly_group","rampMonths":7,"closeRate":0.3},` +
		`{"kind":"open_network","reach":` + reachJSON + `}]}`)
	want := string(ComputeJSON(input))
	saved := decimal.DivisionPrecision
	t.Cleanup(func() { decimal.DivisionPrecision = saved })
	decimal.DivisionPrecision = 1
	assert.Equal(t, want, string(ComputeJSON(input)))
}

func TestVerdictSaysMonthInTheSingularForAOneMonthHorizon(t *testing.T) {
	in := DefaultInput()
	in.HorizonMonths = 1
	r, err := Compute(in)
	require.NoError(t, err)
	assert.Contains(t, r.Comparison.Verdict, "over 1 month")
	assert.NotContains(t, r.Comparison.Verdict, "over 1 months")
}

// The reader's business (docs/model.md, "Month by month"): the time cost
// counts the share of hours that would otherwise be billed, and a client's
// profit every deal they bring.
func TestTheReadersBusinessScalesTimeCostAndProfit(t *testing.T) {
	// Hours 10 a month, 20 over 2 months, at 40 an hour; cash 20 × 2 = 40.
	hours := func(share string) string {
		return `{"hourlyValue":40,"billableShare":` + share + `,"horizonMonths":2,"options":[` +
			`{"kind":"custom","otherHoursPerMonth":10,"monthlyFee":20}]}`
	}
	// An annual fee of 1500 over 12 months; referrals 12, clients 3, each
	// bringing deals of 2000 at a margin of 0.5. Clients are Poisson(3):
	// P(N ≤ 0) = e⁻³ = 0.0498, P(N ≤ 1) = 4e⁻³ = 0.1991 → k10 = 1;
	// P(N ≤ 2) = 8.5e⁻³ = 0.4232, P(N ≤ 3) = 13e⁻³ = 0.6472 → k50 = 3;
	// P(N ≤ 4) = 16.375e⁻³ = 0.8153, P(N ≤ 5) = 18.4e⁻³ = 0.9161 → k90 = 5.
	deals := func(perClient string) string {
		return `{"horizonMonths":12,"dealsPerClient":` + perClient + `,"options":[` +
			`{"kind":"custom","annualFee":1500,"referralsPerMonth":1,"closeRate":0.25}]}`
	}
	// "Fees" costs 50 a month, 100 for certain. "Slow" costs 1500 and
	// expects 0.5 × 2 = 1 client: Poisson(1), P(N = 0) = P(N = 1) = e⁻¹.
	two := func(perClient string) string {
		return `{"hourlyValue":0,"horizonMonths":2,"dealsPerClient":` + perClient + `,"options":[` +
			`{"name":"Fees","kind":"custom","monthlyFee":50},` +
			`{"name":"Slow","kind":"custom","joiningFee":1500,"referralsPerMonth":0.5,"closeRate":1}]}`
	}
	runFigureCases(t, []figureCase{
		{
			name:  "every networking hour billable: the time cost is hours × hourly value",
			input: hours("1"),
			want: []fig{
				{"options.0.months.0.timeCost", "400.00"}, // 10 × 40 × 1
				{"options.0.timeCost", "800.00"},          // 20 × 40
				{"options.0.cost", "840.00"},              // 40 + 800
			},
		},
		{
			name:  "half of them billable halves the time cost, not the hours",
			input: hours("0.5"),
			want: []fig{
				{"options.0.months.0.hours", "10.00"},
				{"options.0.months.0.timeCost", "200.00"}, // 10 × 40 × 0.5
				{"options.0.hours", "20.00"},
				{"options.0.timeCost", "400.00"}, // 20 × 40 × 0.5, half of 800
				{"options.0.cost", "440.00"},     // 40 + 400
				{"options.0.net", "-440.00"},     // no profit
				{"options.0.months.1.cumulativeNet", "-440.00"},
				{"options.0.breakEvenClients", "0.44"}, // 440 / 1000
				{"options.0.hourlyReturn", "-2.00"},    // (0 − 40) / 20: hours, not billable hours
				{"options.0.roi", "-1.0000"},           // −440 / 440
			},
		},
		{
			name:  "none of them billable: hours cost nothing but their cash",
			input: hours("0"),
			want: []fig{
				{"options.0.timeCost", "0.00"},
				{"options.0.cost", "40.00"},
			},
		},
		{
			name:  "one deal per client",
			input: deals("1"),
			want: []fig{
				{"options.0.clients", "3.00"},                   // 12 × 0.25
				{"options.0.revenue", "6000.00"},                // 3 × 2000 × 1
				{"options.0.profit", "3000.00"},                 // 6000 × 0.5
				{"options.0.net", "1500.00"},                    // 3000 − 1500
				{"options.0.months.0.profit", "250.00"},         // 0.25 × 2000 × 0.5
				{"options.0.paybackMonth", 6},                   // 6 × 250 − 1500 = 0
				{"options.0.breakEvenClients", "1.50"},          // 1500 / 1000
				{"options.0.breakEvenReferrals", "6.00"},        // 1.5 / 0.25
				{"options.0.breakEvenReferralsPerYear", "6.00"}, // 6 × 12 / 12
				// 2 clients needed: 1 − e⁻³(1 + 3) = 0.80085
				{"options.0.uncertainty.breakEvenProbability", 0.8009},
				{"options.0.uncertainty.p10", "-500.00"}, // 1 × 1000 − 1500
				{"options.0.uncertainty.p50", "1500.00"}, // 3 × 1000 − 1500
				{"options.0.uncertainty.p90", "3500.00"}, // 5 × 1000 − 1500
			},
		},
		{
			name:  "two deals per client double revenue and profit and halve the clients needed",
			input: deals("2"),
			want: []fig{
				{"options.0.clients", "3.00"},                   // the same clients
				{"options.0.revenue", "12000.00"},               // 3 × 2000 × 2
				{"options.0.profit", "6000.00"},                 // 12000 × 0.5
				{"options.0.net", "4500.00"},                    // 6000 − 1500
				{"options.0.roi", "3.0000"},                     // 4500 / 1500
				{"options.0.costPerClient", "500.00"},           // 1500 / 3, as before
				{"options.0.months.0.profit", "500.00"},         // 0.25 × 2000 × 2 × 0.5
				{"options.0.months.0.net", "-1000.00"},          // 500 − 1500
				{"options.0.paybackMonth", 3},                   // 3 × 500 − 1500 = 0
				{"options.0.breakEvenClients", "0.75"},          // 1500 / (2000 × 2 × 0.5)
				{"options.0.breakEvenReferrals", "3.00"},        // 0.75 / 0.25
				{"options.0.breakEvenReferralsPerYear", "3.00"}, // 3 × 12 / 12
				// 1 client needed: 1 − e⁻³ = 0.95021
				{"options.0.uncertainty.breakEvenProbability", 0.9502},
				{"options.0.uncertainty.p10", "500.00"},  // 1 × 2000 − 1500
				{"options.0.uncertainty.p50", "4500.00"}, // 3 × 2000 − 1500
				{"options.0.uncertainty.p90", "8500.00"}, // 5 × 2000 − 1500
			},
		},
		{
			// Slow nets 1000N − 1500, above −100 from N = 2: 1 − 2e⁻¹.
			name:  "with one deal per client the slow starter needs two clients to come out best",
			input: two("1"),
			want: []fig{
				{"options.1.net", "-500.00"}, // 1 × 1000 − 1500
				{"comparison.best", 0},       // −100 against −500
				{"comparison.chanceBest.0", 0.7358},
				{"comparison.chanceBest.1", 0.2642},
			},
		},
		{
			// Slow nets 2000N − 1500, above −100 from N = 1: 1 − e⁻¹.
			name:  "with two deals per client one client is enough",
			input: two("2"),
			want: []fig{
				{"options.1.net", "500.00"}, // 1 × 2000 − 1500
				{"comparison.best", 1},
				{"comparison.chanceBest.0", 0.3679},
				{"comparison.chanceBest.1", 0.6321},
			},
		},
	})
}
