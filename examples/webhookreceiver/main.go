// Command webhookreceiver receives the export notifications package
// webhook sends, verifies them and appends each new one to a file:
//
//	GENESYS_WEBHOOK_SECRET=whsec_... go run ./examples/webhookreceiver -addr 127.0.0.1:9090 -out deliveries.jsonl
//
// The secret comes from GENESYS_WEBHOOK_SECRET (several separated by
// spaces or commas while rotating). Without it a new one is generated and
// printed on stderr, ready to export for the sending side. When ready the
// program prints one line with its URL (http://127.0.0.1:PORT/) on stdout.
//
// Each verified delivery becomes one JSON line in -out, fsynced before the
// 2xx answer:
//
//	{"webhookId":"msg_...","receivedAt":"2026-11-29T05:00:01Z","type":"export.batch.completed","payload":{...}}
//
// where payload is the body exactly as signed. A webhook-id already in the
// file (also from earlier runs) is acknowledged and not written again, so
// the file holds each notification once although delivery is at least once.
// Failed verifications are answered 400/401 and logged on stderr. The
// program stops cleanly on SIGINT or SIGTERM.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/interactiondata/gcdata/webhook"
)

// secretEnv names the environment variable holding the signing secret(s).
const secretEnv = "GENESYS_WEBHOOK_SECRET"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "webhookreceiver:", err)
		os.Exit(1)
	}
}

// run parses args, serves until ctx ends and shuts down cleanly.
func run(ctx context.Context, args []string, lookupEnv func(string) (string, bool), stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("webhookreceiver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		addr      = fs.String("addr", "127.0.0.1:9090", "listen address (loopback by default; port 0 picks a free port)")
		out       = fs.String("out", "deliveries.jsonl", "file the verified deliveries are appended to, one JSON line each")
		tolerance = fs.Duration("tolerance", webhook.DefaultTolerance, "largest accepted difference between webhook-timestamp and the clock")
		maxBody   = fs.Int64("max-body", webhook.DefaultMaxBodyBytes, "largest accepted body in bytes")
	)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	secrets, err := secretsFrom(lookupEnv, stderr)
	if err != nil {
		return err
	}
	v, err := webhook.NewVerifier(secrets, webhook.WithTolerance(*tolerance), webhook.WithMaxBodyBytes(*maxBody))
	if err != nil {
		return fmt.Errorf("%s: %w", secretEnv, err)
	}
	j, err := openJournal(*out)
	if err != nil {
		return err
	}
	defer j.Close()

	mux := http.NewServeMux()
	mux.Handle("/", v.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ev, _ := webhook.EventFromContext(r.Context())
		body, err := io.ReadAll(r.Body) // already read and verified by the middleware
		if err != nil {
			http.Error(w, "reading body failed", http.StatusInternalServerError)
			return
		}
		added, err := j.Append(ev, body, time.Now())
		if err != nil {
			logger.Error("append failed", "event_id", ev.ID, "error", err)
			http.Error(w, "could not store the delivery", http.StatusInternalServerError)
			return
		}
		logger.Info("delivery", "event_id", ev.ID, "type", string(ev.Type()), "new", added)
		w.WriteHeader(http.StatusNoContent)
	})))
	logged := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		mux.ServeHTTP(sw, r)
		if sw.status >= 400 {
			logger.Warn("rejected", "event_id", r.Header.Get(webhook.HeaderID), "status", sw.status)
		}
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: logged, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "webhookreceiver: listening on %s/ (appending to %s)\n", baseURL(ln.Addr()), *out)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// secretsFrom reads the secrets from the environment, or generates one and
// prints it on stderr.
func secretsFrom(lookupEnv func(string) (string, bool), stderr io.Writer) ([]string, error) {
	if v, ok := lookupEnv(secretEnv); ok && strings.TrimSpace(v) != "" {
		return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }), nil
	}
	s, err := webhook.GenerateSecret()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "webhookreceiver: %s is not set; generated a secret for this run:\n%s=%s\n", secretEnv, secretEnv, s)
	return []string{s}, nil
}

// journal is the append-only output file and the ids already in it.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	seen map[string]bool
}

func openJournal(path string) (*journal, error) {
	j := &journal{seen: make(map[string]bool)}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 4<<20)
		for sc.Scan() {
			var line struct {
				WebhookID string `json:"webhookId"`
			}
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.WebhookID != "" {
				j.seen[line.WebhookID] = true
			}
		}
		err := sc.Err()
		_ = f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	j.f = f
	return j, nil
}

// Append writes ev as one line unless its id is already in the file; it
// reports whether it wrote. The line is fsynced before Append returns.
func (j *journal) Append(ev webhook.Event, body []byte, now time.Time) (bool, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.seen[ev.ID] {
		return false, nil
	}
	id, _ := json.Marshal(ev.ID)
	typ, _ := json.Marshal(string(ev.Type()))
	var line []byte
	line = append(line, `{"webhookId":`...)
	line = append(line, id...)
	line = append(line, `,"receivedAt":"`...)
	line = now.UTC().AppendFormat(line, time.RFC3339)
	line = append(line, `","type":`...)
	line = append(line, typ...)
	line = append(line, `,"payload":`...)
	line = append(line, compact(body)...)
	line = append(line, "}\n"...)
	if _, err := j.f.Write(line); err != nil {
		return false, err
	}
	if err := j.f.Sync(); err != nil {
		return false, err
	}
	j.seen[ev.ID] = true
	return true, nil
}

func (j *journal) Close() error { return j.f.Close() }

// compact removes insignificant whitespace (a payload may be pretty
// printed; a JSON line may not contain newlines).
func compact(body []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, body); err != nil {
		return []byte("null") // unreachable: the middleware decoded it
	}
	return buf.Bytes()
}

// statusWriter records the status a handler answered with.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// baseURL returns http://host:port for a listener address, writing an
// unspecified host (0.0.0.0, ::) as 127.0.0.1.
func baseURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	host := tcp.IP.String()
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port))
}
