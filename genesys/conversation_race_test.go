//go:build race

package genesys

const raceEnabled = true
