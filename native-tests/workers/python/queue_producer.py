#!/usr/bin/env python3
"""A producer for corral's durable queues (spec.md section 13, queue format 1),
standard library only (python3 >= 3.8).

It enqueues jobs that any corral arbiter consuming the queue runs, and waits
for their results, with nothing but what section 13 and the Lua scripts in
src/broker/lua/ define:

- enqueue: EVALSHA of common.lua followed by enqueue.lua (loaded with SCRIPT
  LOAD), with that script's ARGV convention and the job hash fields of
  section 13.2. The script writes the hash and the stream entry atomically
  and resolves idempotency keys (QUEUE-1, QUEUE-2).
- result: SUBSCRIBE P:r:R on a second connection, then read the job hash,
  then wait for a message or the next poll (section 13.5).

    from queue_producer import Producer
    p = Producer('redis://127.0.0.1:6379')
    job_id, created = p.enqueue('images', 'resize', {'w': 640})
    print(p.result(job_id, timeout=30))

Command line:

    queue_producer.py [--redis URL] [--prefix P] enqueue QUEUE TASK JSON [--wait] [--json] ...
    queue_producer.py [--redis URL] result JOB_ID [--timeout S] [--json]
    queue_producer.py [--redis URL] raw-entry QUEUE --fields id=X v=1 ...
    queue_producer.py [--redis URL] raw-job QUEUE TASK [JSON] --v 2 [--entry-v N]

`raw-entry` and `raw-job` write what a well-behaved producer never writes (a
stream entry as given, a job of another format version), for tests of how a
consumer treats bad input.
"""
import argparse
import base64
import json
import os
import re
import socket
import sys
import time
from urllib.parse import unquote, urlsplit

LUA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'src', 'broker', 'lua')

FORMAT_VERSION = 1
PRIORITIES = {'high': 0, 'normal': 1, 'low': 2}
FINAL = ('SUCCESS', 'FAILURE', 'REVOKED')
JSON_CT = 'application/json'
OCTETS_CT = 'application/octet-stream'
DEFAULT_BACKOFF = {'delay': 1000, 'factor': 2, 'max': 600000, 'jitter': True}
DAY_MS = 24 * 3600 * 1000

QUEUE_NAME = re.compile(r'^[A-Za-z0-9_-]{1,64}$')             # HELLO-10
TASK_NAME = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$')
KEY = re.compile(r'^[\x21-\x7e]{1,128}$')                      # ids and idempotency keys


def now_ms():
    return int(time.time() * 1000)


# ---- RESP2 ----------------------------------------------------------------

class RespError(Exception):
    """An error reply of Redis (-ERR ..., -NOSCRIPT ...)."""


def encode_command(args):
    out = [b'*%d\r\n' % len(args)]
    for a in args:
        if isinstance(a, bytes):
            b = a
        elif isinstance(a, bool):
            b = b'1' if a else b'0'
        elif isinstance(a, (int, float)):
            b = str(a).encode()
        else:
            b = str(a).encode('utf-8')
        out.append(b'$%d\r\n' % len(b))
        out.append(b)
        out.append(b'\r\n')
    return b''.join(out)


def parse_reply(buf, at=0):
    """One RESP2 reply at `at`: (value, end), or None while `buf` lacks part of it.

    Simple strings are str, bulk strings bytes (None for nil), integers int,
    arrays lists (None for a nil array); an error is a RespError value, which
    the caller raises at top level and keeps inside arrays (EXEC)."""
    nl = buf.find(b'\r\n', at)
    if nl < 0:
        return None
    kind, line, nxt = buf[at:at + 1], bytes(buf[at + 1:nl]), nl + 2
    if kind == b'+':
        return line.decode('utf-8', 'replace'), nxt
    if kind == b'-':
        return RespError(line.decode('utf-8', 'replace')), nxt
    if kind == b':':
        return int(line), nxt
    if kind == b'$':
        n = int(line)
        if n < 0:
            return None, nxt
        if len(buf) < nxt + n + 2:
            return None
        return bytes(buf[nxt:nxt + n]), nxt + n + 2
    if kind == b'*':
        n = int(line)
        if n < 0:
            return None, nxt
        items, end = [], nxt
        for _ in range(n):
            r = parse_reply(buf, end)
            if r is None:
                return None
            items.append(r[0])
            end = r[1]
        return items, end
    raise RespError('protocol error: reply type %r' % kind)


class Connection:
    """One connection to Redis: commands one at a time, or pub/sub messages."""

    def __init__(self, url, timeout=10.0):
        u = urlsplit(url)
        if u.scheme != 'redis':
            raise ValueError('only redis:// URLs are supported, got %r' % url)
        self.sock = socket.create_connection((u.hostname or '127.0.0.1', u.port or 6379), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.timeout = timeout
        self.buf = bytearray()
        if u.password is not None:
            auth = [unquote(u.username), unquote(u.password)] if u.username else [unquote(u.password)]
            self.call('AUTH', *auth)
        db = (u.path or '/').lstrip('/')
        if db and db != '0':
            self.call('SELECT', db)

    def send(self, *args):
        self.sock.sendall(encode_command(args))

    def read(self, timeout=None):
        """The next reply; socket.timeout if none is complete within `timeout` s (None: the connection's timeout)."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            r = parse_reply(self.buf)
            if r is not None:
                del self.buf[:r[1]]
                return r[0]
            left = deadline - time.monotonic()
            if left <= 0:
                raise socket.timeout('no reply from Redis')
            self.sock.settimeout(left)
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError('Redis closed the connection')
            self.buf.extend(data)

    def call(self, *args):
        self.send(*args)
        r = self.read()
        if isinstance(r, RespError):
            raise r
        return r

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# ---- the producer ----------------------------------------------------------

class JobError(Exception):
    """A job that ended in FAILURE or REVOKED (or could not be waited for):
    `code` is its `ecode` (a stable code of spec.md sections 9.4 and 13.7),
    `message` its `emsg`."""

    def __init__(self, job_id, state, code, message):
        super().__init__('job %s %s: %s: %s' % (job_id, state, code, message))
        self.job_id, self.state, self.code, self.message = job_id, state, code, message

    @property
    def ecode(self):
        return self.code

    @property
    def emsg(self):
        return self.message


class JobTimeout(JobError, TimeoutError):
    pass


def decode_result(data, content_type):
    """A result by its content type: JSON decoded, anything else as bytes."""
    base = (content_type or '').split(';', 1)[0].strip().lower()
    if base == JSON_CT:
        return None if not data else json.loads(data.decode('utf-8'))
    return data


def encode_payload(payload):
    """(bytes, content type): bytes as they are, anything else as JSON."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        return bytes(payload), OCTETS_CT
    return json.dumps(payload, separators=(',', ':'), ensure_ascii=False).encode('utf-8'), JSON_CT


def new_id():
    """16 random bytes in base64url, as the reference producer makes them."""
    return base64.urlsafe_b64encode(os.urandom(16)).rstrip(b'=').decode('ascii')


def _ms(value, name, minimum=0):
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError('%s: must be a whole number of ms >= %d, got %r' % (name, minimum, value))
    return value


class Producer:
    """Enqueues jobs on corral's durable queues and waits for their results."""

    def __init__(self, url='redis://127.0.0.1:6379', prefix='corral', lua_dir=LUA_DIR, timeout=10.0):
        if not re.match(r'^[A-Za-z0-9_.-]{1,64}$', prefix):
            raise ValueError('prefix: must be 1-64 of A-Z a-z 0-9 _ . -')
        self.url, self.prefix, self.lua_dir, self.timeout = url, prefix, lua_dir, timeout
        self.cmd = Connection(url, timeout)
        self.sub = None
        # This producer's result channel suffix R: its jobs carry rc = R (section 13.5).
        self.channel = base64.urlsafe_b64encode(os.urandom(12)).rstrip(b'=').decode('ascii')
        self._sha = None

    # -- scripts

    def script_source(self, name):
        """common.lua, a newline, then the script's own file (section 13)."""
        with open(os.path.join(self.lua_dir, 'common.lua'), 'rb') as a, \
                open(os.path.join(self.lua_dir, name + '.lua'), 'rb') as b:
            return a.read() + b'\n' + b.read()

    def _enqueue_sha(self):
        if self._sha is None:
            self._sha = self.cmd.call('SCRIPT', 'LOAD', self.script_source('enqueue')).decode('ascii')
        return self._sha

    def _evalsha(self, args):
        try:
            return self.cmd.call('EVALSHA', self._enqueue_sha(), 0, *args)
        except RespError as err:
            if not str(err).startswith('NOSCRIPT'):
                raise
            self._sha = None  # the server restarted or SCRIPT FLUSH ran: load it again
            return self.cmd.call('EVALSHA', self._enqueue_sha(), 0, *args)

    # -- enqueue

    def job_args(self, queue, task, payload, priority='normal', delay_ms=0, eta_ms=None, retries=0,
                 backoff=None, idempotency_key=None, key_ttl_ms=DAY_MS, expires_ms=None,
                 soft_ms=0, hard_ms=0, each=False, job_id=None, content_type=None, now=None):
        """enqueue.lua's ARGV: P, queue, id, now, due, key, keyTtlMs, then the hash's field/value pairs."""
        if not isinstance(queue, str) or not QUEUE_NAME.match(queue):
            raise ValueError('queue: %r is not a queue name (1-64 of A-Z a-z 0-9 _ -)' % (queue,))
        if not isinstance(task, str) or not TASK_NAME.match(task):
            raise ValueError('task: %r is not a task name' % (task,))
        if priority not in PRIORITIES:
            raise ValueError('priority: must be "high", "normal" or "low", got %r' % (priority,))
        now = now_ms() if now is None else now
        due = 0
        if delay_ms:
            due = now + _ms(delay_ms, 'delay_ms')
        if eta_ms is not None:
            due = max(due, _ms(eta_ms, 'eta_ms'))
        if isinstance(retries, bool) or not isinstance(retries, int) or not 0 <= retries <= 1000:
            raise ValueError('retries: must be a whole number from 0 to 1000, got %r' % (retries,))
        b = dict(DEFAULT_BACKOFF)
        if isinstance(backoff, int) and not isinstance(backoff, bool):
            b['delay'] = _ms(backoff, 'backoff')
        elif isinstance(backoff, dict):
            b.update(backoff)
        elif backoff is not None:
            raise ValueError('backoff: ms or {"delay", "factor", "max", "jitter"}')
        soft, hard = _ms(soft_ms, 'soft_ms'), _ms(hard_ms, 'hard_ms')
        if soft and hard and hard < soft:
            raise ValueError('hard_ms (%d) must not be less than soft_ms (%d)' % (hard, soft))
        expires = 0 if expires_ms is None else max(due, now) + _ms(expires_ms, 'expires_ms', 1)
        job_id = new_id() if job_id is None else job_id
        if not KEY.match(job_id):
            raise ValueError('job_id: 1-128 printable ASCII characters without spaces')
        if idempotency_key is not None and not KEY.match(idempotency_key):
            raise ValueError('idempotency_key: 1-128 printable ASCII characters without spaces')
        data, ct = encode_payload(payload)
        fields = ['task', task, 'ct', content_type or ct, 'p', data, 'pri', PRIORITIES[priority],
                  'retries', retries, 'backoff', json.dumps(b, separators=(',', ':')),
                  'expires', expires, 'soft', soft, 'hard', hard, 'each', 1 if each else 0]
        if idempotency_key is not None:
            fields += ['key', idempotency_key]
        fields += ['rc', self.channel]
        return [self.prefix, queue, job_id, now, due, idempotency_key or '', _ms(key_ttl_ms, 'key_ttl_ms', 1)] + fields

    def enqueue(self, queue, task, payload=None, priority='normal', delay_ms=0, retries=0,
                idempotency_key=None, expires_ms=None, **more):
        """Enqueues `queue.task(payload)`. Returns (job id, created): created is
        False when `idempotency_key` named a live job, whose id it is.

        More options: eta_ms (epoch ms), backoff (ms or {"delay", "factor",
        "max", "jitter"}), key_ttl_ms, soft_ms, hard_ms, each, job_id,
        content_type (with bytes payloads)."""
        args = self.job_args(queue, task, payload, priority=priority, delay_ms=delay_ms, retries=retries,
                             idempotency_key=idempotency_key, expires_ms=expires_ms, **more)
        r = self._evalsha(args)
        return r[0].decode('utf-8'), r[1] == 1

    def raw_entry(self, queue, fields, priority='normal'):
        """XADDs a stream entry with exactly these fields (no job hash): input no producer should write."""
        flat = []
        for k, v in fields:
            flat += [k, v]
        return self.cmd.call('XADD', '%s:q:%s:s:%d' % (self.prefix, queue, PRIORITIES[priority]), '*', *flat).decode()

    def raw_job(self, queue, task, payload=None, version=2, entry_version=1, priority='normal'):
        """A job of another queue format version, atomically (MULTI): enqueue.lua
        writes it as format 1 and sets it due in an hour, then the same
        transaction takes it out of the delayed set, writes `v` = version in
        its hash and adds a stream entry with `v` = entry_version."""
        job_id = new_id()
        args = self.job_args(queue, task, payload, priority=priority, delay_ms=3600 * 1000, job_id=job_id)
        jk = '%s:j:%s' % (self.prefix, job_id)
        sk = '%s:q:%s:s:%d' % (self.prefix, queue, PRIORITIES[priority])
        # EVAL, not EVALSHA: a NOSCRIPT inside EXEC would not stop the commands after it.
        cmds = [('EVAL', self.script_source('enqueue'), 0, *args),
                ('ZREM', '%s:q:%s:delayed' % (self.prefix, queue), job_id),
                ('HSET', jk, 'v', version),
                ('XADD', sk, '*', 'id', job_id, 'v', entry_version)]
        self.cmd.call('MULTI')
        for c in cmds:
            self.cmd.call(*c)  # +QUEUED
        replies = self.cmd.call('EXEC')
        for r in replies:
            if isinstance(r, RespError):
                raise r
        return job_id

    # -- results

    def job(self, job_id):
        """The job hash: field names as str, `p` and `r` as bytes, the rest as str; None once it has expired."""
        flat = self.cmd.call('HGETALL', '%s:j:%s' % (self.prefix, job_id))
        if not flat:
            return None
        h = {}
        for i in range(0, len(flat), 2):
            k = flat[i].decode('utf-8')
            h[k] = flat[i + 1] if k in ('p', 'r') else flat[i + 1].decode('utf-8', 'replace')
        return h

    def _subscribe(self):
        if self.sub is None:
            sub = Connection(self.url, self.timeout)
            sub.send('SUBSCRIBE', '%s:r:%s' % (self.prefix, self.channel))
            r = sub.read()
            if isinstance(r, RespError) or not isinstance(r, list) or r[0] != b'subscribe':
                sub.close()
                raise RespError('SUBSCRIBE failed: %r' % (r,))
            self.sub = sub
        return self.sub

    @staticmethod
    def _settle(job_id, h):
        state = h.get('state')
        if state == 'SUCCESS':
            return decode_result(h.get('r', b''), h.get('rct', JSON_CT))
        default = 'CORRAL_ERR_QUEUE_REVOKED' if state == 'REVOKED' else 'CORRAL_ERR_TASK_FAILED'
        raise JobError(job_id, state, h.get('ecode') or default, h.get('emsg', ''))

    def result(self, job_id, timeout=30, poll=1.0):
        """Waits for a job to end: its decoded result on SUCCESS; JobError
        (code = ecode, message = emsg) on FAILURE or REVOKED, JobTimeout
        (CORRAL_ERR_TIMEOUT) after `timeout` s. Subscribes first, then reads
        the hash, then waits (section 13.5); the hash is read again every
        `poll` s, since pub/sub keeps nothing for a waiter that was away, and
        a job enqueued by another producer has another channel."""
        sub = self._subscribe()
        deadline = time.monotonic() + timeout
        while True:
            h = self.job(job_id)
            if h is None:
                raise JobError(job_id, 'UNKNOWN', 'CORRAL_ERR_QUEUE_UNKNOWN_JOB',
                               'not in Redis (never enqueued, or its result expired)')
            if h.get('state') in FINAL:
                return self._settle(job_id, h)
            next_read = min(deadline, time.monotonic() + poll)
            while True:
                left = next_read - time.monotonic()
                if left <= 0:
                    break
                try:
                    m = sub.read(left)
                except socket.timeout:
                    break
                if not (isinstance(m, list) and len(m) == 3 and m[0] == b'message'):
                    continue
                data = m[2]
                nl = data.find(b'\n')
                try:
                    head = json.loads(data[:nl if nl >= 0 else len(data)].decode('utf-8'))
                except ValueError:
                    continue
                if head.get('id') != job_id or head.get('workflow') or head.get('state') not in FINAL:
                    continue
                if head['state'] == 'SUCCESS' and 'ct' in head and nl >= 0:
                    return decode_result(data[nl + 1:], head['ct'])
                break  # final: the hash says how
            if time.monotonic() >= deadline:
                h = self.job(job_id)
                if h is not None and h.get('state') in FINAL:
                    return self._settle(job_id, h)
                raise JobTimeout(job_id, (h or {}).get('state', 'UNKNOWN'), 'CORRAL_ERR_TIMEOUT',
                                 'did not end within %s s (it goes on)' % timeout)

    def close(self):
        for c in (self.cmd, self.sub):
            if c is not None:
                c.close()
        self.sub = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# ---- command line ----------------------------------------------------------

def _field(text):
    k, sep, v = text.partition('=')
    if not sep or not k:
        raise argparse.ArgumentTypeError('%r is not k=v' % text)
    return k, v


def _json(text):
    try:
        return json.loads(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError('not JSON: %s' % err)


def main(argv=None):
    ap = argparse.ArgumentParser(prog='queue_producer.py', description='Enqueue jobs on corral durable queues (spec.md section 13).')
    ap.add_argument('--redis', default=os.environ.get('CORRAL_REDIS', 'redis://127.0.0.1:6379'), metavar='URL')
    ap.add_argument('--prefix', default='corral')
    cmds = ap.add_subparsers(dest='cmd', required=True)

    e = cmds.add_parser('enqueue', help='enqueue QUEUE.TASK(JSON); prints the job id (and the result with --wait)')
    e.add_argument('queue')
    e.add_argument('task')
    e.add_argument('payload', type=_json, nargs='?', default=None, metavar='JSON')
    e.add_argument('--wait', action='store_true', help='wait for the result and print it as JSON')
    e.add_argument('--timeout', type=float, default=30.0, help='seconds --wait waits (default 30)')
    e.add_argument('--json', action='store_true', help='print one JSON object: id, created, and with --wait state and result or error')
    e.add_argument('--priority', choices=list(PRIORITIES), default='normal')
    e.add_argument('--key', dest='idempotency_key', help='idempotency key')
    e.add_argument('--delay', type=int, default=0, metavar='MS')
    e.add_argument('--expires', type=int, metavar='MS')
    e.add_argument('--retries', type=int, default=0)
    e.add_argument('--soft', type=int, default=0, metavar='MS', help='soft time limit')
    e.add_argument('--hard', type=int, default=0, metavar='MS', help='hard time limit')

    w = cmds.add_parser('result', help='wait for a job (enqueued by any producer) and print its result as JSON')
    w.add_argument('job_id')
    w.add_argument('--timeout', type=float, default=30.0, help='seconds to wait (default 30)')
    w.add_argument('--json', action='store_true', help='print one JSON object: id, state, and result or error')

    r = cmds.add_parser('raw-entry', help='XADD a stream entry with exactly the fields given (no job hash)')
    r.add_argument('queue')
    r.add_argument('--fields', type=_field, nargs='*', default=[], metavar='K=V')
    r.add_argument('--priority', choices=list(PRIORITIES), default='normal')

    j = cmds.add_parser('raw-job', help='a job of another queue format version')
    j.add_argument('queue')
    j.add_argument('task')
    j.add_argument('payload', type=_json, nargs='?', default=None, metavar='JSON')
    j.add_argument('--v', type=int, default=2, dest='version', help="the hash's v (default 2)")
    j.add_argument('--entry-v', type=int, default=1, dest='entry_version', help="the stream entry's v (default 1)")
    j.add_argument('--priority', choices=list(PRIORITIES), default='normal')

    a = ap.parse_args(argv)
    try:
        p = Producer(a.redis, a.prefix)
    except (OSError, RespError, ValueError) as err:
        print('queue_producer: cannot use Redis at %s: %s' % (a.redis, err), file=sys.stderr)
        return 2
    try:
        if a.cmd == 'raw-entry':
            if not a.fields:
                print('queue_producer: raw-entry needs at least one --fields k=v', file=sys.stderr)
                return 2
            print(p.raw_entry(a.queue, a.fields, a.priority))
            return 0
        if a.cmd == 'raw-job':
            print(p.raw_job(a.queue, a.task, a.payload, a.version, a.entry_version, a.priority))
            return 0
        if a.cmd == 'result':
            job_id, out = a.job_id, {'id': a.job_id}
        else:
            job_id, created = p.enqueue(a.queue, a.task, a.payload, priority=a.priority, delay_ms=a.delay,
                                        retries=a.retries, idempotency_key=a.idempotency_key,
                                        expires_ms=a.expires, soft_ms=a.soft, hard_ms=a.hard)
            out = {'id': job_id, 'created': created}
            if not a.json:
                print(job_id, flush=True)
            if not a.wait:
                if a.json:
                    print(json.dumps(out))
                return 0
        try:
            value = p.result(job_id, timeout=a.timeout)
        except JobError as err:
            if a.json:
                out.update(state=err.state, error={'code': err.code, 'message': err.message})
                print(json.dumps(out))
            else:
                print('%s: %s' % (err.code, err.message), file=sys.stderr)
            return 1
        if isinstance(value, bytes):
            value = value.decode('utf-8', 'replace')
        if a.json:
            out.update(state='SUCCESS', result=value)
            value = out
        print(json.dumps(value))
        return 0
    except (OSError, RespError, ValueError) as err:
        print('queue_producer: %s' % err, file=sys.stderr)
        return 2
    finally:
        p.close()


if __name__ == '__main__':
    sys.exit(main())
