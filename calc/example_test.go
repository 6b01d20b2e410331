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
// cash 3780; 344 hours × 50 = 17200; cost 20980. Referrals come from
// relationships: 2 new ones a month, each referring once trusted after 6
// months, up to the 24 other members of a group of 25. Months 7 to 18 hold
// 2, 4, …, 24 (156 relationship-months), months 19 to 24 hold 24 each (144):
// 300. Each refers 600 contacts × 5 % in the market × 20 % buying in a year
// × 25 % passed on / 12 = 0.125 a month: 37.5 referrals, half of which
// close: 18.75 clients × 1000 = 18750 of profit. Net −2230. Breaking even
// takes 20980 / 1000 = 20.98 clients, that is 21.
//
// For the open network: cash (10 + 15 + 2 × 5 + 6) × 24 = 984; 162 hours ×
// 50 = 8100; cost 9084. No cap within 500 members: months 7 to 24 hold 2,
// 4, …, 36 (342 relationship-months), each referring a third as often, with
// 2 competitors in the room: 0.125 / 3 a month, 14.25 referrals, 7.125
// clients, 7125 of profit. Net −1959. It needs 10 clients and expects 7.1.
//
// How likely each is to break even depends on how sure the reader is of the
// referral rate. Both presets are unsure by a spread of 0.5, so the clients
// won N are negative binomial of shape 1/0.5² = 4 rather than Poisson:
// P(N = n) = Γ(n+4)/(3!·n!) · (4/(4+μ))⁴ · (μ/(4+μ))^n. Its variance is
// μ + μ²/4, 106.6 for the group rather than 18.75, and the chances spread
// out: 21 clients of 18.75 expected come with a chance of P(N ≥ 21) =
// 37.0 % (33.1 % for a known rate, Poisson), 10 of 7.125 with P(N ≥ 10) =
// 25.5 % (18.2 %). Summed exactly in fractions (p = 16/91 and 32/89):
// 0.36986 and 0.25464.
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
	// Weekly referral group: cost 20980.00 (cash 3780.00, 344.00 hours), 18.75 clients, profit 18750.00, net -2230.00
	//   breaks even at 20.98 clients, with a 37.0 % chance
	// Large open network: cost 9084.00 (cash 984.00, 162.00 hours), 7.13 clients, profit 7125.00, net -1959.00
	//   breaks even at 9.08 clients, with a 25.5 % chance
	// None of the options pays over 24 months; Large open network loses least, $271 less than Weekly referral group, with a 54.5% chance of coming out best. To break even, Large open network would need 1.91 referrals a month once established, where these figures give 1.5.
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
