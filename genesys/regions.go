package genesys

import (
	"slices"
	"strings"
)

// region is one Genesys Cloud region: its SDK name and its domain. The API
// lives at https://api.<domain>, the token endpoint at
// https://login.<domain>/oauth/token.
type region struct {
	name   string // SDK name, e.g. "us_east_1"
	domain string // e.g. "mypurecloud.com"
}

// regionTable is the single list of regions (the 17 of the official SDK
// region table, CONTRACT.md §1). It returns a fresh slice.
func regionTable() []region {
	return []region{
		{"us_east_1", "mypurecloud.com"},
		{"eu_west_1", "mypurecloud.ie"},
		{"ap_southeast_2", "mypurecloud.com.au"},
		{"ap_northeast_1", "mypurecloud.jp"},
		{"eu_central_1", "mypurecloud.de"},
		{"us_west_2", "usw2.pure.cloud"},
		{"ca_central_1", "cac1.pure.cloud"},
		{"ap_northeast_2", "apne2.pure.cloud"},
		{"eu_west_2", "euw2.pure.cloud"},
		{"ap_south_1", "aps1.pure.cloud"},
		{"us_east_2", "use2.us-gov-pure.cloud"},
		{"sa_east_1", "sae1.pure.cloud"},
		{"me_central_1", "mec1.pure.cloud"},
		{"ap_northeast_3", "apne3.pure.cloud"},
		{"eu_central_2", "euc2.pure.cloud"},
		{"mx_central_1", "mxc1.pure.cloud"},
		{"ap_southeast_1", "apse1.pure.cloud"},
	}
}

// Regions returns the names of the known regions ("us_east_1", ...), sorted.
// Each is accepted by [WithRegion], as are its hyphenated form and domain.
func Regions() []string {
	t := regionTable()
	names := make([]string, len(t))
	for i, r := range t {
		names[i] = r.name
	}
	slices.Sort(names)
	return names
}

// lookupRegion resolves a region name ("us_east_1", "us-east-1", any case), a
// domain ("mypurecloud.com"), or an API or login host ("api.usw2.pure.cloud",
// optionally with an https:// prefix and a trailing slash) to its API base URL.
func lookupRegion(s string) (baseURL string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimSuffix(s, "/")
	if s == "" {
		return "", false
	}
	name := strings.ReplaceAll(s, "-", "_")
	host := s
	if h, ok := strings.CutPrefix(host, "api."); ok {
		host = h
	} else if h, ok := strings.CutPrefix(host, "login."); ok {
		host = h
	}
	for _, r := range regionTable() {
		if r.name == name || r.domain == host {
			return "https://api." + r.domain, true
		}
	}
	return "", false
}
