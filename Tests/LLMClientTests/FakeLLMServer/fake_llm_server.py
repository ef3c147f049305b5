#!/usr/bin/python3
"""A fake OpenAI-compatible chat-completions server for the LLM client tests (stdlib only).

Started by TestSupport/FakeLLMServer.swift with ``/usr/bin/python3 -u``. It binds 127.0.0.1 on a free port,
prints exactly one line, ``PORT <n>``, and exits when its stdin closes or its parent process goes away.

Every test works in its own session, so tests run in parallel: the base URL of session ``<id>`` is
``http://127.0.0.1:<port>/s/<id>/v1``. Control endpoints of a session:

- ``POST /s/<id>/_control/script`` with ``{"responses": [...], "default": "200", "apiKey": "..."}``: the
  responses are consumed one per chat request, then ``default`` answers. With ``apiKey`` set, a request
  without ``Authorization: Bearer <apiKey>`` gets a 401 (and consumes nothing).
- ``GET /s/<id>/_control/requests``: every request received, in order, as ``{"path", "body",
  "contentType", "authorization"}`` where authorization is ``missing``, ``valid`` or ``invalid``: the
  header's value itself is never recorded or echoed.

A response is ``KIND`` or ``KIND:key=value,key=value``:

- ``200``, ``200:text=hello,model=m`` -- a completion (default text ``ok``, model from the request);
- ``429:retry-after=2``, ``503:retry-after-ms=150``, ``500``, ``400`` ... -- that status, an OpenAI-style
  error body which quotes the start of the request body (as some providers do: clients must not log it);
- ``hang``, ``hang:ms=5000`` -- read the request, never answer, until the client goes away (or ms pass);
- ``reset`` -- read the request, then close with a TCP reset;
- ``truncated`` -- a 200 whose body stops halfway through its announced Content-Length;
- ``malformed`` -- a 200 whose body is not JSON; ``empty`` -- a 200 with no choices;
- ``huge`` -- a 200 with a 2 MiB completion (beyond the client's size cap).

Streaming: a ``200`` entry answering a request whose body has ``"stream": true`` is sent as server-sent events
(``Transfer-Encoding: chunked``): the text (``text=`` or ``text64=<base64>``, which may hold commas) in deltas of
``chunk=<n>`` characters (default 4), ``chunk-ms=<n>`` apart, then a usage chunk and ``data: [DONE]``. ``split=<n>``
writes the stream in pieces of n bytes, so events arrive cut inside lines and UTF-8 sequences. ``end=`` changes how
it ends after ``after=<n>`` deltas (default 2): ``garbage`` (a data line that is not JSON), ``disconnect`` (the
connection closes mid-body) or ``nodone`` (the body ends properly, without ``[DONE]``).

Any entry may add ``delay-ms=<n>``: the server waits that long after reading the request before answering as
the entry says (``200:delay-ms=2000,text=hi`` is a slow model; script/drill-llm uses it). Without it nothing
waits.
"""

import signal

# First thing: a child started from a Swift Testing worker inherits that thread's blocked signal mask
# (SIGTERM/SIGINT blocked), which would make this server unkillable by anything but SIGKILL.
signal.pthread_sigmask(signal.SIG_SETMASK, [])

import base64  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import select  # noqa: E402
import socket  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402


class Session:
    def __init__(self):
        self.responses = []
        self.default = '200'
        self.api_key = None
        self.requests = []


class Sessions:
    """Every session's script and recorded requests, behind one lock (handler threads run concurrently)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_id = {}

    def _get(self, session_id):
        return self.by_id.setdefault(session_id, Session())

    def configure(self, session_id, config):
        with self.lock:
            session = self._get(session_id)
            session.responses = [str(item) for item in config.get('responses', [])]
            session.default = str(config.get('default', '200'))
            session.api_key = config.get('apiKey')

    def record(self, session_id, entry, authorized):
        """Records a request; returns the spec to answer with (401 when unauthorized)."""
        with self.lock:
            session = self._get(session_id)
            session.requests.append(entry)
            if not authorized(session.api_key):
                return '401'
            if session.responses:
                return session.responses.pop(0)
            return session.default

    def requests(self, session_id):
        with self.lock:
            return list(self._get(session_id).requests)


SESSIONS = Sessions()


def parse_spec(spec):
    kind, _, options = spec.partition(':')
    values = {}
    for pair in filter(None, options.split(',')):
        key, _, value = pair.partition('=')
        values[key.strip()] = value
    return kind.strip(), values


def completion(model, text):
    return {
        'id': 'chatcmpl-fake', 'object': 'chat.completion', 'created': 0, 'model': model,
        'choices': [{'index': 0, 'message': {'role': 'assistant', 'content': text}, 'finish_reason': 'stop'}],
        'usage': {'prompt_tokens': 1, 'completion_tokens': 1, 'total_tokens': 2},
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'FakeLLM/1'

    def log_message(self, format, *args):  # noqa: A002  (quiet: the test log is for failures)
        pass

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass  # the socket was reset or closed on purpose

    def do_GET(self):
        parts = self.path.split('/')
        if self.path == '/_health':
            return self.send_json(200, {'ok': True})
        if len(parts) == 5 and parts[1] == 's' and parts[3:] == ['_control', 'requests']:
            return self.send_json(200, SESSIONS.requests(parts[2]))
        self.send_json(404, {'error': {'message': 'unknown path'}})

    def do_POST(self):
        body = self.read_body()
        parts = self.path.split('/')
        if len(parts) < 4 or parts[1] != 's':
            return self.send_json(404, {'error': {'message': 'unknown path'}})
        session_id = parts[2]
        if parts[3:] == ['_control', 'script']:
            SESSIONS.configure(session_id, json.loads(body or b'{}'))
            return self.send_json(200, {'ok': True})
        header = self.headers.get('Authorization')
        entry = {
            'path': '/' + '/'.join(parts[3:]),
            'body': body.decode('utf-8', errors='replace'),
            'contentType': self.headers.get('Content-Type'),
            'authorization': 'missing' if header is None else 'unchecked',
        }

        def authorized(api_key):
            if header is not None:
                entry['authorization'] = 'valid' if api_key and header == 'Bearer ' + api_key else 'invalid'
            return api_key is None or entry['authorization'] == 'valid'

        self.answer(SESSIONS.record(session_id, entry, authorized), body)

    def read_body(self):
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length > 0 else b''

    def answer(self, spec, request_body):
        kind, options = parse_spec(spec)
        if 'delay-ms' in options:
            time.sleep(int(options['delay-ms']) / 1000.0)
        if kind.isdigit():
            return self.answer_status(int(kind), options, request_body)
        if kind == 'hang':
            return self.hang(int(options.get('ms', '30000')))
        if kind == 'reset':
            return self.reset()
        if kind == 'truncated':
            payload = json.dumps(completion('fake', 'this reply is cut short')).encode()
            return self.send_raw(200, payload[: len(payload) // 2], announced=len(payload))
        if kind == 'malformed':
            return self.send_raw(200, b'{"choices": [{"message": {"content": "unterminated')
        if kind == 'empty':
            return self.send_json(200, {'id': 'chatcmpl-fake', 'model': 'fake', 'choices': []})
        if kind == 'huge':
            return self.send_json(200, completion('fake', 'x' * (2 * 1024 * 1024)))
        self.send_json(500, {'error': {'message': 'unknown script entry'}})

    def answer_status(self, status, options, request_body):
        headers = {}
        if 'retry-after' in options:
            headers['Retry-After'] = options['retry-after']
        if 'retry-after-ms' in options:
            headers['retry-after-ms'] = options['retry-after-ms']
        if 200 <= status < 300:
            try:
                asked = json.loads(request_body)
            except ValueError:
                asked = {}
            model = options.get('model', asked.get('model', 'fake'))
            text = base64.b64decode(options['text64']).decode() if 'text64' in options else options.get('text', 'ok')
            if asked.get('stream') is True:
                return self.stream(model, text, options)
            payload = completion(model, text)
        else:
            quoted = request_body[:200].decode('utf-8', errors='replace')
            payload = {'error': {'message': 'scripted %d for request %s' % (status, quoted), 'code': status}}
        self.send_json(status, payload, headers)

    def stream(self, model, text, options):
        """A chat-completions stream as OpenAI sends it, cut and ended as the options say."""
        size = int(options.get('chunk', '4'))
        pause = int(options.get('chunk-ms', '0')) / 1000.0
        split = int(options.get('split', '0'))
        end = options.get('end')
        after = int(options.get('after', '2'))
        self.send_response(200)
        self.send_header('Content-Type', 'text/event-stream')
        self.send_header('Transfer-Encoding', 'chunked')
        self.send_header('Connection', 'close')
        self.end_headers()
        self.close_connection = True

        def event(payload):
            data = payload if isinstance(payload, str) else json.dumps(payload)
            raw = ('data: %s\n\n' % data).encode()
            pieces = [raw[i:i + split] for i in range(0, len(raw), split)] if split > 0 else [raw]
            for piece in pieces:
                self.wfile.write(b'%x\r\n%s\r\n' % (len(piece), piece))
                self.wfile.flush()
                if split > 0:
                    time.sleep(0.001)

        def chunk(delta, usage=None):
            choices = [] if delta is None else [{'index': 0, 'delta': delta, 'finish_reason': None}]
            body = {'id': 'chatcmpl-fake', 'object': 'chat.completion.chunk', 'model': model, 'choices': choices}
            if usage:
                body['usage'] = usage
            return body

        event(chunk({'role': 'assistant', 'content': ''}))
        for index, start in enumerate(range(0, len(text), size)):
            if end and index == after:
                break
            time.sleep(pause)
            event(chunk({'content': text[start:start + size]}))
        if end == 'garbage':
            event('{"choices": [{"delta": {"content": "unterminated')
        elif end == 'disconnect':
            self.wfile.write(b'40\r\ndata: {"choices"')  # a chunk announced and never finished
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        elif end != 'nodone':
            event(chunk(None, {'prompt_tokens': 7, 'completion_tokens': 5, 'total_tokens': 12}))
            event('[DONE]')
        self.wfile.write(b'0\r\n\r\n')
        self.wfile.flush()

    def send_json(self, status, payload, headers=None):
        self.send_raw(status, json.dumps(payload).encode(), headers=headers)

    def send_raw(self, status, payload, announced=None, headers=None):
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(payload) if announced is None else announced))
        self.send_header('Connection', 'close')
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()
        self.close_connection = True
        if announced is not None:
            self.connection.shutdown(socket.SHUT_RDWR)

    def hang(self, milliseconds):
        """Answers nothing until the client closes its end (its timeout) or the time is up."""
        self.close_connection = True
        deadline = time.monotonic() + milliseconds / 1000.0
        while time.monotonic() < deadline:
            readable, _, _ = select.select([self.connection], [], [], 0.05)
            if readable and not self.connection.recv(1, socket.MSG_PEEK):
                return

    def reset(self):
        """SO_LINGER with a zero timeout makes close() send RST instead of FIN."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
        self.connection.close()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The default backlog of 5 drops SYNs when parallel tests connect at once; the client then waits a second
    # for its SYN retransmit, which looks like a slow server.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass  # resets and hangs end connections abruptly on purpose


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
    parent = os.getppid()
    server = Server(('127.0.0.1', 0), Handler)
    exit_when_orphaned(parent)
    sys.stdout.write('PORT %d\n' % server.server_address[1])
    sys.stdout.flush()
    server.serve_forever(poll_interval=0.5)


if __name__ == '__main__':
    main()
