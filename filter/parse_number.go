package filter

import (
	"math"
	"strconv"
)

// maxExactPow10 is the largest power of ten that is exact in a float64.
const maxExactPow10 = 22

// unitMillis returns the number of milliseconds in a duration unit, or 0
// for an unknown unit.
func unitMillis(u string) uint64 {
	switch u {
	case "ms":
		return 1
	case "s":
		return 1000
	case "m":
		return 60 * 1000
	case "h":
		return 60 * 60 * 1000
	}
	return 0
}

// scaleDecimal returns the decimal number s (as scanned by scanDecimal,
// unsigned) multiplied by factor. When the digits, the factor and the
// exponent are small enough the result is computed with one correctly
// rounded float operation ("1.1" s → exactly 1100 ms); otherwise it falls
// back to float arithmetic. ok is false when s is not a number.
func scaleDecimal(s string, factor uint64) (float64, bool) {
	var mant uint64
	exp := 0
	digits := 0
	exact := true
	i := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		if digits < 19 {
			mant = mant*10 + uint64(s[i]-'0')
			if mant != 0 {
				digits++
			}
		} else {
			exact = false
			exp++
		}
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			if digits < 19 {
				mant = mant*10 + uint64(s[i]-'0')
				if mant != 0 {
					digits++
				}
				exp--
			} else {
				exact = false
			}
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 1000 || e < -1000 {
			exact = false
		} else {
			exp += e
		}
	}
	const maxExact = 1 << 53
	if exact && mant <= maxExact/factor {
		m := float64(mant * factor)
		switch {
		case exp == 0:
			return m, true
		case exp > 0 && exp <= maxExactPow10:
			return m * math.Pow10(exp), true
		case exp < 0 && -exp <= maxExactPow10:
			return m / math.Pow10(-exp), true
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	return v * float64(factor), true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// parseDuration converts a duration literal body (unsigned; one or more
// number-unit pairs such as "3m", "1.5s", "1h30m", "250ms") to
// milliseconds. It returns the offset (within s) of a bad part and a
// message when it cannot.
func parseDuration(s string) (ms float64, badAt int, msg string) {
	i := 0
	total := 0.0
	for i < len(s) {
		numStart := i
		j := scanDecimal(s, i)
		if j == numStart {
			return 0, i, "expected a number in the duration (e.g. 1h30m)"
		}
		k := j
		for k < len(s) && isASCIILetter(s[k]) {
			k++
		}
		if k == j {
			return 0, j, "a duration needs a unit after each number: ms, s, m or h"
		}
		f := unitMillis(s[j:k])
		if f == 0 {
			return 0, j, "unknown duration unit " + strconv.Quote(s[j:k]) + " (want ms, s, m or h)"
		}
		v, ok := scaleDecimal(s[numStart:j], f)
		if !ok {
			return 0, numStart, "bad number in duration"
		}
		total += v
		i = k
	}
	if math.IsInf(total, 0) {
		return 0, 0, "duration out of range"
	}
	return total, 0, ""
}
