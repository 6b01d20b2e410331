// Command serve serves the built widget folder on 127.0.0.1 the way a static
// host or CDN would, for `make run` and the browser tests: every response with
// the headers of internal/hosting (CORS for blogs on other origins, the .wasm
// as application/wasm, hashed names cached forever and the rest revalidated),
// and precompressed .br or .gz files when the browser accepts them. PORT
// chooses the port (8080 by default; 0 picks a free one); the URL is printed
// once listening.
package main

import (
	"flag"
	"fmt"
	"log"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/networking-roi/widget/internal/hosting"
)

func main() {
	dir := flag.String("dir", "dist", "folder to serve")
	flag.Parse()
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Serving %s at http://%s/\n", *dir, ln.Addr())
	log.Fatal(http.Serve(ln, staticHandler(*dir)))
}

// encodings are the precompressed variants, best first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

func staticHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(name, "/") || name == "/" {
			name = path.Join(name, "index.html")
		}
		h := w.Header()
		maps.Copy(h, hosting.Headers(name))
		h.Add("Vary", "Accept-Encoding")
		accepted := r.Header.Get("Accept-Encoding")
		for _, enc := range encodings {
			compressed := filepath.Join(dir, filepath.FromSlash(name)+enc.ext)
			if strings.Contains(accepted, enc.name) && fileExists(compressed) {
				h.Set("Content-Encoding", enc.name)
				http.ServeFile(w, r, compressed)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}

func fileExists(name string) bool {
	info, err := os.Stat(name)
	return err == nil && !info.IsDir()
}
