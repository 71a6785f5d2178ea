// Command tlogwrite writes a small C2SP tlog-tiles log with Go's golang.org/x/mod/sumdb/tlog and signs its
// checkpoint with golang.org/x/mod/sumdb/note, so that pacta verify is checked against a log it did not write.
//
//	tlogwrite DIR   writes DIR/checkpoint and DIR/tile/..., prints the verifier key
//
// The log holds 600 entries, but its checkpoint signs the first 300: the tiles of both sizes are written, then
// the partial level-0 tile and entry bundle of size 300 are removed, so a verifier must read the full ones'
// prefix (the fallback a log may rely on once a tile is full); the partial level-1 tile of size 300 stays.
//
// Offline (Debian golang-golang-x-mod-dev): GO111MODULE=off GOPATH=/usr/share/gocode go run main.go DIR
package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const origin = "example.com/tlog-interop"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tlogwrite DIR")
		os.Exit(2)
	}
	dir := os.Args[1]

	var stored []tlog.Hash
	var entries [][]byte
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		hashes := make([]tlog.Hash, len(indexes))
		for i, index := range indexes {
			hashes[i] = stored[index]
		}
		return hashes, nil
	})
	var signedRoot tlog.Hash
	for n := int64(0); n < 600; n++ {
		entry := []byte(fmt.Sprintf("go entry %d %s\n", n, strings.Repeat("z", int(n%50))))
		hashes, err := tlog.StoredHashes(n, entry, reader)
		check(err)
		stored = append(stored, hashes...)
		entries = append(entries, entry)
		if size := n + 1; size == 300 || size == 600 {
			writeTiles(dir, size, entries, reader)
			if size == 300 {
				signedRoot, err = tlog.TreeHash(size, reader)
				check(err)
			}
		}
	}

	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	check(err)
	signer, err := note.NewSigner(skey)
	check(err)
	text := fmt.Sprintf("%s\n%d\n%s\n", origin, 300, base64.StdEncoding.EncodeToString(signedRoot[:]))
	signed, err := note.Sign(&note.Note{Text: text}, signer)
	check(err)
	check(os.WriteFile(filepath.Join(dir, "checkpoint"), signed, 0o644))
	check(os.Remove(filepath.Join(dir, "tile", "0", "001.p", "44")))
	check(os.Remove(filepath.Join(dir, "tile", "entries", "001.p", "44")))
	fmt.Println(vkey)
}

// writeTiles writes every Merkle tile of the tree of the given size (tlog's height-8 tiles, whose data is
// exactly a tlog-tiles tile) and the entry bundle beside each level-0 tile.
func writeTiles(dir string, size int64, entries [][]byte, reader tlog.HashReader) {
	for _, tile := range tlog.NewTiles(8, 0, size) {
		// NewTiles also lists every narrower partial tile on the way; a log serves only the widths of its size.
		if tile.W < 256 && int64(tile.W) != (size>>(8*tile.L))%256 {
			continue
		}
		data, err := tlog.ReadTileData(tile, reader)
		check(err)
		write(dir, fmt.Sprintf("tile/%d/%s", tile.L, index(tile.N, tile.W)), data)
		if tile.L == 0 {
			var bundle []byte
			for i := int64(0); i < int64(tile.W); i++ {
				entry := entries[tile.N*256+i]
				bundle = binary.BigEndian.AppendUint16(bundle, uint16(len(entry)))
				bundle = append(bundle, entry...)
			}
			write(dir, "tile/entries/"+index(tile.N, tile.W), bundle)
		}
	}
}

// index is the tlog-tiles index path: three-digit groups, all but the last prefixed with x, then .p/W if partial.
func index(n int64, width int) string {
	path := fmt.Sprintf("%03d", n%1000)
	for n /= 1000; n > 0; n /= 1000 {
		path = fmt.Sprintf("x%03d/%s", n%1000, path)
	}
	if width < 256 {
		path += fmt.Sprintf(".p/%d", width)
	}
	return path
}

func write(dir, path string, data []byte) {
	file := filepath.Join(dir, filepath.FromSlash(path))
	check(os.MkdirAll(filepath.Dir(file), 0o755))
	check(os.WriteFile(file, data, 0o644))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
