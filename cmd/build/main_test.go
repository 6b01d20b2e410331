package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/networking-roi/widget/calc"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// webSources is the repository's web/ folder, seen from this package.
const webSources = "../../web"

// fakeEngine writes a stand-in .wasm and wasm_exec.js, so that the build
// can run without `make build`: the builder copies the one and minifies the
// other, and reads neither.
func fakeEngine(t *testing.T) (wasm, exec string) {
	dir := t.TempDir()
	wasm, exec = filepath.Join(dir, "networking-roi.wasm"), filepath.Join(dir, "wasm_exec.js")
	require.NoError(t, os.WriteFile(wasm, []byte("\x00asm\x01\x00\x00\x00 a stand-in engine"), 0o644))
	require.NoError(t, os.WriteFile(exec, []byte("// A stand-in for Go's wasm_exec.js.\n"+
		"globalThis.Go = class Go { constructor() { this.importObject = {}; } run(instance) { return instance; } };\n"), 0o644))
	return wasm, exec
}

// build runs the builder on the web sources in web into a temporary folder
// and returns the folder.
func build(t *testing.T, web string) string {
	out := t.TempDir()
	wasm, exec := fakeEngine(t)
	require.NoError(t, newBuilder(web, out).run(wasm, exec))
	return out
}

// hashedName is a name that carries a content hash: widget.0123456789.js.
var hashedName = regexp.MustCompile(`^(.+)\.([0-9a-f]{10})(\.[a-z]+)$`)

// builtFiles is the names of the files in out, hashed names with their
// hash replaced by "HASH", so that a list of them can be compared.
func builtFiles(t *testing.T, out string) []string {
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		name, gz := strings.CutSuffix(e.Name(), ".gz")
		name = hashedName.ReplaceAllString(name, "$1.HASH$3")
		if gz {
			name += ".gz"
		}
		names = append(names, name)
	}
	return names
}

func TestTheBuildWritesEveryAssetHashedAndThePagesAndLoaderUnderTheirNames(t *testing.T) {
	out := build(t, webSources)
	var want []string
	for _, name := range []string{
		"networking-roi.HASH.wasm", "wasm_exec.HASH.js", "widget.HASH.js", "page.HASH.css", "embed.HASH.js", "builder.HASH.js",
		"networking-roi.js", "index.html", "embed.html", "builder.html",
	} {
		want = append(want, name, name+".gz")
	}
	want = append(want, "_headers")
	assert.ElementsMatch(t, want, builtFiles(t, out))
}

func TestEveryHashedNameCarriesTheHashOfItsContent(t *testing.T) {
	out := build(t, webSources)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	hashed := 0
	for _, e := range entries {
		m := hashedName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		hashed++
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		require.NoError(t, err)
		sum := sha256.Sum256(data)
		assert.Equal(t, hex.EncodeToString(sum[:5]), m[2], e.Name())
	}
	assert.Equal(t, 6, hashed, "the engine, wasm_exec.js, the widget and the pages' three assets")
}

func TestEveryGzIsItsFileCompressed(t *testing.T) {
	out := build(t, webSources)
	gzipped, err := filepath.Glob(filepath.Join(out, "*.gz"))
	require.NoError(t, err)
	require.NotEmpty(t, gzipped)
	for _, name := range gzipped {
		compressed, err := os.ReadFile(name)
		require.NoError(t, err)
		zr, err := gzip.NewReader(bytes.NewReader(compressed))
		require.NoError(t, err)
		data, err := io.ReadAll(zr)
		require.NoError(t, err)
		original, err := os.ReadFile(strings.TrimSuffix(name, ".gz"))
		require.NoError(t, err)
		assert.Equal(t, original, data, filepath.Base(name))
	}
}

func TestTheLoaderAndThePagesPointAtFilesThatExist(t *testing.T) {
	out := build(t, webSources)
	exists := func(name string) bool {
		info, err := os.Stat(filepath.Join(out, name))
		return err == nil && !info.IsDir()
	}
	t.Run("the loader fetches the hashed widget, engine and wasm_exec.js", func(t *testing.T) {
		loader, err := os.ReadFile(filepath.Join(out, "networking-roi.js"))
		require.NoError(t, err)
		fetched := regexp.MustCompile(`"([\w-]+\.[0-9a-f]{10}\.(?:js|wasm))"`).FindAllStringSubmatch(string(loader), -1)
		var names []string
		for _, m := range fetched {
			names = append(names, hashedName.ReplaceAllString(m[1], "$1$3"))
			assert.True(t, exists(m[1]), "the loader names %s", m[1])
		}
		assert.ElementsMatch(t, []string{"widget.js", "networking-roi.wasm", "wasm_exec.js"}, names)
	})
	for _, page := range []string{"index.html", "embed.html", "builder.html"} {
		t.Run(page+" loads hashed assets and the loader", func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(out, page))
			require.NoError(t, err)
			refs := regexp.MustCompile(`(?:src|href)="\./([^"]+)"`).FindAllStringSubmatch(string(data), -1)
			require.NotEmpty(t, refs)
			for _, m := range refs {
				assert.True(t, exists(m[1]), "%s refers to %s", page, m[1])
				assert.True(t, m[1] == "networking-roi.js" || hashedName.MatchString(m[1]),
					"%s refers to %s, which is neither the loader nor hashed", page, m[1])
			}
		})
	}
}

func TestNoPlaceholderIsLeftInAnyOutput(t *testing.T) {
	out := build(t, webSources)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	leftover := regexp.MustCompile(`__[A-Z0-9_]+__|<!--[A-Z0-9_]+-->`)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".gz") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		require.NoError(t, err)
		assert.Empty(t, leftover.FindAllString(string(data), -1), e.Name())
	}
}

func TestThePagesShowTheDefaultComparisonWithoutJavaScript(t *testing.T) {
	out := build(t, webSources)
	report, err := calc.Compute(calc.DefaultInput())
	require.NoError(t, err)
	verdict := "<p><strong>" + html.EscapeString(report.Comparison.Verdict) + "</strong></p>"
	for _, page := range []string{"index.html", "embed.html"} {
		data, err := os.ReadFile(filepath.Join(out, page))
		require.NoError(t, err)
		assert.Contains(t, string(data), verdict, page)
	}
}

func TestTheHeadersFileNamesEveryFileButTheGzs(t *testing.T) {
	out := build(t, webSources)
	text, err := os.ReadFile(filepath.Join(out, "_headers"))
	require.NoError(t, err)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	var paths []string
	for _, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "/") {
			paths = append(paths, line)
		}
	}
	want := []string{"/"}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".gz") && e.Name() != "_headers" {
			want = append(want, "/"+e.Name())
		}
	}
	assert.ElementsMatch(t, want, paths)
}

// webCopy copies the web sources the build reads (the files of web/, not
// its test and bench folders) into a temporary folder, with change applied
// to the one named.
func webCopy(t *testing.T, name string, change func(string) string) string {
	dir := t.TempDir()
	entries, err := os.ReadDir(webSources)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(webSources, e.Name()))
		require.NoError(t, err)
		if e.Name() == name {
			data = []byte(change(string(data)))
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
	}
	return dir
}

func TestAPlaceholderWithoutAValueFailsTheBuildNamingIt(t *testing.T) {
	cases := []struct {
		about, file, added, placeholder string
	}{
		{"in a page", "index.html", "<p>__NOPE__</p>", "__NOPE__"},
		{"an HTML one in a page", "embed.html", "<!--NOPE-->", "<!--NOPE-->"},
		{"in the loader", "networking-roi.js", "export const nope = __NOPE__;", "__NOPE__"},
		{"in a bundled entry", "builder.js", "export const nope = __NOPE__;", "__NOPE__"},
		{"in a module a bundle imports", "share.js", "export const nope = __NOPE__;", "__NOPE__"},
		{"in a style sheet", "page.css", "/* __NOPE__ */", "__NOPE__"},
	}
	wasm, exec := fakeEngine(t)
	for _, tc := range cases {
		t.Run(tc.about, func(t *testing.T) {
			web := webCopy(t, tc.file, func(s string) string { return s + "\n" + tc.added + "\n" })
			err := newBuilder(web, t.TempDir()).run(wasm, exec)

			require.Error(t, err)
			assert.Contains(t, err.Error(), filepath.Join(web, tc.file)+": no value for the placeholder "+tc.placeholder)
		})
	}
}

func TestFillNamesEveryPlaceholderWithoutAValueOnce(t *testing.T) {
	b := newBuilder("web", "dist")
	b.values["__SETTINGS__"] = `{"kinds":[]}`
	filled, err := b.fill("web/x.js", []byte("const SETTINGS = __SETTINGS__;"))
	require.NoError(t, err)
	assert.Equal(t, `const SETTINGS = {"kinds":[]};`, string(filled))

	_, err = b.fill("web/x.js", []byte("__B__ __SETTINGS__ __A__ __B__"))
	assert.EqualError(t, err, "web/x.js: no value for the placeholders __A__, __B__")
}

func TestAValueIsNotReadForPlaceholders(t *testing.T) {
	b := newBuilder("web", "dist")
	b.values["__NAME__"] = `"__OTHER__"`
	filled, err := b.fill("web/x.js", []byte("const NAME = __NAME__;"))
	require.NoError(t, err)
	assert.Equal(t, `const NAME = "__OTHER__";`, string(filled))
}

func TestEveryPrebuiltLineSaysWhatTheEnginesReplySays(t *testing.T) {
	summaries, err := prebuiltSummaries()
	require.NoError(t, err)
	require.ElementsMatch(t, calc.Currencies(), slices.Collect(maps.Keys(summaries)))
	for _, currency := range calc.Currencies() {
		t.Run(currency, func(t *testing.T) {
			var reply struct {
				Report struct {
					Options []struct {
						Name         string `json:"name"`
						Net          string `json:"net"`
						PaybackMonth *int   `json:"paybackMonth"`
					} `json:"options"`
					Comparison struct {
						Verdict string `json:"verdict"`
					} `json:"comparison"`
				} `json:"report"`
			}
			require.NoError(t, json.Unmarshal(calc.ComputeJSON([]byte(`{"currency":"`+currency+`"}`)), &reply))
			summary := summaries[currency]
			assert.Equal(t, reply.Report.Comparison.Verdict, summary.Verdict)
			require.Len(t, summary.Lines, len(reply.Report.Options))
			for i, o := range reply.Report.Options {
				net := calc.FormatMoney(decimal.RequireFromString(o.Net), currency)
				assert.True(t, strings.HasPrefix(summary.Lines[i], o.Name+": net "+net+" over "), summary.Lines[i])
				if o.PaybackMonth != nil {
					assert.Contains(t, summary.Lines[i], ", paying back in month ")
				}
			}
		})
	}
}

func TestALineRoundsTheNetToTheCentFirstAsTheReplyDoes(t *testing.T) {
	seven := 7
	report := calc.Report{
		Currency:      "USD",
		HorizonMonths: 24,
		Options: []calc.OptionReport{
			{Name: "Weekly", Totals: calc.Totals{Net: decimal.RequireFromString("1235.495")}, PaybackMonth: &seven},
			{Name: "Open", Totals: calc.Totals{Net: decimal.RequireFromString("-12.345")}},
		},
		Comparison: calc.Comparison{Verdict: "Weekly pays best."},
	}
	want := prebuiltSummary{
		Verdict: "Weekly pays best.",
		Lines: []string{
			// 1235.495 is 1235.50 to the cent, then $1,236 in whole dollars (not $1,235)
			"Weekly: net $1,236 over 24 months, paying back in month 7",
			"Open: net −$12.34 over 24 months",
		},
	}
	assert.Equal(t, want, summarize(report))
}

func TestEveryKindsPresetReadsBackAsThatPreset(t *testing.T) {
	data, err := presetsJSON()
	require.NoError(t, err)
	var presets map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &presets))
	require.Len(t, presets, len(calc.Kinds()))
	for _, kind := range calc.Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			in, errs := calc.DecodeInput([]byte(`{"options":[` + string(presets[string(kind)]) + `]}`))
			require.Empty(t, errs)
			preset, _ := calc.Preset(kind)
			alone := func(o calc.Option) string { return string(calc.EncodeInput(calc.Input{Options: []calc.Option{o}})) }
			assert.Equal(t, alone(preset), alone(in.Options[0]))
		})
	}
}
