// Command filtercheck checks a filter expression offline, before any
// request: it parses, validates and compiles it, then prints the canonical
// expression, the filter hash and the wire JSON a detail query or job would
// send.
//
//	go run ./examples/filtercheck 'mediaType == "voice" and wrapUpCode == "Case-Closed" and tHandle > 3m'
//	echo 'queueId exists' | go run ./examples/filtercheck -
//	go run ./examples/filtercheck -json 'direction == "inbound"' > filter.json
//
// The expression is the arguments joined by spaces, or standard input when
// the only argument is "-". Flags:
//
//	-json  print only the wire JSON (indented)
//
// A bad expression prints the error, with a caret under the problem, on
// stderr and exits with status 1; bad usage exits with status 2. Nothing
// here makes a request or needs credentials.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/interactiondata/gcdata/filter"
)

// maxInput bounds what is read from standard input; Parse refuses longer
// expressions anyway.
const maxInput = 1 << 20

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if err != nil && !errors.Is(err, errReported) {
		fmt.Fprintln(os.Stderr, err) // filter errors name their package; ours start with "filtercheck:"
	}
	os.Exit(exitStatus(err))
}

// exitStatus is 0 on success, 2 for bad usage and 1 for a bad expression.
func exitStatus(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// errReported means the error was printed already (the flag package prints
// its own errors).
var errReported = errors.New("reported")

// usageError is a problem with how the program was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// run is the program: it reads the expression from args (or stdin) and
// writes the report to stdout. The returned error is what main prints.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("filtercheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: filtercheck [-json] EXPRESSION... | filtercheck [-json] -")
		fs.PrintDefaults()
	}
	jsonOnly := fs.Bool("json", false, "print only the wire JSON (indented)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{errReported}
	}

	expr, err := readExpr(fs.Args(), stdin)
	if err != nil {
		return err
	}

	// Parse also validates every field, operator and value against the
	// catalog; Compile checks that the API can express the tree's shape.
	n, err := filter.Parse(expr)
	if err != nil {
		return err // "filter: 1:13: ...", the line and a caret under the problem
	}
	w, err := filter.Compile(n)
	if err != nil {
		return err // every problem, one per line
	}
	wire, err := w.MarshalJSON()
	if err != nil {
		return err
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, wire, "", "  "); err != nil {
		return fmt.Errorf("filtercheck: indent wire JSON: %w", err)
	}
	indented.WriteByte('\n')

	if *jsonOnly {
		_, err := stdout.Write(indented.Bytes())
		return err
	}
	hash, err := filter.Hash(n)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "expression: %s\nhash:       %s\nwire JSON:\n%s", n, hash, indented.Bytes())
	return err
}

// readExpr returns the expression: the arguments joined by spaces, or all
// of stdin for the single argument "-".
func readExpr(args []string, stdin io.Reader) (string, error) {
	if len(args) == 1 && args[0] == "-" {
		b, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
		if err != nil {
			return "", fmt.Errorf("filtercheck: read standard input: %w", err)
		}
		if len(b) > maxInput {
			return "", fmt.Errorf("filtercheck: standard input is longer than %d bytes", maxInput)
		}
		args = []string{string(b)}
	}
	expr := strings.Join(args, " ")
	if strings.TrimSpace(expr) == "" {
		return "", usageError{errors.New(`filtercheck: no expression: give it as arguments, or "-" to read standard input`)}
	}
	return expr, nil
}
