// Command serve serves the built widget folder on 127.0.0.1 the way a static
// host or CDN would, for `make run` and the browser tests: every file with
// the headers of internal/hosting (CORS for blogs on other origins, the .wasm
// as application/wasm, hashed names cached forever and the rest revalidated),
// and its precompressed .br or .gz where the browser accepts it. Only the
// folder's files are served, to GET and HEAD: no folder listings, no dotfiles,
// not the host's _headers. PORT chooses the port (8080 by default; 0 picks a
// free one); the URL is printed once listening.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"log"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
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

// staticHandler serves the files of dir. "/" is index.html, and
// /index.html redirects to "/", as static hosts do.
func staticHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.URL.Path == "/index.html" {
			redirect(w, r, "/")
			return
		}
		name, ok := fileName(r.URL.Path)
		if !ok {
			http.NotFound(w, r)
			return
		}
		serveFile(w, r, dir, name)
	})
}

// fileName is the name, inside the served folder, of the file a URL path
// asks for, and false where the path names no file that may be served: a
// folder (a path ending in "/", "/" itself aside), a dotfile or anything
// under a dot folder ("." and ".." included, so also any way out of the
// folder), the static host's _headers, or an empty segment.
func fileName(urlPath string) (string, bool) {
	if urlPath == "/" {
		return "index.html", true
	}
	name, ok := strings.CutPrefix(urlPath, "/")
	if !ok {
		return "", false
	}
	for segment := range strings.SplitSeq(name, "/") {
		if segment == "" || strings.HasPrefix(segment, ".") || segment == "_headers" {
			return "", false
		}
	}
	return name, true
}

// redirect answers with a permanent redirect to target, keeping the query,
// and nothing else: none of a file's headers, no Content-Encoding, no body.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusMovedPermanently)
}

// serveFile serves the file name of dir with its hosting headers, or its
// precompressed variant that the request accepts best; 404 where there is no
// such file (a folder, a name too long for the file system, a symbolic link
// out of dir). http.ServeContent answers HEAD, conditional requests (304)
// and ranges.
//
// A range of a compressed response is a range of the compressed bytes, with
// Content-Encoding: br and a Content-Range of the .br's length: RFC 9110
// makes the content coding part of the selected representation, and a range
// selects bytes of that representation. This is also what nginx's gzip_static
// does; a client resuming a download sends the same Accept-Encoding, so it
// is given the same variant.
func serveFile(w http.ResponseWriter, r *http.Request, dir, name string) {
	file, err := openFile(dir, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer file.Close()
	h := w.Header()
	maps.Copy(h, hosting.Headers(name))
	h.Set("Vary", "Accept-Encoding")
	for _, enc := range acceptedEncodings(r.Header.Get("Accept-Encoding")) {
		if variant, err := openFile(dir, name+enc.ext); err == nil {
			defer variant.Close()
			h.Set("Content-Encoding", enc.name)
			file = variant
			break
		}
	}
	info, err := file.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	// ServeContent leaves Content-Length out where Content-Encoding is set,
	// for handlers that compress as they write; a variant's size is known.
	// It sets its own on a range, and drops it on a 304 or an error.
	h.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	http.ServeContent(w, r, name, info.ModTime(), file)
}

// errFolder is openFile's error for a folder.
var errFolder = errors.New("a folder, not a file")

// openFile opens the file name of dir, never a folder and never anything
// outside dir: os.OpenInRoot refuses ".." and symbolic links that lead out.
func openFile(dir, name string) (*os.File, error) {
	file, err := os.OpenInRoot(dir, name)
	if err != nil {
		return nil, err
	}
	info, err := file.Stat()
	if err == nil && info.IsDir() {
		err = errFolder
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}

// encoding is a precompressed variant the build writes beside every file.
type encoding struct{ name, ext string }

// encodings are the variants, the server's choice first: br is the smaller.
var encodings = []encoding{{"br", ".br"}, {"gzip", ".gz"}}

// acceptedEncodings is the encodings an Accept-Encoding value accepts, the
// client's preferred first (the highest q-value; br first on a tie). None
// are accepted without the header: RFC 9110 would allow any, but a client
// that sends none may not decode any, so it gets the file as it is; that is
// also the fallback where the client accepts no variant that exists (even
// where it refuses identity, rather than a 406).
func acceptedEncodings(acceptEncoding string) []encoding {
	weights := qValues(acceptEncoding)
	weight := func(enc encoding) float64 {
		if q, ok := weights[enc.name]; ok {
			return q
		}
		return weights["*"] // 0 where absent: not accepted
	}
	var accepted []encoding
	for _, enc := range encodings {
		if weight(enc) > 0 {
			accepted = append(accepted, enc)
		}
	}
	slices.SortStableFunc(accepted, func(a, b encoding) int { return cmp.Compare(weight(b), weight(a)) })
	return accepted
}

// qValues reads an Accept-Encoding value, "gzip, br;q=0.8, *;q=0", into each
// coding's q-value (1 where none is given), the codings in lower case and
// x-gzip read as gzip (RFC 9110, 12.5.3 and 8.4.1.3). An element whose
// q-value is not a number from 0 to 1 is left out: accepted at no weight.
func qValues(acceptEncoding string) map[string]float64 {
	weights := map[string]float64{}
	for element := range strings.SplitSeq(acceptEncoding, ",") {
		coding, params, _ := strings.Cut(element, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		if coding == "x-gzip" {
			coding = "gzip"
		}
		q, ok := qParam(params)
		if ok {
			weights[coding] = q
		}
	}
	return weights
}

// qParam is the q-value among an element's parameters ("q=0.5"), 1 where
// there is none, and false where it is not a number from 0 to 1.
func qParam(params string) (float64, bool) {
	for param := range strings.SplitSeq(params, ";") {
		key, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(key), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		return q, err == nil && q >= 0 && q <= 1
	}
	return 1, true
}
