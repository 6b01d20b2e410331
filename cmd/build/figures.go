package main

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/networking-roi/widget/calc"
)

// engineValues are the placeholders the engine fills, each from calc: its
// settings, every kind's preset and the default input as JSON for the
// scripts, and the default comparison, as JSON for the loader and as HTML
// for the pages.
func engineValues() (map[string]string, error) {
	settings, err := settingsJSON()
	if err != nil {
		return nil, err
	}
	presets, err := presetsJSON()
	if err != nil {
		return nil, err
	}
	schema, err := json.Marshal(calc.InputSchema())
	if err != nil {
		return nil, err
	}
	summaries, err := prebuiltSummaries()
	if err != nil {
		return nil, err
	}
	prebuilt, err := json.Marshal(summaries)
	if err != nil {
		return nil, err
	}
	return map[string]string{
		"__SETTINGS__":      string(settings),
		"__SCHEMA__":        string(schema),
		"__PRESETS__":       string(presets),
		"__DEFAULT_INPUT__": string(calc.EncodeInput(calc.DefaultInput())),
		"__PREBUILT__":      string(prebuilt),
		"<!--PREBUILT-->":   staticFigures(summaries[calc.DefaultInput().Currency]),
	}, nil
}

// prebuiltSummaries is, for each currency the widget offers, the summary of
// the default comparison, its money converted to that currency, that the
// loader shows before the .wasm is ready.
func prebuiltSummaries() (map[string]prebuiltSummary, error) {
	summaries := map[string]prebuiltSummary{}
	for _, currency := range calc.Currencies() {
		report, err := calc.Compute(calc.DefaultInputIn(currency))
		if err != nil {
			return nil, fmt.Errorf("the default input in %s: %w", currency, err)
		}
		summaries[currency] = summarize(report)
	}
	return summaries, nil
}

// prebuiltSummary is what the loader shows of a report: the verdict, and
// each option's net and payback month as a line.
type prebuiltSummary struct {
	Verdict string   `json:"verdict"`
	Lines   []string `json:"lines"`
}

// summarize sums up a report for the loader. An option's net is rounded to
// the cent first, as the engine's reply carries it, so that a line shows
// what the widget shows once loaded.
func summarize(r calc.Report) prebuiltSummary {
	summary := prebuiltSummary{Verdict: r.Comparison.Verdict}
	for _, o := range r.Options {
		net := calc.FormatMoney(o.Net.RoundBank(2), r.Currency)
		line := fmt.Sprintf("%s: net %s over %d months", o.Name, net, r.HorizonMonths)
		if o.PaybackMonth != nil {
			line += fmt.Sprintf(", paying back in month %d", *o.PaybackMonth)
		}
		summary.Lines = append(summary.Lines, line)
	}
	return summary
}

// staticFigures is a summary as plain HTML, for readers without JavaScript:
// the verdict and each option's net and payback.
func staticFigures(summary prebuiltSummary) string {
	var s strings.Builder
	fmt.Fprintf(&s, "<p><strong>%s</strong></p>\n<ul>\n", html.EscapeString(summary.Verdict))
	for _, line := range summary.Lines {
		fmt.Fprintf(&s, "<li>%s.</li>\n", html.EscapeString(line))
	}
	s.WriteString("</ul>\n")
	return s.String()
}

// settingsJSON is what the loader and the pages need of the engine's schema
// to read the element's attributes: the kinds and their names, the default
// presets, the offered currencies and the limits on options and the horizon.
// The widget gets the whole schema.
func settingsJSON() ([]byte, error) {
	schema := calc.InputSchema()
	names := map[calc.Kind]string{}
	var kinds []calc.Kind
	for _, k := range schema.Kinds {
		names[k.Kind] = k.Name
		kinds = append(kinds, k.Kind)
	}
	horizon := map[string]int{}
	for _, f := range schema.Fields {
		if f.Path == "horizonMonths" {
			horizon = map[string]int{"min": int(f.Min.IntPart()), "max": int(f.Max.IntPart()), "default": int(f.Default.IntPart())}
		}
	}
	return json.Marshal(map[string]any{
		"kinds": kinds, "kindNames": names, "defaultPresets": schema.DefaultKinds, "currencies": schema.Currencies,
		"maxOptions": schema.MaxOptions, "horizon": horizon,
	})
}

// presetsJSON is every kind's starting option, for the widget's preset menu:
// {"weekly_group": {...}, ...}, each option as calc.EncodeInput writes it.
// EncodeInput writes whole inputs, so the option is taken out of the
// options of an input holding it alone; no figure is read back.
func presetsJSON() ([]byte, error) {
	presets := map[string]json.RawMessage{}
	for _, kind := range calc.Kinds() {
		option, _ := calc.Preset(kind)
		var encoded struct {
			Options []json.RawMessage `json:"options"`
		}
		if err := json.Unmarshal(calc.EncodeInput(calc.Input{Options: []calc.Option{option}}), &encoded); err != nil {
			return nil, fmt.Errorf("the preset %s: %w", kind, err)
		}
		presets[string(kind)] = encoded.Options[0]
	}
	return json.Marshal(presets)
}
