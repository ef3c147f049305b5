"""Fuzzes the HTTP surface of a running `concierge serve` with generated requests (Python stdlib only, seeded).

Started by script/fuzz-http, which builds, seeds a throw-away store and serves it (mock LLM, BCRYPT_COST=4,
--behind-proxy so that each request can bring its own X-Forwarded-For and the login throttle per address does not
turn every later login into a 429). Requests go over raw sockets, one connection each, so that anything can be
sent: bytes that are not UTF-8, odd methods, broken cookies, huge fields.

Categories (about equal shares): bad cookies, missing or wrong CSRF tokens, invalid UTF-8, huge fields, odd
methods, odd paths, injection strings (HTML, SQL, NoSQL, template, CRLF) in every form field, query
parameter, cookie and header, including stored flows (a payload as a shopper's name, then their chat page), and
privacy: card numbers and IBANs in several spellings in chat messages (the answer fragment and the page must not
hold them in any spelling), and citation bombs (`[a > b > b > …` unclosed, nested brackets, runs of `>`) as a
shopper's name, greeted in the answer, and as messages; and look-alike e-mails: an existing account's address
respelled (fullwidth letters, a Cyrillic or Greek letter, a zero-width or other invisible character, other case,
NFD accents) signed up with a new password.

Violations: any 5xx; no response to a well-formed request; a response (headers or body) that contains an injected
HTML payload unescaped; a header injected through CRLF; a form with a wrong or missing CSRF token that is accepted;
a login with an injection string that succeeds; a shopper who sees a debug trace; a file outside Public/ served;
a payment number echoed whole; a page or chat answer that takes over CITATION_SECONDS with a citation bomb in it;
a look-alike address that becomes an account of its own (its new password logs in);
and, at the end, a server that is not alive or whose /healthz is not 200. Prints counts per category and status;
exits 1 on any violation.
"""

import argparse
import collections
import concurrent.futures
import os
import random
import re
import socket
import sys
import threading
import time
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webclient  # noqa: E402

CATEGORIES = ['cookies', 'csrf', 'utf8', 'huge', 'methods', 'paths', 'injection', 'privacy', 'lookalike']
PATHS = ['/', '/chat', '/chat?c=new', '/login', '/signup', '/logout', '/location', '/debug', '/healthz', '/metrics',
         '/public/app.css', '/public/app.js', '/nowhere']
FORMS = {
    '/login': ['email', 'password'],
    '/signup': ['name', 'email', 'password', 'phone', 'city', 'temperature', 'dietary[]'],
    '/chat': ['message', 'conversation', 'turn'],
    '/location': ['city', 'latitude', 'longitude', 'reset', 'conversation'],
    '/debug': ['show', 'conversation'],
    '/logout': [],
}
HTML = ["<script>alert('{m}')</script>", '"><img src=x onerror=alert(\'{m}\')>', "'><svg/onload=alert('{m}')>",
        "</textarea><script>alert('{m}')</script>", '<a href="javascript:alert(\'{m}\')">{m}</a>',
        '<iframe src="//evil.example/{m}"></iframe>', '</title><b id="{m}">bold</b>', '<style>*{{x:{m}}}</style>',
        # Grapheme-cluster bypasses (issue 13): a combining mark after, or a prepend character before, the markup.
        '"\u0301><img src=x onerror=alert(\'{m}\')>', "\u0600<script>alert('{m}')</script>",
        "<\u0301img src=x onerror=alert('{m}')>", "'\u0301><svg/onload=alert('{m}')>"]
SQL = ["' OR '1'='1", "admin@example.com' --", '"; DROP TABLE users; --', "1; SELECT * FROM sessions",
       "' UNION SELECT passwordHash FROM users --", "ava@example.com' OR 1=1 --", "%' OR email LIKE '%"]
NOSQL = ['{"$gt": ""}', '{"$ne": null}', '{"$where": "sleep(1000)"}', "'; return true; var x='", '{"$regex": ".*"}',
         '[$ne]=1']
OTHER = ['{{7*7}}', '{{{layout}}}', '%s%s%s%n', '../../../../etc/passwd', '\u202egnp.exe', 'null', 'undefined',
         '\U0001F600' * 50, 'ǅ' * 300, '-1', '1e309', 'NaN', '0x7fffffff', ' ' * 100]
# Control characters (issue 13): a NUL once made SQLite compare `ava@example.com\0x` as `ava@example.com`.
CONTROL = ['ava@example.com\x00x', 'x\x00y', '\x00', 'reviewer@example.com\x00', '\x1b[31mred', 'bell\x07', 'del\x7f',
           'next\x85line', 'hot\x00', '1\x00']
CRLF = ['x\r\nX-Fuzz-Injected: 1', 'x%0d%0aX-Fuzz-Injected:%201', 'x\nSet-Cookie: fuzz=1', '%0d%0aSet-Cookie:%20fuzz=1']
METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'HEAD', 'CONNECT', 'PROPFIND', 'MKCOL', 'LOCK', 'FOO',
           'get', 'Post', 'GETT', 'M' * 300]
TRAVERSALS = ['/public/../Package.swift', '/public/..%2f..%2fPackage.swift', '/public/%2e%2e/Package.swift',
              '/public/%2e%2e/%2e%2e/etc/passwd', '/public//etc/passwd', '/public/..%5cPackage.swift',
              '/public/app.css/../../Package.swift', '/public/.%2e/.%2e/etc/passwd', '/public/%252e%252e/Package.swift',
              '/public/app.css%00.txt', '/public/', '/public', '/public/.', '/public/..', '/../../etc/passwd',
              '/public/....//....//etc/passwd', '/public/%c0%ae%c0%ae/Package.swift', '/public/app.css?x=1',
              '/public/.env', '/public/../.git/config', '/Templates/layout.mustache', '/Seeds/rules.json']
SECRETS = ['swift-tools-version', 'root:x:0:0', '[core]', '{{{body}}}', '"refundWindowDays"']
# Test numbers (Luhn-valid, known issuers) and IBANs (mod 97), each with the spellings a shopper might type.
CARDS = ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '3530111333300000']
IBANS = ['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300']
# A view that reads a citation bomb in linear time takes milliseconds; the backtracking regex took seconds.
CITATION_SECONDS = 2.0
BAD_UTF8 = [b'\xff', b'\xc3\x28', b'\xc0\xaf', b'\xed\xa0\x80', b'\xe2\x82', b'\xf4\x90\x80\x80', b'\xfe\xfe',
            b'a\x80b', b'\xf0\x9f\x98']


class Violations:
    def __init__(self):
        self.items = []
        self.categories = collections.Counter()
        self.lock = threading.Lock()

    def add(self, text, category=None):
        with self.lock:
            self.items.append(text)
            self.categories[category or text.split(' ', 1)[0]] += 1


class Target:
    """The server and the accounts made before fuzzing."""

    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port, self.url = parsed.hostname, parsed.port, url
        self.shoppers = []
        self.reviewer = None
        self.form_cookie = self.form_csrf = None

    def prepare(self, random_source):
        for index in range(2):
            browser = webclient.Browser(self.url)
            email = 'fuzz-shopper-%d-%d@example.test' % (index, random_source.randrange(10 ** 9))
            browser.signup('Fuzz Shopper %d' % index, email, 'fuzz-password-%d-long' % index)
            browser.login(email, 'fuzz-password-%d-long' % index)
            self.shoppers.append({'cookies': dict(browser.cookies), 'csrf': browser.chat_csrf(), 'email': email})
        # An accented address (NFC) for the look-alike family to respell in NFD.
        self.accented = 'fuzz-\u00e9lise-%d@example.test' % random_source.randrange(10 ** 9)
        webclient.Browser(self.url).signup('Fuzz \u00c9lise', self.accented, 'fuzz-accented-password')
        reviewer = webclient.Browser(self.url)
        reviewer.login('reviewer@example.com', 'review-every-answer')
        csrf = reviewer.chat_csrf()
        reviewer.post_form('/debug', [('csrf', csrf), ('show', '1'), ('conversation', '')])
        self.reviewer = {'cookies': dict(reviewer.cookies), 'csrf': csrf}
        anonymous = webclient.Browser(self.url)
        page = anonymous.get('/login')
        self.form_cookie, self.form_csrf = anonymous.cookies['concierge_form'], page.csrf()


class Request:
    """One raw request and what to check about its answer."""

    def __init__(self, category, method, target, headers=(), body=b'', well_formed=True):
        self.category, self.method, self.target = category, method, target
        self.headers, self.body, self.well_formed = list(headers), body, well_formed
        self.payloads = []  # injected HTML: must not come back raw
        self.must_refuse = False  # a wrong or missing CSRF token on a signed-in form: must be 403
        self.login_injection = False  # must not log in
        self.shopper_page = False  # must not show a debug trace
        self.control_refused = False  # a field holds a control character: must be refused (400/403/404/422/429)
        self.secrets = []  # payment numbers (letters and digits only): must not come back in any spelling

    def raw(self, host, port):
        if isinstance(self.method, str):
            method = self.method.encode('latin-1')
        else:
            method = self.method
        target = self.target if isinstance(self.target, bytes) else self.target.encode('utf-8', 'surrogatepass')
        lines = [method + b' ' + target + b' HTTP/1.1', b'Host: %s:%d' % (host.encode(), port), b'Connection: close']
        for name, value in self.headers:
            name = name if isinstance(name, bytes) else name.encode('latin-1')
            value = value if isinstance(value, bytes) else value.encode('utf-8', 'surrogatepass')
            lines.append(name + b': ' + value)
        if self.body or self.method in ('POST', 'PUT', 'PATCH'):
            lines.append(b'Content-Length: %d' % len(self.body))
        return b'\r\n'.join(lines) + b'\r\n\r\n' + self.body


def send(target, request, timeout=30):
    """(status, headers, body) or (None, None, reason)."""
    try:
        with socket.create_connection((target.host, target.port), timeout=timeout) as sock:
            sock.sendall(request.raw(target.host, target.port))
            data = b''
            while b'\r\n\r\n' not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    return None, None, 'closed without a response'
                data += chunk
            head, _, body = data.partition(b'\r\n\r\n')
            lines = head.split(b'\r\n')
            status = int(lines[0].split()[1])
            headers = [tuple(part.strip() for part in line.split(b':', 1)) for line in lines[1:] if b':' in line]
            length = next((int(value) for name, value in headers if name.lower() == b'content-length'), None)
            chunked = any(name.lower() == b'transfer-encoding' and b'chunked' in value.lower()
                          for name, value in headers)
            if request.method == 'HEAD' or status in (204, 304):
                return status, headers, b''
            while True:
                if length is not None and len(body) >= length:
                    body = body[:length]
                    break
                if chunked and body.endswith(b'0\r\n\r\n'):
                    body = _dechunk(body)
                    break
                chunk = sock.recv(65536)
                if not chunk:
                    if chunked:
                        body = _dechunk(body)
                    break
                body += chunk
            return status, headers, body
    except socket.timeout:
        return None, None, 'no answer within %d s' % timeout
    except ConnectionError as error:
        return None, None, type(error).__name__


def _dechunk(data):
    out, rest = b'', data
    while rest:
        size_line, _, rest = rest.partition(b'\r\n')
        size = int(size_line.split(b';')[0] or b'0', 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2:]
    return out


# Generation ---------------------------------------------------------------------------------------------------------

def marker(rng):
    return 'fz%08x' % rng.getrandbits(32)


def html_payload(rng):
    return rng.choice(HTML).format(m=marker(rng))


def any_payload(rng):
    kind = rng.random()
    if kind < 0.45:
        return html_payload(rng)
    if kind < 0.65:
        return rng.choice(SQL)
    if kind < 0.85:
        return rng.choice(NOSQL)
    if kind < 0.90:
        return rng.choice(CRLF)
    if kind < 0.95:
        return rng.choice(CONTROL)
    return rng.choice(OTHER)


def _has_control(text):
    """A control character (Cc) no field accepts: chat messages may hold line breaks and tabs, so those are left out."""
    return any(unicodedata.category(c) == 'Cc' and c not in '\t\n\r' for c in text)


def cookie_header(cookies):
    return ('Cookie', '; '.join('%s=%s' % item for item in cookies.items()))


def form_body(fields):
    return urllib.parse.urlencode(fields).encode()


def signed_in(target, rng, reviewer=False):
    return target.reviewer if reviewer else rng.choice(target.shoppers)


def good_fields(path, account, target, rng):
    """A valid form for `path` (the CSRF token for signed-in forms, the signed token for anonymous ones)."""
    values = {
        'email': 'nobody-%d@example.test' % rng.randrange(10 ** 6),
        'password': 'not-the-password-%d' % rng.randrange(99),
        'name': 'Fuzz Person', 'phone': '', 'city': 'London', 'temperature': 'hot', 'dietary[]': 'vegan',
        'message': rng.choice(["I'm cold", 'any offers?', 'where is my order?']), 'conversation': '',
        'latitude': '51.5', 'longitude': '-0.12', 'reset': '', 'show': '1', 'turn': '',
    }
    csrf = target.form_csrf if path in ('/login', '/signup') else account['csrf']
    return [('csrf', csrf)] + [(name, values[name]) for name in FORMS[path]]


def form_request(category, path, fields, target, account, extra_headers=(), fetch=None):
    cookies = dict(account['cookies']) if account else {}
    if path in ('/login', '/signup'):
        cookies['concierge_form'] = target.form_cookie
    headers = [('Content-Type', 'application/x-www-form-urlencoded'), cookie_header(cookies)]
    if fetch if fetch is not None else path == '/chat':
        headers.append(('X-Requested-With', 'fetch'))
    return Request(category, 'POST', path, headers + list(extra_headers), form_body(fields))


def gen_cookies(rng, target):
    # Never POST /logout with a good token here: it would end the shared session for every later request.
    path = rng.choice(['/chat', '/', '/chat?c=new', '/login', '/signup', 'POST /chat', 'POST /location'])
    account = signed_in(target, rng)
    token = ''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') for _ in range(43))
    choice = rng.randrange(11)
    cookie = {
        0: 'concierge_session=' + token,
        1: 'concierge_session=' + 'A' * rng.choice([1, 100, 4000, 8000]),
        2: 'concierge_session=',
        3: 'concierge_session=%s; concierge_session=%s' % (account['cookies']['concierge_session'], token),
        4: 'concierge_session="%s"' % token,
        5: 'concierge_session=' + html_payload(rng),
        6: 'concierge_location=' + rng.choice(['{"lat":999}', '51.5,-0.1,extra', html_payload(rng), '%FF%FE',
                                               'x' * 5000]),
        7: 'concierge_debug=1; concierge_session=' + account['cookies']['concierge_session'],
        8: 'concierge_form=' + rng.choice(['', 'x', token, html_payload(rng)]),
        9: ';;;=;=x; ; concierge_session',
        10: 'concierge_session=' + account['cookies']['concierge_session'] + '\u00e9\u00e9',
    }[choice]
    if path.startswith('POST '):
        form_path = path[5:]
        fields = good_fields(form_path, account, target, rng)
        request = Request('cookies', 'POST', form_path, [('Content-Type', 'application/x-www-form-urlencoded'),
                                                         ('Cookie', cookie), ('X-Requested-With', 'fetch')],
                          form_body(fields))
    else:
        request = Request('cookies', 'GET', path, [('Cookie', cookie)])
    request.shopper_page = choice == 7
    return request


def gen_csrf(rng, target):
    path = rng.choice(['/chat', '/location', '/logout', '/debug', '/login', '/signup'])
    account = signed_in(target, rng, reviewer=path == '/debug' and rng.random() < 0.5)
    fields = [field for field in good_fields(path, account, target, rng) if field[0] != 'csrf']
    other = target.shoppers[0]['csrf'] if account is not target.shoppers[0] else target.shoppers[1]['csrf']
    valid = target.form_csrf if path in ('/login', '/signup') else account['csrf']
    choice = rng.randrange(9)
    tokens = {
        0: [], 1: [('csrf', '')], 2: [('csrf', 'x' * 43)], 3: [('csrf', other)], 4: [('csrf', valid[:-1])],
        5: [('csrf', valid + ' ')], 6: [('csrf', html_payload(rng))], 7: [('CSRF', valid)],
        8: [('csrf', valid.lower() if valid != valid.lower() else valid.upper())],
    }[choice]
    request = form_request('csrf', path, tokens + fields, target, account)
    request.must_refuse = True  # every variant above is a missing or wrong token
    return request


def gen_utf8(rng, target):
    bad = rng.choice(BAD_UTF8)
    where = rng.randrange(6)
    account = signed_in(target, rng)
    if where <= 2:
        path = rng.choice(['/chat', '/login', '/signup', '/location'])
        fields = good_fields(path, account, target, rng)
        index = rng.randrange(1, len(fields)) if len(fields) > 1 else 0
        body = b'&'.join(
            urllib.parse.quote(name).encode() + b'=' + (
                (urllib.parse.quote(value).encode() + (bad if where == 0 else
                                                        urllib.parse.quote_from_bytes(bad).encode()))
                if position == index else urllib.parse.quote(value).encode())
            for position, (name, value) in enumerate(fields))
        if where == 2:
            body = body.replace(b'csrf=', b'csrf' + bad + b'=')
        cookies = dict(account['cookies'], concierge_form=target.form_cookie)
        return Request('utf8', 'POST', path, [('Content-Type', 'application/x-www-form-urlencoded'),
                                              cookie_header(cookies), ('X-Requested-With', 'fetch')], body)
    if where == 3:
        return Request('utf8', 'GET', b'/chat?c=' + rng.choice([bad, urllib.parse.quote_from_bytes(bad).encode()]),
                       [cookie_header(account['cookies'])])
    if where == 4:
        return Request('utf8', 'GET', b'/public/app' + bad + b'.css', well_formed=False)
    return Request('utf8', 'GET', '/chat', [(b'Cookie', b'concierge_session=' + bad),
                                            (b'User-Agent', b'fuzz ' + bad), (b'X-Forwarded-For', bad)])


def gen_huge(rng, target):
    account = signed_in(target, rng)
    choice = rng.randrange(8)
    if choice == 0:
        size = rng.choice([2_001, 5_000, 10_000])
        fields = [('csrf', account['csrf']), ('conversation', ''), ('message', 'ß' * size)]
        return form_request('huge', '/chat', fields, target, account)
    if choice == 1:
        fields = [('csrf', account['csrf']), ('conversation', ''), ('message', 'x' * rng.choice([40_000, 1_000_000]))]
        return form_request('huge', '/chat', fields, target, account)
    if choice == 2:
        path = rng.choice(['/login', '/signup'])
        fields = good_fields(path, account, target, rng)
        fields = [(name, value if name == 'csrf' else value + 'e' * rng.choice([300, 3_000, 20_000]))
                  for name, value in fields]
        return form_request('huge', path, fields, target, None)
    if choice == 3:
        extra = [('f%d' % i, 'v') for i in range(rng.choice([500, 3_000]))]
        fields = [('csrf', account['csrf']), ('message', 'hi')] + extra
        return form_request('huge', '/chat', fields, target, account)
    if choice == 4:
        return Request('huge', 'GET', '/chat', [cookie_header(account['cookies']),
                                                ('X-Fuzz', 'h' * rng.choice([8_000, 40_000, 100_000]))],
                       well_formed=False)
    if choice == 5:
        return Request('huge', 'GET', '/chat?c=' + 'c' * rng.choice([2_000, 16_000, 70_000]),
                       [cookie_header(account['cookies'])], well_formed=False)
    if choice == 6:
        return Request('huge', 'GET', '/', [('X-H%d' % i, 'v') for i in range(rng.choice([100, 500]))],
                       well_formed=False)
    fields = [('csrf', account['csrf']), ('conversation', 'conv_' + 'z' * 5_000), ('message', 'hello')]
    return form_request('huge', '/chat', fields, target, account)


def gen_methods(rng, target):
    method, path = rng.choice(METHODS), rng.choice(PATHS)
    account = signed_in(target, rng)
    body = form_body(good_fields('/chat', account, target, rng)) if rng.random() < 0.5 else b''
    request = Request('methods', method, path, [cookie_header(account['cookies']),
                                                ('Content-Type', 'application/x-www-form-urlencoded')], body,
                      well_formed=method.isupper() and len(method) < 20 and method != 'CONNECT')
    return request


def gen_paths(rng, target):
    account = signed_in(target, rng)
    choice = rng.randrange(7)
    if choice <= 2:
        path = rng.choice(TRAVERSALS)
    elif choice == 3:
        path = '/' + '/'.join(rng.choice(['a', '..', '.', '%2e', 'chat', '']) for _ in range(rng.choice([3, 30, 300])))
    elif choice == 4:
        path = rng.choice(['//chat', '/chat/', '/CHAT', '/chat/../login', '/%63hat', '/chat;jsessionid=1', '/chat#x',
                           '/čhat', '/\u0000', '/%00', 'http://evil.example/chat', '*', '/login?notice=../../x',
                           '/chat?c=' + '../../etc/passwd', '/chat?c=new&c=other', '/chat?c[]=1', '/chat?c[$ne]=x'])
    elif choice == 5:
        path = '/chat?c=' + urllib.parse.quote(any_payload(rng))
    else:
        path = ('/login?notice=' + urllib.parse.quote(any_payload(rng))
                + '&email=' + urllib.parse.quote(html_payload(rng)))
    request = Request('paths', 'GET', path, [cookie_header(account['cookies'])],
                      well_formed=path.startswith('/') and '\u0000' not in path)
    request.payloads = _html_in(urllib.parse.unquote(path))
    return request


def gen_injection(rng, target):
    choice = rng.randrange(10)
    if choice <= 1:
        return stored_flow(rng, target)
    path = rng.choice([path for path in FORMS if path != '/logout'])  # a good /logout would end the shared session
    reviewer = path == '/debug' or (path == '/chat' and rng.random() < 0.3)
    account = signed_in(target, rng, reviewer=reviewer)
    fields = good_fields(path, account, target, rng)
    names = [name for name, _ in fields if name != 'csrf'] or ['csrf']
    if len(names) > 1 and rng.random() < 0.8:
        names = [name for name in names if name != 'conversation']  # a bad conversation id is a 404 before the rest
    chosen = set(rng.sample(names, rng.randint(1, len(names))))
    payloads = {name: any_payload(rng) for name in chosen}
    if choice == 2 and path == '/login':
        fields = [('csrf', fields[0][1]), ('email[$ne]', 'x'), ('password[$ne]', 'x'), ('email', 'ava@example.com'),
                  ('password', rng.choice(SQL + NOSQL))]
    else:
        fields = [(name, payloads.get(name, value)) for name, value in fields]
    headers = [('X-Forwarded-For', rng.choice(['10.%d.%d.%d' % (rng.randrange(256), rng.randrange(256),
                                                                  rng.randrange(256)), any_payload(rng)])),
               ('User-Agent', any_payload(rng)), ('Referer', any_payload(rng))]
    headers = [(name, ''.join(c for c in value if unicodedata.category(c) != 'Cc')) for name, value in headers]
    request = form_request('injection', path, fields, target, account if path not in ('/login', '/signup') else None,
                           headers, fetch=rng.random() < 0.6)
    request.payloads = [value for value in payloads.values() if _html_in(value)] + _html_in(
        ' '.join(value for _, value in headers))
    request.login_injection = path == '/login'
    request.control_refused = any(_has_control(name + value) for name, value in fields)
    return request


def spelled(number, rng):
    """A payment number as a shopper might type it: unbroken, in fours with spaces or dashes, lower case."""
    groups = [number[index:index + 4] for index in range(0, len(number), 4)]
    choice = rng.randrange(4)
    if choice == 0:
        return number
    if choice == 1:
        return ' '.join(groups)
    if choice == 2:
        return '-'.join(groups) if number[0].isdigit() else ' '.join(groups).lower()
    return number.lower()


def citation_bomb(rng, limit):
    """Text that made the citation regex backtrack, at most `limit` characters."""
    choice = rng.randrange(5)
    if choice == 0:
        bomb = '[a' + ' > b' * (limit // 4)
    elif choice == 1:
        bomb = '[a-b' + ' > b > ' * (limit // 7) + 'c' * 121 + ']'
    elif choice == 2:
        bomb = '[a > ' * (limit // 5)
    elif choice == 3:
        bomb = '>' * limit
    else:
        bomb = '[a' + ' > ' + 'b' * 119 + ' > b' * (limit // 4)
    return bomb[:limit]


def gen_privacy(rng, target):
    choice = rng.randrange(6)
    if choice <= 1:
        return ('citation', rng.getrandbits(64))
    if choice == 2:
        return ('payment', rng.getrandbits(64))
    account = signed_in(target, rng)
    if choice == 3:
        message = 'is this ok? ' + citation_bomb(rng, rng.choice([98, 1_000, 1_980]))
        fields = [('csrf', account['csrf']), ('conversation', ''), ('message', message)]
        return form_request('privacy', '/chat', fields, target, account)
    number = rng.choice(CARDS + IBANS)
    message = rng.choice(['my card %s was charged twice', 'refund to %s please', '%s', 'is %s ok? <b>x</b>'])
    fields = [('csrf', account['csrf']), ('conversation', ''), ('message', message % spelled(number, rng))]
    request = form_request('privacy', '/chat', fields, target, account)
    request.secrets = [number.upper()]
    return request


def run_payment_flow(seed, target, violations, record):
    """A payment number in a message, then the conversation's page: neither holds it."""
    rng = random.Random(seed)
    account = signed_in(target, rng)
    browser = webclient.Browser(target.url)
    browser.cookies = dict(account['cookies'])
    number = rng.choice(CARDS + IBANS)
    # Not after an identifier word ("account", "order", "gift"…): the masker reads a number there as an id, not a
    # card (a precision choice of PIIMasking's NumberContext; see docs/masking.md, known limits).
    sent = browser.send(account['csrf'], 'my card / bank details: %s, thanks' % spelled(number, rng))
    steps = [('POST /chat', sent)]
    conversation = re.search(r'data-conversation="([^"]+)"', sent.text)
    if conversation:
        steps.append(('GET /chat?c=', browser.get('/chat?c=' + conversation.group(1))))
    for label, response in steps:
        record('privacy', response.status)
        check_secrets('privacy %s (payment flow)' % label, response.body, [number.upper()], violations)
        if response.status >= 500:
            violations.add('privacy %s (payment flow): answered %d' % (label, response.status))
    return len(steps)


def run_citation_flow(seed, target, violations, record):
    """A citation bomb as a shopper's name: the answer greets them by name, then their page shows it."""
    rng = random.Random(seed)
    browser = webclient.Browser(target.url)
    email = 'fuzz-cite-%x@example.test' % seed
    page = browser.get('/signup')
    signup = browser.post_form('/signup', [('csrf', page.csrf() or ''), ('name', citation_bomb(rng, 98)),
                                           ('email', email), ('password', 'fuzz-cite-password'), ('city', 'London'),
                                           ('temperature', 'hot')])
    steps = [('POST /signup', signup)]
    if signup.status == 303:
        login_page = browser.get('/login')
        browser.post_form('/login', [('csrf', login_page.csrf() or ''), ('email', email),
                                     ('password', 'fuzz-cite-password')])
        chat = browser.get('/chat?c=new')
        steps.append(('GET /chat', chat))
        if chat.csrf():
            sent = browser.send(chat.csrf(), rng.choice(['hello!', 'hi', 'how long do refunds take?']))
            steps.append(('POST /chat', sent))
            conversation = re.search(r'data-conversation="([^"]+)"', sent.text)
            if conversation:
                steps.append(('GET /chat?c=', browser.get('/chat?c=' + conversation.group(1))))
    for label, response in steps:
        record('privacy', response.status)
        if response.status >= 500:
            violations.add('privacy %s (citation flow): answered %d' % (label, response.status))
        if response.seconds > CITATION_SECONDS:
            violations.add('privacy %s (citation flow): took %.1f s' % (label, response.seconds))
    return len(steps)


def stored_flow(rng, target):
    """A payload stored in a profile or a message, then the pages that show it."""
    return ('flow', rng.getrandbits(64))


def run_flow(seed, target, violations, record):
    rng = random.Random(seed)
    browser = webclient.Browser(target.url)
    email = 'fuzz-flow-%x@example.test' % seed
    name, city, message = html_payload(rng), rng.choice([html_payload(rng), 'London']), html_payload(rng)
    steps = []
    page = browser.get('/signup')
    steps.append(('GET /signup', page))
    signup = browser.post_form('/signup', [('csrf', page.csrf() or ''), ('name', name), ('email', email),
                                           ('password', 'fuzz-flow-password'), ('city', city), ('temperature', 'hot'),
                                           ('phone', rng.choice(['', html_payload(rng)])),
                                           ('dietary[]', rng.choice(['vegan', html_payload(rng)]))])
    steps.append(('POST /signup', signup))
    if signup.status == 303:
        login_page = browser.get('/login')
        steps.append(('POST /login', browser.post_form('/login', [('csrf', login_page.csrf() or ''), ('email', email),
                                                                  ('password', 'fuzz-flow-password')])))
        chat = browser.get('/chat?c=new')
        steps.append(('GET /chat', chat))
        if chat.csrf():
            sent = browser.send(chat.csrf(), message + ' ' + name)
            steps.append(('POST /chat', sent))
            conversation = re.search(r'data-conversation="([^"]+)"', sent.text)
            if conversation:
                steps.append(('GET /chat?c=', browser.get('/chat?c=' + conversation.group(1))))
    payloads = [payload for payload in (name, city, message) if _html_in(payload)]
    for label, response in steps:
        headers = [(key.encode(), value.encode('utf-8', 'replace')) for key, value in response.headers]
        record('injection', response.status)
        check_response('injection ' + label + ' (stored flow)', response.status, headers, response.body, payloads,
                       violations)
    return len(steps)


# Letters with a Cyrillic or Greek twin that looks the same.
TWINS = {'a': ['\u0430', '\u03b1'], 'e': ['\u0435'], 'o': ['\u043e', '\u03bf'], 'c': ['\u0441'],
         'p': ['\u0440', '\u03c1'], 'x': ['\u0445'], 'y': ['\u0443'], 'i': ['\u0456']}
INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u202e', '\u200e']


def lookalike(email, rng):
    """`email` respelled so that it looks the same (or, normalised, is the same)."""
    local, _, domain = email.partition('@')
    kind = rng.choice(['fullwidth', 'twin', 'invisible', 'case', 'nfd'])
    if kind == 'fullwidth':
        local = ''.join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() and rng.random() < 0.6 else c
                        for c in local)
    elif kind == 'twin' and any(c in TWINS for c in local):
        positions = [i for i, c in enumerate(local) if c in TWINS]
        i = rng.choice(positions)
        local = local[:i] + rng.choice(TWINS[local[i]]) + local[i + 1:]
    elif kind == 'invisible':
        i = rng.randrange(len(local) + 1)
        local = local[:i] + rng.choice(INVISIBLE) + local[i:]
    elif kind == 'case':
        local = ''.join(c.upper() if rng.random() < 0.5 else c for c in local)
    else:
        local = unicodedata.normalize('NFD', local)
    return local + '@' + domain


def lookalike_flow(rng, target):
    return ('lookalike', rng.getrandbits(64))


def run_lookalike_flow(seed, target, violations, record):
    """A look-alike of an existing address signed up with a new password: that password must never log in."""
    rng = random.Random(seed)
    existing = rng.choice([shopper['email'] for shopper in target.shoppers] + [target.accented])
    email = lookalike(existing, rng)
    password = 'fuzz-lookalike-%x' % seed
    browser = webclient.Browser(target.url, forwarded_for='198.18.%d.%d' % (rng.randrange(256), rng.randrange(256)))
    page = browser.get('/signup')
    signup = browser.post_form('/signup', [('csrf', page.csrf() or ''), ('name', 'Fuzz Lookalike'), ('email', email),
                                           ('password', password), ('city', 'London'), ('temperature', 'hot')])
    record('lookalike', signup.status)
    if signup.status not in (303, 422, 429):
        violations.add('lookalike POST /signup %r: answered %d' % (email, signup.status))
    login_page = browser.get('/login')
    login = browser.post_form('/login', [('csrf', login_page.csrf() or ''), ('email', email), ('password', password)])
    record('lookalike', login.status)
    if login.status == 303:
        violations.add('lookalike %r of %r became an account of its own' % (email, existing))
    elif login.status >= 500:
        violations.add('lookalike POST /login %r: answered %d' % (email, login.status))
    return 3


def _html_in(text):
    found = []
    for template in HTML:
        prefix = template.split('{m}')[0]
        for match in re.finditer(re.escape(prefix) + r"fz[0-9a-f]{8}", text):
            found.append(match.group(0))
    return found


GENERATORS = {'cookies': gen_cookies, 'csrf': gen_csrf, 'utf8': gen_utf8, 'huge': gen_huge, 'methods': gen_methods,
              'paths': gen_paths, 'injection': gen_injection, 'privacy': gen_privacy, 'lookalike': lookalike_flow}
FLOWS = {'flow': run_flow, 'payment': run_payment_flow, 'citation': run_citation_flow,
         'lookalike': run_lookalike_flow}


# Checks -------------------------------------------------------------------------------------------------------------

def check_response(label, status, headers, body, payloads, violations):
    if status >= 500:
        violations.add('%s: answered %d' % (label, status))
    for name, value in headers:
        if name.lower() in (b'x-fuzz-injected',) or (name.lower() == b'set-cookie' and value.startswith(b'fuzz=')):
            violations.add('%s: a header was injected through CRLF (%s)' % (label, name.decode('latin-1')))
    text = body.decode('utf-8', 'replace')
    head_text = ' '.join(value.decode('latin-1') for _, value in headers)
    for payload in payloads:
        if payload in text or payload in head_text:
            violations.add('%s: the response echoes %r unescaped' % (label, payload[:60]))


def check_secrets(label, body, secrets, violations):
    """A payment number in any spelling: its letters and digits in order, whatever separates them."""
    if not secrets:
        return
    squeezed = re.sub(r'[^0-9A-Z]', '', body.decode('utf-8', 'replace').upper())
    for secret in secrets:
        if secret in squeezed:
            violations.add('%s: a payment number comes back whole (…%s)' % (label, secret[-4:]))


def check(request, status, headers, body, violations):
    label = '%s %s %s' % (request.category, request.method if isinstance(request.method, str) else '?',
                          (request.target if isinstance(request.target, str) else
                           request.target.decode('latin-1'))[:80])
    if status is None:
        if request.well_formed:
            violations.add('%s: %s' % (label, body))
        return
    check_response(label, status, headers, body, request.payloads, violations)
    text = body.decode('utf-8', 'replace')
    to_login = any(n.lower() == b'location' and v.startswith(b'/login') for n, v in headers)
    if request.must_refuse and status != 403 and not (status == 303 and to_login):
        violations.add('%s: a form with a wrong or missing CSRF token answered %d, not 403' % (label, status))
    if request.login_injection and status == 303 and any(v == b'/chat' for n, v in headers if n.lower() == b'location'):
        violations.add('%s: a login with an injection string succeeded' % label)
    if request.control_refused and status not in (400, 403, 404, 422, 429):
        violations.add('%s: a form with a control character (NUL...) answered %d, not a refusal' % (label, status))
    check_secrets(label, body, request.secrets, violations)
    if request.shopper_page and 'Debug trace' in text:
        violations.add('%s: a shopper saw a debug trace' % label)
    if request.category == 'paths' and status == 200:
        for secret in SECRETS:
            if secret in text:
                violations.add('%s: served a file outside Public/ (%r)' % (label, secret))


# Main -----------------------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--url', required=True)
    parser.add_argument('--requests', type=int, default=10_000)
    parser.add_argument('--seed', type=int, default=42)
    parser.add_argument('--workers', type=int, default=4)
    parser.add_argument('--server-pid', type=int)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    target = Target(arguments.url)
    target.prepare(rng)
    specs = []
    per_category = -(-arguments.requests // len(CATEGORIES))
    for category in CATEGORIES:
        for _ in range(per_category):
            specs.append(GENERATORS[category](rng, target))
    rng.shuffle(specs)

    counts = collections.defaultdict(collections.Counter)
    counts_lock = threading.Lock()
    violations = Violations()

    def record(category, status):
        with counts_lock:
            counts[category][status if status is not None else 'no response'] += 1

    def execute(spec):
        if isinstance(spec, tuple):
            FLOWS[spec[0]](spec[1], target, violations, record)
            return
        status, headers, body = send(target, spec)
        record(spec.category, status)
        check(spec, status, headers, body, violations)

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(arguments.workers) as pool:
        for future in [pool.submit(execute, spec) for spec in specs]:
            future.result()
    elapsed = time.monotonic() - started

    health = send(target, Request('final', 'GET', '/healthz'))[0]
    alive = True
    if arguments.server_pid:
        try:
            os.kill(arguments.server_pid, 0)
        except ProcessLookupError:
            alive = False
    if health != 200 or not alive:
        violations.add('after fuzzing: server alive %s, /healthz %s' % (alive, health), category='alive')

    total = sum(sum(counter.values()) for counter in counts.values())
    print('fuzz-http: %d requests in %.0f s (seed %d, %d workers)'
          % (total, elapsed, arguments.seed, arguments.workers))
    print('%-10s %8s  %s' % ('category', 'requests', 'statuses'))
    for category in CATEGORIES:
        counter = counts[category]
        statuses = ', '.join('%s × %d' % (status, number) for status, number in
                             sorted(counter.items(), key=lambda item: str(item[0])))
        print('%-10s %8d  %s' % (category, sum(counter.values()), statuses))
    five = sum(number for counter in counts.values() for status, number in counter.items()
               if isinstance(status, int) and status >= 500)
    print('5xx: %d; server alive: %s; /healthz: %s' % (five, 'yes' if alive else 'NO', health))
    for violation in violations.items[:40]:
        print('VIOLATION: ' + violation)
    if len(violations.items) > 40:
        print('... and %d more violations' % (len(violations.items) - 40))
    # One check per category and one for the server's health at the end, counted like the browser test's steps.
    checks = CATEGORIES + ['alive']
    failed = sum(1 for check_name in checks if violations.categories[check_name])
    print('fuzz-http: %d requests, %d violations' % (total, len(violations.items)))
    failed += 1 if failed == 0 and violations.items else 0  # a violation outside the categories
    print('fuzz: %d passed, %d failed' % (len(checks) - failed, failed))
    return 1 if violations.items else 0


if __name__ == '__main__':
    sys.exit(main())
