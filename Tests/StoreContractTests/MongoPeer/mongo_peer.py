#!/usr/bin/python3
"""A MongoDB wire-protocol test peer: mockupdb speaks the protocol, mongomock runs the commands.

Started by the Swift test harness (MongoHarness.swift) with Debian's /usr/bin/python3 and the Debian packages
python3-mockupdb and python3-mongomock. It is a contract-test peer, not a database:

- it binds 127.0.0.1 on a free port and prints exactly one line, ``PORT <n>``, on stdout;
- mockupdb handles one request at a time (one lock for every connection), which makes every command atomic;
- it exits when its stdin closes or its parent process goes away, so a crashed test run leaves no orphan;
- it has no transactions, auth, change streams, getMore (every result is returned in the first batch) or TTL
  expiry (see ``_freeze_ttl_monitor``); aggregation goes only as far as mongomock goes.

What MongoStore sends, all of which both this peer and a real server run: find (filter, sort, limit,
projection), insert, update (replacement with upsert, $set, $inc, $max, $setOnInsert), delete, findAndModify
(upsert, new), count via aggregate ($match, $group with $sum/$max, $sort), createIndexes (unique, TTL, partial),
listIndexes, ping. What the peer cannot run: dates after 9999-12-31 (Python's datetime cannot hold them;
libmongoc gets a dropped connection), collations, text and geo queries, $lookup beyond mongomock's subset,
retryable writes and sessions (lsid is accepted and ignored).

Two options, for the fault drill (script/drill-store) only; the tests use neither: ``--port N`` binds that port
instead of a free one (a restarted peer comes back where the killed one was), and ``--state FILE`` loads the
data from FILE at start and rewrites FILE after every acknowledged write, so a peer killed with SIGKILL and
started again keeps what it acknowledged, as a journaled server would. Saving rewrites the changed collections
after each write: fine for a drill, far too slow for anything else.
"""

import signal

# First thing: a child started from a Swift Testing worker inherits that thread's blocked signal mask
# (SIGTERM/SIGINT blocked), which would make the peer unkillable by anything but SIGKILL.
signal.pthread_sigmask(signal.SIG_SETMASK, [])

import argparse  # noqa: E402
import datetime  # noqa: E402
import os  # noqa: E402
import pickle  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import mockupdb  # noqa: E402
import mongomock  # noqa: E402
import mongomock.store  # noqa: E402
from mongomock.filtering import filter_applies  # noqa: E402
from pymongo import ReturnDocument  # noqa: E402  (mongomock has none of its own)

DUPLICATE_KEY = 11000
# The index options the peer passes on to mongomock (a partial unique index: one open hand-off per conversation).
INDEX_OPTIONS = ('unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression')
COMMAND_NOT_FOUND = 59
BAD_VALUE = 2


def _freeze_ttl_monitor():
    """Keeps documents whose TTL field lies in the past.

    mongomock expires TTL-indexed documents against the real wall clock on every read. The contract suite pins
    its clock in November 2025, so wall-clock expiry would delete its fixtures mid-test; the store itself
    never relies on TTL (it filters on `expiresAt` and purges explicitly). The indexes are still created and
    listed with their expireAfterSeconds.
    """
    mongomock.store.CollectionStore._remove_expired_documents = lambda self: None


class Engine:
    """Dispatches decoded commands to mongomock. Called under mockupdb's lock: one command at a time."""

    WRITES = ('insert', 'update', 'delete', 'findandmodify', 'createindexes', 'drop', 'dropdatabase')

    def __init__(self, state=None):
        self.client = mongomock.MongoClient()
        self.connection_ids = 0
        self.state = state
        if state is not None:
            state.load(self.client)

    def handle(self, request):
        doc = dict(request.doc)
        if '$query' in doc:  # a legacy OP_QUERY command wrapped with read preferences
            doc = dict(doc['$query'])
        name = next(iter(doc))
        database = request.namespace or 'admin'
        handler = getattr(self, 'cmd_' + name.lower(), None)
        if handler is None:
            return request.command_err(code=COMMAND_NOT_FOUND, errmsg='no such command: ' + name)
        try:
            reply = handler(database, doc)
            if self.state is not None and name.lower() in self.WRITES:
                self.state.save(self.client, database, None if name.lower() == 'dropdatabase' else doc[name])
            return request.replies(reply)
        except mongomock.DuplicateKeyError as error:
            return request.command_err(code=DUPLICATE_KEY, errmsg='E11000 duplicate key error: ' + str(error))
        except Exception as error:  # noqa: BLE001 - any failure becomes an error reply, never a dead connection
            code = getattr(error, 'code', None) or BAD_VALUE
            return request.command_err(code=code, errmsg='%s: %s' % (type(error).__name__, error))

    # Handshake and housekeeping -----------------------------------------------------------------------------

    def cmd_ismaster(self, database, doc):
        self.connection_ids += 1
        # No topologyVersion: libmongoc then polls instead of sending awaitable hellos, which would hold the
        # single lock. maxWireVersion 13 (MongoDB 5.0): libmongoc 1.23 refuses anything below 6.
        return {
            'ismaster': True, 'isWritablePrimary': True, 'helloOk': True,
            'minWireVersion': 0, 'maxWireVersion': 13,
            'maxBsonObjectSize': 16 * 1024 * 1024, 'maxMessageSizeBytes': 48000000, 'maxWriteBatchSize': 100000,
            'localTime': datetime.datetime.utcnow(), 'logicalSessionTimeoutMinutes': 30,
            'connectionId': self.connection_ids, 'ok': 1,
        }

    cmd_hello = cmd_ismaster

    def cmd_ping(self, database, doc):
        return {'ok': 1}

    def cmd_buildinfo(self, database, doc):
        return {'version': '5.0.0-mongomock', 'versionArray': [5, 0, 0, 0], 'ok': 1}

    def cmd_endsessions(self, database, doc):
        return {'ok': 1}

    def cmd_killcursors(self, database, doc):
        return {'cursorsKilled': doc.get('cursors', []), 'ok': 1}

    def cmd_getmore(self, database, doc):
        # Every cursor is exhausted in its first batch (id 0), so a getMore only ever follows a bug.
        return {'cursor': {'id': 0, 'ns': '%s.%s' % (database, doc.get('collection')), 'nextBatch': []}, 'ok': 1}

    # Writes -------------------------------------------------------------------------------------------------

    def cmd_insert(self, database, doc):
        collection = self._collection(database, doc['insert'])
        inserted, errors = 0, []
        for index, document in enumerate(doc.get('documents', [])):
            error = _duplicate_error(collection, document, index, inserting=True)
            if error is None:
                collection.insert_one(dict(document))
                inserted += 1
            else:
                errors.append(error)
                if doc.get('ordered', True):
                    break
        return _write_reply({'n': inserted}, errors)

    def cmd_update(self, database, doc):
        collection = self._collection(database, doc['update'])
        matched, modified, upserted, errors = 0, 0, [], []
        for index, statement in enumerate(doc.get('updates', [])):
            try:
                result = self._update_one_statement(collection, statement)
            except mongomock.DuplicateKeyError:
                errors.append(_duplicate_error(collection, _replacement_of(statement), index) or
                              _generic_duplicate(index))
                if doc.get('ordered', True):
                    break
                continue
            matched += result.matched_count
            modified += result.modified_count
            if result.upserted_id is not None:
                upserted.append({'index': index, '_id': result.upserted_id})
        reply = {'n': matched + len(upserted), 'nModified': modified}
        if upserted:
            reply['upserted'] = upserted
        return _write_reply(reply, errors)

    def _update_one_statement(self, collection, statement):
        query, update = statement.get('q', {}), statement['u']
        upsert, multi = statement.get('upsert', False), statement.get('multi', False)
        if not _is_operator_update(update):
            replacement = dict(update)
            if upsert and '_id' not in replacement and '_id' in query:
                replacement['_id'] = query['_id']
            return collection.replace_one(query, replacement, upsert=upsert)
        if multi:
            return collection.update_many(query, update, upsert=upsert)
        return collection.update_one(query, update, upsert=upsert)

    def cmd_delete(self, database, doc):
        collection = self._collection(database, doc['delete'])
        removed = 0
        for statement in doc.get('deletes', []):
            if statement.get('limit', 0) == 1:
                removed += collection.delete_one(statement.get('q', {})).deleted_count
            else:
                removed += collection.delete_many(statement.get('q', {})).deleted_count
        return {'n': removed, 'ok': 1}

    def cmd_findandmodify(self, database, doc):
        collection = self._collection(database, doc['findAndModify'])
        query, sort = doc.get('query', {}), _sort_list(doc.get('sort'))
        existed = collection.find_one(query, sort=sort) is not None
        if doc.get('remove'):
            value = collection.find_one_and_delete(query, sort=sort)
            return {'value': value, 'lastErrorObject': {'n': 1 if value else 0}, 'ok': 1}
        update = doc['update']
        after = ReturnDocument.AFTER if doc.get('new') else ReturnDocument.BEFORE
        modify = collection.find_one_and_update if _is_operator_update(update) else collection.find_one_and_replace
        value = modify(query, update, projection=doc.get('fields'), sort=sort, upsert=doc.get('upsert', False),
                       return_document=after)
        last_error = {'n': 1 if (existed or doc.get('upsert')) else 0, 'updatedExisting': existed}
        return {'value': value, 'lastErrorObject': last_error, 'ok': 1}

    # Reads --------------------------------------------------------------------------------------------------

    def cmd_find(self, database, doc):
        collection = self._collection(database, doc['find'])
        cursor = collection.find(doc.get('filter', {}), doc.get('projection'))
        if doc.get('sort'):
            cursor = cursor.sort(_sort_list(doc['sort']))
        if doc.get('skip'):
            cursor = cursor.skip(doc['skip'])
        if doc.get('limit'):
            cursor = cursor.limit(abs(doc['limit']))
        return _cursor_reply(database, doc['find'], list(cursor))

    def cmd_aggregate(self, database, doc):
        collection = self._collection(database, doc['aggregate'])
        return _cursor_reply(database, doc['aggregate'], list(collection.aggregate(doc.get('pipeline', []))))

    def cmd_count(self, database, doc):
        return {'n': self._collection(database, doc['count']).count_documents(doc.get('query') or {}), 'ok': 1}

    # Schema -------------------------------------------------------------------------------------------------

    def cmd_createindexes(self, database, doc):
        collection = self._collection(database, doc['createIndexes'])
        before = len(collection.index_information())
        for spec in doc.get('indexes', []):
            options = {key: spec[key] for key in INDEX_OPTIONS if key in spec}
            collection.create_index(list(spec['key'].items()), name=spec['name'], **options)
        after = len(collection.index_information())
        return {'numIndexesBefore': before, 'numIndexesAfter': after, 'createdCollectionAutomatically': before == 0,
                'ok': 1}

    def cmd_listindexes(self, database, doc):
        collection = self._collection(database, doc['listIndexes'])
        return _cursor_reply(database, doc['listIndexes'], list(collection.list_indexes()))

    def cmd_listcollections(self, database, doc):
        names = self.client[database].list_collection_names()
        return _cursor_reply(database, '$cmd.listCollections', [{'name': n, 'type': 'collection'} for n in names])

    def cmd_drop(self, database, doc):
        self.client[database].drop_collection(doc['drop'])
        return {'ok': 1}

    def cmd_dropdatabase(self, database, doc):
        self.client.drop_database(database)
        return {'ok': 1}

    def _collection(self, database, name):
        return self.client[database][name]


def _is_operator_update(update):
    return any(key.startswith('$') for key in update)


def _replacement_of(statement):
    update = statement['u']
    if _is_operator_update(update):
        return None
    replacement = dict(update)
    replacement.setdefault('_id', statement.get('q', {}).get('_id'))
    return replacement


def _sort_list(sort):
    return list(sort.items()) if sort else None


def _cursor_reply(database, collection, documents):
    return {'cursor': {'id': 0, 'ns': '%s.%s' % (database, collection), 'firstBatch': documents}, 'ok': 1}


def _write_reply(reply, errors):
    if errors:
        reply['writeErrors'] = errors
    reply['ok'] = 1
    return reply


def _generic_duplicate(index):
    return {'index': index, 'code': DUPLICATE_KEY, 'errmsg': 'E11000 duplicate key error'}


def _duplicate_error(collection, document, index, inserting=False):
    """The write error a real server would report for `document`, or None when no unique index is violated.

    Like a real server it names the index and its key pattern (drivers map those to a field); mongomock's own
    error says neither. A partial index (``partialFilterExpression``) only covers the documents matching its filter.
    """
    if document is None:
        return None
    own_id = document.get('_id')
    for name, info in collection.index_information().items():
        keys = [key for key, _ in info['key']]
        if name != '_id_' and not info.get('unique'):
            continue
        partial = info.get('partialFilterExpression')
        if partial is not None and not filter_applies(partial, document):
            continue
        query = {key: document.get(key) for key in keys}
        if partial is not None:
            query = {'$and': [query, partial]}
        if name != '_id_' or not inserting:
            query = {'$and': [query, {'_id': {'$ne': own_id}}]}
        if collection.find_one(query) is not None:
            ns = '%s.%s' % (collection.database.name, collection.name)
            return {'index': index, 'code': DUPLICATE_KEY,
                    'errmsg': 'E11000 duplicate key error collection: %s index: %s dup key' % (ns, name),
                    'keyPattern': {key: 1 for key in keys}}
    return None


class StateFile:
    """The peer's data in one pickle file, rewritten (atomically, by rename) after every write command.

    Only the collection a write touched is pickled again; the others are reused from the last save.
    """

    def __init__(self, path):
        self.path = path
        self.collections = {}  # (database, collection) -> pickled {'indexes': [...], 'documents': [...]}

    def load(self, client):
        if not os.path.exists(self.path):
            return
        with open(self.path, 'rb') as file:
            self.collections = pickle.load(file)
        for (database, name), blob in self.collections.items():
            data = pickle.loads(blob)
            collection = client[database][name]
            for index in data['indexes']:
                options = {key: index[key] for key in INDEX_OPTIONS if key in index}
                collection.create_index(index['key'], name=index['name'], **options)
            if data['documents']:
                collection.insert_many(data['documents'])

    def save(self, client, database, name):
        names = [name] if name is not None else client[database].list_collection_names()
        for key in [key for key in self.collections if key[0] == database and (name is None or key[1] == name)]:
            del self.collections[key]
        for collection_name in names:
            if collection_name not in client[database].list_collection_names():
                continue
            collection = client[database][collection_name]
            indexes = [dict(info, name=index_name) for index_name, info in collection.index_information().items()
                       if index_name != '_id_']
            self.collections[(database, collection_name)] = pickle.dumps(
                {'indexes': indexes, 'documents': list(collection.find({}))})
        temporary = self.path + '.tmp'
        with open(temporary, 'wb') as file:
            pickle.dump(self.collections, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.path)


def _exit_when_orphaned(parent):
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
    parser = argparse.ArgumentParser(description='MongoDB wire-protocol test peer')
    parser.add_argument('--port', type=int, default=0, help='port to bind (default: a free one)')
    parser.add_argument('--state', help='load from and save every write to this file (drills only)')
    arguments = parser.parse_args()
    parent = os.getppid()
    _freeze_ttl_monitor()
    engine = Engine(StateFile(arguments.state) if arguments.state else None)
    server = mockupdb.MockupDB(port=arguments.port, verbose=False, request_timeout=int(1e6))
    server.autoresponds(engine.handle)
    port = server.run()
    _exit_when_orphaned(parent)
    sys.stdout.write('PORT %d\n' % port)
    sys.stdout.flush()
    threading.Event().wait()


if __name__ == '__main__':
    main()
