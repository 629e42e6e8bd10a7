// Package filter builds, checks and compiles Genesys Cloud conversation
// detail filters.
//
// (Full package documentation follows in a later commit.)
package filter
