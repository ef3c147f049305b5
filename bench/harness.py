"""Processes for the benchmarks, drills and the HTTP fuzzer: `concierge serve`, the fake LLM server and the MongoDB
wire-protocol peer, each started by this process and always stopped (SIGKILL as the last resort) when it exits,
however it exits. Python stdlib only; run with Debian's /usr/bin/python3.

Every child is started in its own process group with an empty signal mask, and registered; `stop_all()` runs at
exit and on SIGINT/SIGTERM/SIGHUP.
"""

import atexit
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAKE_LLM = os.path.join(ROOT, 'Tests/LLMClientTests/FakeLLMServer/fake_llm_server.py')
MONGO_PEER = os.path.join(ROOT, 'Tests/StoreContractTests/MongoPeer/mongo_peer.py')

_children = []
_lock = threading.Lock()


def _register(process):
    with _lock:
        _children.append(process)


def stop_all():
    with _lock:
        children = list(_children)
        _children.clear()
    for process in children:
        kill(process)


def kill(process):
    """SIGKILL to the child's whole process group, then reap it."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _on_signal(number, _frame):
    stop_all()
    sys.exit(128 + number)


atexit.register(stop_all)
for _signal in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(_signal, _on_signal)


def _unblock_signals():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def spawn(arguments, env=None, stdout=None, stdin=subprocess.DEVNULL, stderr=subprocess.STDOUT):
    process = subprocess.Popen(arguments, env=env, stdout=stdout, stderr=stderr, stdin=stdin,
                               start_new_session=True, preexec_fn=_unblock_signals)
    _register(process)
    return process


def concierge_env(extra):
    """The process environment with everything that could point the server elsewhere cleared, then `extra`."""
    env = dict(os.environ)
    for key in ('MONGODB_URI', 'MONGODB_DATABASE', 'LLM_API_KEY', 'LLM_BASE_URL', 'LLM_MOCK', 'LLM_TIMEOUT_MS',
                'LLM_MAX_ATTEMPTS', 'LLM_DEADLINE_MS', 'DAILY_MESSAGE_LIMIT', 'BCRYPT_COST', 'HOST', 'PORT',
                'SIGNUP_LIMIT_PER_ADDRESS', 'SIGNUP_ADDRESS_WINDOW_HOURS', 'SIGNUP_LIMIT_GLOBAL',
                'SIGNUP_GLOBAL_WINDOW_MINUTES'):
        env.pop(key, None)
    env.update({'HOST': '127.0.0.1', 'PORT': '0', 'LLM_MOCK': '1', 'BCRYPT_COST': '4', 'MONGODB_URI': ''})
    # Drills, benchmarks and the fuzzer sign up many shoppers from 127.0.0.1: the signup throttle (5 per address a
    # day, 100 an hour in all) is lifted unless `extra` sets it (script/drill-two-servers does).
    env.update({'SIGNUP_LIMIT_PER_ADDRESS': '1000000', 'SIGNUP_LIMIT_GLOBAL': '10000000'})
    env.update({key: str(value) for key, value in extra.items()})
    return env


def run_concierge(binary, arguments, env, log_path, timeout=3600):
    """Runs a concierge command to completion (seed, export...); its output goes to `log_path`."""
    with open(log_path, 'ab') as log:
        process = spawn([binary] + arguments, env=env, stdout=log)
        try:
            status = process.wait(timeout=timeout)
        finally:
            kill(process)
    if status != 0:
        raise RuntimeError('concierge %s failed with status %d (see %s)' % (' '.join(arguments), status, log_path))


class Server:
    """`concierge serve` on a free port; `url` comes from its "listening on" line."""

    def __init__(self, binary, env, log_path, extra_arguments=()):
        self.log_path = log_path
        self.log = open(log_path, 'ab')
        self.process = spawn([binary, 'serve'] + list(extra_arguments), env=env, stdout=self.log)
        self.url = self._wait_for_url(timeout=120)

    @property
    def pid(self):
        return self.process.pid

    def _wait_for_url(self, timeout):
        deadline = time.monotonic() + timeout
        pattern = re.compile(rb'listening on (http://[0-9.]+:[0-9]+)')
        while time.monotonic() < deadline:
            with open(self.log_path, 'rb') as log:
                match = pattern.search(log.read())
            if match:
                return match.group(1).decode()
            if self.process.poll() is not None:
                raise RuntimeError('concierge serve exited at start (see %s)' % self.log_path)
            time.sleep(0.05)
        raise RuntimeError('concierge serve did not start within %d s' % timeout)

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        """SIGTERM (graceful), then SIGKILL after 10 s."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        kill(self.process)
        self.log.close()


class _PortProcess:
    """A helper server that prints `PORT n` first and exits when its stdin closes (we keep the pipe open)."""

    def __init__(self, arguments, log_path, timeout=30):
        self.log = open(log_path, 'ab')
        self.process = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                        start_new_session=True, preexec_fn=_unblock_signals)
        _register(self.process)
        line = _read_line_with_timeout(self.process.stdout, timeout)
        if not line.startswith(b'PORT '):
            kill(self.process)
            raise RuntimeError('%s did not print its port' % arguments[-1])
        self.port = int(line.split()[1])

    @property
    def pid(self):
        return self.process.pid

    def kill(self):
        kill(self.process)

    def alive(self):
        return self.process.poll() is None


def _read_line_with_timeout(stream, seconds):
    result = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(seconds)
    return result[0] if result else b''


class FakeLLM(_PortProcess):
    """Tests/LLMClientTests/FakeLLMServer/fake_llm_server.py; each drill mode scripts its own session."""

    def __init__(self, log_path):
        super().__init__(['/usr/bin/python3', '-u', FAKE_LLM], log_path)

    def base_url(self, session):
        return 'http://127.0.0.1:%d/s/%s/v1' % (self.port, session)

    def script(self, session, responses=(), default='200'):
        self._call('POST', session, '_control/script', {'responses': list(responses), 'default': default})

    def requests(self, session):
        return self._call('GET', session, '_control/requests')

    def _call(self, method, session, path, payload=None):
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request('http://127.0.0.1:%d/s/%s/%s' % (self.port, session, path), data=data,
                                         method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())


class MongoPeer(_PortProcess):
    """The wire-protocol peer on a fixed port with its data in `state` (it survives SIGKILL and a restart)."""

    def __init__(self, log_path, port=0, state=None):
        arguments = ['/usr/bin/python3', '-u', MONGO_PEER, '--port', str(port)]
        if state:
            arguments += ['--state', state]
        super().__init__(arguments, log_path)


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def rss_kib(pid):
    """(VmRSS, VmHWM) of a process in KiB, from /proc/PID/status."""
    values = {}
    with open('/proc/%d/status' % pid) as status:
        for line in status:
            if line.startswith(('VmRSS:', 'VmHWM:')):
                key, value = line.split(':', 1)
                values[key] = int(value.split()[0])
    return values.get('VmRSS', 0), values.get('VmHWM', 0)


def stored_messages(binary, env, work, role):
    """{text: how many times it is stored} for one role's messages, read after a run: with sqlite3 from the
    embedded store, else through `concierge export` (MongoDB)."""
    if env.get('MONGODB_URI'):
        export = os.path.join(work, 'export.json')
        with open(export, 'wb') as out:
            process = spawn([binary, 'export'], env=env, stdout=out, stderr=subprocess.DEVNULL)
            process.wait(timeout=600)
        with open(export) as file:
            texts = [message['text'] for message in json.load(file).get('messages', []) if message.get('role') == role]
    else:
        import sqlite3
        connection = sqlite3.connect('file:%s?mode=ro' % env['CONCIERGE_DB'], uri=True, timeout=30)
        texts = [row[0] for row in connection.execute('SELECT text FROM messages WHERE role = ?', (role,))]
        connection.close()
    counts = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    return counts
