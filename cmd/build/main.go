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
	"os"
	"path/filepath"
	"strings"

	"github.com/networking-roi/widget/calc"
)

func main() {
	wasm := flag.String("wasm", "", "the built .wasm")
	exec := flag.String("exec", "", "wasm_exec.js of the Go that built the .wasm")
	web := flag.String("web", "web", "the web sources")
	out := flag.String("out", "dist", "the output folder")
	flag.Parse()
	b := builder{web: *web, out: *out, names: map[string]string{}}
	if err := b.run(*wasm, *exec); err != nil {
		log.Fatal(err)
	}
}

type builder struct {
	web, out string
	names    map[string]string // source name → hashed name
	written  []string
}

// pageAssets are the pages' own assets, each minified under a hashed name: a
// script bundled with the modules it imports (builder.js uses share.js) and
// the engine's settings for __SETTINGS__, a style sheet on its own.
var pageAssets = []string{"page.css", "embed.js", "builder.js"}

// pages are the HTML pages, written under their own names.
var pages = []string{"index.html", "embed.html", "builder.html"}

func (b *builder) run(wasm, exec string) error {
	if err := os.MkdirAll(b.out, 0o755); err != nil {
		return err
	}
	for _, src := range []struct{ name, path string }{
		{"networking-roi.wasm", wasm}, {"wasm_exec.js", exec},
	} {
		data, err := os.ReadFile(src.path)
		if err == nil {
			data, err = minify(src.name, data)
		}
		if err != nil {
			return err
		}
		if err := b.writeHashed(src.name, data); err != nil {
			return err
		}
	}
	defaults := calc.EncodeInput(calc.DefaultInput())
	summaries, err := prebuiltSummaries()
	if err != nil {
		return err
	}
	prebuilt, err := json.Marshal(summaries)
	if err != nil {
		return err
	}
	presets, err := presetsJSON()
	if err != nil {
		return err
	}
	settings, err := settingsJSON()
	if err != nil {
		return err
	}
	cssJSON, err := b.styleString("widget.css")
	if err != nil {
		return err
	}
	loaderCSS, err := b.styleString("loader.css")
	if err != nil {
		return err
	}
	widget, err := bundle(filepath.Join(b.web, "widget.js"), map[string]string{
		"__CSS__": cssJSON, "__PRESETS__": string(presets), "__DEFAULT_INPUT__": string(defaults), "__SETTINGS__": string(settings),
	})
	if err != nil {
		return err
	}
	if err := b.writeHashed("widget.js", widget); err != nil {
		return err
	}
	for _, name := range pageAssets {
		data, err := b.pageAsset(name, settings)
		if err != nil {
			return err
		}
		if err := b.writeHashed(name, data); err != nil {
			return err
		}
	}
	assets, _ := json.Marshal(map[string]string{
		"widget": b.names["widget.js"], "wasm": b.names["networking-roi.wasm"], "exec": b.names["wasm_exec.js"],
	})
	loader, err := b.minifiedSource("networking-roi.js", map[string][]byte{
		"__ASSETS__": assets, "__PREBUILT__": prebuilt, "__SETTINGS__": settings, "__LOADER_CSS__": []byte(loaderCSS),
	})
	if err != nil {
		return err
	}
	if err := b.write("networking-roi.js", loader); err != nil {
		return err
	}
	fallback := []byte(staticFigures(summaries[calc.DefaultInput().Currency]))
	for _, page := range pages {
		data, err := b.source(page, map[string][]byte{"<!--PREBUILT-->": fallback})
		if err != nil {
			return err
		}
		if err := b.write(page, data); err != nil {
			return err
		}
	}
	if err := b.writeHeaders(); err != nil {
		return err
	}
	return b.compress()
}

// source reads a web source, fills its placeholders and points its
// references at the hashed names written so far.
func (b *builder) source(name string, fill map[string][]byte) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(b.web, name))
	if err != nil {
		return nil, err
	}
	for placeholder, value := range fill {
		data = bytes.ReplaceAll(data, []byte(placeholder), value)
	}
	for from, to := range b.names {
		data = bytes.ReplaceAll(data, []byte(`"./`+from+`"`), []byte(`"./`+to+`"`))
	}
	return data, nil
}

// minifiedSource is a web source with its placeholders filled and its
// references pointed at hashed names, minified.
func (b *builder) minifiedSource(name string, fill map[string][]byte) ([]byte, error) {
	data, err := b.source(name, fill)
	if err != nil {
		return nil, err
	}
	return minify(name, data)
}

// pageAsset is one of pageAssets, ready to write: a script bundled with
// what it imports, the engine's settings filled in; a style sheet minified.
func (b *builder) pageAsset(name string, settings []byte) ([]byte, error) {
	if filepath.Ext(name) != ".js" {
		return b.minifiedSource(name, nil)
	}
	return bundle(filepath.Join(b.web, name), map[string]string{"__SETTINGS__": string(settings)})
}

// styleString is a style sheet of the web sources, minified, as a JavaScript
// string literal for the module that adopts it.
func (b *builder) styleString(name string) (string, error) {
	css, err := b.minifiedSource(name, nil)
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
