package genesys

import (
	"errors"
	"fmt"
	"strings"
)

// Environment variables read by [EnvOptions].
const (
	EnvClientID     = "GENESYS_CLIENT_ID"     // OAuth client id (required)
	EnvClientSecret = "GENESYS_CLIENT_SECRET" // OAuth client secret (required)
	EnvRegion       = "GENESYS_REGION"        // region name or domain, e.g. "us_east_1", "mypurecloud.ie"
	EnvBaseURL      = "GENESYS_BASE_URL"      // API base URL; overrides GENESYS_REGION
	EnvTokenURL     = "GENESYS_TOKEN_URL"     // token endpoint; default derived from the base URL
)

// EnvOptions builds options from the environment, read through lookup
// (os.LookupEnv in programs, a map in tests): GENESYS_CLIENT_ID and
// GENESYS_CLIENT_SECRET (required), GENESYS_REGION (a region name or domain)
// or GENESYS_BASE_URL (wins over the region; one of the two is required),
// and GENESYS_TOKEN_URL (optional; otherwise derived, see [WithTokenURL]).
// Empty values count as unset. The error names every missing or malformed
// variable, never its value when it is a secret. Later options passed to
// [New] override these.
func EnvOptions(lookup func(string) (string, bool)) ([]Option, error) {
	if lookup == nil {
		return nil, errors.New("genesys: EnvOptions: nil lookup")
	}
	get := func(name string) string {
		v, _ := lookup(name)
		return strings.TrimSpace(v)
	}
	var (
		opts []Option
		errs []error
	)
	id, sec := get(EnvClientID), get(EnvClientSecret)
	if id == "" {
		errs = append(errs, fmt.Errorf("genesys: %s is not set", EnvClientID))
	}
	if sec == "" {
		errs = append(errs, fmt.Errorf("genesys: %s is not set", EnvClientSecret))
	}
	if id != "" && sec != "" {
		opts = append(opts, WithCredentials(id, sec))
	}
	region, base, token := get(EnvRegion), get(EnvBaseURL), get(EnvTokenURL)
	switch {
	case base != "":
		if _, err := checkURL(base); err != nil {
			errs = append(errs, fmt.Errorf("genesys: %s: %w", EnvBaseURL, err))
		} else {
			opts = append(opts, WithBaseURL(base))
		}
		if region != "" {
			if _, ok := lookupRegion(region); !ok {
				errs = append(errs, fmt.Errorf("genesys: %s: unknown region %q", EnvRegion, region))
			}
		}
	case region != "":
		if _, ok := lookupRegion(region); !ok {
			errs = append(errs, fmt.Errorf("genesys: %s: unknown region %q (known: %s)", EnvRegion, region, strings.Join(Regions(), ", ")))
		} else {
			opts = append(opts, WithRegion(region))
		}
	default:
		errs = append(errs, fmt.Errorf("genesys: neither %s nor %s is set", EnvRegion, EnvBaseURL))
	}
	if token != "" {
		if _, err := checkURL(token); err != nil {
			errs = append(errs, fmt.Errorf("genesys: %s: %w", EnvTokenURL, err))
		} else {
			opts = append(opts, WithTokenURL(token))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return opts, nil
}

// HasEnvCredentials reports whether GENESYS_CLIENT_ID and
// GENESYS_CLIENT_SECRET are both set (non-empty), so a program can choose
// between the real API and the fake (genesystest).
func HasEnvCredentials(lookup func(string) (string, bool)) bool {
	if lookup == nil {
		return false
	}
	id, _ := lookup(EnvClientID)
	sec, _ := lookup(EnvClientSecret)
	return strings.TrimSpace(id) != "" && strings.TrimSpace(sec) != ""
}
