"""Chat under load and login throughput (run by script/bench): `concierge serve` (release build, mock LLM) over an
already seeded embedded store, driven by wrk from Debian.

1. Seeded shoppers get known passwords (bench/prepare_accounts.py): `--sessions` of them at bcrypt cost 4 for the
   chat load, `--login-accounts` more at the configured cost (BCRYPT_COST, default 12) for the login benchmark.
2. The server starts with BCRYPT_COST at that configured cost, the mock LLM and a daily limit high enough that no
   turn is refused (refusals skip the model and would flatter the figures).
3. Each chat shopper logs in once over HTTP (bench/mint_sessions.py): real sessions, real CSRF tokens.
4. For each connection count: wrk on GET /public/app.css (a static file of the same server: the ceiling), then
   wrk on POST /chat (bench/chat.lua: a different shopper per request, new conversation per message, the page
   script's fetch form). RSS before and after; server metrics show every turn was answered by the mock model.
5. Logins per second at the configured cost (bench/login.lua), then chat alone and chat during a login storm, to
   show that bcrypt runs beside the chat turns, not in front of them.

Prints a summary and writes it as JSON to `--json`.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import webclient  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = 'load-test-password-1'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--concierge', required=True)
    parser.add_argument('--db', required=True, help='a seeded embedded store; shoppers in it get passwords')
    parser.add_argument('--work', required=True)
    parser.add_argument('--duration', type=int, default=20, help='seconds per wrk run')
    parser.add_argument('--connections', type=int, nargs='+', default=[16, 64, 256])
    parser.add_argument('--sessions', type=int, default=512)
    parser.add_argument('--login-accounts', type=int, default=64)
    parser.add_argument('--bcrypt-cost', type=int, default=12)
    parser.add_argument('--json', required=True)
    arguments = parser.parse_args()
    work = arguments.work
    chat_accounts, login_accounts = os.path.join(work, 'chat-accounts.tsv'), os.path.join(work, 'login-accounts.tsv')
    _python('prepare_accounts.py', '--db', arguments.db, '--count', str(arguments.sessions), '--cost', '4',
            '--password', PASSWORD, '--out', chat_accounts)
    _python('prepare_accounts.py', '--db', arguments.db, '--count', str(arguments.login_accounts),
            '--offset', '0', '--cost', str(arguments.bcrypt_cost), '--password', PASSWORD + '-login',
            '--out', login_accounts)

    env = harness.concierge_env({'CONCIERGE_DB': arguments.db, 'BCRYPT_COST': arguments.bcrypt_cost,
                                 'DAILY_MESSAGE_LIMIT': 100000})
    server = harness.Server(arguments.concierge, env, os.path.join(work, 'serve.log'))
    result = {'bcrypt_cost': arguments.bcrypt_cost, 'duration_s': arguments.duration, 'sessions': arguments.sessions,
              'db_bytes_before': _db_bytes(arguments.db)}
    try:
        result['rss_kib_at_start'] = harness.rss_kib(server.pid)[0]
        sessions = os.path.join(work, 'sessions.tsv')
        started = time.monotonic()
        _python('mint_sessions.py', '--url', server.url, '--accounts', chat_accounts, '--out', sessions)
        result['mint_seconds'] = round(time.monotonic() - started, 1)
        _sanity_turn(server.url, sessions)
        _wrk(server.url, 'chat', 16, 3, sessions=sessions)  # warm-up
        result['rss_kib_before'] = harness.rss_kib(server.pid)[0]
        result['runs'] = []
        for connections in arguments.connections:
            before = _metrics(server.url)
            static = _wrk(server.url, 'static', connections, arguments.duration)
            chat = _wrk(server.url, 'chat', connections, arguments.duration, sessions=sessions)
            turns = _delta(before, _metrics(server.url))
            result['runs'].append({'connections': connections, 'static': static, 'chat': chat, 'turns': turns})
            _print_run(result['runs'][-1])
        result['rss_kib_after'], result['rss_kib_peak'] = harness.rss_kib(server.pid)
        result['logins'] = _login_benchmarks(server.url, sessions, login_accounts, arguments.duration)
        result['db_bytes_after'] = _db_bytes(arguments.db)
        result['server_alive'] = server.alive()
    finally:
        server.stop()
    with open(arguments.json, 'w') as out:
        json.dump(result, out, indent=2)
    _print_summary(result)
    return 0 if result['server_alive'] else 1


def _python(script, *arguments):
    subprocess.run(['/usr/bin/python3', os.path.join(HERE, script)] + list(arguments), check=True)


def _db_bytes(path):
    return sum(os.path.getsize(path + suffix) for suffix in ('', '-wal') if os.path.exists(path + suffix))


def _sanity_turn(url, sessions):
    """One turn by hand before wrk: a 200 fragment with the shopper's bubble and the concierge's."""
    with open(sessions) as file:
        cookie, csrf = file.readline().rstrip('\n').split('\t')
    browser = webclient.Browser(url)
    browser.cookies['concierge_session'] = cookie
    response = browser.send(csrf, "I'm cold")
    roles = [role for role, _ in webclient.bubbles(response.text)]
    if response.status != 200 or roles != ['from-shopper', 'from-concierge']:
        raise SystemExit('a chat turn answered %d with %s: not benchmarking' % (response.status, roles))


def _wrk(url, kind, connections, duration, sessions=None, login_env=None, background=False):
    threads = 2 if connections >= 2 else 1
    env = dict(os.environ, WRK_THREADS=str(threads))
    if kind == 'static':
        command = ['wrk', '-t%d' % threads, '-c%d' % connections, '-d%ds' % duration, '--timeout', '30s', '--latency',
                   url + '/public/app.css']
    elif kind == 'chat':
        env['SESSIONS'] = sessions
        command = ['wrk', '-t%d' % threads, '-c%d' % connections, '-d%ds' % duration, '--timeout', '30s', '--latency',
                   '-s', os.path.join(HERE, 'chat.lua'), url + '/chat']
    else:
        env.update(login_env)
        command = ['wrk', '-t%d' % threads, '-c%d' % connections, '-d%ds' % duration, '--timeout', '60s', '--latency',
                   '-s', os.path.join(HERE, 'login.lua'), url + '/login']
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if background:
        return process
    return _parse_wrk(process.communicate()[0])


def _parse_wrk(output):
    def duration(text):
        value, unit = re.match(r'([0-9.]+)(us|ms|s|m)', text).groups()
        return float(value) * {'us': 1e-3, 'ms': 1.0, 's': 1e3, 'm': 6e4}[unit]

    parsed = {'raw': output}
    for percentile in ('50', '75', '90', '99'):
        match = re.search(r'^\s+%s%%\s+(\S+)' % percentile, output, re.M)
        parsed['p%s_ms' % percentile] = duration(match.group(1)) if match else None
    match = re.search(r'Latency\s+\S+\s+\S+\s+(\S+)', output)
    parsed['max_ms'] = duration(match.group(1)) if match else None
    match = re.search(r'Requests/sec:\s+([0-9.]+)', output)
    parsed['rps'] = float(match.group(1)) if match else 0.0
    match = re.search(r'(\d+) requests in', output)
    parsed['requests'] = int(match.group(1)) if match else 0
    match = re.search(r'Non-2xx or 3xx responses: (\d+)', output)
    parsed['non_2xx_3xx'] = int(match.group(1)) if match else 0
    match = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', output)
    parsed['socket_errors'] = sum(int(group) for group in match.groups()) if match else 0
    if parsed['rps'] == 0.0:
        raise SystemExit('wrk measured nothing:\n' + output)
    return parsed


def _metrics(url):
    text = webclient.Browser(url).get('/metrics').text
    values = {}
    for line in text.splitlines():
        if line.startswith('concierge_chat_turns_total') or line.startswith('concierge_http_requests_total'):
            key, _, value = line.rpartition(' ')
            values[key] = float(value)
    return values


def _delta(before, after):
    turns = {}
    for key, value in after.items():
        delta = value - before.get(key, 0)
        if not delta:
            continue
        source = re.search(r'source="([^"]+)"', key)
        if source and key.startswith('concierge_chat_turns_total'):
            turns['answered by ' + source.group(1)] = int(delta)
        elif 'route="/chat"' in key and 'method="POST"' in key:
            status = re.search(r'status="([^"]+)"', key).group(1)
            turns['POST /chat ' + status] = int(delta)
    return turns


def _login_benchmarks(url, sessions, login_accounts, duration):
    form = webclient.Browser(url)
    page = form.get('/login')
    login_env = {'LOGINS': login_accounts, 'FORM_COOKIE': form.cookies['concierge_form'], 'FORM_CSRF': page.csrf()}
    alone = _wrk(url, 'login', 8, duration, login_env=login_env)
    print('logins alone (8 connections): %.1f/s, p50 %.0f ms, p99 %.0f ms, non-3xx %d'
          % (alone['rps'], alone['p50_ms'], alone['p99_ms'], alone['non_2xx_3xx']), flush=True)
    chat_alone = _wrk(url, 'chat', 16, duration, sessions=sessions)
    storm = _wrk(url, 'login', 8, duration + 4, login_env=login_env, background=True)
    time.sleep(2)  # the storm is under way before the chat run starts, and lasts past its end
    chat_during = _wrk(url, 'chat', 16, duration, sessions=sessions)
    storm_result = _parse_wrk(storm.communicate()[0])
    return {'alone': alone, 'chat_alone': chat_alone, 'chat_during_logins': chat_during, 'storm': storm_result}


def _print_run(run):
    static, chat = run['static'], run['chat']
    print('%4d connections: static %8.0f req/s p50 %7.2f ms p99 %7.2f ms | POST /chat %7.0f req/s p50 %7.2f ms '
          'p99 %7.2f ms, non-2xx %d, socket errors %d | %s'
          % (run['connections'], static['rps'], static['p50_ms'], static['p99_ms'], chat['rps'], chat['p50_ms'],
             chat['p99_ms'], chat['non_2xx_3xx'], chat['socket_errors'],
             ', '.join('%s: %d' % item for item in sorted(run['turns'].items()))), flush=True)


def _print_summary(result):
    mib = lambda kib: kib / 1024.0  # noqa: E731
    print()
    print('chat under load (mock LLM, %d logged-in shoppers, %d s per run, wrk -t2):'
          % (result['sessions'], result['duration_s']))
    print('| connections | static GET /public/app.css req/s | p50 | p99 | POST /chat req/s | p50 | p99 | errors |')
    print('|---|---|---|---|---|---|---|---|')
    for run in result['runs']:
        static, chat = run['static'], run['chat']
        print('| %d | %.0f | %.2f ms | %.2f ms | %.0f | %.2f ms | %.2f ms | %d |'
              % (run['connections'], static['rps'], static['p50_ms'], static['p99_ms'], chat['rps'], chat['p50_ms'],
                 chat['p99_ms'], chat['non_2xx_3xx'] + chat['socket_errors']))
    print('server RSS: %.0f MiB at start, %.0f MiB before load (sessions minted, warmed up), %.0f MiB after, '
          'peak %.0f MiB' % tuple(mib(result[key]) for key in ('rss_kib_at_start', 'rss_kib_before', 'rss_kib_after',
                                                               'rss_kib_peak')))
    print('database: %.0f MB before, %.0f MB after (two stored messages and a trace per turn)'
          % (result['db_bytes_before'] / 1e6, result['db_bytes_after'] / 1e6))
    logins = result['logins']
    alone, before, during, storm = logins['alone'], logins['chat_alone'], logins['chat_during_logins'], logins['storm']
    print('logins at bcrypt cost %d: %.1f/s (8 connections), p50 %.0f ms, p99 %.0f ms'
          % (result['bcrypt_cost'], alone['rps'], alone['p50_ms'], alone['p99_ms']))
    print('chat (16 connections) alone: %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.0f ms'
          % (before['rps'], before['p50_ms'], before['p99_ms'], before['max_ms']))
    print('chat (16 connections) during a login storm (%.1f logins/s): %.0f req/s, p50 %.2f ms, p99 %.2f ms, '
          'max %.0f ms, errors %d' % (storm['rps'], during['rps'], during['p50_ms'], during['p99_ms'], during['max_ms'],
                          during['non_2xx_3xx'] + during['socket_errors']))


if __name__ == '__main__':
    sys.exit(main())
