"""Fault drill for the store (run by script/drill-store): the store goes away in the middle of a run of chat turns
and comes back.

- sqlite: another process (this one, through Python's sqlite3) holds `BEGIN EXCLUSIVE` on the database file, then
  rolls back. In WAL mode that blocks writers only: pages still render, sending waits GRDB's 5 s busy timeout.
- mongo: the wire-protocol peer (with --state, so it keeps what it acknowledged, like a journaled server) is
  killed with SIGKILL, then started again on the same port.

Shoppers keep sending (half with the page script's fetch, half as plain form posts) before, during and after the
fault. Violations: any 5xx other than 503, any 503 without `Retry-After` or without the "cannot reach its data"
copy, a connection error (a crashed server), no 503 at all during the fault (the drill did nothing), anything but
success once the store is back (after a grace period), a successful turn whose message is not stored exactly once,
a server that died. A shopper who gets a 503 sends the same text again with the same turn key (what the 503 page's
form and the page script do) until it goes through, so "stored exactly once" covers messages that were stored
before their turn failed. Reported, not violations: whether a 503 page keeps the typed text.
"""

import argparse
import os
import re
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import webclient  # noqa: E402

UNAVAILABLE_COPY = 'cannot reach its data'
RECOVERY_GRACE = 3.0  # seconds after the store is back before every turn must succeed


class Run:
    """Shoppers sending turns in a loop; each result is tagged with the phase at its start and end."""

    def __init__(self, url, shoppers):
        self.url = url
        self.phase = 'before'
        self.results = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.shoppers = shoppers
        self.threads = []

    def start(self):
        for index, (browser, csrf) in enumerate(self.shoppers):
            thread = threading.Thread(target=self._loop, args=(index, browser, csrf), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _fresh_key(self, browser, response=None):
        """A turn key the site handed out (it refuses any other): the reply's next one, as the page script takes it,
        else the one on a fresh chat page."""
        if response is not None:
            match = re.search(r'data-next-turn="([^"]+)"', response.text)
            if match:
                return match.group(1)
        while not self.stop.is_set():
            try:
                page = browser.get('/chat?c=new')
                match = re.search(r'name="turn"[^>]*value="([^"]+)"', page.text)
                if page.status == 200 and match:
                    return match.group(1)
            except OSError:
                browser.close()
            time.sleep(0.25)
        return None

    def _loop(self, index, browser, csrf):
        number = 0
        fetch = index % 2 == 0
        text = key = None
        next_key = self._fresh_key(browser)
        resend = False
        while not self.stop.is_set():
            if text is None:
                text = 'Where is my order? (drill shopper %d turn %d)' % (index, number)
                key, next_key = next_key or self._fresh_key(browser), None
                number, resend = number + 1, False
            started_phase, started = self.phase, time.monotonic()
            try:
                response = browser.send(csrf, text, fetch=fetch, turn=key)
                status, body, retry_after = response.status, response.text, response.header('Retry-After')
            except OSError as error:
                status, body, retry_after = 'connection error (%s)' % type(error).__name__, '', None
                browser.close()
            with self.lock:
                self.results.append({'text': text, 'fetch': fetch, 'status': status, 'body': body,
                                     'retry_after': retry_after, 'started': started, 'ended': time.monotonic(),
                                     'phase': started_phase, 'ended_phase': self.phase, 'resend': resend})
            if status == 503:
                # What a person does with the 503 page's form (or the script's text area): send the same text
                # again, with the same turn key, until it goes through.
                resend = True
                time.sleep(0.25)
            else:
                text = None
                if status == 200:
                    next_key = self._fresh_key(browser, response)
                time.sleep(0.05)

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--concierge', required=True)
    parser.add_argument('--work', required=True)
    parser.add_argument('--store', choices=['sqlite', 'mongo', 'both'], default='both')
    parser.add_argument('--shoppers', type=int, default=4)
    parser.add_argument('--fault-seconds', type=float, default=12.0)
    arguments = parser.parse_args()
    violations = []
    for store in (['sqlite', 'mongo'] if arguments.store == 'both' else [arguments.store]):
        violations += drill(store, arguments)
    for violation in violations:
        print('VIOLATION: ' + violation)
    print('drill-store: %d violations' % len(violations))
    return 1 if violations else 0


def drill(store, arguments):
    work = os.path.join(arguments.work, store)
    os.makedirs(work)
    log = os.path.join(work, 'concierge.log')
    env = {'DAILY_MESSAGE_LIMIT': 100000}
    peer = None
    if store == 'sqlite':
        env['CONCIERGE_DB'] = os.path.join(work, 'drill.sqlite')
    else:
        port, state = harness.free_port(), os.path.join(work, 'peer.state')
        peer = harness.MongoPeer(os.path.join(work, 'peer.log'), port=port, state=state)
        # Short server-selection and socket timeouts, so that requests fail in seconds rather than libmongoc's
        # default 30 s when the server is gone (what a deployment should set too; see BENCHMARKS.md).
        env['MONGODB_URI'] = ('mongodb://127.0.0.1:%d/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000'
                              '&socketTimeoutMS=5000' % port)
        env['MONGODB_DATABASE'] = 'drill'
    env = harness.concierge_env(env)
    print('drill-store [%s]: seeding' % store, flush=True)
    harness.run_concierge(arguments.concierge, ['seed', '--users', '20', '--seed', '7'], env, log)
    server = harness.Server(arguments.concierge, env, os.path.join(work, 'serve.log'))
    shoppers = []
    for index in range(arguments.shoppers + 1):  # the last one only looks at pages during the fault
        browser = webclient.Browser(server.url, timeout=60)
        email = 'store-drill-%d@example.test' % index
        browser.signup('Store Drill %d' % index, email, 'store-drill-password-%d' % index)
        browser.login(email, 'store-drill-password-%d' % index)
        shoppers.append((browser, browser.chat_csrf()))

    observer = shoppers.pop()[0]
    run = Run(server.url, shoppers)
    run.start()
    time.sleep(3)
    fault = SQLiteLock(env['CONCIERGE_DB']) if store == 'sqlite' else PeerOutage(peer, work)
    print('drill-store [%s]: %s' % (store, fault.describe()), flush=True)
    fault_started = time.monotonic()
    run.phase = 'fault'
    fault.begin()
    probes = _probe_pages(server.url, observer, arguments.fault_seconds / 2)
    time.sleep(max(0.0, arguments.fault_seconds - (time.monotonic() - fault_started)))
    run.phase = 'recovering'
    fault.end()
    back = time.monotonic()
    print('drill-store [%s]: the store is back after %.1f s' % (store, back - fault_started), flush=True)
    time.sleep(RECOVERY_GRACE)
    run.phase = 'after'
    time.sleep(5)
    run.finish()
    health = webclient.Browser(server.url).get('/healthz').status
    alive = server.alive()
    server.stop()
    stored = harness.stored_messages(arguments.concierge, env, work, role='shopper')
    if peer is not None:
        fault.stop()
    return _report(store, run.results, stored, probes, health, alive, back, fault.describe())


class SQLiteLock:
    def __init__(self, path):
        self.path = path
        self.connection = None

    def describe(self):
        return 'another process holds BEGIN EXCLUSIVE on the database file, then rolls back'

    def begin(self):
        self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
        self.connection.execute('BEGIN EXCLUSIVE')

    def end(self):
        self.connection.execute('ROLLBACK')
        self.connection.close()


class PeerOutage:
    def __init__(self, peer, work):
        self.peer, self.work = peer, work
        self.port = peer.port

    def describe(self):
        return 'the MongoDB peer is killed with SIGKILL, then started again on port %d' % self.port

    def begin(self):
        self.peer.kill()

    def end(self):
        self.peer = harness.MongoPeer(os.path.join(self.work, 'peer-restarted.log'), port=self.port,
                                      state=os.path.join(self.work, 'peer.state'))

    def stop(self):
        self.peer.kill()


def _probe_pages(url, signed_in, within):
    """What a shopper sees on other pages during the fault: the chat page, the login page and /healthz."""
    time.sleep(min(2.0, within))
    probes = {}
    for name, browser, path in [('GET /chat', signed_in, '/chat'), ('GET /login', webclient.Browser(url), '/login'),
                                ('GET /healthz', webclient.Browser(url), '/healthz')]:
        try:
            started = time.monotonic()
            probes[name] = '%d in %.1f s' % (browser.get(path).status, time.monotonic() - started)
        except OSError as error:
            probes[name] = 'connection error (%s)' % type(error).__name__
    return probes


def _report(store, results, stored, probes, health, alive, back, description):
    violations = []
    tag = '[%s]' % store
    by_phase = {}
    for result in results:
        key = result['phase']
        if result['ended_phase'] != key:
            key += '→' + result['ended_phase']
        by_phase.setdefault(key, {}).setdefault(str(result['status']), 0)
        by_phase[key][str(result['status'])] += 1
        result['stored'] = stored.get(result['text'], 0)
        _check(result, back, tag, violations)
    unavailable = [result for result in results if result['status'] == 503]
    if not unavailable:
        violations.append('%s no 503 during the fault: the drill did not take the store away' % tag)
    if not any(result['phase'] == 'after' for result in results):
        violations.append('%s no turn was sent after the store came back' % tag)
    if not alive:
        violations.append('%s the server died' % tag)
    if health != 200:
        violations.append('%s /healthz answers %d after recovery' % (tag, health))
    plain = [result for result in unavailable if not result['fetch']]
    kept = [result for result in plain if result['text'] in _unescaped(result['body'])]
    resent_ok = [result for result in results if result['resend'] and result['status'] in (200, 303)]
    oks = [result for result in results if result['status'] in (200, 303)]
    print()
    print('drill-store %s: %s' % (tag, description))
    for phase, counts in by_phase.items():  # in order of first appearance; "a→b": started in a, ended in b
        print('  %-18s %s' % (phase, ', '.join('%s × %d' % item for item in sorted(counts.items()))))
    for name, value in probes.items():
        print('  during the fault   %s → %s' % (name, value))
    slowest = max((result['ended'] - result['started'] for result in unavailable), default=0)
    print('  503 answers: %d (slowest %.1f s), all with Retry-After: %s'
          % (len(unavailable), slowest, 'yes' if all(r['retry_after'] for r in unavailable) else 'NO'))
    print('  slowest turn of the run: %.1f s' % max(result['ended'] - result['started'] for result in results))
    print('  successful turns: %d, each message stored exactly once: %s'
          % (len(oks), 'yes' if all(result['stored'] == 1 for result in oks) else 'NO'))
    print('  messages answered on a resend with the same turn key: %d, each stored exactly once: %s'
          % (len(resent_ok), 'yes' if all(result['stored'] == 1 for result in resent_ok) else 'NO'))
    print('  plain-form 503 pages that keep the typed text: %d of %d; with the page script (fetch) the text stays in'
          ' the text area (Public/app.js clears it only on success): %d fetch 503s'
          % (len(kept), len(plain), len(unavailable) - len(plain)))
    first_ok = min((result['ended'] for result in results
                    if result['started'] >= back and result['status'] in (200, 303)), default=None)
    print('  first success after the store came back: %s'
          % ('%.1f s later' % (first_ok - back) if first_ok else 'none'))
    print('  server alive: %s; /healthz after: %d' % ('yes' if alive else 'NO', health))
    return violations


def _check(result, back, tag, violations):
    label = '%s %s "%s"' % (tag, result['phase'], result['text'])
    status = result['status']
    if not isinstance(status, int):
        violations.append('%s: %s' % (label, status))
        return
    if status >= 500 and status != 503:
        violations.append('%s: answered %d' % (label, status))
    if status == 503:
        if not result['retry_after']:
            violations.append('%s: a 503 without Retry-After' % label)
        if UNAVAILABLE_COPY not in result['body']:
            violations.append('%s: a 503 without the "cannot reach its data" copy' % label)
    if status in (200, 303) and result['stored'] != 1:
        violations.append('%s: answered %d but the message is stored %d times' % (label, status, result['stored']))
    if result['started'] >= back + RECOVERY_GRACE and status not in (200, 303):
        violations.append('%s: answered %d after the store came back' % (label, status))
    if status not in (200, 303, 503):
        violations.append('%s: unexpected status %d' % (label, status))


def _unescaped(body):
    import html
    return html.unescape(body)


if __name__ == '__main__':
    sys.exit(main())
