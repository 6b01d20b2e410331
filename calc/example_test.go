package calc_test

import (
	"encoding/json"
	"fmt"

	"github.com/networking-roi/widget/calc"
)

// The calculator opens on a weekly referral group against a large open
// network, over 24 months, for a reader whose hour is worth 50 and whose new
// client brings a deal of 2000 at a 50 % gross margin, so 1000 of profit.
//
// What a group costs is not its fee: it is the fees, the meals and travel of
// every meeting and one-to-one, and above all the hours they take, each
// valued at the reader's hourly rate. What it brings is profit, not invoices:
// referrals, ramping up while relationships mature, times the share that
// close, times the deal value, times the margin.
//
// By hand, for the weekly group: fees 100 + 650 × 2 = 1400, meals and travel
// 50/12 meetings × (15 + 4) + 4 coffees × 5 a month, 2380 over 24 months;
// cash 3780; 344 hours × 50 = 17200; cost 20980. Referrals ramp over 6
// months: 1/6 + ... + 5/6 + 19 full months = 21.5, half of which close: 10.75
// clients × 1000 = 10750 of profit. Net −10230. Breaking even takes 20980 /
// 1000 = 20.98 clients, that is 21.
//
// For the open network: cash (10 + 21 + 5) × 24 = 864; 138 hours × 50 =
// 6900; cost 7764. Referrals ramp over 9 months: 1.5 × (4 + 16) = 30, 30 %
// close: 9 clients, 9000 of profit. Net 1236. It needs 8 clients and
// expects 9.
//
// How likely each is to break even depends on how sure the reader is of the
// referral rate. Both presets are unsure by a spread of 0.5, so the clients
// won N are negative binomial of shape 1/0.5² = 4 rather than Poisson:
// P(N = n) = Γ(n+4)/(3!·n!) · (4/(4+μ))⁴ · (μ/(4+μ))^n. Its variance is
// μ + μ²/4, 39.6 for the group rather than 10.75, and the chances spread
// out: 21 clients of 10.75 expected come with a chance of P(N ≥ 21) =
// 7.7 % (0.36 % for a known rate, Poisson), 8 of 9 with P(N ≥ 8) = 54.7 %
// (67.6 %). Summed at 40 digits (mpmath), 0.07688 and 0.54700.
func ExampleCompute() {
	report, err := calc.Compute(calc.DefaultInput())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range report.Options {
		fmt.Printf("%s: cost %s (cash %s, %s hours), %s clients, profit %s, net %s\n",
			o.Name, o.Cost.StringFixedBank(2), o.Cash.StringFixedBank(2), o.Hours.StringFixedBank(2),
			o.Clients.StringFixedBank(2), o.Profit.StringFixedBank(2), o.Net.StringFixedBank(2))
		fmt.Printf("  breaks even at %s clients, with a %.1f %% chance\n",
			o.BreakEvenClients.StringFixedBank(2), 100*o.Uncertainty.BreakEvenProbability)
	}
	fmt.Println(report.Comparison.Verdict)
	// Output:
	// Weekly referral group: cost 20980.00 (cash 3780.00, 344.00 hours), 10.75 clients, profit 10750.00, net -10230.00
	//   breaks even at 20.98 clients, with a 7.7 % chance
	// Large open network: cost 7764.00 (cash 864.00, 138.00 hours), 9.00 clients, profit 9000.00, net 1236.00
	//   breaks even at 7.76 clients, with a 54.7 % chance
	// Large open network pays best: $11,466 more than Weekly referral group over 24 months, paying back in month 15, with a 92.3% chance of coming out best.
}

// ComputeJSON is the engine's one entry for the browser: JSON in, JSON out.
// Missing fields take their defaults, so a custom option names only what it
// costs and brings; decimals come back as strings rounded half-even, and bad
// input comes back as errors naming the field.
//
// By hand: the annual fee of 450 falls in month 1; referrals 0.5 × 12 = 6,
// half close: 3 clients × 1000 = 3000; net 2550. Month 1 nets 0.5 × 0.5 ×
// 1000 − 450 = −200, month 2 brings 250 more: paid back in month 2.
func ExampleComputeJSON() {
	raw := calc.ComputeJSON([]byte(`{"horizonMonths":12,"options":[
		{"name":"Chamber","kind":"custom","annualFee":450,"referralsPerMonth":0.5,"closeRate":0.5}]}`))
	var reply struct {
		Report struct {
			Options []struct {
				Net string `json:"net"`
			} `json:"options"`
			Comparison struct {
				Verdict string `json:"verdict"`
			} `json:"comparison"`
		} `json:"report"`
	}
	if err := json.Unmarshal(raw, &reply); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(reply.Report.Options[0].Net)
	fmt.Println(reply.Report.Comparison.Verdict)

	fmt.Println(string(calc.ComputeJSON([]byte(`{"options":[{"kind":"custom","closeRate":"35 %"}]}`))))
	// Output:
	// 2550.00
	// Chamber pays: $2,550 net over 12 months, paying back in month 2.
	// {"errors":[{"field":"options[0].closeRate","code":"not_a_number","message":"Referrals that become clients must be a number."}]}
}
