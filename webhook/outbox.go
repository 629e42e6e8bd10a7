package webhook

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The outbox keeps one file per accepted, undelivered message in its
// directory: <webhook-id>.json, written to a temporary file, fsynced,
// renamed into place and the directory fsynced, all before Send returns.
// A delivered message's file is removed; one that exhausted its retries is
// renamed to <webhook-id>.failed for an operator to look at. On start every
// *.json file is queued again, in the order the messages were accepted.
// Temporary files left by a crash are removed. One Sender per directory.

const (
	pendingExt = ".json"
	failedExt  = ".failed"
	corruptExt = ".corrupt"
	tempPrefix = ".tmp-"
)

type outbox struct {
	dir string
}

// message is one accepted notification.
type message struct {
	id       string
	seq      int64     // acceptance order
	accepted time.Time // when Send accepted it
	typ      EventType
	body     []byte // the signed payload, exactly as sent
	event    Event  // what the caller gave (decoded again after a restart)
}

func openOutbox(dir string) (*outbox, error) {
	if dir == "" {
		return nil, errors.New("empty directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &outbox{dir: dir}, nil
}

func (o *outbox) path(id, ext string) string { return filepath.Join(o.dir, id+ext) }

// record is a message's file content.
func (m *message) record() []byte {
	ob := newObject(make([]byte, 0, len(m.body)+160))
	ob.int("version", 1)
	ob.str("id", m.id)
	ob.int("seq", m.seq)
	ob.time("accepted", m.accepted)
	ob.str("body", string(m.body))
	return append(ob.end(), '\n')
}

func parseRecord(data []byte) (*message, error) {
	f, err := decodeObject(data, "outbox record")
	if err != nil {
		return nil, err
	}
	d := decoder{f: f}
	v := d.int("version", true)
	m := &message{
		id:       d.str("id", true),
		seq:      d.int("seq", true),
		accepted: d.time("accepted"),
	}
	body := d.str("body", true)
	if d.err != nil {
		return nil, d.err
	}
	if v != 1 {
		return nil, fmt.Errorf("outbox record version %d", v)
	}
	if err := checkID(m.id); err != nil {
		return nil, err
	}
	m.body = []byte(body)
	ev, err := ParseEvent(m.body)
	if err != nil {
		return nil, err
	}
	ev.ID = m.id
	m.event = ev
	m.typ = ev.Type()
	return m, nil
}

// put writes m durably; it reports whether the file already existed (the
// message is pending already, nothing is written).
func (o *outbox) put(m *message) (exists bool, err error) {
	final := o.path(m.id, pendingExt)
	if _, err := os.Lstat(final); err == nil {
		return true, nil
	}
	f, err := os.CreateTemp(o.dir, tempPrefix+"*")
	if err != nil {
		return false, err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if _, err = f.Write(m.record()); err != nil {
		_ = f.Close()
		return false, err
	}
	if err = f.Sync(); err != nil {
		_ = f.Close()
		return false, err
	}
	if err = f.Close(); err != nil {
		return false, err
	}
	if err = os.Rename(tmp, final); err != nil {
		return false, err
	}
	return false, o.syncDir()
}

func (o *outbox) syncDir() error {
	d, err := os.Open(o.dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// done removes a delivered message's file.
func (o *outbox) done(id string) error {
	if err := os.Remove(o.path(id, pendingExt)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return o.syncDir()
}

// fail keeps a message that exhausted its retries as <id>.failed.
func (o *outbox) fail(id string) error {
	if err := os.Rename(o.path(id, pendingExt), o.path(id, failedExt)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return o.syncDir()
}

// load returns the pending messages in acceptance order, removes leftover
// temporary files and renames unreadable records to <name>.corrupt.
func (o *outbox) load() ([]*message, error) {
	entries, err := os.ReadDir(o.dir)
	if err != nil {
		return nil, err
	}
	var msgs []*message
	var errs []error
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(o.dir, name)
		switch {
		case !e.Type().IsRegular():
			continue
		case strings.HasPrefix(name, tempPrefix):
			_ = os.Remove(p) // never renamed into place: Send did not return nil for it
		case strings.HasSuffix(name, pendingExt):
			data, err := os.ReadFile(p)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			m, err := parseRecord(data)
			if err == nil && m.id+pendingExt != name {
				err = errors.New("file name does not match its id")
			}
			if err != nil {
				_ = os.Rename(p, p+corruptExt)
				continue
			}
			msgs = append(msgs, m)
		}
	}
	slices.SortFunc(msgs, func(a, b *message) int { return cmp.Compare(a.seq, b.seq) })
	return msgs, errors.Join(errs...)
}
