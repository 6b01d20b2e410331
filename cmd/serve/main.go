// Command serve serves the built widget folder on 127.0.0.1 the way a static
// host would, for `make run` and the browser tests. PORT chooses the port
// (8080 by default; 0 picks a free one); the URL is printed once listening.
package main

import (
	"flag"
	"fmt"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
)

func main() {
	dir := flag.String("dir", "dist", "folder to serve")
	flag.Parse()
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	if err := mime.AddExtensionType(".wasm", "application/wasm"); err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Serving %s at http://%s/\n", *dir, ln.Addr())
	log.Fatal(http.Serve(ln, http.FileServer(http.Dir(*dir))))
}
