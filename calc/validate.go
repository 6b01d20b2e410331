package calc

import (
	"unicode"
	"unicode/utf8"
)

// Validate checks every range of the model and returns every error at once.
// It compares only, so it is safe on any input; Compute runs it first.
func Validate(in Input) Errors {
	var errs Errors
	if !isCurrencyCode(in.Currency) {
		errs.add("currency", CodeInvalidCurrency, "Currency must be a three-letter code such as USD or EUR.")
	}
	if in.HorizonMonths < MinHorizonMonths || in.HorizonMonths > MaxHorizonMonths {
		errs.add("horizonMonths", CodeOutOfRange, horizonMessage)
	}
	var figs [maxFigures]figure
	errs = checkFields(errs, in.figures(figs[:0]), "")
	switch n := len(in.Options); {
	case n < MinOptions:
		errs.add("options", CodeTooFew, "Add at least one option to compare.")
		return errs
	case n > MaxOptions:
		errs.add("options", CodeTooMany, "Compare at most 6 options at once.")
		return errs
	}
	for i := range in.Options {
		o := &in.Options[i]
		at := indexPath("options", i)
		if _, ok := Preset(o.Kind); !ok {
			errs.add(path(at, "kind"), CodeInvalidKind, kindMessage)
		}
		switch n := utf8.RuneCountInString(o.Name); {
		case isBlank(o.Name):
			errs.add(path(at, "name"), CodeRequired, "Give this option a name.")
		case n > MaxNameRunes:
			errs.add(path(at, "name"), CodeTooLong, "A name can be at most 60 characters long.")
		case hasBidiControl(o.Name):
			errs.add(path(at, "name"), CodeInvalidName, "A name cannot hold the invisible characters that reverse the direction of text.")
		}
		before := len(errs)
		errs = checkFields(errs, o.figures(figs[:0]), at)
		var monthsIn int // the months before the projection, once the track is valid
		if o.Track != nil {
			n := len(errs)
			if errs = checkTrack(errs, o.Track, path(at, "track")); len(errs) == n {
				monthsIn = o.monthsIn()
			}
		}
		if o.Reach != nil {
			reach := path(at, "reach")
			if !o.ReferralsPerMonth.IsZero() {
				errs.add(reach, CodeConflict, conflictMessage)
			}
			errs = checkReach(errs, o.Reach, reach, monthsIn+in.HorizonMonths)
		}
		if o.Track != nil && len(errs) == before && in.HorizonMonths >= MinHorizonMonths && in.HorizonMonths <= MaxHorizonMonths {
			errs = checkUpdatedRate(errs, o, in.HorizonMonths, path(at, "track"))
		}
	}
	return errs
}

// checkTrack appends the errors of a member's record at path at: its
// figures' ranges, months in below 1, a figure that is not whole, and more
// clients than referrals.
func checkTrack(errs Errors, tr *Track, at string) Errors {
	var figs [maxFigures]figure
	before := len(errs)
	for _, f := range tr.figures(figs[:0]) {
		switch at := path(at, f.key); {
		case f.at == &tr.MonthsIn && (f.at.LessThan(one) || larger(*f.at, f.max)):
			errs.add(at, CodeOutOfRange, monthsInLabel+" must be between 1 and 120.")
		case f.at.IsNegative():
			errs.add(at, CodeNegative, rangeMessage(f.fieldInfo, true))
		case larger(*f.at, f.max):
			errs.add(at, CodeOutOfRange, rangeMessage(f.fieldInfo, false))
		case !f.at.IsInteger():
			errs.add(at, CodeNotWhole, f.label+" must be a whole number.")
		}
	}
	if len(errs) == before && larger(tr.Clients, tr.Referrals) {
		errs.add(path(at, "clients"), CodeOutOfRange, trackFields[2].label+" can be at most the referrals so far ("+groupThousands(tr.Referrals.String())+").")
	}
	return errs
}

// checkUpdatedRate appends an error at the track's referrals if the record
// scales the rate ahead beyond the referrals the model takes a month, at
// the horizon's end, where it is highest. The option's other figures are
// valid.
func checkUpdatedRate(errs Errors, o *Option, horizon int, at string) Errors {
	look := outlookOf(o)
	rate := look.scaled(referralBase(o))
	if r := o.Reach; r != nil {
		rate = rate.Mul(r.RelationshipsAt(look.monthsIn + horizon))
	}
	if larger(rate, maxReferralsPerMonth) {
		errs.add(path(at, "referrals"), CodeOutOfRange, "With these referrals so far, the months ahead come to more than 10,000 referrals a month; check them.")
	}
	return errs
}

// checkReach appends the errors of a reach estimate at path at: its figures'
// ranges, a group too small to hold the reader and another member, more
// relationships than the group holds, and an estimate beyond the referrals
// the model takes.
func checkReach(errs Errors, r *Reach, at string, horizon int) Errors {
	var figs [maxFigures]figure
	before := len(errs)
	errs = checkFields(errs, r.figures(figs[:0]), at)
	if len(errs) > before {
		return errs
	}
	limit, capped := r.relationshipCap()
	switch {
	case capped && limit.LessThan(one):
		errs.add(path(at, "groupSize"), CodeOutOfRange, groupSizeLabel+" must be at least 2, or 0 for no limit.")
	case capped && larger(r.Relationships, limit):
		errs.add(path(at, "relationships"), CodeOutOfRange, relationshipsLabel+" can be at most the group's other members ("+groupThousands(limit.String())+").")
	case horizon >= MinHorizonMonths && larger(r.PerRelationship().Mul(r.RelationshipsAt(horizon)), maxReferralsPerMonth):
		errs.add(at, CodeOutOfRange, "The reach estimate comes to more than 10,000 referrals a month; check its figures.")
	}
	return errs
}

// checkFields appends an error for every figure out of its range.
func checkFields(errs Errors, figs []figure, parent string) Errors {
	for _, f := range figs {
		switch {
		case f.at.IsNegative():
			errs.add(path(parent, f.key), CodeNegative, rangeMessage(f.fieldInfo, true))
		case larger(*f.at, f.max):
			errs.add(path(parent, f.key), CodeOutOfRange, rangeMessage(f.fieldInfo, false))
		}
	}
	return errs
}

// rangeMessage says what range a field must be in, in the reader's units.
func rangeMessage(f *fieldInfo, negative bool) string {
	bound := groupThousands(f.max.String())
	switch f.unit {
	case unitMoney:
		if negative {
			return f.label + " cannot be negative."
		}
		return f.label + " must be at most " + bound + "."
	case unitRate:
		return f.label + " must be between 0 and 100 %."
	case unitHours:
		return f.label + " must be between 0 and " + bound + " hours."
	}
	return f.label + " must be between 0 and " + bound + "."
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isBlank reports whether a name shows nothing: it is empty, or made only of
// spaces (U+3000 among them) and invisible format characters (U+200B).
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// hasBidiControl reports whether a name holds an embedding, override or
// isolate control (U+202A-U+202E, U+2066-U+2069): shown beside figures, U+202E
// would reverse them ("$11,466" read as "664,11$"). Right-to-left names need
// none of them.
func hasBidiControl(s string) bool {
	for _, r := range s {
		if r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' {
			return true
		}
	}
	return false
}
