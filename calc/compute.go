package calc

// Compute projects every option of a valid input over its horizon and
// compares them. It returns the input's Errors if Validate finds any.
func Compute(in Input) (Report, error) {
	if errs := Validate(in); len(errs) > 0 {
		return Report{}, errs
	}
	return report(in), nil
}

// report is Compute of an input already validated.
func report(in Input) Report {
	r := Report{
		Currency:      in.Currency,
		HorizonMonths: in.HorizonMonths,
		Options:       make([]OptionReport, len(in.Options)),
	}
	for i := range in.Options {
		r.Options[i] = optionReport(&in, &in.Options[i])
	}
	r.Comparison = compare(r.Options, in.HorizonMonths, in.Currency, in.profitPerClient())
	return r
}

func optionReport(in *Input, o *Option) OptionReport {
	each := monthlyCosts(o)
	curve := newReferralCurve(in.HorizonMonths, o)
	t := totalsOf(in, o, each, curve.total())
	closeRate := o.closeRateAhead()
	r := OptionReport{
		Name:              o.Name,
		Kind:              o.Kind,
		ReferralsPerMonth: curve.base.Mul(curve.level),
		Totals:            t,
		Incomplete:        t.Cost.IsZero() && t.Referrals.IsZero(),
		ROI:               ratio(t.Net, t.Cost),
		CashROI:           ratio(t.Profit.Sub(t.Cash), t.Cash),
		CostPerReferral:   ratio(t.Cost, t.Referrals),
		CostPerClient:     ratio(t.Cost, t.Clients),
		HoursPerClient:    ratio(t.Hours, t.Clients),
		HourlyReturn:      ratio(t.Profit.Sub(t.Cash), t.Hours),
		Months:            monthsOf(in, o, each, &curve),
		Sensitivity:       sensitivityOf(in, o, t, each, &curve),
	}
	if o.Reach != nil {
		perRelationship := o.Reach.PerRelationship() // the model's, before a track's factor
		r.RelationshipsAtHorizon, r.ReferralsPerRelationship = &curve.level, &perRelationship
	}
	if tr := o.Track; tr != nil {
		look := outlookOf(o)
		r.Track = &TrackReport{MonthsIn: look.monthsIn, Expected: look.expected, Referrals: tr.Referrals,
			Clients: tr.Clients, Factor: look.factor, CloseRate: look.closeRate}
	}
	// What it takes: the rate, once established, whose curve of the same
	// shape brings a given profit. Its referrals are rate × sum / level.
	if !curve.level.IsZero() {
		r.profitPerRate = curve.sum.Mul(closeRate).Mul(in.profitPerClient())
		r.rateLevel = curve.level
		r.ReferralsToBreakEven = r.referralsToEarn(t.Cost)
	}
	if m, ok := paybackMonth(r.Months); ok {
		r.PaybackMonth = &m
	}
	profitPerClient := in.profitPerClient()
	r.BreakEvenClients = ratio(t.Cost, profitPerClient)
	if r.BreakEvenClients == nil {
		return r
	}
	seen := zero // the referrals a member's record adds to the shape
	if o.Track != nil {
		seen = o.Track.Referrals
	}
	won := tabulate(clientsWonAfter(t.Clients, o.ReferralSpread, seen))
	r.clientsWon = &won
	u := uncertaintyOf(&won, *r.BreakEvenClients, profitPerClient, t.Cost)
	r.Uncertainty = &u
	r.BreakEvenReferrals = ratio(*r.BreakEvenClients, closeRate)
	if r.BreakEvenReferrals != nil {
		r.BreakEvenReferralsPerYear = ratio(r.BreakEvenReferrals.Mul(twelve), months(in.HorizonMonths))
	}
	return r
}
