"""Fault drill for the model (run by script/drill-llm): `concierge serve` with the real libcurl client pointed at the
fake OpenAI server, one fault at a time, chat turns sent over HTTP by several logged-in shoppers at once.

Every turn must: answer 200 with the shopper's bubble and a reply bubble, within LLM_DEADLINE_MS plus the stated
slack, after at most LLM_MAX_ATTEMPTS model attempts (read from the stored trace), with the shopper's message
stored exactly once and the reply stored. Prints one row per fault and exits 1 on any violation.
"""

import argparse
import concurrent.futures
import json
import os
import sqlite3
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import webclient  # noqa: E402

TIMEOUT_MS = 1500
DEADLINE_MS = 4000
MAX_ATTEMPTS = 3
SLACK_MS = 1000  # the server's own work around the model call, on a shared 2-core machine with a debug build
GOOD = '200:text=Happy to help with that.'
BAD_CLAIM = 'Use code FAKE50 for 50% off today.'  # a coupon and a percentage no context holds: the guard refuses


class Mode:
    def __init__(self, name, what, default, responses=(), expect='fallback', per_turn=False, closed=False):
        self.name, self.what, self.default, self.responses = name, what, default, list(responses)
        self.expect, self.per_turn, self.closed = expect, per_turn, closed


MODES = [
    Mode('healthy', 'answers at once', GOOD, expect='model'),
    Mode('slow-in-time', '800 ms per answer, under the 1.5 s attempt timeout', '200:delay-ms=800,text=Happy to help.',
         expect='model'),
    Mode('slow', '2 s per answer, over the 1.5 s attempt timeout', '200:delay-ms=2000,text=Too late.'),
    Mode('hang', 'reads the request, never answers', 'hang:ms=20000'),
    Mode('429', '429 with Retry-After: 1', '429:retry-after=1'),
    Mode('429-long', '429 with Retry-After: 30 (beyond the 4 s cap)', '429:retry-after=30'),
    Mode('500', 'HTTP 500 every time', '500'),
    Mode('reset', 'TCP reset after reading the request', 'reset'),
    Mode('truncated', 'body shorter than its Content-Length', 'truncated'),
    Mode('malformed', '200 whose body is not JSON', 'malformed'),
    Mode('flaky', '500, then 429 (Retry-After: 1), then an answer', GOOD, ['500', '429:retry-after=1'],
         expect='model', per_turn=True),
    Mode('guard-then-hang', 'an ungrounded answer after 1.4 s, then nothing',
         'hang:ms=20000', ['200:delay-ms=1400,text=' + BAD_CLAIM], per_turn=True),
    Mode('nothing', 'no server at all (connection refused)', None, closed=True),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--concierge', required=True)
    parser.add_argument('--work', required=True)
    parser.add_argument('--shoppers', type=int, default=4, help='logged-in shoppers sending at once')
    parser.add_argument('--turns', type=int, default=8, help='turns per fault (sequential faults: a third)')
    parser.add_argument('--only', nargs='*', help='run only these faults')
    arguments = parser.parse_args()

    database = os.path.join(arguments.work, 'drill.sqlite')
    log = os.path.join(arguments.work, 'drill.log')
    base_env = harness.concierge_env({'CONCIERGE_DB': database, 'DAILY_MESSAGE_LIMIT': 1000})
    print('drill-llm: seeding a throw-away store (%s)' % database, flush=True)
    harness.run_concierge(arguments.concierge, ['seed', '--users', '40', '--seed', '7'], base_env, log)

    fake = harness.FakeLLM(os.path.join(arguments.work, 'fake-llm.log'))
    llm_env = {'LLM_MOCK': '0', 'LLM_API_KEY': 'sk-drill', 'LLM_TIMEOUT_MS': TIMEOUT_MS,
               'LLM_MAX_ATTEMPTS': MAX_ATTEMPTS, 'LLM_DEADLINE_MS': DEADLINE_MS}
    modes = [mode for mode in MODES if not arguments.only or mode.name in arguments.only]
    print('drill-llm: LLM_TIMEOUT_MS=%d LLM_DEADLINE_MS=%d LLM_MAX_ATTEMPTS=%d, slack %d ms, %d shoppers at once'
          % (TIMEOUT_MS, DEADLINE_MS, MAX_ATTEMPTS, SLACK_MS, arguments.shoppers), flush=True)

    results = []
    server = harness.Server(arguments.concierge, dict(base_env, LLM_BASE_URL=fake.base_url('drill'), **_str(llm_env)),
                            os.path.join(arguments.work, 'serve.log'))
    shoppers = _sign_in(server.url, arguments.shoppers, 'a')
    closed_port = harness.free_port()
    for mode in modes:
        if mode.closed:
            continue
        results.append(_run_mode(mode, server, fake, shoppers, arguments.turns))
    alive = server.alive()
    server.stop()
    if any(mode.closed for mode in modes):
        env = dict(base_env, LLM_BASE_URL='http://127.0.0.1:%d/v1' % closed_port, **_str(llm_env))
        server = harness.Server(arguments.concierge, env, os.path.join(arguments.work, 'serve-closed.log'))
        shoppers = _sign_in(server.url, arguments.shoppers, 'b')
        results += [_run_mode(mode, server, None, shoppers, arguments.turns) for mode in modes if mode.closed]
        alive = alive and server.alive()
        server.stop()

    violations = _verify(results, database)
    _print_table(results)
    if not alive:
        violations.append('the server died during the drill')
    for violation in violations:
        print('VIOLATION: ' + violation)
    print('drill-llm: %d faults, %d turns, %d violations'
          % (len(results), sum(len(r['turns']) for r in results), len(violations)))
    return 1 if violations else 0


def _str(values):
    return {key: str(value) for key, value in values.items()}


def _sign_in(url, count, batch):
    shoppers = []
    for index in range(count):
        browser = webclient.Browser(url)
        email = 'drill-%s%d@example.test' % (batch, index)
        browser.signup('Drill Shopper %d' % index, email, 'drill-password-%d-x' % index)
        browser.login(email, 'drill-password-%d-x' % index)
        shoppers.append((browser, browser.chat_csrf()))
    return shoppers


def _run_mode(mode, server, fake, shoppers, turns):
    session = 'drill'
    if fake is not None and not mode.per_turn:
        fake.script(session, mode.responses, mode.default)
    requests_before = len(fake.requests(session)) if fake is not None else 0
    started = time.monotonic()
    if mode.per_turn:
        count = max(2, turns // 3)
        outcomes = []
        for index in range(count):  # one at a time: each turn gets the whole script
            fake.script(session, mode.responses, mode.default)
            outcomes.append(_turn(mode, shoppers[index % len(shoppers)], index))
    else:
        with concurrent.futures.ThreadPoolExecutor(len(shoppers)) as pool:
            jobs = [pool.submit(_turns_for, mode, shopper, number, turns, len(shoppers))
                    for number, shopper in enumerate(shoppers)]
            outcomes = [outcome for job in jobs for outcome in job.result()]
    elapsed = time.monotonic() - started
    requests = len(fake.requests(session)) - requests_before if fake is not None else None
    print('  %-16s %d turns in %.1f s' % (mode.name, len(outcomes), elapsed), flush=True)
    return {'mode': mode, 'turns': outcomes, 'requests': requests}


def _turns_for(mode, shopper, number, turns, shoppers):
    return [_turn(mode, shopper, index) for index in range(number, turns, shoppers)]


def _turn(mode, shopper, index):
    browser, csrf = shopper
    text = "I'm cold, anything warm nearby? (drill %s #%d)" % (mode.name, index)
    try:
        response = browser.send(csrf, text)
        status, seconds, body = response.status, response.seconds, response.text
    except OSError as error:
        status, seconds, body = 'error: %s' % type(error).__name__, None, ''
    return {'text': text, 'status': status, 'seconds': seconds, 'bubbles': webclient.bubbles(body)}


def _verify(results, database):
    violations = []
    connection = sqlite3.connect('file:%s?mode=ro' % database, uri=True, timeout=30)
    try:
        for result in results:
            mode = result['mode']
            for turn in result['turns']:
                _check_turn(mode, turn, connection, violations)
    finally:
        connection.close()
    return violations


def _check_turn(mode, turn, connection, violations):
    label = '%s: "%s"' % (mode.name, turn['text'])
    stored = connection.execute("SELECT COUNT(*) FROM messages WHERE role = 'shopper' AND text = ?",
                                (turn['text'],)).fetchone()[0]
    turn['stored'] = stored
    if stored != 1:
        violations.append('%s: the shopper message is stored %d times' % (label, stored))
    roles = [role for role, _ in turn['bubbles']]
    if turn['status'] != 200 or roles != ['from-shopper', 'from-concierge']:
        violations.append('%s: answered %s with bubbles %s' % (label, turn['status'], roles))
        return
    if turn['seconds'] * 1000 > DEADLINE_MS + SLACK_MS:
        violations.append('%s: took %.0f ms (deadline %d ms + %d ms slack)'
                          % (label, turn['seconds'] * 1000, DEADLINE_MS, SLACK_MS))
    reply_id = turn['bubbles'][1][1]
    row = connection.execute('SELECT trace FROM messages WHERE id = ?', (reply_id,)).fetchone()
    if row is None:
        violations.append('%s: the reply is not stored' % label)
        return
    trace = json.loads(row[0] or '{}')
    turn['attempts'] = len(trace.get('attempts') or [])
    turn['source'] = trace.get('answerSource')
    turn['outcomes'] = [attempt.get('outcome') for attempt in trace.get('attempts') or []]
    if turn['attempts'] > MAX_ATTEMPTS:
        violations.append('%s: %d model attempts (at most %d): %s'
                          % (label, turn['attempts'], MAX_ATTEMPTS, ', '.join(turn['outcomes'])))
    if turn['source'] != mode.expect:
        violations.append('%s: answered by %s, expected %s' % (label, turn['source'], mode.expect))


def _print_table(results):
    print()
    print('%-16s %-52s %5s %5s %-17s %8s %12s %11s %6s' % (
        'fault', 'what the model does', 'turns', '200s', 'answered by', 'attempts', 'p50 / max s', 'stored once',
        'calls'))
    for result in results:
        mode, turns = result['mode'], result['turns']
        oks = sum(1 for turn in turns if turn['status'] == 200)
        sources = sorted({str(turn.get('source')) for turn in turns})
        attempts = [turn.get('attempts', 0) for turn in turns]
        seconds = [turn['seconds'] for turn in turns if turn['seconds'] is not None]
        once = sum(1 for turn in turns if turn.get('stored') == 1)
        print('%-16s %-52s %5d %5d %-17s %8s %12s %11s %6s' % (
            mode.name, mode.what[:52], len(turns), oks, '/'.join(sources),
            '%d-%d' % (min(attempts), max(attempts)) if attempts else '-',
            '%.2f / %.2f' % (statistics.median(seconds), max(seconds)) if seconds else '-',
            '%d/%d' % (once, len(turns)), '-' if result['requests'] is None else result['requests']))
    print()


if __name__ == '__main__':
    sys.exit(main())
