//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/networking-roi/widget/calc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// computeVia calls compute on a bridge the way the page does, through JavaScript.
func computeVia(api js.Value, args ...any) string {
	return api.Call("compute", args...).String()
}

func TestBridgeComputesTheDefaultComparison(t *testing.T) {
	api := bridge(calc.ComputeJSON)
	reply := computeVia(api, `{}`)
	assert.True(t, strings.HasPrefix(reply, `{"report":`), reply)
	assert.Equal(t, string(calc.ComputeJSON([]byte(`{}`))), reply, "the bridge adds nothing to the engine's reply")
	assert.Equal(t, "dev", api.Get("version").String())
}

func TestBridgeRepliesWithFieldErrors(t *testing.T) {
	reply := computeVia(bridge(calc.ComputeJSON), `{"hourlyValue":"abc"}`)
	assert.Contains(t, reply, `"field":"hourlyValue","code":"not_a_number"`)
}

func TestBridgeRefusesArgumentsThatAreNotOneString(t *testing.T) {
	api := bridge(calc.ComputeJSON)
	for name, args := range map[string][]any{"none": {}, "a number": {42}, "two strings": {"{}", "{}"}} {
		t.Run(name, func(t *testing.T) {
			assert.Contains(t, computeVia(api, args...), `"code":"internal"`)
		})
	}
}

func TestBridgeRecoversFromAPanicAndKeepsWorking(t *testing.T) {
	calls := 0
	api := bridge(func(input []byte) []byte {
		calls++
		if string(input) == "panic" {
			panic("forced")
		}
		return calc.ComputeJSON(input)
	})
	reply := computeVia(api, "panic")
	require.Contains(t, reply, `"code":"internal"`)
	assert.Contains(t, computeVia(api, `{}`), `{"report":`, "the call after a panic still computes")
	assert.Equal(t, 2, calls)
}

func TestBridgeCompletesAnInputWithItsDefaults(t *testing.T) {
	api := bridge(calc.ComputeJSON)
	reply := api.Call("complete", `{"options":[{"kind":"weekly_group"}]}`).String()
	assert.Equal(t, string(calc.CompleteJSON([]byte(`{"options":[{"kind":"weekly_group"}]}`))), reply)
	assert.Contains(t, api.Call("complete", `{"hourlyValue":"abc"}`).String(), `"code":"not_a_number"`)
	assert.Contains(t, api.Call("complete").String(), `"code":"internal"`)
}
