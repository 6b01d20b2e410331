package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// The built folder's JavaScript and CSS are minified with esbuild:
// whitespace, comments and local names go and the syntax is shortened, but
// nothing is lowered to older syntax. The sources in web/ stay readable.
const (
	minifyWhitespace  = true
	minifyIdentifiers = true
	minifySyntax      = true
)

// minify shrinks one JavaScript or CSS asset; other files are returned as
// they are. Every script is an ES module, whose top-level names are its own
// to shorten, but wasm_exec.js, a classic script that defines globals.
func minify(name string, data []byte) ([]byte, error) {
	loader, ok := map[string]api.Loader{".js": api.LoaderJS, ".css": api.LoaderCSS}[filepath.Ext(name)]
	if !ok {
		return data, nil
	}
	format := api.FormatESModule
	if name == "wasm_exec.js" || loader == api.LoaderCSS {
		format = api.FormatDefault
	}
	result := api.Transform(string(data), api.TransformOptions{
		Loader:            loader,
		Format:            format,
		Sourcefile:        name,
		MinifyWhitespace:  minifyWhitespace,
		MinifyIdentifiers: minifyIdentifiers,
		MinifySyntax:      minifySyntax,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
	})
	return result.Code, buildErrors(name, result.Errors)
}

// bundle joins an ES module and everything it imports into one minified
// module: one request instead of one per module, and names shortened across
// modules. fill is the plugin that fills each module's placeholders.
func bundle(entry string, fill api.Plugin) ([]byte, error) {
	result := api.Build(api.BuildOptions{
		EntryPoints:       []string{entry},
		Bundle:            true,
		Write:             false,
		Format:            api.FormatESModule,
		Plugins:           []api.Plugin{fill},
		MinifyWhitespace:  minifyWhitespace,
		MinifyIdentifiers: minifyIdentifiers,
		MinifySyntax:      minifySyntax,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
	})
	if err := buildErrors(entry, result.Errors); err != nil {
		return nil, err
	}
	if len(result.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundle %s: %d output files, want 1", entry, len(result.OutputFiles))
	}
	return result.OutputFiles[0].Contents, nil
}

// buildErrors is esbuild's errors as one error, or nil when there are none.
func buildErrors(name string, messages []api.Message) error {
	if len(messages) == 0 {
		return nil
	}
	formatted := api.FormatMessages(messages, api.FormatMessagesOptions{Kind: api.ErrorMessage})
	for i := range formatted {
		formatted[i] = strings.TrimSpace(formatted[i])
	}
	return errors.New(name + ":\n" + strings.Join(formatted, "\n"))
}
