package genesys

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: the
// client, its token refresh and the pacers must stop everything they start
// (pacers start nothing at all).
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
