// Command notes checks Pacta's signed notes against Go's golang.org/x/mod/sumdb/note, the
// implementation behind Go's checksum database, so that Pacta and Go agree byte for byte.
//
//	notes verify <verifier key> <note file>   prints the verified text, exit 1 if Go refuses the note
//	notes sign <signer key file> <text file>  prints the note Go signs
//
// Offline (Debian golang-golang-x-mod-dev): GO111MODULE=off GOPATH=/usr/share/gocode go run main.go ...
package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/note"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: notes verify VKEY NOTEFILE | notes sign SKEYFILE TEXTFILE")
		os.Exit(2)
	}
	input, err := os.ReadFile(os.Args[3])
	check(err, 2)
	switch os.Args[1] {
	case "verify":
		verifier, err := note.NewVerifier(os.Args[2])
		check(err, 2)
		n, err := note.Open(input, note.VerifierList(verifier))
		check(err, 1)
		fmt.Print(n.Text)
	case "sign":
		skey, err := os.ReadFile(os.Args[2])
		check(err, 2)
		signer, err := note.NewSigner(string(skey))
		check(err, 2)
		signed, err := note.Sign(&note.Note{Text: string(input)}, signer)
		check(err, 1)
		os.Stdout.Write(signed)
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(2)
	}
}

func check(err error, code int) {
	if err != nil {
		// Go's messages name keys by name and ID only, never the secret.
		fmt.Fprintln(os.Stderr, err)
		os.Exit(code)
	}
}
