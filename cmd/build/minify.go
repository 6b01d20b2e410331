package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// minify shrinks a JavaScript or CSS asset with esbuild: whitespace,
// comments and long local names go, the syntax is shortened, and nothing is
// lowered to older syntax. Other files are returned as they are. The
// sources in web/ stay readable; only the built folder is minified.
func minify(name string, data []byte) ([]byte, error) {
	loader, ok := map[string]api.Loader{".js": api.LoaderJS, ".css": api.LoaderCSS}[filepath.Ext(name)]
	if !ok {
		return data, nil
	}
	result := api.Transform(string(data), api.TransformOptions{
		Loader:            loader,
		Sourcefile:        name,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
	})
	if len(result.Errors) > 0 {
		var msgs []string
		for _, m := range api.FormatMessages(result.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage}) {
			msgs = append(msgs, strings.TrimSpace(m))
		}
		return nil, fmt.Errorf("minify %s:\n%s", name, strings.Join(msgs, "\n"))
	}
	return result.Code, nil
}
