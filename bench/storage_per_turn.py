#!/usr/bin/env python3
"""Bytes a chat turn costs the embedded store, with its debug trace and after the trace's retention window.

Works on a copy of the store (the original is never touched). A "turn" is an answer that carries a model prompt
in its trace (the load run's turns; seeded demo answers have tiny traces and are left out with their
conversations). The figure is page-level, what the file really grows by: the messages table and its index, measured
with SQLite's dbstat after VACUUM, three times — as stored, with every trace expired (what `concierge retention`
does after TRACE_RETENTION_DAYS), and with no messages — divided by the number of turns.

usage: bench/storage_per_turn.py STORE.sqlite
"""
import os
import shutil
import sqlite3
import sys
import tempfile


def message_bytes(db):
    db.execute("VACUUM")
    row = db.execute(
        "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN ('messages', 'messages_by_conversation')"
        " OR name LIKE 'sqlite_autoindex_messages%'").fetchone()
    return row[0]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    with tempfile.TemporaryDirectory() as work:
        copy = os.path.join(work, "store.sqlite")
        source = sqlite3.connect(sys.argv[1])
        target = sqlite3.connect(copy)
        source.backup(target)  # a consistent copy, WAL included
        source.close()
        db = target
        real = "SELECT DISTINCT conversationID FROM messages WHERE role = 'assistant' AND trace LIKE '%\"maskedPrompt\"%'"
        db.execute(f"DELETE FROM messages WHERE conversationID NOT IN ({real})")
        db.commit()
        turns = db.execute("SELECT COUNT(*) FROM messages WHERE role = 'assistant' AND trace IS NOT NULL").fetchone()[0]
        if turns == 0:
            sys.exit("no turns with a model prompt in the store: run some chat turns first")
        payload = db.execute("SELECT AVG(LENGTH(trace)) FROM messages WHERE trace IS NOT NULL").fetchone()[0]
        stored = message_bytes(db)
        db.execute("UPDATE messages SET trace = NULL")
        db.commit()
        expired = message_bytes(db)
        db.execute("DELETE FROM messages")
        db.commit()
        empty = message_bytes(db)
        db.close()
    print(f"turns measured: {turns} (average trace {payload:.0f} bytes of JSON)")
    print(f"bytes per turn, with its trace:         {(stored - empty) / turns:8.0f}")
    print(f"bytes per turn, after the trace window: {(expired - empty) / turns:8.0f}")


if __name__ == "__main__":
    main()
