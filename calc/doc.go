// Package calc is the networking ROI engine: it sets what a networking group
// really costs (fees, meals, travel and the reader's hours) against the profit
// of the referrals it brings, month by month over a horizon, and compares
// several groups.
//
// Money is exact: every figure is a shopspring/decimal, every division rounds
// explicitly to 16 places, and the JSON reply rounds half-even to cents. Only
// probabilities (of breaking even, of being the best option) are floats, as
// they are not money. The package knows nothing of JavaScript or HTTP; the model is
// described in docs/model.md.
package calc
