package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests cover parsing and formatting only; they never run a
// benchmark.

const benchOutput = `goos: linux
goarch: amd64
pkg: github.com/interactiondata/gcdata/genesys
cpu: Intel(R) Xeon(R) Processor
BenchmarkDecodePage/typed-2         	     253	   4710000 ns/op	 167.10 MB/s	        23.50 allocs/conv	 1015807 B/op	    2350 allocs/op
BenchmarkDecodePage/typed-2         	     251	   4900000 ns/op	 160.00 MB/s	        23.50 allocs/conv	 1015807 B/op	    2350 allocs/op
BenchmarkDecodePage/typed-2         	     250	   4800000 ns/op	 163.00 MB/s	        23.50 allocs/conv	 1015807 B/op	    2350 allocs/op
BenchmarkDecodePage/map-2           	     100	   9710000 ns/op	  81.20 MB/s	       968.0 allocs/conv	 5000000 B/op	   96800 allocs/op
BenchmarkDecodePage/ratio-2         	      50	  12400000 ns/op	         2.910 x_map_over_typed	   3170000 typed_ns/page	   9250000 map_ns/page	 6000000 B/op	   99150 allocs/op
BenchmarkExport/100k-2         	       1	4223591255 ns/op	     23677 conv/s	        47.42 peak-MiB	        25.54 peak-live-MiB	2746540456 B/op	 5410296 allocs/op
BenchmarkParseValidateCompile50   	   60000	     19900 ns/op	   22323 B/op	     101 allocs/op
BenchmarkSign-with-dash/a-b-8   	   10	     100 ns/op
BenchmarkLogLine is not a result
PASS
ok  	github.com/interactiondata/gcdata/genesys	12.3s
`

func TestParseBench(t *testing.T) {
	t.Parallel()
	r := parseBench([]byte(benchOutput))
	assert.Equal(t, map[string]float64{"ns/op": 4800000, "MB/s": 163, "allocs/conv": 23.5, "B/op": 1015807, "allocs/op": 2350},
		r["BenchmarkDecodePage/typed"], "medians of three runs")
	assert.InDelta(t, 2.91, r["BenchmarkDecodePage/ratio"]["x_map_over_typed"], 1e-9)
	assert.InDelta(t, 47.42, r["BenchmarkExport/100k"]["peak-MiB"], 1e-9)
	assert.InDelta(t, 23677, r["BenchmarkExport/100k"]["conv/s"], 1e-9)
	assert.InDelta(t, 19900, r["BenchmarkParseValidateCompile50"]["ns/op"], 1e-9, "-cpu 1: no suffix")
	assert.Contains(t, r, "BenchmarkSign-with-dash/a-b")
	assert.NotContains(t, r, "BenchmarkLogLine")
	assert.Len(t, r, 6)

	even := parseBench([]byte("BenchmarkX-4 10 100 ns/op\nBenchmarkX-4 10 300 ns/op\n"))
	assert.InDelta(t, 200, even["BenchmarkX"]["ns/op"], 1e-9, "median of an even count")

	assert.Empty(t, parseBench(nil))
}

func TestTrimProcs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"BenchmarkX-8":          "BenchmarkX",
		"BenchmarkX":            "BenchmarkX",
		"BenchmarkX/sub-16":     "BenchmarkX/sub",
		"BenchmarkX/a-b":        "BenchmarkX/a-b",
		"BenchmarkX/a-b-2":      "BenchmarkX/a-b",
		"BenchmarkX-y/sub":      "BenchmarkX-y/sub",
		"BenchmarkExport/1M-2":  "BenchmarkExport/1M",
		"BenchmarkExport/100k":  "BenchmarkExport/100k",
		"BenchmarkPacer/fixed-": "BenchmarkPacer/fixed-",
	} {
		assert.Equal(t, want, trimProcs(in), in)
	}
}

// pacingOutput is what TestPacingMeasure logs (go test -v).
const pacingOutput = `=== RUN   TestPacingMeasure
    pace_measure_test.go:101: 
        R=20 req/s, 4 workers, 12s per phase (changing: R, R/2, R)
        run                             ok   req/s  ratio steady   429s   429 %   errs  follow ↓ / ↑
        adaptive/headers/steady        712   19.78  0.989  0.995      2   0.28%      0             -
        adaptive/headers/changing      570   15.83  0.990  0.992      5   0.87%      0   2.0s / 4.5s
        adaptive/bare/changing         540   15.00  0.940  0.950     30   5.26%      0 never / 3.0s
        off/steady                     720   20.00  1.000  1.000   9000  92.59%      0             -
    pace_measure_test.go:107: adaptive/headers/steady: pacer {rate:20 burst:4}
--- PASS: TestPacingMeasure (36.10s)
PASS
`

func TestParsePacing(t *testing.T) {
	t.Parallel()
	r := parsePacing([]byte(pacingOutput))
	require.Len(t, r, 4)
	assert.Equal(t, map[string]float64{"ok": 712, "req/s": 19.78, "ratio": 0.989, "steady": 0.995, "429s": 2, "429%": 0.28, "errs": 0},
		r["adaptive/headers/steady"])
	assert.InDelta(t, 2.0, r["adaptive/headers/changing"]["follow-down"], 1e-9)
	assert.InDelta(t, 4.5, r["adaptive/headers/changing"]["follow-up"], 1e-9)
	assert.NotContains(t, r["adaptive/bare/changing"], "follow-down", "never")
	assert.InDelta(t, 3.0, r["adaptive/bare/changing"]["follow-up"], 1e-9)

	assert.Equal(t, "19.78 req/s, 0.989 of the limit (0.995 after 2 s), 0.28 % 429", r.pacing("adaptive/headers/steady"))
	assert.Equal(t, "15.83 req/s, 0.990 of the limit (0.992 after 2 s), 0.87 % 429, follows ↓ in 2 s, ↑ in 4.50 s",
		r.pacing("adaptive/headers/changing"))
}

func TestFormatting(t *testing.T) {
	t.Parallel()
	r := parseBench([]byte(benchOutput))
	assert.Equal(t, "19.9 µs/op, 21.8 KiB/op, 101 allocs/op", r.timeAllocs("BenchmarkParseValidateCompile50"))
	assert.Equal(t, "163 MB/s, 4.80 ms/page, 23.5 allocs/conv", r.decode("BenchmarkDecodePage/typed"))
	assert.Equal(t, "peak heap 47.4 MiB (live 25.5 MiB), 23677 conv/s", r.export("BenchmarkExport/100k"))
	assert.Equal(t, "missing", r.timeAllocs("BenchmarkNothing"))
	assert.Equal(t, "missing", r.pacing("off/steady"))

	for in, want := range map[float64]string{0: "0", 7.74: "7.74", 0.5: "0.500", 12.34: "12.3", 980.4: "980", 23677.2: "23677"} {
		assert.Equal(t, want, fmtNum(in), in)
	}
	assert.Equal(t, "7.74 ns", fmtNanos(7.74))
	assert.Equal(t, "4.22 s", fmtNanos(4223591255))
	assert.Equal(t, "720 B", fmtBytes(720))
	assert.Equal(t, "2 MiB", fmtBytes(2<<20))
}

// TestJobs checks the plan: every row can be shown from empty results
// without panicking, -quick drops the long runs, and commands are exact.
func TestJobs(t *testing.T) {
	t.Parallel()
	full, quick := jobs(false), jobs(true)
	var fullCmds, quickCmds []string
	for _, j := range full {
		require.NotEmpty(t, j.rows, j.pkg)
		for _, r := range j.rows {
			assert.Equal(t, "missing", r.show(results{}), r.label)
		}
		fullCmds = append(fullCmds, j.command(1))
	}
	for _, j := range quick {
		quickCmds = append(quickCmds, j.command(3))
	}
	assert.Contains(t, fullCmds, "GCDATA_PACING=1 go test ./search -run '^TestExportPacingMeasure$' -v")
	assert.Contains(t, fullCmds, "GCDATA_BENCH_1M=1 go test ./search -run '^$' -bench '^BenchmarkExport$' -benchmem -benchtime 1x")
	assert.Contains(t, quickCmds, "go test ./filter -run '^$' -bench '^BenchmarkParseValidateCompile50$' -benchmem -cpu 1 -count 3")
	assert.Contains(t, quickCmds, "go test ./search -run '^$' -bench '^BenchmarkExport$' -benchmem -benchtime 1x -count 3")
	for _, c := range quickCmds {
		assert.NotContains(t, c, "GCDATA_", "quick runs nothing long")
	}
	assert.Less(t, len(quick), len(full))
}

func TestPrintTable(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	printTable(&b, env{date: "2026-11-29 05:45 UTC", goVersion: "go1.26.0", goos: "linux", goarch: "amd64", cpu: "Some CPU", cores: 2}, 3,
		[][4]string{{"webhook: sign", "1.19 µs/op", "—", "`go test ./webhook -bench '^Benchmark(Sign|Verify)$'`"}})
	assert.Equal(t, "Measured 2026-11-29 05:45 UTC with go1.26.0 on linux/amd64, Some CPU, 2 cores; medians of 3 runs.\n\n"+
		"| benchmark | result | target | command |\n|---|---|---|---|\n"+
		"| webhook: sign | 1.19 µs/op | — | `go test ./webhook -bench '^Benchmark(Sign\\|Verify)$'` |\n", b.String())
	assert.NotContains(t, strings.TrimSpace(cpuModel()), "\n")
}
