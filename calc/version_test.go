package calc

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// version1Case is an input of testdata/version1 and the reply the engine
// gave it before version 2 (commit 0c8df87). Each input writes out every
// field of version 1, its options custom, so that a later change of a
// preset cannot move its figures.
type version1Case struct {
	Input json.RawMessage `json:"input"`
	Reply map[string]any  `json:"reply"`
}

func version1Cases(t *testing.T) map[string]version1Case {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "version1", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	cases := map[string]version1Case{}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		require.NoError(t, err)
		var c version1Case
		require.NoError(t, json.Unmarshal(raw, &c), file)
		cases[strings.TrimSuffix(filepath.Base(file), ".json")] = c
	}
	return cases
}

// A version-1 input gives the figures it gave before: every figure of the
// old reply is in the new one, unchanged. The new reply may hold more (the
// fields version 2 adds, and their entries in the tornado), and the verdict
// is a sentence, not a figure. Leaving version 2's business fields out is
// giving each as 1, which multiplies nothing.
func TestAVersion1InputGivesTheFiguresItGaveBefore(t *testing.T) {
	for name, c := range version1Cases(t) {
		t.Run(name, func(t *testing.T) {
			raw := ComputeJSON(c.Input)
			var reply map[string]any
			require.NoError(t, json.Unmarshal(raw, &reply))
			sameFigures(t, "", c.Reply, reply)
			require.Equal(t, byte('{'), c.Input[0])
			withOnes := append([]byte(`{"billableShare":1,"dealsPerClient":1,`), c.Input[1:]...)
			assert.Equal(t, string(raw), string(ComputeJSON(withOnes)))
		})
	}
}

// addedInVersion2 are the inputs whose tornado entries a version-1 reply
// cannot have: the new business fields, and a reach's own fields, which
// version 1 varied as one entry, referralsPerMonth.
var addedInVersion2 = map[string]bool{
	"billableShare": true, "dealsPerClient": true,
	"reach.relationships": true, "reach.contactsPerRelationship": true, "reach.targetShare": true,
	"reach.inMarketShare": true, "reach.passOnRate": true, "reach.competitors": true,
}

// reachEntryAsItsFields checks that version 1's referralsPerMonth entry of
// an option estimated from reach is now the entry of each field its rate is
// proportional to, and leaves it out of was.
func reachEntryAsItsFields(t *testing.T, at string, was, now []any) []any {
	t.Helper()
	byField := map[string]map[string]any{}
	for _, e := range now {
		entry := e.(map[string]any)
		byField[entry["field"].(string)] = entry
	}
	if _, typed := byField["referralsPerMonth"]; typed {
		return was
	}
	var kept []any
	for _, e := range was {
		entry := e.(map[string]any)
		if entry["field"] != "referralsPerMonth" {
			kept = append(kept, e)
			continue
		}
		for _, field := range []string{"reach.relationships", "reach.contactsPerRelationship", "reach.targetShare", "reach.inMarketShare", "reach.passOnRate"} {
			for _, key := range []string{"low", "high", "swing"} {
				assert.Equal(t, entry[key], byField[field][key], "%s: %s's %s", at, field, key)
			}
		}
	}
	return kept
}

// sameFigures checks that every figure of was is in now, unchanged.
func sameFigures(t *testing.T, at string, was, now any) {
	t.Helper()
	switch w := was.(type) {
	case map[string]any:
		n, ok := now.(map[string]any)
		if !assert.True(t, ok, "%s is no longer an object", at) {
			return
		}
		for key, value := range w {
			if key == "verdict" {
				continue
			}
			next, ok := n[key]
			if assert.True(t, ok, "%s.%s is gone", at, key) {
				sameFigures(t, at+"."+key, value, next)
			}
		}
	case []any:
		n, ok := now.([]any)
		if !assert.True(t, ok, "%s is no longer a list", at) {
			return
		}
		if strings.HasSuffix(at, ".sensitivity") {
			w = reachEntryAsItsFields(t, at, w, n)
			n = withoutEntriesOf(addedInVersion2, n)
		}
		if assert.Len(t, n, len(w), at) {
			for i := range w {
				sameFigures(t, at+"["+strconv.Itoa(i)+"]", w[i], n[i])
			}
		}
	default:
		assert.Equal(t, was, now, at)
	}
}

// withoutEntriesOf is a tornado without the entries of the given fields.
func withoutEntriesOf(fields map[string]bool, entries []any) []any {
	var kept []any
	for _, e := range entries {
		if entry, ok := e.(map[string]any); !ok || !fields[entry["field"].(string)] {
			kept = append(kept, e)
		}
	}
	return kept
}

// A version-2 input without a track gives, byte for byte, the reply it gave
// before tracks existed (testdata/version2, written by commit f0409b9,
// with the report's defaultsCurrency added since by the currency
// conversion, the one field inserted by hand), and so does the same input with "track": null in every option: what a
// track adds to a reply (an option's track, the verdict's renewal) is
// absent without one.
func TestAnInputWithoutATrackGivesTheReplyItGaveBefore(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "version2", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			require.NoError(t, err)
			var c struct {
				Input json.RawMessage `json:"input"`
				Reply json.RawMessage `json:"reply"`
			}
			require.NoError(t, json.Unmarshal(raw, &c))
			assert.Equal(t, string(c.Reply), string(ComputeJSON(c.Input)))
			withNull := strings.ReplaceAll(string(c.Input), `{"kind":`, `{"track":null,"kind":`)
			assert.Equal(t, string(c.Reply), string(ComputeJSON([]byte(withNull))))
		})
	}
}
