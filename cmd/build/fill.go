package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// placeholder matches a placeholder of the web sources: __NAME__ in scripts,
// where it stands for a JavaScript value (const SETTINGS = __SETTINGS__),
// and <!--NAME--> in pages, where it stands for HTML.
var placeholder = regexp.MustCompile(`__[A-Z][A-Z0-9_]*__|<!--[A-Z][A-Z0-9_]*-->`)

// fill replaces every placeholder of the web source at path with its value
// in b.values, as text. It is the build's one way of filling placeholders,
// for scripts, style sheets and pages alike; a placeholder that has no
// value fails the build, the error naming the source and the placeholder.
func (b *builder) fill(path string, data []byte) ([]byte, error) {
	var missing []string
	filled := placeholder.ReplaceAllFunc(data, func(p []byte) []byte {
		value, ok := b.values[string(p)]
		if !ok {
			missing = append(missing, string(p))
		}
		return []byte(value)
	})
	if len(missing) > 0 {
		slices.Sort(missing)
		missing = slices.Compact(missing)
		noun := map[bool]string{true: "placeholder", false: "placeholders"}[len(missing) == 1]
		return nil, fmt.Errorf("%s: no value for the %s %s", path, noun, strings.Join(missing, ", "))
	}
	return filled, nil
}

// fillPlugin has esbuild fill the placeholders of every module it bundles,
// the entry and what it imports, as it reads each one.
func (b *builder) fillPlugin() api.Plugin {
	return api.Plugin{Name: "fill", Setup: func(build api.PluginBuild) {
		build.OnLoad(api.OnLoadOptions{Filter: `\.js$`}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
			data, err := os.ReadFile(args.Path)
			if err == nil {
				data, err = b.fill(b.sourcePath(args.Path), data)
			}
			if err != nil {
				return api.OnLoadResult{}, err
			}
			contents := string(data)
			return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS}, nil
		})
	}}
}

// sourcePath is the absolute path esbuild gives a module, as the path of a
// web source ("web/share.js"), for error messages.
func (b *builder) sourcePath(abs string) string {
	web, err := filepath.Abs(b.web)
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(web, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return abs
	}
	return filepath.Join(b.web, rel)
}
