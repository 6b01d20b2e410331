package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/networking-roi/widget/internal/hosting"
)

// headersFileName is the file static hosts such as Netlify and Cloudflare
// Pages read their response headers from; they do not serve it.
const headersFileName = "_headers"

// headersFile is the text of the _headers file for the named files of the
// built folder: a block per file, its exact path and then, indented, the
// headers internal/hosting gives it; index.html also under "/". Exact paths
// rather than patterns say the same as cmd/serve, file by file.
func headersFile(names []string) string {
	var s strings.Builder
	s.WriteString("# Written by cmd/build from internal/hosting: the headers of every file.\n")
	for _, name := range names {
		paths := []string{"/" + name}
		if name == "index.html" {
			paths = append(paths, "/")
		}
		h := hosting.Headers(name)
		for _, p := range paths {
			s.WriteString("\n" + p + "\n")
			for _, key := range slices.Sorted(maps.Keys(h)) {
				for _, value := range h[key] {
					s.WriteString("  " + key + ": " + value + "\n")
				}
			}
		}
	}
	return s.String()
}

// writeHeaders writes the _headers file for the files written so far. It
// stays out of b.written: hosts read it rather than serve it, so it gets no
// .gz from compress, and no .br from brotli.mjs, which follows the .gz files.
func (b *builder) writeHeaders() error {
	text := headersFile(b.written)
	return os.WriteFile(filepath.Join(b.out, headersFileName), []byte(text), 0o644)
}
