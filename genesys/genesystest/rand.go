package genesystest

import (
	"strconv"
	"time"
)

// mix is the splitmix64 finaliser: a bijective, well-spread hash of x.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hash3 combines three words into one well-spread word.
func hash3(a, b, c uint64) uint64 {
	return mix(a ^ mix(b+0x9e3779b97f4a7c15^mix(c+0x632be59bd9b4e019)))
}

// rng is a small deterministic generator (splitmix64). The zero value works;
// seed it with newRNG.
type rng struct{ s uint64 }

func newRNG(a, b, c uint64) rng { return rng{s: hash3(a, b, c)} }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int64) int64 { return lo + int64(r.next()%uint64(hi-lo+1)) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// weighted returns an index into weights, chosen with probability
// proportional to the weight.
func (r *rng) weighted(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.intn(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// uuid returns a random version-4 UUID string.
func (r *rng) uuid() string { return formatUUID(r.next(), r.next()) }

const hexDigits = "0123456789abcdef"

// formatUUID formats hi and lo as a version-4, variant-1 UUID.
func formatUUID(hi, lo uint64) string {
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0xc<<60) | 0x8<<60
	var b [36]byte
	j := 0
	for i := 0; i < 16; i++ {
		var v byte
		if i < 8 {
			v = byte(hi >> (56 - 8*i))
		} else {
			v = byte(lo >> (56 - 8*(i-8)))
		}
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b[j] = '-'
			j++
		}
		b[j] = hexDigits[v>>4]
		b[j+1] = hexDigits[v&0xf]
		j += 2
	}
	return string(b[:])
}

// parseUUID parses the 128 bits of a canonical UUID string.
func parseUUID(s string) (hi, lo uint64, ok bool) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return 0, 0, false
	}
	n := 0
	for i := 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			continue
		}
		c := s[i]
		var v uint64
		switch {
		case '0' <= c && c <= '9':
			v = uint64(c - '0')
		case 'a' <= c && c <= 'f':
			v = uint64(c-'a') + 10
		default:
			return 0, 0, false // canonical form is lower case
		}
		if n < 16 {
			hi = hi<<4 | v
		} else {
			lo = lo<<4 | v
		}
		n++
	}
	return hi, lo, true
}

// timeLayout is the date-time format of every time the fake writes.
const timeLayout = "2006-01-02T15:04:05.000Z"

// appendTime appends the unix-millisecond instant ms in timeLayout. It is
// a hand-written civil-date conversion (years 0000-9999), several times
// faster than time.Time.AppendFormat; a test checks it against the latter.
func appendTime(b []byte, ms int64) []byte {
	days := ms / 86400000
	rem := ms % 86400000
	if rem < 0 {
		rem += 86400000
		days--
	}
	// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant).
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	if y < 0 || y > 9999 {
		return time.UnixMilli(ms).UTC().AppendFormat(b, timeLayout)
	}
	h, mi, sec, milli := rem/3600000, rem/60000%60, rem/1000%60, rem%1000
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10), 'T',
		byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ':',
		byte('0'+sec/10), byte('0'+sec%10), '.', byte('0'+milli/100), byte('0'+milli/10%10), byte('0'+milli%10), 'Z')
}

// formatTime formats a time in timeLayout (UTC).
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// formatMS formats a unix-millisecond instant in timeLayout.
func formatMS(ms int64) string { return string(appendTime(nil, ms)) }

// itoa is strconv.FormatInt for int64.
func itoa(v int64) string { return strconv.FormatInt(v, 10) }
