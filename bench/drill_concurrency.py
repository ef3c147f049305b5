"""The quota under a burst over real HTTP (run by script/drill-concurrency): `concierge serve` with
DAILY_MESSAGE_LIMIT=5, 50 shoppers signed up and logged in over HTTP, then 500 chat posts released at once (10 per
shopper, one thread and one connection each, the page script's fetch form).

Expects exactly 250 answered and 250 refused by the quota (5 and 5 per shopper), every post a 200, every message
stored exactly once and one reply stored per message. Exits 1 otherwise. `--store mongo` runs the same against the
MongoDB wire-protocol peer (correctness only: the peer is no benchmark).
"""

import argparse
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import webclient  # noqa: E402

REFUSAL = 'reached today&#39;s limit of %d messages'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--concierge', required=True)
    parser.add_argument('--work', required=True)
    parser.add_argument('--store', choices=['sqlite', 'mongo'], default='sqlite')
    parser.add_argument('--shoppers', type=int, default=50)
    parser.add_argument('--posts-each', type=int, default=10)
    parser.add_argument('--limit', type=int, default=5)
    arguments = parser.parse_args()
    env = {'DAILY_MESSAGE_LIMIT': arguments.limit}
    if arguments.store == 'sqlite':
        env['CONCIERGE_DB'] = os.path.join(arguments.work, 'burst.sqlite')
    else:
        peer = harness.MongoPeer(os.path.join(arguments.work, 'peer.log'))
        env['MONGODB_URI'] = 'mongodb://127.0.0.1:%d/?serverSelectionTimeoutMS=5000' % peer.port
        env['MONGODB_DATABASE'] = 'burst'
    env = harness.concierge_env(env)
    log = os.path.join(arguments.work, 'concierge.log')
    print('drill-concurrency [%s]: seeding, then signing up and logging in %d shoppers over HTTP'
          % (arguments.store, arguments.shoppers), flush=True)
    harness.run_concierge(arguments.concierge, ['seed', '--users', '20', '--seed', '7'], env, log)
    server = harness.Server(arguments.concierge, env, os.path.join(arguments.work, 'serve.log'))
    try:
        shoppers = []
        for index in range(arguments.shoppers):
            browser = webclient.Browser(server.url)
            email = 'burst-%d@example.test' % index
            browser.signup('Burst Shopper %d' % index, email, 'burst-password-%d' % index)
            browser.login(email, 'burst-password-%d' % index)
            shoppers.append((dict(browser.cookies), browser.chat_csrf()))
            browser.close()
        results = burst(server.url, shoppers, arguments.posts_each)
        alive = server.alive()
    finally:
        server.stop()
    stored = harness.stored_messages(arguments.concierge, env, arguments.work, 'shopper')
    replies = harness.stored_messages(arguments.concierge, env, arguments.work, 'assistant')
    return report(results, stored, replies, arguments, alive)


def burst(url, shoppers, posts_each):
    """Every post on its own thread and connection, all released by one barrier."""
    jobs = [(index, post) for index in range(len(shoppers)) for post in range(posts_each)]
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def post(slot, index, number):
        cookies, csrf = shoppers[index]
        browser = webclient.Browser(url, timeout=300)
        browser.cookies = dict(cookies)
        text = 'any offers? (burst shopper %d, post %d)' % (index, number)
        barrier.wait()
        try:
            response = browser.send(csrf, text)
            results[slot] = (index, text, response.status, response.text, response.seconds)
        except OSError as error:
            results[slot] = (index, text, 'connection error (%s)' % type(error).__name__, '', None)
        browser.close()

    threads = [threading.Thread(target=post, args=(slot, index, number)) for slot, (index, number) in enumerate(jobs)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print('drill-concurrency: %d posts answered in %.1f s' % (len(jobs), time.monotonic() - started), flush=True)
    return results


def report(results, stored, replies, arguments, alive):
    violations = []
    total = arguments.shoppers * arguments.posts_each
    expected_answered = arguments.shoppers * min(arguments.limit, arguments.posts_each)
    refusal = REFUSAL % arguments.limit
    statuses = {}
    for _, _, status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    refused = [result for result in results if result[2] == 200 and refusal in result[3]]
    answered = [result for result in results if result[2] == 200 and refusal not in result[3]
                and len(webclient.bubbles(result[3])) == 2]
    for index in range(arguments.shoppers):
        mine = sum(1 for result in answered if result[0] == index)
        if mine != min(arguments.limit, arguments.posts_each):
            violations.append('shopper %d got %d answers' % (index, mine))
    texts = [result[1] for result in results]
    not_once = [text for text in texts if stored.get(text, 0) != 1]
    stored_refusals = sum(count for text, count in replies.items()
                          if "reached today's limit of %d messages" % arguments.limit in text)
    print('statuses: %s' % ', '.join('%s × %d' % item for item in sorted(statuses.items(), key=str)))
    print('answered: %d (expected %d); refused by the quota: %d (expected %d)'
          % (len(answered), expected_answered, len(refused), total - expected_answered))
    print('shopper messages stored exactly once: %d of %d' % (total - len(not_once), total))
    print('quota replies stored: %d (expected %d)' % (stored_refusals, total - expected_answered))
    print('slowest post: %.2f s' % max(result[4] or 0 for result in results))
    if statuses.get(200, 0) != total:
        violations.append('not every post answered 200: %s' % statuses)
    if len(answered) != expected_answered or len(refused) != total - expected_answered:
        violations.append('%d answered and %d refused' % (len(answered), len(refused)))
    if not_once:
        violations.append('%d messages not stored exactly once, e.g. %r' % (len(not_once), not_once[0]))
    if not alive:
        violations.append('the server died')
    if stored_refusals != total - expected_answered:
        violations.append('%d quota replies stored' % stored_refusals)
    for violation in violations:
        print('VIOLATION: ' + violation)
    print('drill-concurrency: %d violations' % len(violations))
    return 1 if violations else 0


if __name__ == '__main__':
    sys.exit(main())
