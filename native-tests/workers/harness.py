#!/usr/bin/env python3
"""Smoke-test driver for corral socket workers. It plays the arbiter.

    python3 native-tests/workers/harness.py [-v] [--only NAMES] -- <worker command...>
    python3 native-tests/workers/harness.py -- python3 native-tests/workers/python/worker.py
    python3 native-tests/workers/harness.py -- native-tests/workers/c/worker

This script is a quick smoke test. It covers each accept strategy, the
lifecycle and the error paths once. It does not judge a worker against every
requirement of spec.md: `corral conformance worker -- <worker command...>`
does. It uses only the Python standard library and has its own small protobuf
codec, so it doesn't share a bug with the worker under test.

Scenarios (use --only a,b,... to pick some): arbiter revoke shared reuseport
exclusive handoff signals stop framing version environment. --strategy S is
the same as --only S.
"""
import argparse
import array
import fcntl
import os
import select
import signal
import socket
import struct
import sys
import time

# ---------------------------------------------------------------------------
# protobuf: a table per message {field: (name, type)}; [type] = repeated

U32, U64, BOOL, STR = "u32", "u64", "bool", "str"
VERSION = {1: ("major", U32), 2: ("minor", U32)}
LISTENER = {1: ("index", U32), 2: ("name", STR), 3: ("address", STR)}
SCHEMAS = {
    1: ("hello", {1: ("versions", [VERSION]), 2: ("kind", U32), 3: ("pid", U32), 4: ("features", [STR]),
                  5: ("max_frame_bytes", U32), 6: ("implementation", STR), 7: ("capacity", U32)}),
    2: ("welcome", {1: ("version", VERSION), 2: ("worker_id", U32), 3: ("heartbeat_interval_ms", U32),
                    4: ("heartbeat_timeout_ms", U32), 5: ("listeners", [LISTENER]),
                    6: ("max_frame_bytes", U32), 7: ("strategy", U32), 8: ("features", [STR]),
                    9: ("generation", U32)}),
    3: ("ready", {1: ("capacity", U32)}),
    4: ("heartbeat", {1: ("time_ms", U64), 2: ("in_flight", U32), 3: ("capacity", U32),
                      4: ("accepted_total", U64), 5: ("requests_total", U64)}),
    10: ("accept_grant", {1: ("grant_id", U32), 2: ("listener", U32), 3: ("max_accepts", U32),
                          4: ("release_load", U32), 5: ("lease_ms", U32)}),
    11: ("accept_done", {1: ("grant_id", U32), 2: ("listener", U32), 3: ("accepted", U32),
                         4: ("would_block", U32), 5: ("in_flight", U32), 6: ("reason", U32)}),
    12: ("handoff", {1: ("handoff_id", U64), 2: ("listener", U32), 3: ("peer", STR)}),
    13: ("handoff_ack", {1: ("handoff_ids", [U64]), 2: ("in_flight", U32), 3: ("refused_ids", [U64])}),
    14: ("accept_revoke", {1: ("grant_id", U32), 2: ("listener", U32)}),   # since 1.1
    20: ("drain", {1: ("deadline_ms", U32), 2: ("reason", STR)}),
    21: ("stop", {1: ("reason", STR)}),
    22: ("goodbye", {1: ("reason", U32), 2: ("detail", STR), 3: ("accepted_total", U64)}),
    23: ("error", {1: ("code", U32), 2: ("message", STR), 3: ("fatal", BOOL), 4: ("request_id", U64),
                   5: ("message_type", U32)}),
}
NUMBER = {name: n for n, (name, _) in SCHEMAS.items()}
ARBITER, SHARED, EXCLUSIVE, REUSEPORT, HANDOFF = 1, 2, 3, 4, 5
BATCH, LOAD, EXPIRED, DRAINING, REVOKED = 1, 2, 3, 4, 6
# Features a minor version introduced: a Welcome for an older minor leaves them out (NEG-3).
FEATURE_SINCE = {"accept.revoke": 1}
DRAINED, STOPPED = 1, 2


def varint(v):
    out = bytearray()
    while v > 0x7F:
        out.append(v & 0x7F | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def field(n, wire, payload):
    if wire == 0:
        return varint(n << 3) + varint(payload)
    return varint(n << 3 | 2) + varint(len(payload)) + payload


def encode(schema, msg):
    out = b""
    for n in sorted(schema):
        name, kind = schema[n]
        values = msg.get(name)
        if values is None:
            continue
        if not isinstance(kind, list):
            values, kind = [values], [kind]
        elif kind[0] in (U32, U64):
            out += field(n, 2, b"".join(varint(v) for v in values)) if values else b""
            continue
        for v in values:
            if isinstance(kind[0], dict):
                out += field(n, 2, encode(kind[0], v))
            elif kind[0] == STR:
                out += field(n, 2, v.encode()) if v else b""
            elif v:
                out += field(n, 0, int(v))
    return out


def read_varint(buf, i):
    v = shift = 0
    while True:
        b = buf[i]
        i += 1
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return v, i


def decode(schema, buf):
    msg = {name: [] if isinstance(k, list) else "" if k == STR else None if isinstance(k, dict) else 0
           for name, k in schema.values()}
    i = 0
    while i < len(buf):
        tag, i = read_varint(buf, i)
        n, wire = tag >> 3, tag & 7
        if wire == 0:
            v, i = read_varint(buf, i)
        elif wire == 2:
            size, i = read_varint(buf, i)
            v, i = buf[i:i + size], i + size
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            v, i = int.from_bytes(buf[i:i + size], "little"), i + size
        else:
            raise ValueError(f"wire type {wire}")
        if n not in schema:
            msg.setdefault("_unknown", []).append(n)
            continue
        name, kind = schema[n]
        item = kind[0] if isinstance(kind, list) else kind
        if isinstance(item, dict):
            v = decode(item, v)
        elif item == STR:
            v = v.decode()
        elif wire == 2:                           # packed repeated scalars
            j, vs = 0, []
            while j < len(v):
                x, j = read_varint(v, j)
                vs.append(x)
            msg[name] += vs
            continue
        elif item == BOOL:
            v = bool(v)
        if isinstance(kind, list):
            msg[name].append(v)
        else:
            msg[name] = v
    return msg


def frame(name, body):
    n = NUMBER[name]
    env = field(n, 2, encode(SCHEMAS[n][1], body))
    return struct.pack(">I", len(env)) + env


def raw_frame(envelope):
    return struct.pack(">I", len(envelope)) + envelope


# ---------------------------------------------------------------------------
# the arbiter side of one worker process

class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


VERBOSE = False


class Session:
    """Start the worker as an arbiter would (brief, "Initial process state")."""

    def __init__(self, cmd, strategy, listeners=1, reuseport=False, env=None, drop_env=()):
        self.listener = None
        handoff_child = None
        passed = []
        if listeners:
            self.listener = socket.socket()
            if reuseport:
                self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            self.listener.bind(("127.0.0.1", 0))
            self.listener.listen(64)
            self.listener.setblocking(False)          # passed listeners are non-blocking (PROC-4)
            passed.append(self.listener)
        elif strategy == "handoff":
            # The arbiter keeps the listener and accepts. The worker gets fds.
            self.listener = socket.socket()
            self.listener.bind(("127.0.0.1", 0))
            self.listener.listen(64)
        self.port = self.listener.getsockname()[1] if self.listener else 0
        self.ctl, ctl_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        passed.append(ctl_child)
        if strategy == "handoff":
            self.handoff, handoff_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            passed.append(handoff_child)
        n = 1 if listeners else 0
        environ = {k: v for k, v in os.environ.items()
                   if not k.startswith(("CORRAL_", "LISTEN_")) and k not in drop_env}
        environ.update(CORRAL_PROTOCOL="1", CORRAL_CONTROL_FD=str(3 + n), CORRAL_WORKER_ID="1",
                       CORRAL_ACCEPT=strategy, CORRAL_ARBITER_PID=str(os.getpid()))
        if n:
            environ.update(LISTEN_FDS="1", LISTEN_FDNAMES="http")
        if handoff_child:
            environ["CORRAL_HANDOFF_FD"] = str(4 + n)
        for k in drop_env:
            environ.pop(k, None)
        environ.update(env or {})
        # Move the fds high first, so that no dup2 onto 3, 4, ... can overwrite
        # a source fd that is still needed.
        high = [fcntl.fcntl(s.fileno(), fcntl.F_DUPFD_CLOEXEC, 100) for s in passed]
        actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0)]
        actions += [(os.POSIX_SPAWN_DUP2, fd, 3 + i) for i, fd in enumerate(high)]
        argv = list(cmd)
        if n and "LISTEN_PID" not in environ:
            # The pid is known only after the spawn, so a shell sets it and execs.
            argv = ["/bin/sh", "-c", 'LISTEN_PID=$$; export LISTEN_PID; exec "$@"', "sh"] + argv
        self.pid = os.posix_spawnp(argv[0], argv, environ, file_actions=actions)
        for fd in high:
            os.close(fd)
        ctl_child.close()
        if handoff_child:
            handoff_child.close()
        self.buf = b""
        self.status = None
        self.heartbeats = []

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
        for s in (self.ctl, self.listener, getattr(self, "handoff", None)):
            if s:
                s.close()

    def send_raw(self, data):
        if VERBOSE:
            print(f"    -> {data.hex()}")
        self.ctl.sendall(data)

    def send(self, name, body):
        if VERBOSE:
            print(f"    -> {name} {body}")
        self.ctl.sendall(frame(name, body))

    def recv(self, timeout):
        """The next message as (name, body); None on timeout; raises EOFError."""
        deadline = time.monotonic() + timeout
        while True:
            if len(self.buf) >= 4:
                (size,) = struct.unpack_from(">I", self.buf)
                check(0 < size <= 65536, f"worker sent a frame of {size} bytes")
                if len(self.buf) >= 4 + size:
                    payload, self.buf = self.buf[4:4 + size], self.buf[4 + size:]
                    msg = decode({n: (name, schema) for n, (name, schema) in SCHEMAS.items()}, payload)
                    kinds = [k for k, v in msg.items() if v and k != "_unknown"]
                    check(len(kinds) == 1, f"envelope with bodies {kinds}: {payload.hex()}")
                    name = kinds[0]
                    body = msg[name]
                    if VERBOSE:
                        print(f"    <- {name} {body}  [{payload.hex()}]")
                    return name, body
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            if select.select([self.ctl], [], [], left)[0]:
                data = self.ctl.recv(65536)
                if not data:
                    raise EOFError("control channel closed")
                self.buf += data

    def expect(self, want, timeout=3.0):
        """Wait for message `want`; heartbeats in between are recorded and skipped."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.recv(max(0.0, deadline - time.monotonic()))
            check(got is not None, f"no {want} within {timeout}s")
            name, body = got
            if name == "heartbeat" and want != "heartbeat":
                self.heartbeats.append(body)
                continue
            check(name == want, f"expected {want}, got {name} {body}")
            if name == "heartbeat":
                self.heartbeats.append(body)
            return body

    def quiet(self, seconds):
        """Nothing but heartbeats for `seconds`."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            got = self.recv(left)
            if got is None:
                return
            check(got[0] == "heartbeat", f"unexpected {got[0]} {got[1]}")
            self.heartbeats.append(got[1])

    def sync(self):
        """Return once the worker has handled everything sent so far: the control
        channel is ordered, and an unknown message type always gets an answer."""
        self.send_raw(raw_frame(field(99, 2, b"sync")))
        err = self.expect("error")
        check((err["code"], err["message_type"]) == (200, 99), f"Error {err}, want 200 for type 99")

    def wait_load(self, in_flight, timeout=3.0):
        """Wait for a Heartbeat that reports this many connections in flight."""
        deadline = time.monotonic() + timeout
        while (body := self.expect("heartbeat", max(0.0, deadline - time.monotonic())))["in_flight"] != in_flight:
            pass
        return body

    def wait_exit(self, timeout=3.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            time.sleep(0.01)
        raise Failure(f"worker still running {timeout}s later")

    def hello(self):
        hello = self.expect("hello")
        check(any(v["major"] == 1 for v in hello["versions"]), f"Hello versions {hello['versions']}")
        check(hello["kind"] == 1, "Hello.kind is not SOCKET")
        check(hello["pid"] == self.pid, f"Hello.pid {hello['pid']} != {self.pid}")
        check(hello["max_frame_bytes"] in (0, 65536) or hello["max_frame_bytes"] >= 1024,
              "Hello.max_frame_bytes")
        return hello

    def handshake(self, strategy, heartbeat_ms=100):
        hello = self.hello()
        self.welcome(strategy, hello, heartbeat_ms)
        self.expect("ready")
        return hello

    def welcome(self, strategy, hello, heartbeat_ms=100, version=(1, 0)):
        listeners = [{"index": 0, "name": "http", "address": f"127.0.0.1:{self.port}"}] \
            if strategy != HANDOFF else []
        features = [f for f in hello["features"] if FEATURE_SINCE.get(f, 0) <= version[1]]
        self.send("welcome", {"version": {"major": version[0], "minor": version[1]}, "worker_id": 1,
                              "heartbeat_interval_ms": heartbeat_ms, "heartbeat_timeout_ms": heartbeat_ms * 5,
                              "listeners": listeners, "max_frame_bytes": 65536, "strategy": strategy,
                              "features": features, "generation": 1})

    def drain_and_exit(self, accepted_total):
        bye = self.expect("goodbye")
        check(bye["reason"] == DRAINED, f"Goodbye.reason {bye['reason']}, want DRAINED")
        check(bye["accepted_total"] == accepted_total,
              f"Goodbye.accepted_total {bye['accepted_total']}, want {accepted_total}")
        code = self.wait_exit()
        check(code == 0, f"exit code {code} after drain, want 0")


class Client:
    def __init__(self, port, request=True):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=3)
        if request:
            self.request()

    def request(self):
        self.sock.sendall(b"GET / HTTP/1.1\r\nHost: test\r\n\r\n")

    def unanswered(self, seconds=0.3):
        self.sock.settimeout(seconds)
        try:
            self.sock.recv(1)                          # data or EOF: it was accepted
            return False
        except socket.timeout:
            return True
        finally:
            self.sock.settimeout(3)

    def answer(self, pid):
        data = b""
        while chunk := self.sock.recv(4096):
            data += chunk
        self.sock.close()
        head, _, body = data.partition(b"\r\n\r\n")
        check(head.startswith(b"HTTP/1.1 200 "), f"bad response {data[:60]!r}")
        check(b"connection: close" in head.lower(), "no Connection: close")
        check(body == f"hello from {pid}\n".encode(), f"body {body!r}")


# ---------------------------------------------------------------------------
# scenarios

def scenario_arbiter(cmd):
    s = Session(cmd, "arbiter")
    try:
        hello = s.hello()
        check("accept.arbiter" in hello["features"], "accept.arbiter not declared")
        early = Client(s.port)            # sits in the backlog from before Welcome
        s.welcome(ARBITER, hello)
        s.expect("ready")
        s.quiet(0.4)
        check(early.unanswered(0.1), "a connection was served without a grant")
        check(s.heartbeats, "no Heartbeat within 0.4s at heartbeat_interval_ms=100")
        check(s.heartbeats[-1]["accepted_total"] == 0, "accepted_total > 0 without a grant")
        # Grant 1 carries unknown fields, a varint (99) and a group (7 {1: 5}),
        # which the worker must skip.
        grant = encode(SCHEMAS[10][1], {"grant_id": 1, "listener": 0, "max_accepts": 3, "lease_ms": 5000})
        s.send_raw(raw_frame(field(10, 2, grant + field(99, 0, 7) + b"\x3b\x08\x05\x3c")))
        more = [Client(s.port), Client(s.port)]
        done = s.expect("accept_done")
        check((done["grant_id"], done["listener"], done["accepted"], done["reason"]) == (1, 0, 3, BATCH),
              f"AcceptDone {done}, want grant 1, 3 accepted, BATCH")
        for c in [early] + more:
            c.answer(hello["pid"])
        late = Client(s.port)
        check(late.unanswered(0.3), "accepted after the grant was released")
        big = 4000000000                               # uint32 ids use all 32 bits
        s.send("accept_grant", {"grant_id": big, "listener": 0, "max_accepts": 10, "lease_ms": 300})
        late.answer(hello["pid"])
        done = s.expect("accept_done")
        check((done["grant_id"], done["accepted"], done["reason"]) == (big, 1, EXPIRED),
              f"AcceptDone {done}, want grant {big}, 1 accepted, EXPIRED")
        s.send("accept_grant", {"grant_id": 3, "listener": 0, "max_accepts": 10, "release_load": 1,
                                "lease_ms": 5000})
        held = Client(s.port, request=False)          # in flight until it sends a request
        done = s.expect("accept_done")
        check((done["grant_id"], done["accepted"], done["in_flight"], done["reason"]) == (3, 1, 1, LOAD),
              f"AcceptDone {done}, want grant 3, 1 accepted, in_flight 1, LOAD")
        # Unknown message types are answered with Error 200 and are not fatal.
        for number, wire, payload in ((99, 2, b"xyz"), (45, 0, 7), (150, 2, b"")):
            s.send_raw(raw_frame(field(number, wire, payload)))
            err = s.expect("error")
            check((err["code"], err["message_type"], err["fatal"]) == (200, number, False),
                  f"Error {err}, want code 200 message_type {number} not fatal")
        s.send("accept_grant", {"grant_id": 4, "listener": 0, "max_accepts": 10, "lease_ms": 10000})
        s.send("drain", {"deadline_ms": 5000, "reason": "test"})
        done = s.expect("accept_done")
        check((done["grant_id"], done["accepted"], done["reason"]) == (4, 0, DRAINING),
              f"AcceptDone {done}, want grant 4, 0 accepted, DRAINING")
        s.quiet(0.3)                                   # still one connection in flight
        held.request()
        held.answer(hello["pid"])
        s.drain_and_exit(accepted_total=5)
        counts = [h["time_ms"] for h in s.heartbeats]
        check(counts == sorted(counts), "Heartbeat.time_ms goes backwards")
    finally:
        s.close()


def scenario_revoke(cmd):
    # accept.revoke (since 1.1): at 1.1 a revoked grant ends at once with
    # AcceptDone{REVOKED}; a revoke for a grant not held gets no answer. At 1.0
    # the feature is not negotiated and AcceptRevoke gets Error 208, not fatal.
    s = Session(cmd, "arbiter")
    try:
        hello = s.hello()
        if "accept.revoke" not in hello["features"] or \
                not any(v["major"] == 1 and v["minor"] >= 1 for v in hello["versions"]):
            s.welcome(ARBITER, hello)
            s.expect("ready")
            return "(skipped: no version 1.1 with accept.revoke in Hello)"
        s.welcome(ARBITER, hello, version=(1, 1))
        s.expect("ready")
        s.send("accept_grant", {"grant_id": 1, "listener": 0, "max_accepts": 10, "lease_ms": 5000})
        Client(s.port).answer(hello["pid"])
        s.send("accept_revoke", {"grant_id": 1, "listener": 0})
        done = s.expect("accept_done")
        check((done["grant_id"], done["listener"], done["accepted"], done["reason"]) == (1, 0, 1, REVOKED),
              f"AcceptDone {done}, want grant 1, 1 accepted, REVOKED")
        waiting = Client(s.port)
        check(waiting.unanswered(0.3), "accepted after the grant was revoked")
        s.send("accept_revoke", {"grant_id": 1, "listener": 0})      # crossed our AcceptDone
        s.send("accept_revoke", {"grant_id": 77, "listener": 0})     # never given
        s.sync()                                                     # nothing answers them
        s.send("accept_grant", {"grant_id": 2, "listener": 0, "max_accepts": 1, "lease_ms": 5000})
        waiting.answer(hello["pid"])
        done = s.expect("accept_done")
        check((done["grant_id"], done["accepted"], done["reason"]) == (2, 1, BATCH),
              f"AcceptDone {done}, want grant 2, 1 accepted, BATCH")
        s.send("drain", {"deadline_ms": 5000, "reason": "test"})
        s.drain_and_exit(accepted_total=2)
    finally:
        s.close()
    s = Session(cmd, "arbiter")
    try:
        hello = s.hello()
        s.welcome(ARBITER, hello, version=(1, 0))                   # without accept.revoke (NEG-3)
        s.expect("ready")
        s.send("accept_grant", {"grant_id": 1, "listener": 0, "max_accepts": 10, "lease_ms": 5000})
        s.send("accept_revoke", {"grant_id": 1, "listener": 0})
        err = s.expect("error")
        check((err["code"], err["fatal"]) == (208, False), f"Error {err}, want 208 not fatal")
        Client(s.port).answer(hello["pid"])                          # the grant is kept
        s.send("drain", {"deadline_ms": 5000, "reason": "test"})
        done = s.expect("accept_done")
        check((done["grant_id"], done["accepted"], done["reason"]) == (1, 1, DRAINING),
              f"AcceptDone {done}, want grant 1, 1 accepted, DRAINING")
        s.drain_and_exit(accepted_total=1)
    finally:
        s.close()


def scenario_polling(cmd, name, strategy, reuseport=False):
    s = Session(cmd, name, reuseport=reuseport)
    try:
        hello = s.hello()
        if f"accept.{name}" not in hello["features"]:
            return "skipped (not declared in Hello)"
        s.welcome(strategy, hello)
        s.expect("ready")
        clients = [Client(s.port) for _ in range(5)]
        for c in clients:
            c.answer(hello["pid"])
        s.send("drain", {"deadline_ms": 5000})
        s.drain_and_exit(accepted_total=5)
    finally:
        s.close()


def send_handoff(s, handoff_id, conn):
    data = frame("handoff", {"handoff_id": handoff_id, "listener": 0, "peer": "127.0.0.1:1"})
    s.handoff.sendmsg([data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [conn.fileno()]))])


def scenario_handoff(cmd):
    s = Session(cmd, "handoff", listeners=0)
    try:
        hello = s.handshake(HANDOFF)
        check("accept.handoff" in hello["features"], "accept.handoff not declared")
        for handoff_id in (1000, 1001, 2**53 - 1):     # the largest id the Node codec accepts
            c = Client(s.port)
            conn, _ = s.listener.accept()
            send_handoff(s, handoff_id, conn)
            ack = s.expect("handoff_ack")
            check(ack["handoff_ids"] == [handoff_id], f"HandoffAck {ack}, want ids [{handoff_id}]")
            conn.close()                               # acknowledged: the arbiter drops its copy
            c.answer(hello["pid"])
        held = Client(s.port, request=False)
        conn, _ = s.listener.accept()
        send_handoff(s, 2000, conn)
        check(2000 in s.expect("handoff_ack")["handoff_ids"], "handoff 2000 not acknowledged")
        conn.close()
        s.send("drain", {"deadline_ms": 5000})
        s.sync()                                       # the Drain is handled before the next handoff
        extra = Client(s.port)
        conn, _ = s.listener.accept()
        send_handoff(s, 3000, conn)
        ack = s.expect("handoff_ack")
        check(ack["refused_ids"] == [3000] and not ack["handoff_ids"],
              f"HandoffAck {ack}: a draining worker should refuse 3000")
        conn.close()
        extra.sock.close()
        held.request()
        held.answer(hello["pid"])
        s.drain_and_exit(accepted_total=4)
    finally:
        s.close()


def scenario_signals(cmd):
    s = Session(cmd, "arbiter")
    try:
        hello = s.handshake(ARBITER)
        s.send("accept_grant", {"grant_id": 7, "listener": 0, "max_accepts": 10, "lease_ms": 10000})
        held = Client(s.port, request=False)
        s.wait_load(1)
        os.kill(s.pid, signal.SIGTERM)
        done = s.expect("accept_done")
        check((done["grant_id"], done["accepted"], done["reason"]) == (7, 1, DRAINING),
              f"AcceptDone {done}, want grant 7, 1 accepted, DRAINING")
        s.quiet(0.2)
        held.request()
        held.answer(hello["pid"])
        s.drain_and_exit(accepted_total=1)
    finally:
        s.close()
    for sig in (signal.SIGINT, signal.SIGQUIT):
        s = Session(cmd, "arbiter")
        try:
            s.handshake(ARBITER)
            Client(s.port, request=False)
            s.send("accept_grant", {"grant_id": 1, "listener": 0, "max_accepts": 10, "lease_ms": 10000})
            s.quiet(0.2)
            os.kill(s.pid, sig)
            code = s.wait_exit(1.0)
            check(code == 0, f"exit code {code} after {sig.name}, want 0")
        finally:
            s.close()


def scenario_stop(cmd):
    s = Session(cmd, "shared")
    try:
        s.handshake(SHARED)
        Client(s.port, request=False)
        s.quiet(0.2)
        s.send("stop", {"reason": "test"})
        bye = s.expect("goodbye")
        check(bye["reason"] == STOPPED, f"Goodbye {bye}, want STOPPED")
        code = s.wait_exit(1.0)
        check(code == 0, f"exit code {code} after Stop, want 0")
    finally:
        s.close()
    s = Session(cmd, "shared")
    try:
        s.handshake(SHARED)
        s.ctl.shutdown(socket.SHUT_RDWR)               # the arbiter is gone
        s.wait_exit(1.0)
    finally:
        s.close()
    s = Session(cmd, "handoff", listeners=0)
    try:
        hello = s.hello()
        if "accept.handoff" not in hello["features"]:
            return None
        s.welcome(HANDOFF, hello)
        s.expect("ready")
        s.handoff.close()                              # so is it when the handoff channel ends
        s.handoff = None
        code = s.wait_exit(1.0)
        check(code == 0, f"exit code {code} after the handoff channel closed, want 0")
        try:
            while (got := s.recv(0.5)) is not None:   # heartbeats may come, Goodbye may not (STOP-4)
                check(got[0] == "heartbeat", f"{got[0]} after the handoff channel closed")
        except EOFError:
            pass
    finally:
        s.close()


def scenario_framing(cmd):
    cases = [("too large", struct.pack(">I", 65537), 100),       # header only: no payload is awaited
             ("empty", struct.pack(">I", 0), 101),
             ("undecodable", raw_frame(b"\xff\xff"), 103),
             ("unterminated group", raw_frame(b"\x93\x03"), 103),
             ("known type as a group", raw_frame(b"\x0b\x0c"), 103),
             ("truncated field", raw_frame(b"\x52\x05\x08"), 103)]
    for what, data, code in cases:
        s = Session(cmd, "shared")
        try:
            s.handshake(SHARED)
            s.send_raw(data)
            err = s.expect("error")
            check((err["code"], err["fatal"]) == (code, True), f"{what}: Error {err}, want {code} fatal")
            status = s.wait_exit()
            check(status != 0, f"{what}: exit code 0 after a fatal error")
        finally:
            s.close()
    s = Session(cmd, "shared")                          # EOF inside a frame: stop, no hang
    try:
        s.handshake(SHARED)
        s.send_raw(struct.pack(">I", 10) + b"\x1a")
        s.ctl.shutdown(socket.SHUT_WR)
        s.wait_exit(1.0)
    finally:
        s.close()


def scenario_version(cmd):
    s = Session(cmd, "shared")
    try:
        hello = s.hello()
        s.welcome(SHARED, hello, version=(2, 0))
        err = s.expect("error")
        check((err["code"], err["fatal"]) == (202, True), f"Error {err}, want 202 fatal")
        check(s.wait_exit() == 3, "exit code after an impossible version, want 3")
    finally:
        s.close()
    s = Session(cmd, "shared")
    try:
        hello = s.hello()
        top = max(v["minor"] for v in hello["versions"] if v["major"] == 1)
        s.welcome(SHARED, hello, version=(1, top + 1))              # a minor above the highest listed (NEG-5)
        err = s.expect("error")
        check((err["code"], err["fatal"]) == (202, True), f"Error {err}, want 202 fatal")
        check(s.wait_exit() == 3, f"exit code after version 1.{top + 1}, want 3")
    finally:
        s.close()
    s = Session(cmd, "shared")
    try:
        s.hello()
        s.send("error", {"code": 202, "message": "no common major", "fatal": True})
        check(s.wait_exit() == 3, "exit code after Error VERSION_MISMATCH, want 3")
    finally:
        s.close()
    s = Session(cmd, "shared")
    try:
        s.hello()
        s.send("drain", {})
        err = s.expect("error")
        check((err["code"], err["fatal"]) == (201, True), f"Error {err}, want 201 fatal")
        check(s.wait_exit() == 3, "exit code after a message before Welcome, want 3")
    finally:
        s.close()


def scenario_environment(cmd):
    for what, env, drop in (("no CORRAL_PROTOCOL", {}, ("CORRAL_PROTOCOL",)),
                            ("CORRAL_PROTOCOL=2", {"CORRAL_PROTOCOL": "2"}, ()),
                            ("no CORRAL_CONTROL_FD", {}, ("CORRAL_CONTROL_FD",)),
                            ("CORRAL_CONTROL_FD=abc", {"CORRAL_CONTROL_FD": "abc"}, ()),
                            ("CORRAL_CONTROL_FD=77", {"CORRAL_CONTROL_FD": "77"}, ()),
                            ("LISTEN_PID of another process", {"LISTEN_PID": "1"}, ())):
        s = Session(cmd, "shared", env=env, drop_env=drop)
        try:
            check(s.wait_exit() == 3, f"{what}: exit code {s.status}, want 3")
        finally:
            s.close()


SCENARIOS = {
    "arbiter": scenario_arbiter,
    "revoke": scenario_revoke,
    "shared": lambda cmd: scenario_polling(cmd, "shared", SHARED),
    "reuseport": lambda cmd: scenario_polling(cmd, "reuseport", REUSEPORT, reuseport=True),
    "exclusive": lambda cmd: scenario_polling(cmd, "exclusive", EXCLUSIVE),
    "handoff": scenario_handoff,
    "signals": scenario_signals,
    "stop": scenario_stop,
    "framing": scenario_framing,
    "version": scenario_version,
    "environment": scenario_environment,
}


def main():
    global VERBOSE
    parser = argparse.ArgumentParser(description="Smoke-test a corral socket worker.")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every frame")
    parser.add_argument("--only", help="comma-separated scenarios: " + " ".join(SCENARIOS))
    parser.add_argument("--strategy", choices=["arbiter", "shared", "reuseport", "exclusive", "handoff"],
                        help="run only the scenario of this accept strategy")
    parser.add_argument("cmd", nargs=argparse.REMAINDER, help="-- worker command")
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        parser.error("missing worker command after --")
    VERBOSE = args.verbose
    sys.stdout.reconfigure(line_buffering=True)    # keep our lines in order with the worker's stderr
    names = args.only.split(",") if args.only else [args.strategy] if args.strategy else list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario {unknown}")
    failed = 0
    for name in names:
        started = time.monotonic()
        try:
            note = SCENARIOS[name](cmd)
            print(f"ok   {name} ({time.monotonic() - started:.1f}s){' ' + note if note else ''}")
        except (Failure, EOFError, OSError) as err:
            failed += 1
            kind = "" if isinstance(err, Failure) else f"{type(err).__name__}: "
            print(f"FAIL {name}: {kind}{err}")
    print(f"{len(names) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
