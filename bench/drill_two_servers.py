"""Two `concierge serve` processes on one SQLite file (run by script/drill-two-servers): what two instances behind a
load balancer do. The login and signup throttles count in the store (issue 13, item 8), so:

1. an account made on server A logs in on server B (one store);
2. five failed logins spread over A and B lock the account on both: the right password then gets 429 and
   `Retry-After` from either server (with per-process counts, each server would have allowed five, and B would log in);
   like a load balancer without sticky sessions, some take the form from one server and post it to the other (both
   share `FORM_SIGNING_KEY`, so the form's CSRF token holds on either);
3. the sixth signup from one address within a day is refused (429) whichever server it reaches.

Violations are printed; exits 1 on any. Never part of script/test.
"""

import argparse
import base64
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import webclient  # noqa: E402

PASSWORD = 'two-servers-password'


def signup(url, email):
    browser = webclient.Browser(url)
    page = browser.get('/signup')
    return browser.post_form('/signup', [('csrf', page.csrf() or ''), ('name', 'Two Servers'), ('email', email),
                                         ('password', PASSWORD), ('city', 'London'), ('temperature', 'hot')])


def login(url, email, password, post_to=None):
    """The login form from `url`, posted to `post_to` (another server) or back to `url`."""
    browser = webclient.Browser(url)
    page = browser.get('/login')
    poster = webclient.Browser(post_to or url)
    poster.cookies = dict(browser.cookies)
    return poster.post_form('/login', [('csrf', page.csrf() or ''), ('email', email), ('password', password)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--concierge', required=True)
    parser.add_argument('--work', required=True)
    arguments = parser.parse_args()
    # The production limits (harness.concierge_env lifts the signup limits for the other drills).
    env = harness.concierge_env({'CONCIERGE_DB': os.path.join(arguments.work, 'shared.sqlite'),
                                 'SIGNUP_LIMIT_PER_ADDRESS': 5, 'SIGNUP_LIMIT_GLOBAL': 100,
                                 'FORM_SIGNING_KEY': base64.b64encode(os.urandom(32)).decode()})
    harness.run_concierge(arguments.concierge, ['seed', '--users', '5', '--seed', '7'], env,
                          os.path.join(arguments.work, 'seed.log'))
    servers = [harness.Server(arguments.concierge, env, os.path.join(arguments.work, 'serve-%s.log' % name))
               for name in ('a', 'b')]
    violations = []

    def expect(condition, text):
        print('  %s %s' % ('ok  ' if condition else 'FAIL', text), flush=True)
        if not condition:
            violations.append(text)

    try:
        a, b = servers[0].url, servers[1].url
        print('drill-two-servers: A %s and B %s over one SQLite file' % (a, b), flush=True)
        email = 'two-servers@example.test'
        made = signup(a, email)
        expect(made.status == 303, 'signup on A answers 303 (got %d)' % made.status)
        good = login(b, email, PASSWORD)
        expect(good.status == 303 and good.header('Location') == '/chat',
               'the account made on A logs in on B (got %d)' % good.status)
        routes = [(a, None), (a, b), (b, None), (b, a), (a, None)]
        for attempt, (url, post_to) in enumerate(routes, start=1):
            failed = login(url, email, 'not-the-password', post_to=post_to)
            route = ('form from %s, posted to %s' % ('A' if url == a else 'B', 'A' if post_to == a else 'B')
                     if post_to else 'on %s' % ('A' if url == a else 'B'))
            expect(failed.status == 422, 'failed login %d (%s) answers 422 (got %d)' % (attempt, route, failed.status))
        for name, url in (('B', b), ('A', a)):
            locked = login(url, email, PASSWORD)
            expect(locked.status == 429 and locked.header('Retry-After') is not None,
                   'after 5 failures over both servers, the right password on %s gets 429 with Retry-After '
                   '(got %d, Retry-After %s)' % (name, locked.status, locked.header('Retry-After')))
        for number in range(2, 6):
            url = b if number % 2 == 0 else a
            made = signup(url, 'two-servers-%d@example.test' % number)
            expect(made.status == 303, 'signup %d from this address on %s answers 303 (got %d)'
                   % (number, 'A' if url == a else 'B', made.status))
        sixth = signup(b, 'two-servers-6@example.test')
        expect(sixth.status == 429, 'the 6th signup from this address, on B, answers 429 (got %d)' % sixth.status)
        for server in servers:
            expect(server.alive(), 'server %s is alive' % server.url)
    finally:
        for server in servers:
            server.stop()
    print('drill-two-servers: %d violations' % len(violations))
    return 1 if violations else 0


if __name__ == '__main__':
    sys.exit(main())
