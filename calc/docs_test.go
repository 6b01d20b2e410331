package calc_test

import (
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/networking-roi/widget/calc"
)

// docsDefault is one row of the tables of docs/model.md, "Where the defaults
// come from".
type docsDefault struct {
	value  string
	source string
}

// TestDocsListEveryDefault checks that the defaults tables of docs/model.md
// match calc.Defaults() row for row: the same fields under each preset, the
// same figures and the same sources, word for word, so that the docs cannot
// drift from the single source of truth in presets.go.
func TestDocsListEveryDefault(t *testing.T) {
	text, err := os.ReadFile("../docs/model.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(text), "\n## Where the defaults come from\n")
	require.True(t, ok, "docs/model.md has no section \"Where the defaults come from\"")
	section, _, _ = strings.Cut(section, "\n## ")

	rows := map[string]docsDefault{} // by kind and field
	kind := calc.Kind("")
	for _, line := range strings.Split(section, "\n") {
		if heading, ok := strings.CutPrefix(line, "### "); ok {
			// A preset's heading names its kind in backticks; the business
			// and the shared reach figures have none.
			kind = ""
			if _, rest, ok := strings.Cut(heading, "`"); ok {
				name, _, _ := strings.Cut(rest, "`")
				kind = calc.Kind(name)
			}
			continue
		}
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		require.Len(t, cells, 4, "a row of field, label, default and source: %s", line)
		key := string(kind) + " " + strings.Trim(cells[0], "`")
		_, repeated := rows[key]
		assert.False(t, repeated, "%s is listed twice", key)
		rows[key] = docsDefault{value: cells[2], source: cells[3]}
	}

	for _, d := range calc.Defaults() {
		key := string(d.Kind) + " " + d.Field
		row, ok := rows[key]
		if !assert.True(t, ok, "docs/model.md does not list %s", key) {
			continue
		}
		delete(rows, key)
		value, err := decimal.NewFromString(strings.ReplaceAll(row.value, ",", ""))
		if assert.NoError(t, err, key) {
			assert.True(t, value.Equal(d.Value), "%s: the docs say %s, presets.go %s", key, row.value, d.Value)
		}
		assert.Equal(t, d.Source, row.source, key)
	}
	for key := range rows {
		t.Errorf("docs/model.md lists %s, which is not a default", key)
	}
}
