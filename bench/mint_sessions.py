"""Logs accounts in over HTTP (the real /login: form cookie, signed CSRF token, bcrypt check, new session) and writes
one "session-cookie<TAB>csrf-token" line per account, for bench/chat.lua. Prints how long it took.

Usage: /usr/bin/python3 bench/mint_sessions.py --url http://127.0.0.1:PORT --accounts FILE --out FILE [--parallel N]
"""

import argparse
import concurrent.futures
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webclient  # noqa: E402


def mint(url, email, password):
    browser = webclient.Browser(url)
    browser.login(email, password)
    csrf = browser.chat_csrf()
    cookie = browser.cookies['concierge_session']
    browser.close()
    return cookie, csrf


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--url', required=True)
    parser.add_argument('--accounts', required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--parallel', type=int, default=4)
    arguments = parser.parse_args()
    with open(arguments.accounts) as file:
        accounts = [line.rstrip('\n').split('\t') for line in file if line.strip()]
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(arguments.parallel) as pool:
        sessions = list(pool.map(lambda account: mint(arguments.url, *account), accounts))
    seconds = time.monotonic() - started
    with open(arguments.out, 'w') as out:
        for cookie, csrf in sessions:
            out.write('%s\t%s\n' % (cookie, csrf))
    print('minted %d sessions in %.1f s (login + chat page each)' % (len(sessions), seconds))


if __name__ == '__main__':
    main()
