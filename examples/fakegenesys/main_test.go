package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunServesAndStops(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", "3", "-conversations", "500",
			"-client-id", "me", "-client-secret", "s3cret"}, pw, io.Discard)
		_ = pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	require.NotEmpty(t, base, line)
	go func() { _, _ = io.Copy(io.Discard, pr) }()

	tokenStatus := func(id, secret string) int {
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/oauth/token",
			strings.NewReader(url.Values{"grant_type": {"client_credentials"}}.Encode()))
		require.NoError(t, err)
		req.SetBasicAuth(id, secret)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, http.StatusOK, tokenStatus("me", "s3cret"))
	assert.Equal(t, http.StatusUnauthorized, tokenStatus("me", "wrong"))

	cancel()
	require.NoError(t, <-done)
}

func TestRunRejectsBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-error-rate", "2"},
		{"-start", "yesterday"},
		{"-period-days", "0"},
		{"-addr", "127.0.0.1:0", "extra"},
	} {
		err := run(t.Context(), args, io.Discard, io.Discard)
		assert.Error(t, err, args)
	}
}
