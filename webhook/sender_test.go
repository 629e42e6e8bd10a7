package webhook

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTestSender builds a loopback sender on a fake clock; it is closed at
// cleanup if the test did not close it.
func newTestSender(t *testing.T, url string, secrets []string, ft *fakeTime, opts ...Option) *Sender {
	t.Helper()
	base := []Option{WithAllowLoopback(), WithClock(ft.Now), WithSleep(ft.Sleep), WithJitter(0)}
	s, err := NewSender(url, secrets, append(base, opts...)...)
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _ = s.Close(ctx)
	})
	return s
}

func TestSenderDeliversSignedInOrder(t *testing.T) {
	t.Parallel()
	secret, old := testSecret(t), testSecret(t)
	ft := newFakeTime()
	v, err := NewVerifier([]string{secret}, WithVerifierClock(ft.Now))
	require.NoError(t, err)
	vOld, err := NewVerifier([]string{old}, WithVerifierClock(ft.Now))
	require.NoError(t, err)
	rc := newReceiver(t, v, status(http.StatusNoContent))
	var reps reports
	s := newTestSender(t, rc.srv.URL+"/hooks?team=a", []string{secret, old}, ft, WithObserver(reps.add))

	for i := int64(1); i <= 5; i++ {
		require.NoError(t, s.Send(t.Context(), batchEvent(i)))
	}
	require.NoError(t, s.Send(t.Context(), Event{ID: "msg_done", Data: ExportCompleted{ExportID: "exp-1", Batches: 5}}))
	left, err := s.Close(t.Context())
	require.NoError(t, err)
	assert.Empty(t, left)
	assert.Zero(t, s.Pending())

	got := rc.deliveries()
	require.Len(t, got, 6)
	for i, d := range got {
		assert.NoError(t, d.err, "delivery %d verifies", i)
		_, err := vOld.Verify(d.header, d.body)
		assert.NoError(t, err, "the old secret verifies too (rotation)")
		assert.Equal(t, "application/json", d.header.Get("Content-Type"))
		ev, err := ParseEvent(d.body)
		require.NoError(t, err)
		if i < 5 {
			assert.Equal(t, int64(i+1), ev.Data.(BatchCompleted).Sequence, "in order")
			assert.Regexp(t, `^msg_[a-z2-7]{26}$`, d.header.Get(HeaderID))
		} else {
			assert.Equal(t, "msg_done", d.header.Get(HeaderID))
			assert.Equal(t, ft.Now(), ev.Timestamp, "zero timestamp gets the clock")
		}
	}
	for _, r := range reps.get() {
		assert.Equal(t, OutcomeDelivered, r.Outcome)
		assert.Equal(t, http.StatusNoContent, r.StatusCode)
		assert.NoError(t, r.Err)
	}
	assert.ErrorIs(t, s.Send(t.Context(), batchEvent(9)), ErrClosed)
	left, err = s.Close(t.Context())
	assert.NoError(t, err, "second Close")
	assert.Empty(t, left)
}

func TestSenderRetrySchedule(t *testing.T) {
	t.Parallel()
	secret := testSecret(t)
	ft := newFakeTime()
	v, err := NewVerifier([]string{secret}, WithVerifierClock(ft.Now))
	require.NoError(t, err)
	rc := newReceiver(t, v, status(http.StatusInternalServerError))
	var reps reports
	s := newTestSender(t, rc.srv.URL, []string{secret}, ft, WithObserver(reps.add))
	start := ft.Now()
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	_, err = s.Close(t.Context()) // drains: every attempt fails, then the message is given up
	require.NoError(t, err)

	assert.Equal(t, DefaultRetrySchedule()[1:], ft.Sleeps(), "sleeps before attempts 2..8")
	got := rc.deliveries()
	require.Len(t, got, len(DefaultRetrySchedule()))
	elapsed := time.Duration(0)
	for i, d := range got {
		elapsed += DefaultRetrySchedule()[i]
		assert.NoError(t, d.err, "attempt %d signed freshly for its own timestamp", i+1)
		assert.Equal(t, got[0].header.Get(HeaderID), d.header.Get(HeaderID), "same id on every attempt")
		assert.Equal(t, strconv.FormatInt(start.Add(elapsed).Unix(), 10), d.header.Get(HeaderTimestamp))
		if i > 0 {
			assert.NotEqual(t, got[i-1].header.Get(HeaderSignature), d.header.Get(HeaderSignature))
		}
	}
	rs := reps.get()
	require.Len(t, rs, 8)
	for i, r := range rs[:7] {
		assert.Equal(t, OutcomeRetrying, r.Outcome)
		assert.Equal(t, i+1, r.Attempt)
		assert.Equal(t, DefaultRetrySchedule()[i+1], r.NextDelay)
		var se *StatusError
		require.ErrorAs(t, r.Err, &se)
		assert.Equal(t, 500, se.StatusCode)
	}
	assert.Equal(t, OutcomeFailed, rs[7].Outcome)
}

func TestSenderRetryAfter(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	rc := newReceiver(t, nil, func(n int, w http.ResponseWriter) {
		switch n {
		case 1:
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case 2:
			w.Header().Set("Retry-After", ft.Now().Add(time.Hour).Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case 3:
			w.Header().Set("Retry-After", "1") // shorter than the schedule: the schedule wins
			w.WriteHeader(http.StatusBadGateway)
		case 4:
			w.Header().Set("Retry-After", "86400") // capped
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.WriteHeader(http.StatusOK)
		}
	})
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, ft,
		WithRetrySchedule(0, 5*time.Second, 5*time.Minute, 30*time.Minute, time.Minute, time.Minute),
		WithMaxRetryAfter(2*time.Hour))
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{120 * time.Second, time.Hour, 30 * time.Minute, 2 * time.Hour}, ft.Sleeps())
	assert.Len(t, rc.deliveries(), 5)
}

func TestSenderJitter(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	rc := newReceiver(t, nil, status(http.StatusBadGateway))
	sched := []time.Duration{0}
	for range 20 {
		sched = append(sched, 10*time.Second)
	}
	var reps reports
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, ft, WithRetrySchedule(sched...), WithJitter(0.5), WithObserver(reps.add))
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	sleeps := ft.Sleeps()
	require.Len(t, sleeps, 20)
	distinct := map[time.Duration]bool{}
	for _, d := range sleeps {
		assert.GreaterOrEqual(t, d, 5*time.Second)
		assert.LessOrEqual(t, d, 15*time.Second)
		distinct[d] = true
	}
	assert.Greater(t, len(distinct), 1, "jittered")
	for i, r := range reps.get()[:20] {
		assert.Equal(t, sleeps[i], r.NextDelay, "the reported next delay is the one slept")
	}
}

func TestSenderGoneDisablesEndpoint(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	rc := newReceiver(t, nil, status(http.StatusGone))
	disabled := make(chan Report, 1)
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, ft, WithObserver(func(r Report) {
		if r.Outcome == OutcomeDisabled {
			disabled <- r
		}
	}))
	first, second := batchEvent(1), batchEvent(2)
	first.ID, second.ID = "msg_1", "msg_2"
	require.NoError(t, s.Send(t.Context(), first))
	require.NoError(t, s.Send(t.Context(), second))
	r := <-disabled
	assert.Equal(t, "msg_1", r.EventID)
	assert.Equal(t, http.StatusGone, r.StatusCode)
	assert.ErrorIs(t, r.Err, ErrEndpointDisabled)
	assert.True(t, s.Disabled())
	assert.ErrorIs(t, s.Send(t.Context(), batchEvent(3)), ErrEndpointDisabled)

	left, err := s.Close(t.Context())
	assert.ErrorIs(t, err, ErrEndpointDisabled)
	require.Len(t, left, 2)
	assert.Equal(t, "msg_1", left[0].ID)
	assert.Equal(t, "msg_2", left[1].ID)
	assert.Len(t, rc.deliveries(), 1, "nothing more is sent after 410")
	assert.Empty(t, ft.Sleeps(), "410 is not retried")
}

func TestSenderRedirectNotFollowed(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	var mu sync.Mutex
	followed := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		followed++
		mu.Unlock()
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved", http.StatusTemporaryRedirect)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	var reps reports
	s := newTestSender(t, srv.URL+"/hook", []string{testSecret(t)}, ft, WithObserver(reps.add), WithRetrySchedule(0, time.Second))
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	mu.Lock()
	assert.Zero(t, followed)
	mu.Unlock()
	rs := reps.get()
	require.Len(t, rs, 2)
	assert.Equal(t, http.StatusTemporaryRedirect, rs[0].StatusCode)
	assert.Equal(t, OutcomeRetrying, rs[0].Outcome)
	assert.Equal(t, OutcomeFailed, rs[1].Outcome)
}

func TestSenderTimeoutIsRetried(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	rc := newReceiver(t, nil, func(n int, w http.ResponseWriter) {
		if n == 1 {
			w.WriteHeader(http.StatusOK)
		}
	})
	// The first request hangs until the attempt times out.
	hang, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		default:
			close(hang)
			_, _ = io.Copy(io.Discard, r.Body) // lets the server notice the client hanging up
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return
		}
		rc.serve(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs first
	var reps reports
	s := newTestSender(t, srv.URL, []string{testSecret(t)}, ft, WithObserver(reps.add),
		WithAttemptTimeout(300*time.Millisecond), WithRetrySchedule(0, time.Second)) // the one real wait: a hung request timing out
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	rs := reps.get()
	require.Len(t, rs, 2)
	assert.ErrorIs(t, rs[0].Err, context.DeadlineExceeded)
	assert.Zero(t, rs[0].StatusCode)
	assert.Equal(t, OutcomeDelivered, rs[1].Outcome)
}

func TestSenderCloseHandsBackPending(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t, nil, status(http.StatusServiceUnavailable))
	attempted := make(chan struct{}, 10)
	s, err := NewSender(rc.srv.URL, []string{testSecret(t)}, WithAllowLoopback(), WithSleep(blockingSleep),
		WithObserver(func(Report) { attempted <- struct{}{} }))
	require.NoError(t, err)
	for i := int64(1); i <= 3; i++ {
		require.NoError(t, s.Send(t.Context(), batchEvent(i)))
	}
	<-attempted // the first attempt failed; the retry waits forever
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	left, err := s.Close(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	require.Len(t, left, 3)
	for i, ev := range left {
		assert.Equal(t, int64(i+1), ev.Data.(BatchCompleted).Sequence)
		assert.NotEmpty(t, ev.ID)
	}
}

func TestSenderConcurrentSends(t *testing.T) {
	t.Parallel()
	ft := newFakeTime()
	rc := newReceiver(t, nil, status(http.StatusOK))
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, ft, WithQueueSize(3))
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 5 {
				ev := batchEvent(int64(i + 1))
				ev.ID = fmt.Sprintf("msg_%d_%d", g, i)
				assert.NoError(t, s.Send(t.Context(), ev))
			}
		})
	}
	wg.Wait()
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	ids := map[string]bool{}
	for _, d := range rc.deliveries() {
		ids[d.header.Get(HeaderID)] = true
	}
	assert.Len(t, ids, 40)
}

func TestSenderSendErrors(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t, nil, status(http.StatusOK))
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, newFakeTime())
	tests := []struct {
		name string
		ev   Event
	}{
		{"no data", Event{}},
		{"bad id", Event{ID: "msg.1", Data: ExportCompleted{ExportID: "e"}}},
		{"long id", Event{ID: string(make([]byte, 129)), Data: ExportCompleted{ExportID: "e"}}},
		{"no export id", Event{Data: BatchCompleted{Sequence: 1}}},
		{"sequence 0", Event{Data: BatchCompleted{ExportID: "e"}}},
		{"unknown data", Event{Data: UnknownData{Type: "x.y"}}},
	}
	for _, tt := range tests {
		assert.Error(t, s.Send(t.Context(), tt.ev), tt.name)
	}
}

func TestSenderHTTPS(t *testing.T) {
	t.Parallel()
	got := make(chan string, 1)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Get(HeaderID)
	}))
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	s, err := NewSender(srv.URL, []string{testSecret(t)}, WithAllowLoopback(), WithTLSConfig(&tls.Config{RootCAs: pool}))
	require.NoError(t, err)
	require.NoError(t, s.Send(t.Context(), Event{ID: "msg_tls", Data: ExportCompleted{ExportID: "e"}}))
	_, err = s.Close(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "msg_tls", <-got)

	_, err = NewSender(srv.URL, []string{testSecret(t)}, WithTLSConfig(&tls.Config{InsecureSkipVerify: true})) //nolint:gosec // refused
	assert.ErrorContains(t, err, "InsecureSkipVerify")
}

func TestSenderOptionErrors(t *testing.T) {
	t.Parallel()
	_, err := NewSender("https://example.com/", []string{"whsec_short"},
		WithRetrySchedule(), WithJitter(1), WithAttemptTimeout(0), WithQueueSize(0), WithOutbox(""), WithClock(nil))
	require.Error(t, err)
	for _, want := range []string{"secret 0", "WithRetrySchedule", "WithJitter", "WithAttemptTimeout", "WithQueueSize", "WithOutbox", "WithClock"} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestOutboxSurvivesRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	secret := testSecret(t)
	down := newReceiver(t, nil, status(http.StatusServiceUnavailable))
	attempted := make(chan struct{}, 10)
	s1, err := NewSender(down.srv.URL, []string{secret}, WithAllowLoopback(), WithOutbox(dir), WithSleep(blockingSleep),
		WithObserver(func(Report) { attempted <- struct{}{} }))
	require.NoError(t, err)
	first, second := batchEvent(1), batchEvent(2)
	first.ID, second.ID = "msg_exp-1_1", "msg_exp-1_2"
	require.NoError(t, s1.Send(t.Context(), first))
	require.NoError(t, s1.Send(t.Context(), second))
	require.NoError(t, s1.Send(t.Context(), first), "a pending id is accepted once")
	// Accepted means on disk, before Send returned.
	for _, id := range []string{first.ID, second.ID} {
		_, err := os.Stat(filepath.Join(dir, id+".json"))
		require.NoError(t, err)
	}
	<-attempted
	ctx, cancel := context.WithCancel(t.Context())
	cancel() // "crash": the sender stops with both events pending
	left, err := s1.Close(ctx)
	require.Error(t, err)
	require.Len(t, left, 2)

	// Leftovers of a crash mid-write, and a damaged record.
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".tmp-123"), []byte("{"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "msg_bad.json"), []byte("{"), 0o600))

	ft := newFakeTime()
	v, err := NewVerifier([]string{secret}, WithVerifierClock(ft.Now))
	require.NoError(t, err)
	up := newReceiver(t, v, status(http.StatusOK))
	s2 := newTestSender(t, up.srv.URL, []string{secret}, ft, WithOutbox(dir))
	require.NoError(t, s2.Send(t.Context(), first), "still pending from the last run: not queued twice")
	left, err = s2.Close(t.Context())
	require.NoError(t, err)
	assert.Empty(t, left)

	got := up.deliveries()
	require.Len(t, got, 2)
	for i, d := range got {
		assert.NoError(t, d.err)
		assert.Equal(t, []string{first.ID, second.ID}[i], d.header.Get(HeaderID), "same ids, in order")
		var payload struct {
			Data struct {
				Sequence int64 `json:"sequence"`
			} `json:"data"`
		}
		require.NoError(t, json.Unmarshal(d.body, &payload))
		assert.Equal(t, int64(i+1), payload.Data.Sequence)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"msg_bad.json.corrupt"}, names, "delivered files removed, temp files cleaned")
}

func TestOutboxKeepsGivenUp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rc := newReceiver(t, nil, status(http.StatusBadRequest))
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, newFakeTime(), WithOutbox(dir), WithRetrySchedule(0, time.Second))
	require.NoError(t, s.Send(t.Context(), Event{ID: "msg_x", Data: ExportCompleted{ExportID: "e"}}))
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "msg_x.failed"))
	assert.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "msg_x.json"))
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Len(t, rc.deliveries(), 2)
}

func TestSenderResponseBodyLimited(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		_, _ = io.CopyN(w, zeros{}, 10<<20) // far more than the sender reads
	}))
	t.Cleanup(srv.Close)
	var reps reports
	s := newTestSender(t, srv.URL, []string{testSecret(t)}, newFakeTime(), WithObserver(reps.add))
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	_, err := s.Close(t.Context())
	require.NoError(t, err)
	require.Len(t, reps.get(), 1)
	assert.Equal(t, OutcomeDelivered, reps.get()[0].Outcome)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestRetryAfterParsing(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"0", 0}, {"-5", 0}, {"30", 30 * time.Second}, {" 7 ", 7 * time.Second}, {"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"99999999999999", 365 * 24 * time.Hour},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, retryAfterOf(tt.in, now), "%q", tt.in)
	}
}

func TestSenderBlockedSendSeesDisable(t *testing.T) {
	t.Parallel()
	rc := newReceiver(t, nil, status(http.StatusGone))
	s := newTestSender(t, rc.srv.URL, []string{testSecret(t)}, newFakeTime(), WithQueueSize(1))
	require.NoError(t, s.Send(t.Context(), batchEvent(1)))
	// The queue is full until the first message is done; it never is.
	assert.ErrorIs(t, s.Send(t.Context(), batchEvent(2)), ErrEndpointDisabled)
	left, err := s.Close(t.Context())
	assert.ErrorIs(t, err, ErrEndpointDisabled)
	assert.Len(t, left, 1)
}

func TestIDFor(t *testing.T) {
	t.Parallel()
	a := IDFor("exp/1", "batch", "17")
	assert.Equal(t, a, IDFor("exp/1", "batch", "17"))
	assert.NotEqual(t, a, IDFor("exp/1", "batch", "18"))
	assert.NotEqual(t, IDFor("ab", "c"), IDFor("a", "bc"))
	assert.NoError(t, checkID(a))
	assert.Regexp(t, `^msg_[a-z2-7]{26}$`, a)
}
