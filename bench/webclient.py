"""A minimal browser for the concierge's web app (stdlib only): keeps cookies, reads CSRF tokens from pages, signs up,
logs in and sends chat turns. One `Browser` per simulated shopper; not thread-safe (give each thread its own).
"""

import http.client
import re
import time
import urllib.parse

CSRF = re.compile(r'name="csrf" value="([^"]*)"')
TURN_KEY = re.compile(r'name="turn" value="([^"]*)"')
NEXT_TURN = re.compile(r'data-next-turn="([^"]*)"')
CONVERSATION = re.compile(r'data-conversation="([^"]+)"')
BUBBLE = re.compile(r'<li class="bubble (from-shopper|from-concierge)" id="m-([^"]+)"')
QUOTA_REFUSAL = "You've reached today's limit"


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    @property
    def text(self):
        return self.body.decode('utf-8', errors='replace')

    def csrf(self):
        match = CSRF.search(self.text)
        return match.group(1) if match else None


class Browser:
    def __init__(self, base_url, timeout=60, forwarded_for=None):
        parsed = urllib.parse.urlsplit(base_url)
        self.host, self.port = parsed.hostname, parsed.port
        self.timeout = timeout
        self.cookies = {}
        self.connection = None
        self.forwarded_for = forwarded_for

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None, raw_headers=None, keep_cookies=True):
        """One request; `raw_headers` (a list of pairs) replaces the cookie/content headers entirely."""
        if raw_headers is None:
            headers = dict(headers or {})
            if self.cookies and keep_cookies:
                headers['Cookie'] = '; '.join('%s=%s' % item for item in sorted(self.cookies.items()))
            if self.forwarded_for:
                headers['X-Forwarded-For'] = self.forwarded_for
            pairs = list(headers.items())
        else:
            pairs = list(raw_headers)
        started = time.monotonic()
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.connection.putrequest(method, path, skip_accept_encoding=True)
                for name, value in pairs:
                    self.connection.putheader(name, value)
                if body is not None:
                    self.connection.putheader('Content-Length', str(len(body)))
                self.connection.endheaders(body)
                reply = self.connection.getresponse()
                payload = reply.read()
                headers_out = reply.getheaders()
                if reply.getheader('Connection', '').lower() == 'close':
                    self.close()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server closed between requests: retry once on a new one.
                self.close()
                if attempt == 2:
                    raise
        response = Response(reply.status, headers_out, payload, time.monotonic() - started)
        if keep_cookies:
            self._store_cookies(response)
        return response

    def _store_cookies(self, response):
        for key, value in response.headers:
            if key.lower() != 'set-cookie':
                continue
            pair, _, attributes = value.partition(';')
            name, _, cookie = pair.strip().partition('=')
            expired = cookie == '' or 'max-age=0' in attributes.lower().replace(' ', '')
            if expired:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = cookie

    def get(self, path, headers=None):
        return self.request('GET', path, headers=headers)

    def post_form(self, path, fields, headers=None):
        body = urllib.parse.urlencode(fields).encode()
        headers = dict(headers or {})
        headers['Content-Type'] = 'application/x-www-form-urlencoded'
        return self.request('POST', path, body=body, headers=headers)

    def signup(self, name, email, password, city='London'):
        page = self.get('/signup')
        response = self.post_form('/signup', [('csrf', page.csrf() or ''), ('name', name), ('email', email),
                                              ('password', password), ('city', city), ('temperature', 'hot')])
        if response.status != 303:
            raise RuntimeError('signup for a test account answered %d' % response.status)
        return response

    def login(self, email, password):
        page = self.get('/login')
        # Already signed in (a signup signs the new account in): the login page sends the browser to the chat.
        if page.status == 303 and page.header('Location') == '/chat':
            return page
        response = self.post_form('/login', [('csrf', page.csrf() or ''), ('email', email), ('password', password)])
        if response.status != 303 or response.header('Location') != '/chat':
            raise RuntimeError('login answered %d' % response.status)
        return response

    def chat_csrf(self):
        return self.chat_form()[0]

    def chat_form(self):
        """(CSRF token, turn key) of a new conversation's chat form, as the page's script sends them."""
        page = self.get('/chat?c=new')
        token = page.csrf()
        if page.status != 200 or not token:
            raise RuntimeError('the chat page answered %d without a form' % page.status)
        turn = TURN_KEY.search(page.text)
        return token, turn.group(1) if turn else None

    def send(self, csrf, message, conversation='', fetch=True, turn=None):
        """One chat post; `turn` is the form's turn key (a resend with the same key is the same turn)."""
        headers = {'X-Requested-With': 'fetch'} if fetch else {}
        fields = [('csrf', csrf), ('conversation', conversation), ('message', message)]
        if turn is not None:
            fields.append(('turn', turn))
        return self.post_form('/chat', fields, headers=headers)


    def send_streamed(self, csrf, message, turn, conversation=''):
        """One turn through POST /chat/stream, read as the page's script reads it: [(seconds since the request
        started, event name, data)] as each server-sent event arrived. The next turn key is in `done`'s fragment
        (`next_turn`). Uses its own connection: the stream is read to its end, then closed."""
        body = urllib.parse.urlencode([('csrf', csrf), ('conversation', conversation), ('message', message),
                                       ('turn', turn or '')]).encode()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.monotonic()
        try:
            connection.request('POST', '/chat/stream', body=body, headers={
                'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'fetch',
                'Cookie': '; '.join('%s=%s' % item for item in sorted(self.cookies.items()))})
            reply = connection.getresponse()
            if reply.status != 200 or not (reply.getheader('Content-Type') or '').startswith('text/event-stream'):
                raise RuntimeError('/chat/stream answered %d: %s' % (reply.status, reply.read()[:200]))
            return _read_events(reply, started)
        finally:
            connection.close()


def _read_events(reply, started):
    events, name, data = [], 'message', []
    while True:
        line = reply.readline()
        if not line:
            return events
        line = line.decode('utf-8').rstrip('\r\n')
        if line == '':
            events.append((time.monotonic() - started, name, '\n'.join(data)))
            name, data = 'message', []
        elif line.startswith('event:'):
            name = line[6:].strip()
        elif line.startswith('data:'):
            data.append(line[6:] if line.startswith('data: ') else line[5:])


def next_turn(fragment_text):
    match = NEXT_TURN.search(fragment_text)
    return match.group(1) if match else None


def bubbles(fragment_text):
    """[(role, message id)] of the bubbles in a turn fragment or page, in order."""
    return [(role, ident) for role, ident in BUBBLE.findall(fragment_text)]
