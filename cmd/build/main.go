// Command build writes the browser build into one folder: the .wasm and the
// wasm_exec.js of the Go that built it, the widget's modules and the pages.
// Every asset but the loader and the pages gets a content hash in its name,
// so hosts can cache it forever; references are rewritten to match. The
// default comparison is computed here by the same engine and written into the
// loader and the pages, so readers see its figures before the .wasm is ready,
// and without JavaScript at all.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"log"
	"maps"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	wasm := flag.String("wasm", "", "the built .wasm")
	exec := flag.String("exec", "", "wasm_exec.js of the Go that built the .wasm")
	web := flag.String("web", "web", "the web sources")
	out := flag.String("out", "dist", "the output folder")
	flag.Parse()
	if err := newBuilder(*web, *out).run(*wasm, *exec); err != nil {
		log.Fatal(err)
	}
}

type builder struct {
	web, out string
	values   map[string]string // placeholder → its value, see fill
	names    map[string]string // source name → hashed name
	written  []string
}

func newBuilder(web, out string) *builder {
	return &builder{web: web, out: out, values: map[string]string{}, names: map[string]string{}}
}

// assets are the widget's and the pages' own assets, each minified under a
// hashed name: a script bundled with the modules it imports (widget.js with
// format.js, share.js and chart.js; builder.js with share.js), a style
// sheet on its own.
var assets = []string{"widget.js", "page.css", "embed.js", "builder.js"}

// pages are the HTML pages, written under their own names.
var pages = []string{"index.html", "embed.html", "builder.html"}

// run writes the built folder: the engine and wasm_exec.js, the assets, the
// loader, the pages, the host's _headers and a .gz of every file. Each step
// may fill placeholders with what the steps before it wrote.
func (b *builder) run(wasm, exec string) error {
	if err := os.MkdirAll(b.out, 0o755); err != nil {
		return err
	}
	if err := b.writeEngine(wasm, exec); err != nil {
		return err
	}
	values, err := engineValues()
	if err != nil {
		return err
	}
	maps.Copy(b.values, values)
	for placeholder, sheet := range map[string]string{"__CSS__": "widget.css", "__LOADER_CSS__": "loader.css"} {
		if b.values[placeholder], err = b.styleString(sheet); err != nil {
			return err
		}
	}
	for _, name := range assets {
		if err := b.writeAsset(name); err != nil {
			return err
		}
	}
	if err := b.writeLoader(); err != nil {
		return err
	}
	for _, page := range pages {
		data, err := b.source(page)
		if err == nil {
			err = b.write(page, data)
		}
		if err != nil {
			return err
		}
	}
	if err := b.writeHeaders(); err != nil {
		return err
	}
	return b.compress()
}

// writeEngine writes the .wasm and the wasm_exec.js of the Go that built it,
// minified, under hashed names.
func (b *builder) writeEngine(wasm, exec string) error {
	for _, src := range []struct{ name, path string }{
		{"networking-roi.wasm", wasm}, {"wasm_exec.js", exec},
	} {
		data, err := os.ReadFile(src.path)
		if err == nil {
			data, err = minify(src.name, data)
		}
		if err == nil {
			err = b.writeHashed(src.name, data)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeAsset writes one of assets under its hashed name: a script bundled
// with what it imports, a style sheet minified.
func (b *builder) writeAsset(name string) error {
	var data []byte
	var err error
	if filepath.Ext(name) == ".js" {
		data, err = bundle(filepath.Join(b.web, name), b.fillPlugin())
	} else {
		data, err = b.minifiedSource(name)
	}
	if err != nil {
		return err
	}
	return b.writeHashed(name, data)
}

// writeLoader writes the loader under its own name, with the hashed names
// of what it fetches: the widget, the engine and wasm_exec.js.
func (b *builder) writeLoader() error {
	fetched, err := json.Marshal(map[string]string{
		"widget": b.names["widget.js"], "wasm": b.names["networking-roi.wasm"], "exec": b.names["wasm_exec.js"],
	})
	if err != nil {
		return err
	}
	b.values["__ASSETS__"] = string(fetched)
	loader, err := b.minifiedSource("networking-roi.js")
	if err != nil {
		return err
	}
	return b.write("networking-roi.js", loader)
}

// source reads a web source, fills its placeholders and points its
// references ("./page.css") at the hashed names written so far.
func (b *builder) source(name string) ([]byte, error) {
	path := filepath.Join(b.web, name)
	data, err := os.ReadFile(path)
	if err == nil {
		data, err = b.fill(path, data)
	}
	if err != nil {
		return nil, err
	}
	for from, to := range b.names {
		data = bytes.ReplaceAll(data, []byte(`"./`+from+`"`), []byte(`"./`+to+`"`))
	}
	return data, nil
}

// minifiedSource is a web source with its placeholders filled and its
// references pointed at hashed names, minified.
func (b *builder) minifiedSource(name string) ([]byte, error) {
	data, err := b.source(name)
	if err != nil {
		return nil, err
	}
	return minify(name, data)
}

// styleString is a style sheet of the web sources, minified, as a JavaScript
// string literal for the module that adopts it.
func (b *builder) styleString(name string) (string, error) {
	css, err := b.minifiedSource(name)
	if err != nil {
		return "", err
	}
	literal, err := json.Marshal(string(css))
	return string(literal), err
}

// writeHashed writes an asset under a name that carries its content hash.
func (b *builder) writeHashed(name string, data []byte) error {
	sum := sha256.Sum256(data)
	ext := filepath.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	b.names[name] = hashed
	return b.write(hashed, data)
}

// write writes an asset into the built folder under its own name.
func (b *builder) write(name string, data []byte) error {
	b.written = append(b.written, name)
	return os.WriteFile(filepath.Join(b.out, name), data, 0o644)
}

// compress writes a .gz beside every file, as a static host or CDN would
// serve it.
func (b *builder) compress() error {
	for _, name := range b.written {
		data, err := os.ReadFile(filepath.Join(b.out, name))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(b.out, name+".gz"), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
