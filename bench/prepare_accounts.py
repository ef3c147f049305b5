"""Gives seeded shoppers a known password, for load tests on an embedded (SQLite) store that nothing else uses.

Seeded shoppers have no password. This sets one bcrypt hash (libxcrypt's `$2b$` through Python's crypt module, the
same format the app writes) on `--count` of them, taken in id order after `--offset`, and writes "e-mail<TAB>password"
lines to `--out`. The server must not be running (it caches nothing about users, but writes would contend).

Usage: /usr/bin/python3 bench/prepare_accounts.py --db FILE --count N [--offset K] --cost C --password P --out FILE
"""

import argparse
import sqlite3
import warnings

with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)
    import crypt


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--db', required=True)
    parser.add_argument('--count', type=int, required=True)
    parser.add_argument('--offset', type=int, default=0)
    parser.add_argument('--cost', type=int, required=True)
    parser.add_argument('--password', required=True)
    parser.add_argument('--out', required=True)
    arguments = parser.parse_args()
    hashed = crypt.crypt(arguments.password, crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=2 ** arguments.cost))
    if not hashed or not hashed.startswith('$2b$%02d$' % arguments.cost):
        raise SystemExit('this Python cannot make bcrypt hashes (use Debian\'s /usr/bin/python3)')
    connection = sqlite3.connect(arguments.db, timeout=60)
    with connection:
        rows = connection.execute(
            "SELECT id, email FROM users WHERE role = 'shopper' AND passwordHash IS NULL ORDER BY id LIMIT ? OFFSET ?",
            (arguments.count, arguments.offset)).fetchall()
        if len(rows) < arguments.count:
            raise SystemExit('only %d seeded shoppers without a password' % len(rows))
        connection.executemany('UPDATE users SET passwordHash = ? WHERE id = ?', [(hashed, row[0]) for row in rows])
    connection.close()
    with open(arguments.out, 'w') as out:
        for _, email in rows:
            out.write('%s\t%s\n' % (email, arguments.password))


if __name__ == '__main__':
    main()
