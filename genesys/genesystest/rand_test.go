package genesystest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppendTimeMatchesTimeFormat(t *testing.T) {
	t.Parallel()
	r := newRNG(1, 2, 3)
	cases := []int64{0, -1, 1, 946684800000, 951782400000 /* 2000-02-29 */, 253402300799999, -62135596800000}
	for range 20000 {
		cases = append(cases, r.between(-62135596800000, 253402300799999))
	}
	for _, ms := range cases {
		want := time.UnixMilli(ms).UTC().Format(timeLayout)
		require.Equal(t, want, string(appendTime(nil, ms)), ms)
	}
}

func TestUUIDRoundTrip(t *testing.T) {
	t.Parallel()
	r := newRNG(4, 5, 6)
	for range 1000 {
		hi, lo := r.next(), r.next()
		s := formatUUID(hi, lo)
		h2, l2, ok := parseUUID(s)
		require.True(t, ok, s)
		assert.Equal(t, hi&^0xf000|0x4000, h2)
		assert.Equal(t, lo&^(0xc<<60)|0x8<<60, l2)
		assert.Equal(t, byte('4'), s[14])
	}
	g := newGrid(7, 1000, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	for k := g.first; k < g.last; k++ {
		got, ok := g.index(g.id(k))
		require.True(t, ok)
		require.Equal(t, k, got)
	}
	assert.Equal(t, idMulInverse()*idMul, uint64(1))
}

func TestGridStartsAreSortedAndInPeriod(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.Add(time.Hour)
	for _, n := range []int{1, 7, 1000, 3_600_000, 10_000_000} {
		g := newGrid(3, n, start, end)
		assert.Equal(t, int64(n), g.last-g.first)
		prev := int64(-1 << 62)
		for k := g.first; k < min(g.last, g.first+5000); k++ {
			st := g.start(k)
			require.Greater(t, st, prev)
			prev = st
		}
		assert.GreaterOrEqual(t, g.start(g.first), start.UnixMilli())
		if n <= 3_600_000 {
			assert.Less(t, g.start(g.last-1), end.UnixMilli())
		}
		// firstAtOrAfter is the smallest index starting at or after t.
		for _, k := range []int64{g.first, g.first + int64(n)/2, g.last - 1} {
			st := g.start(k)
			assert.Equal(t, k, g.firstAtOrAfter(st))
			assert.Equal(t, k+1, g.firstAtOrAfter(st+1))
		}
	}
}
