package calc

import "strconv"

// Code is a stable, machine-readable reason an input was refused.
type Code string

// The codes a FieldError may carry. They are part of the JSON contract.
const (
	CodeInvalidJSON     Code = "invalid_json"
	CodeTooLong         Code = "too_long"
	CodeTooDeep         Code = "too_deep"
	CodeUnknownField    Code = "unknown_field"
	CodeDuplicateField  Code = "duplicate_field"
	CodeWrongType       Code = "wrong_type"
	CodeNotANumber      Code = "not_a_number"
	CodeTooLarge        Code = "too_large"
	CodeTooPrecise      Code = "too_precise"
	CodeNegative        Code = "negative"
	CodeOutOfRange      Code = "out_of_range"
	CodeNotWhole        Code = "not_whole"
	CodeRequired        Code = "required"
	CodeConflict        Code = "conflict"
	CodeTooFew          Code = "too_few"
	CodeTooMany         Code = "too_many"
	CodeInvalidCurrency Code = "invalid_currency"
	CodeInvalidKind     Code = "invalid_kind"
	CodeInvalidName     Code = "invalid_name"
	CodeInternal        Code = "internal"
	CodeTooManyErrors   Code = "too_many_errors" // the last of a list cut at MaxErrors, counting the rest
)

// MaxErrors is how many errors DecodeInput lists at most; one more error,
// CodeTooManyErrors, counts the rest, so that a reply stays small whatever
// the input.
const MaxErrors = 20

// FieldError says which input is wrong, why, and how to put it right.
type FieldError struct {
	Field   string // path of the field, such as "options[1].closeRate", a key of more than 40 characters cut; "" for the whole input
	Code    Code
	Message string // one sentence a reader understands
}

func (e FieldError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// Errors is every field error of one input, in the order the fields were read.
type Errors []FieldError

// add appends an error. It is kept out of line: inlined, its append would
// be copied into each of its many callers, growing the browser build.
//
//go:noinline
func (es *Errors) add(field string, code Code, message string) {
	*es = append(*es, FieldError{Field: field, Code: code, Message: message})
}

// capped keeps the first MaxErrors errors and counts the rest in one more.
func (es Errors) capped() Errors {
	more := len(es) - MaxErrors
	if more <= 0 {
		return es
	}
	message := groupThousands(strconv.Itoa(more)) + " more errors are not listed."
	if more == 1 {
		message = "1 more error is not listed."
	}
	return append(es[:MaxErrors:MaxErrors], FieldError{Code: CodeTooManyErrors, Message: message})
}

func (es Errors) Error() string {
	var msg []byte
	for i, e := range es {
		if i > 0 {
			msg = append(msg, "; "...)
		}
		msg = append(msg, e.Error()...)
	}
	return string(msg)
}

// path joins a field key onto its parent's path, the key cut by shortKey.
// It is kept out of line: inlined into its many callers, its concatenation
// grows the browser build.
//
//go:noinline
func path(parent, key string) string {
	key = shortKey(key)
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// maxKeyRunes is as much of a key as an error repeats: the calculator's own
// keys are shorter, and an unknown key of kilobytes, written once in the
// field's path and once in the message, escaped for HTML, would make a reply
// many times the size of its input.
const maxKeyRunes = 40

// shortKey is key, or its first maxKeyRunes characters and "…".
func shortKey(key string) string {
	runes := 0
	for i := range key {
		if runes == maxKeyRunes {
			return key[:i] + "…"
		}
		runes++
	}
	return key
}

// indexPath names the i-th element of an array field: "options[1]".
func indexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}
