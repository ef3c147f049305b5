"""Full-answer time and time to first token per chat turn, the real model against the mock, in one run
(script/bench-llm).

Two `concierge serve` processes on one throw-away seeded store: one in mock mode, one with the real libcurl client
pointed at llama.cpp's server with SmolLM2-135M-Instruct (Tests/TestSupport/LlamaServer/llama_server.py, from the
venv script/bootstrap installs; one thread, prompt cache off, seed 42). The demo shopper Ava sends the same ordinary
messages to each, one at a time, twice: first through POST /chat (a turn's time is the whole round trip, the answer
in one piece), then through POST /chat/stream as the page's script sends them (session cookie, CSRF token, turn key
from the chat page and then from each `done`), timing the first `delta` or `replace` event (the first text the
shopper sees) and `done` (the turn stored). Tokens and who answered come from the stored trace (`usage` per
attempt, regenerations included). Prints median and p95 per server and mode, and the request bodies' sizes the real
server received.
"""

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import webclient  # noqa: E402

LAUNCHER = os.path.join(harness.ROOT, 'Tests/TestSupport/LlamaServer/llama_server.py')
VENV_PYTHON = os.path.join(harness.ROOT, '.venv-llm/bin/python')
MESSAGES = [
    "I'm cold",
    'Any offers for me?',
    'Where is my order ORD-AVA10001?',
    'I have a nut allergy. What can I safely order?',
    "What's the nearest open shop?",
    'Can I return a drink I did not like?',
    'Is there anything vegan and warm?',
    'When does Lakeside Café close tonight?',
    'How many loyalty points do I have?',
    'Can I get my receipt for the last order?',
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--concierge', required=True)
    parser.add_argument('--work', required=True)
    # 5 by default: a real turn takes 15-50 s on one thread, and each message is sent twice (whole, then streamed).
    parser.add_argument('--turns', type=int, default=5, help='turns per server and mode')
    arguments = parser.parse_args()
    if not os.path.exists(VENV_PYTHON):
        print('bench-llm: no .venv-llm: run script/bootstrap first', file=sys.stderr)
        return 1

    database = os.path.join(arguments.work, 'bench.sqlite')
    log = os.path.join(arguments.work, 'bench.log')
    base_env = harness.concierge_env({'CONCIERGE_DB': database, 'DAILY_MESSAGE_LIMIT': 1000})
    # The mock streams at its default pace (6 characters per MOCK_STREAM_DELAY_MS, 30 ms), whatever the shell says.
    base_env.pop('MOCK_STREAM_DELAY_MS', None)
    print('bench-llm: seeding a throw-away store', flush=True)
    harness.run_concierge(arguments.concierge, ['seed', '--users', '40', '--seed', '7'], base_env, log)

    load_before = os.getloadavg()[0]
    started = time.monotonic()
    llama = harness._PortProcess([VENV_PYTHON, '-u', LAUNCHER], os.path.join(arguments.work, 'llama.log'), timeout=180)
    print('bench-llm: llama.cpp server up in %.1f s' % (time.monotonic() - started), flush=True)
    real_env = dict(base_env, LLM_MOCK='0', LLM_API_KEY='sk-local', LLM_MODEL='SmolLM2-135M-Instruct',
                    LLM_BASE_URL='http://127.0.0.1:%d/s/bench/v1' % llama.port, LLM_TIMEOUT_MS='240000',
                    LLM_DEADLINE_MS='480000', LLM_MAX_ATTEMPTS='2')
    messages = [MESSAGES[index % len(MESSAGES)] for index in range(arguments.turns)]
    results, streamed = {}, {}
    for name, env in (('mock', base_env), ('real', real_env)):
        server = harness.Server(arguments.concierge, env, os.path.join(arguments.work, 'serve-%s.log' % name))
        browser = webclient.Browser(server.url, timeout=600)
        browser.login('ava@example.com', 'cocoa-by-the-lake')
        csrf = browser.chat_csrf()
        browser.send(csrf, 'hello')  # warm-up, not measured: first-use costs (retrieval index, connections)
        results[name] = [_turn(browser, csrf, text, database) for text in messages]
        streamed[name] = _streamed_turns(browser, messages, database)
        server.stop()
    bodies = _get_json(llama.port, '/s/bench/_control/requests')
    llama.kill()
    _report(results, bodies)
    _report_streamed(streamed)
    # The machine is shared: the load says how far from an idle machine these figures are.
    print('load average (1 min): %.1f at the start, %.1f at the end, on %d cores'
          % (load_before, os.getloadavg()[0], os.cpu_count()))
    return 0


def _turn(browser, csrf, text, database):
    response = browser.send(csrf, text)
    bubbles = webclient.bubbles(response.text)
    if response.status != 200 or len(bubbles) != 2:
        raise RuntimeError('a turn answered %s' % response.status)
    return dict(_traced(database, bubbles[1][1]), seconds=response.seconds)


def _streamed_turns(browser, messages, database):
    """Each message through POST /chat/stream, one at a time; the turn key of each turn is the one the previous
    turn's fragment handed out, as on the page."""
    csrf, turn = browser.chat_form()
    results = []
    for text in messages:
        events = browser.send_streamed(csrf, text, turn)
        names = [name for _, name, _ in events]
        if not names or names[-1] != 'done' or 'error' in names:
            raise RuntimeError('a streamed turn ended with %s' % (names[-1:] or 'nothing'))
        fragment = events[-1][2]
        bubbles = webclient.bubbles(fragment)
        turn = webclient.next_turn(fragment)
        first = next(seconds for seconds, name, _ in events if name in ('delta', 'replace', 'done'))
        results.append(dict(_traced(database, bubbles[1][1]), first=first, seconds=events[-1][0],
                            replaced='replace' in names, deltas=names.count('delta')))
    return results


def _traced(database, message_id):
    """Who answered and the tokens reported, from the stored reply's trace."""
    connection = sqlite3.connect('file:%s?mode=ro' % database, uri=True, timeout=30)
    try:
        row = connection.execute('SELECT trace FROM messages WHERE id = ?', (message_id,)).fetchone()
    finally:
        connection.close()
    trace = json.loads((row or [None])[0] or '{}')
    attempts = trace.get('attempts') or []
    usage = [attempt.get('usage') or {} for attempt in attempts]
    return {'source': trace.get('answerSource'), 'attempts': len(attempts),
            'prompt': sum(u.get('promptTokens', 0) for u in usage),
            'completion': sum(u.get('completionTokens', 0) for u in usage)}


def _get_json(port, path):
    import urllib.request
    with urllib.request.urlopen('http://127.0.0.1:%d%s' % (port, path), timeout=30) as response:
        return json.loads(response.read())


def _p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _report(results, bodies):
    print()
    print('%-5s %5s %10s %10s %10s %-22s %9s %16s %18s' % (
        'model', 'turns', 'median s', 'p95 s', 'max s', 'answered by', 'attempts', 'prompt tok/turn',
        'completion tok/turn'))
    for name, turns in results.items():
        seconds = [turn['seconds'] for turn in turns]
        sources = {}
        for turn in turns:
            sources[turn['source']] = sources.get(turn['source'], 0) + 1
        print('%-5s %5d %10.2f %10.2f %10.2f %-22s %9d %16.0f %18.0f' % (
            name, len(turns), statistics.median(seconds), _p95(seconds), max(seconds),
            ', '.join('%s %d' % item for item in sorted(sources.items())), sum(t['attempts'] for t in turns),
            statistics.mean(t['prompt'] for t in turns), statistics.mean(t['completion'] for t in turns)))
    sizes = [len(body['body'].encode()) for body in bodies]
    if sizes:
        print('real server: %d requests, body median %d bytes, max %d' % (
            len(sizes), statistics.median(sizes), max(sizes)))


def _report_streamed(streamed):
    print()
    print('streamed (POST /chat/stream): first text = the first delta or replace event, done = the turn stored;'
          ' the mock streams 6 characters every MOCK_STREAM_DELAY_MS (default 30 ms)')
    print('%-5s %5s %14s %11s %13s %10s %-22s %8s %7s %16s %18s' % (
        'model', 'turns', 'first median s', 'first p95 s', 'done median s', 'done p95 s', 'answered by', 'replaced',
        'deltas', 'prompt tok/turn', 'completion tok/turn'))
    for name, turns in streamed.items():
        first = [turn['first'] for turn in turns]
        done = [turn['seconds'] for turn in turns]
        sources = {}
        for turn in turns:
            sources[turn['source']] = sources.get(turn['source'], 0) + 1
        print('%-5s %5d %14.2f %11.2f %13.2f %10.2f %-22s %8d %7.0f %16.0f %18.0f' % (
            name, len(turns), statistics.median(first), _p95(first), statistics.median(done), _p95(done),
            ', '.join('%s %d' % item for item in sorted(sources.items())), sum(t['replaced'] for t in turns),
            statistics.mean(t['deltas'] for t in turns), statistics.mean(t['prompt'] for t in turns),
            statistics.mean(t['completion'] for t in turns)))


if __name__ == '__main__':
    sys.exit(main())
