// Command bench runs every benchmark the README reports and prints one
// markdown table (benchmark, result, target, the command that reproduces
// the row), headed by the date, the Go version, GOOS/GOARCH, the CPU model
// and the core count. The README's performance section is its output.
//
//	go run ./examples/bench            # everything, about 3 minutes (the 1M export takes most)
//	go run ./examples/bench -quick     # without the 1M export and the pacing measurement, about 30 s
//	go run ./examples/bench -count 5   # each benchmark 5 times; the table shows medians
//
// Each row comes from a `go test -run '^$' -bench ... -benchmem`
// subprocess run in the module root, one after the other so they do not
// compete for the CPU; pacing efficiency comes from the search package's TestExportPacingMeasure
// measurement (GCDATA_PACING=1, about 40 s of wall time, little CPU).
// Progress goes to stderr, the table to stdout. A failed run shows as
// "failed" in its rows and makes the exit status 1.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run parses the flags, runs the jobs and prints the table.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	quick := fs.Bool("quick", false, "skip the long runs (the 1M-conversation export and the pacing measurement)")
	count := fs.Int("count", 1, "run each benchmark `N` times and report the medians")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *count < 1 {
		return fmt.Errorf("-count %d: want at least 1", *count)
	}
	root, err := moduleRoot(ctx)
	if err != nil {
		return err
	}

	var failed []string
	var rows [][4]string
	for _, j := range jobs(*quick) {
		cmdline := j.command(*count)
		fmt.Fprintln(stderr, "bench: running", cmdline)
		out, err := j.run(ctx, root, *count)
		results := j.parse(out)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed = append(failed, j.pkg)
			fmt.Fprintf(stderr, "bench: %s failed: %v\n%s", j.pkg, err, tail(out, 20))
		}
		for _, r := range j.rows {
			text := "failed"
			if err == nil {
				text = r.show(results)
			}
			rows = append(rows, [4]string{r.label, text, r.target, "`" + cmdline + "`"})
		}
	}

	env, err := machine(ctx, root)
	if err != nil {
		return err
	}
	printTable(stdout, env, *count, rows)
	if len(failed) > 0 {
		return fmt.Errorf("failed: %s", strings.Join(failed, ", "))
	}
	return nil
}

// job is one `go test` subprocess and the rows taken from its output.
type job struct {
	pkg       string   // "./filter"
	bench     string   // -bench pattern; "" for a test (pacing)
	test      string   // -run pattern of a measurement test
	cpu       string   // -cpu, "" for the default
	benchtime string   // -benchtime, "" for the default
	env       []string // extra environment, e.g. "GCDATA_PACING=1"
	once      bool     // ignores -count (a measurement test)
	parse     func(out []byte) results
	rows      []row
}

// row is one line of the table.
type row struct {
	label  string
	target string
	show   func(results) string
}

// command is the shell command that reproduces the job.
func (j job) command(count int) string {
	var b strings.Builder
	for _, e := range j.env {
		b.WriteString(e + " ")
	}
	b.WriteString("go test " + j.pkg)
	if j.bench != "" {
		fmt.Fprintf(&b, " -run '^$' -bench '%s' -benchmem", j.bench)
	} else {
		fmt.Fprintf(&b, " -run '%s' -v", j.test)
	}
	if j.cpu != "" {
		b.WriteString(" -cpu " + j.cpu)
	}
	if j.benchtime != "" {
		b.WriteString(" -benchtime " + j.benchtime)
	}
	if count > 1 && !j.once {
		fmt.Fprintf(&b, " -count %d", count)
	}
	return b.String()
}

// run runs the job in dir and returns its combined output.
func (j job) run(ctx context.Context, dir string, count int) ([]byte, error) {
	args := []string{"test", j.pkg}
	if j.bench != "" {
		args = append(args, "-run", "^$", "-bench", j.bench, "-benchmem")
	} else {
		args = append(args, "-run", j.test, "-v")
	}
	if j.cpu != "" {
		args = append(args, "-cpu", j.cpu)
	}
	if j.benchtime != "" {
		args = append(args, "-benchtime", j.benchtime)
	}
	if j.once {
		count = 1
	}
	args = append(args, "-count", strconv.Itoa(count), "-timeout", "30m")
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), j.env...)
	return cmd.CombinedOutput()
}

// jobs lists what to run; quick leaves out the long runs.
func jobs(quick bool) []job {
	js := []job{
		{
			pkg: "./filter", bench: "^BenchmarkParseValidateCompile50$", cpu: "1", parse: parseBench,
			rows: []row{{
				label:  "filter: parse + validate + compile, 50 predicates, 1 core",
				target: "< 20 µs/op",
				show:   func(r results) string { return r.timeAllocs("BenchmarkParseValidateCompile50") },
			}},
		},
		{
			pkg: "./genesys", bench: "^BenchmarkDecodePage$", parse: parseBench,
			rows: []row{
				{
					label:  "genesys: decode a 100-conversation page, typed model",
					target: "< 100 allocs/conv",
					show:   func(r results) string { return r.decode("BenchmarkDecodePage/typed") },
				},
				{
					label:  "genesys: the same page into map[string]any (encoding/json)",
					target: "reference",
					show:   func(r results) string { return r.decode("BenchmarkDecodePage/map") },
				},
				{
					label:  "genesys: typed vs map, timed in one run",
					target: "typed faster (> 1×)",
					show: func(r results) string {
						m, ok := r["BenchmarkDecodePage/ratio"]
						if !ok {
							return "missing"
						}
						return fmt.Sprintf("typed %.2f× faster (%s vs %s per page)", m["x_map_over_typed"],
							fmtNanos(m["typed_ns/page"]), fmtNanos(m["map_ns/page"]))
					},
				},
			},
		},
	}

	export := job{
		pkg: "./search", bench: "^BenchmarkExport$", benchtime: "1x", parse: parseBench,
		rows: []row{{
			label:  "search: export 100k conversations from the fake to a discarding sink",
			target: "< 64 MiB peak heap",
			show:   func(r results) string { return r.export("BenchmarkExport/100k") },
		}},
	}
	if !quick {
		export.env = []string{"GCDATA_BENCH_1M=1"}
		export.rows = append(export.rows, row{
			label:  "search: export 1M conversations (memory flat in size)",
			target: "< 64 MiB peak, ≤ 1.25× the 100k peak",
			show: func(r results) string {
				s := r.export("BenchmarkExport/1M")
				small, big := r["BenchmarkExport/100k"]["peak-MiB"], r["BenchmarkExport/1M"]["peak-MiB"]
				if small > 0 && big > 0 {
					s += fmt.Sprintf(", %.2f× the 100k peak", big/small)
				}
				return s
			},
		})
	}
	js = append(js, export)

	if !quick {
		js = append(js, job{
			pkg: "./search", test: "^TestExportPacingMeasure$", env: []string{"GCDATA_PACING=1"}, once: true,
			parse: parsePacing,
			rows: []row{
				{
					label:  "search: export with 4 workers against a 20 req/s limit, adaptive pacer (default)",
					target: "≥ 0.95 R, ≤ 1 % 429",
					show:   func(r results) string { return r.pacing("export/adaptive/steady") },
				},
				{
					label:  "search: the same, the limit halves then doubles",
					target: "follows within a few s",
					show:   func(r results) string { return r.pacing("export/adaptive/changing") },
				},
				{
					label:  "search: the same export with pacing off, for comparison",
					target: "—",
					show:   func(r results) string { return r.pacing("export/off/steady") },
				},
				{
					label:  "search: pacing off, the limit halves then doubles",
					target: "—",
					show:   func(r results) string { return r.pacing("export/off/changing") },
				},
			},
		})
	}

	js = append(js,
		job{
			pkg: "./webhook", bench: "^Benchmark(Sign|Verify)$", parse: parseBench,
			rows: []row{
				{label: "webhook: sign a batch event", target: "—",
					show: func(r results) string { return r.timeAllocs("BenchmarkSign") }},
				{label: "webhook: verify a signed event", target: "—",
					show: func(r results) string { return r.timeAllocs("BenchmarkVerify") }},
			},
		},
		job{
			pkg: "./schema", bench: "^BenchmarkLookup$", parse: parseBench,
			rows: []row{{label: "schema: look up a field by name", target: "—",
				show: func(r results) string { return r.timeAllocs("BenchmarkLookup") }}},
		},
	)
	return js
}

// results maps a benchmark name (without the -GOMAXPROCS suffix) or a
// pacing run name to its metrics by unit ("ns/op", "B/op", "peak-MiB",
// ...), each the median over the runs.
type results map[string]map[string]float64

func (r results) timeAllocs(name string) string {
	m, ok := r[name]
	if !ok {
		return "missing"
	}
	return fmt.Sprintf("%s/op, %s/op, %s allocs/op", fmtNanos(m["ns/op"]), fmtBytes(m["B/op"]), fmtNum(m["allocs/op"]))
}

func (r results) decode(name string) string {
	m, ok := r[name]
	if !ok {
		return "missing"
	}
	return fmt.Sprintf("%s MB/s, %s/page, %s allocs/conv", fmtNum(m["MB/s"]), fmtNanos(m["ns/op"]), fmtNum(m["allocs/conv"]))
}

func (r results) export(name string) string {
	m, ok := r[name]
	if !ok {
		return "missing"
	}
	return fmt.Sprintf("peak heap %.1f MiB (live %.1f MiB), %s conv/s", m["peak-MiB"], m["peak-live-MiB"], fmtNum(m["conv/s"]))
}

func (r results) pacing(name string) string {
	m, ok := r[name]
	if !ok {
		return "missing"
	}
	s := fmt.Sprintf("%.2f req/s, %.3f of the limit (%.3f after 2 s), %.2f %% 429", m["req/s"], m["ratio"], m["steady"], m["429%"])
	if d, ok := m["follow-down"]; ok {
		s += fmt.Sprintf(", follows ↓ in %s", fmtSeconds(d))
	}
	if d, ok := m["follow-up"]; ok {
		s += fmt.Sprintf(", ↑ in %s", fmtSeconds(d))
	}
	return s
}

// parseBench reads the standard benchmark lines of go test output:
//
//	BenchmarkDecodePage/typed-8   2000   612345 ns/op   104.52 MB/s   2.5 allocs/conv   123 B/op   4 allocs/op
//
// Every value-unit pair is kept; with several runs of one benchmark each
// unit gets the median.
func parseBench(out []byte) results {
	all := map[string]map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.ParseInt(f[1], 10, 64); err != nil {
			continue // not a result line (e.g. a log line that starts with Benchmark)
		}
		name := trimProcs(f[0])
		if all[name] == nil {
			all[name] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			all[name][f[i+1]] = append(all[name][f[i+1]], v)
		}
	}
	return medians(all)
}

// trimProcs removes the -GOMAXPROCS suffix go test adds to a benchmark name
// ("BenchmarkX/sub-8" → "BenchmarkX/sub"); with -cpu 1 there is none.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 || i < strings.LastIndexByte(name, '/') {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// parsePacing reads the table TestPacingMeasure logs:
//
//	run                             ok   req/s  ratio steady   429s   429 %   errs  follow ↓ / ↑
//	adaptive/headers/steady        712   19.78  0.989  0.995      2   0.28%      0   -
//	adaptive/headers/changing      ...                                                2.0s / 4.0s
//
// into the metrics ok, req/s, ratio, steady, 429s, 429%, errs, and
// follow-down / follow-up in seconds when the run has them.
func parsePacing(out []byte) results {
	all := map[string]map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	keys := []string{"ok", "req/s", "ratio", "steady", "429s", "429%", "errs"}
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 1+len(keys) || !strings.Contains(f[0], "/") {
			continue
		}
		vals := make([]float64, len(keys))
		ok := true
		for i := range keys {
			v, err := strconv.ParseFloat(strings.TrimSuffix(f[1+i], "%"), 64)
			if err != nil {
				ok = false
				break
			}
			vals[i] = v
		}
		if !ok {
			continue
		}
		m := map[string][]float64{}
		for i, k := range keys {
			m[k] = []float64{vals[i]}
		}
		// The rest is "-" or "DOWN / UP", each a duration or "-".
		if rest := f[1+len(keys):]; len(rest) == 3 && rest[1] == "/" {
			if d, err := time.ParseDuration(rest[0]); err == nil {
				m["follow-down"] = []float64{d.Seconds()}
			}
			if d, err := time.ParseDuration(rest[2]); err == nil {
				m["follow-up"] = []float64{d.Seconds()}
			}
		}
		all[f[0]] = m
	}
	return medians(all)
}

func medians(all map[string]map[string][]float64) results {
	r := results{}
	for name, units := range all {
		r[name] = map[string]float64{}
		for unit, vs := range units {
			slices.Sort(vs)
			mid := len(vs) / 2
			v := vs[mid]
			if len(vs)%2 == 0 {
				v = (vs[mid-1] + vs[mid]) / 2
			}
			r[name][unit] = v
		}
	}
	return r
}

// fmtNanos formats nanoseconds with a unit that keeps 3 significant digits.
func fmtNanos(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmtNum(ns/1e9) + " s"
	case ns >= 1e6:
		return fmtNum(ns/1e6) + " ms"
	case ns >= 1e3:
		return fmtNum(ns/1e3) + " µs"
	}
	return fmtNum(ns) + " ns"
}

// fmtBytes formats a byte count in B, KiB or MiB.
func fmtBytes(b float64) string {
	switch {
	case b >= 1<<20:
		return fmtNum(b/(1<<20)) + " MiB"
	case b >= 1<<10:
		return fmtNum(b/(1<<10)) + " KiB"
	}
	return fmtNum(b) + " B"
}

func fmtSeconds(s float64) string { return fmtNum(s) + " s" }

// fmtNum prints 3 significant digits, without exponent or trailing zeros
// for integers: 12.3, 1.05, 980, 23677.
func fmtNum(v float64) string {
	if v == math.Trunc(v) || math.Abs(v) >= 100 {
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	digits := 2
	if math.Abs(v) >= 10 {
		digits = 1
	} else if math.Abs(v) < 1 {
		digits = 3
	}
	return strconv.FormatFloat(v, 'f', digits, 64)
}

// env describes the machine the figures come from.
type env struct {
	date, goVersion, goos, goarch, cpu string
	cores                              int
}

// machine collects the table's header facts; the Go version and platform
// are those of the go command that ran the benchmarks.
func machine(ctx context.Context, dir string) (env, error) {
	e := env{date: time.Now().UTC().Format("2006-01-02 15:04 MST"), cores: runtime.NumCPU(), cpu: cpuModel()}
	out, err := goCmd(ctx, dir, "env", "GOVERSION", "GOOS", "GOARCH")
	if err != nil {
		return e, err
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		return e, fmt.Errorf("go env: unexpected output %q", out)
	}
	e.goVersion, e.goos, e.goarch = lines[0], lines[1], lines[2]
	return e, nil
}

// cpuModel returns the first "model name" of /proc/cpuinfo, or GOARCH when
// there is none (not Linux, or an ARM kernel that does not say).
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for line := range strings.Lines(string(b)) {
			k, v, ok := strings.Cut(line, ":")
			if ok && strings.TrimSpace(k) == "model name" {
				return strings.Join(strings.Fields(v), " ")
			}
		}
	}
	return "unknown " + runtime.GOARCH + " CPU"
}

func printTable(w io.Writer, e env, count int, rows [][4]string) {
	fmt.Fprintf(w, "Measured %s with %s on %s/%s, %s, %d cores", e.date, e.goVersion, e.goos, e.goarch, e.cpu, e.cores)
	if count > 1 {
		fmt.Fprintf(w, "; medians of %d runs", count)
	}
	fmt.Fprint(w, ".\n\n")
	fmt.Fprintln(w, "| benchmark | result | target | command |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, r := range rows {
		for i := range r {
			r[i] = strings.ReplaceAll(r[i], "|", `\|`)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r[0], r[1], r[2], r[3])
	}
}

// moduleRoot is the directory of the main module's go.mod.
func moduleRoot(ctx context.Context) (string, error) {
	out, err := goCmd(ctx, "", "env", "GOMOD")
	if err != nil {
		return "", err
	}
	gomod := strings.TrimSpace(out)
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the gcdata module: run it from the repository")
	}
	return filepath.Dir(gomod), nil
}

func goCmd(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return string(out), nil
}

// tail returns the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.SplitAfter(string(out), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "")
}
