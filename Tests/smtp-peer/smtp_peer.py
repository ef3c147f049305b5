#!/usr/bin/python3
"""A real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd), on 127.0.0.1.

- it binds a free port and prints exactly one line, ``PORT <n>``, on stdout (``TestServerProcess``);
- every accepted message is written whole to ``--maildir`` as ``<n>.eml`` (written to a temporary name, then
  renamed, so a reader never sees half a message), with the envelope in ``X-Peer-Mail-From`` and
  ``X-Peer-Rcpt-To`` lines in front: the tests read reset links from there, never from a log;
- a recipient whose address starts with ``refused`` is refused with 550 (the mailer's failure path);
- it exits when its stdin closes or its parent process goes away, so a crashed test run leaves no orphan.
"""

import signal

# First thing: a child started from a Swift Testing worker inherits that thread's blocked signal mask.
signal.pthread_sigmask(signal.SIG_SETMASK, [])

import argparse
import asyncio
import itertools
import os
import sys
import threading
import time

from aiosmtpd.smtp import SMTP


class Capture:
    def __init__(self, directory):
        self.directory = directory
        self.numbers = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith('refused'):
            return '550 5.1.1 mailbox unavailable'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        number = next(self.numbers)
        head = 'X-Peer-Mail-From: %s\r\nX-Peer-Rcpt-To: %s\r\n' % (envelope.mail_from, ', '.join(envelope.rcpt_tos))
        final = os.path.join(self.directory, '%d.eml' % number)
        temporary = final + '.part'
        with open(temporary, 'wb') as file:
            file.write(head.encode('utf-8') + envelope.original_content)
        os.replace(temporary, final)
        return '250 Message accepted for delivery'


def exit_when_orphaned(parent):
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
    parser = argparse.ArgumentParser(description='SMTP test peer')
    parser.add_argument('--maildir', required=True, help='where accepted messages are written')
    arguments = parser.parse_args()
    parent = os.getppid()
    os.makedirs(arguments.maildir, exist_ok=True)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = Capture(arguments.maildir)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, hostname='peer.test', decode_data=False), '127.0.0.1', 0))
    port = server.sockets[0].getsockname()[1]
    exit_when_orphaned(parent)
    sys.stdout.write('PORT %d\n' % port)
    sys.stdout.flush()
    loop.run_forever()


if __name__ == '__main__':
    main()
