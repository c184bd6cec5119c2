#!/usr/bin/env python3
"""corral reference worker in Python, standard library only.

A socket worker for the corral protocol, version 1.1 with accept.revoke (spec.md,
and the contract in proto/corral/v1/*.proto); it works with a 1.0 arbiter too.
It serves a minimal HTTP/1.1: every request gets `200 OK` with the body
`hello from <pid>\\n` and `Connection: close`.

It can't be started by hand, because it needs the process state an arbiter
sets up. Run it with `corral run -- python3 worker.py` or
`corral conformance worker -- python3 worker.py`.

The file has four parts:
  1. protobuf: a small encoder/decoder driven by tables that mirror the .proto
  2. framing: a 4-byte big-endian length, then one Envelope
  3. environment: the fds and variables that the arbiter passes
  4. the Worker: one `selectors` loop over the control channel, listeners,
     handoff channel, connections, signals and timers
"""
import array
import os
import re
import select
import selectors
import signal
import socket
import stat
import struct
import sys
import time

IMPLEMENTATION = "corral-python-ref/1.1"
CAPACITY = 64                 # connections held at once (Hello.capacity)
MAX_FRAME_BYTES = 65536       # the largest frame we accept (Hello.max_frame_bytes)
HANDSHAKE_TIMEOUT_MS = 10000  # give up when no Welcome comes
DRAIN_MARGIN_MS = 100         # give up a drain this long before its deadline
MAX_REQUEST_HEAD = 8192       # answer once the request head is complete or this big
MAX_SAFE_ID = 2**53 - 1       # the largest handoff_id or request_id a receiver takes [MSG-7]
# Hello.versions: 1.1 only. The arbiter chooses the smaller of the two highest
# minors [NEG-1], so this also gets a 1.0 arbiter, and every 1.1 addition is
# guarded by a feature [HELLO-3].
VERSION_MINOR = 1
# Features that a minor version introduced: with an older one negotiated they
# do not exist, whatever Welcome.features says [NEG-3, NEG-6, COMPAT-8].
FEATURE_SINCE = {"accept.revoke": 1}

# Hello.features. accept.exclusive needs EPOLLEXCLUSIVE, so we declare it only
# where Python exposes it [EXCL-3]. No "tasks": this is a socket worker.
FEATURES = ["accept.arbiter", "accept.shared"] \
    + (["accept.exclusive"] if hasattr(select, "EPOLLEXCLUSIVE") else []) \
    + ["accept.reuseport", "accept.handoff", "accept.revoke", "load-report"]

# ---------------------------------------------------------------------------
# 1. Protobuf by hand
#
# Each message is a table {field number: (name, type)}. A type is one of the
# scalars below, another table (a sub-message), or a one-element list, which
# means "repeated". Enums are encoded as plain varints.

U32, U64, BOOL, STR = "uint32", "uint64", "bool", "string"

VERSION = {1: ("major", U32), 2: ("minor", U32)}
LISTENER = {1: ("index", U32), 2: ("name", STR), 3: ("address", STR)}
HELLO = {1: ("versions", [VERSION]), 2: ("kind", U32), 3: ("pid", U32),
         4: ("features", [STR]), 5: ("max_frame_bytes", U32),
         6: ("implementation", STR), 7: ("capacity", U32)}
WELCOME = {1: ("version", VERSION), 2: ("worker_id", U32),
           3: ("heartbeat_interval_ms", U32), 4: ("heartbeat_timeout_ms", U32),
           5: ("listeners", [LISTENER]), 6: ("max_frame_bytes", U32),
           7: ("strategy", U32), 8: ("features", [STR]), 9: ("generation", U32)}
READY = {1: ("capacity", U32)}
HEARTBEAT = {1: ("time_ms", U64), 2: ("in_flight", U32), 3: ("capacity", U32),
             4: ("accepted_total", U64), 5: ("requests_total", U64)}
ACCEPT_GRANT = {1: ("grant_id", U32), 2: ("listener", U32), 3: ("max_accepts", U32),
                4: ("release_load", U32), 5: ("lease_ms", U32)}
ACCEPT_DONE = {1: ("grant_id", U32), 2: ("listener", U32), 3: ("accepted", U32),
               4: ("would_block", U32), 5: ("in_flight", U32), 6: ("reason", U32)}
ACCEPT_REVOKE = {1: ("grant_id", U32), 2: ("listener", U32)}   # since 1.1
HANDOFF = {1: ("handoff_id", U64), 2: ("listener", U32), 3: ("peer", STR)}
HANDOFF_ACK = {1: ("handoff_ids", [U64]), 2: ("in_flight", U32), 3: ("refused_ids", [U64])}
DRAIN = {1: ("deadline_ms", U32), 2: ("reason", STR)}
STOP = {1: ("reason", STR)}
GOODBYE = {1: ("reason", U32), 2: ("detail", STR), 3: ("accepted_total", U64)}
ERROR = {1: ("code", U32), 2: ("message", STR), 3: ("fatal", BOOL),
         4: ("request_id", U64), 5: ("message_type", U32)}

# The Envelope's body is a oneof, and the field number is the message type.
# We never read the task messages (30-34), so their tables are empty. They are
# listed so that they count as known types, not unknown ones.
MESSAGES = {1: ("hello", HELLO), 2: ("welcome", WELCOME), 3: ("ready", READY),
            4: ("heartbeat", HEARTBEAT), 10: ("accept_grant", ACCEPT_GRANT),
            11: ("accept_done", ACCEPT_DONE), 12: ("handoff", HANDOFF),
            13: ("handoff_ack", HANDOFF_ACK), 14: ("accept_revoke", ACCEPT_REVOKE),
            20: ("drain", DRAIN), 21: ("stop", STOP),
            22: ("goodbye", GOODBYE), 23: ("error", ERROR), 30: ("execute", {}),
            31: ("result", {}), 32: ("chunk", {}), 33: ("end", {}), 34: ("cancel", {})}
TYPE_NUMBER = {name: number for number, (name, _) in MESSAGES.items()}
# Arbiter-to-worker messages that belong to an optional feature (ERR-18).
FEATURE_OF = {"accept_grant": "accept.arbiter", "accept_revoke": "accept.revoke",
              "handoff": "accept.handoff", "execute": "tasks", "cancel": "tasks"}

# Enum values (handshake.proto, accept.proto, lifecycle.proto).
KIND_SOCKET = 1
STRATEGIES = {1: "arbiter", 2: "shared", 3: "exclusive", 4: "reuseport", 5: "handoff"}
RELEASE_BATCH, RELEASE_LOAD, RELEASE_EXPIRED, RELEASE_DRAINING, RELEASE_ERROR = 1, 2, 3, 4, 5
RELEASE_REVOKED = 6           # since 1.1, with accept.revoke
GOODBYE_DRAINED, GOODBYE_STOPPED, GOODBYE_SIGNAL, GOODBYE_ERROR = 1, 2, 3, 4
FRAME_TOO_LARGE, FRAME_EMPTY, FRAME_TRUNCATED, DECODE = 100, 101, 102, 103
UNKNOWN_MESSAGE, UNEXPECTED_MESSAGE, VERSION_MISMATCH = 200, 201, 202
INVALID_FIELD, GRANT_VIOLATION, UNSUPPORTED_FEATURE = 206, 207, 208


class ProtocolError(Exception):
    """A fatal protocol error: we send Error{code, fatal: true} and exit."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class DecodeError(ProtocolError):
    def __init__(self, message):
        super().__init__(DECODE, message)


class UnknownMessage(Exception):
    """An Envelope with no body we know. This is not fatal: we answer Error 200."""

    def __init__(self, number):
        super().__init__(f"unknown message type {number}")
        self.number = number


def put_varint(out, value):
    # 7 bits per byte, least significant group first; the high bit means "more".
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)


def put_field(out, number, kind, value, keep_default=False):
    """Append one field. proto3 leaves out 0, "" and false unless repeated."""
    if isinstance(kind, dict):                       # sub-message: wire type 2
        body = encode(kind, value)
        put_varint(out, number << 3 | 2)
        put_varint(out, len(body))
        out += body
    elif kind == STR:                                # string: wire type 2
        if value or keep_default:
            data = value.encode("utf-8")
            put_varint(out, number << 3 | 2)
            put_varint(out, len(data))
            out += data
    elif value or keep_default:                      # integer or bool: wire type 0
        put_varint(out, number << 3 | 0)
        put_varint(out, int(value))


def encode(schema, msg):
    out = bytearray()
    for number in sorted(schema):                    # field order, as protoc does
        name, kind = schema[number]
        value = msg.get(name)
        if value is None:
            continue
        if not isinstance(kind, list):
            put_field(out, number, kind, value)
        elif kind[0] in (U32, U64):                  # proto3 packs repeated scalars
            if value:
                packed = bytearray()
                for item in value:
                    put_varint(packed, item)
                put_varint(out, number << 3 | 2)
                put_varint(out, len(packed))
                out += packed
        else:
            for item in value:
                put_field(out, number, kind[0], item, keep_default=True)
    return bytes(out)


def get_varint(buf, pos):
    result = shift = 0
    while True:
        if pos >= len(buf):
            raise DecodeError("truncated varint")
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result & 0xFFFFFFFFFFFFFFFF, pos
        shift += 7
        if shift > 63:
            raise DecodeError("varint longer than 10 bytes")


def read_value(buf, pos, number, wire, depth=0):
    """Read the value of one field at pos. Returns (value, position after it)."""
    if wire == 0:
        return get_varint(buf, pos)
    if wire in (1, 5):
        size = 8 if wire == 1 else 4
        if pos + size > len(buf):
            raise DecodeError("truncated fixed-width field")
        return int.from_bytes(buf[pos:pos + size], "little"), pos + size
    if wire == 2:
        size, pos = get_varint(buf, pos)
        if size > len(buf) - pos:
            raise DecodeError("truncated length-delimited field")
        return bytes(buf[pos:pos + size]), pos + size
    if wire == 3 and depth < 32:
        # A group (deprecated, proto2) is never a field we know. We skip it up
        # to its end-group tag (wire type 4, same field number).
        while pos < len(buf):
            tag, pos = get_varint(buf, pos)
            if tag & 7 == 4:
                if tag >> 3 != number:
                    raise DecodeError(f"group {number} closed by end-group {tag >> 3}")
                return None, pos
            _, pos = read_value(buf, pos, tag >> 3, tag & 7, depth + 1)
        raise DecodeError(f"group {number} has no end-group tag")
    raise DecodeError(f"unexpected wire type {wire} in field {number}")


def read_fields(buf):
    """Split a message into (number, wire type, value) triples.

    Every field starts with a varint tag, (field number << 3) | wire type.
    Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit,
    3 start of a group (skipped, value None). 4 outside a group, 6 and 7 are
    decode errors.
    """
    fields = []
    pos = 0
    while pos < len(buf):
        tag, pos = get_varint(buf, pos)
        number, wire = tag >> 3, tag & 7
        if number == 0 or tag > 0xFFFFFFFF:
            raise DecodeError(f"invalid field number {number}")
        value, pos = read_value(buf, pos, number, wire)
        fields.append((number, wire, value))
    return fields


def decode(schema, buf):
    """Decode a message into a dict. Absent fields get their proto3 default."""
    msg = {}
    for name, kind in schema.values():
        msg[name] = [] if isinstance(kind, list) else "" if kind == STR else \
            None if isinstance(kind, dict) else False if kind == BOOL else 0
    for number, wire, value in read_fields(buf):
        if number not in schema:
            continue                  # unknown field in a known message: ignored
        name, kind = schema[number]
        item = kind[0] if isinstance(kind, list) else kind
        if isinstance(item, dict) or item == STR:
            if wire != 2:
                continue              # wrong wire type: treat it like an unknown field
            value = decode(item, value) if isinstance(item, dict) else value.decode("utf-8", "replace")
        else:
            if wire != 0:
                continue
            value = value & 0xFFFFFFFF if item == U32 else bool(value) if item == BOOL else value
        if isinstance(kind, list):
            msg[name].append(value)
        else:
            msg[name] = value
    return msg


def decode_envelope(payload):
    """Return (type name, body dict), or raise DecodeError or UnknownMessage."""
    body = unknown = None
    for number, wire, value in read_fields(payload):
        if number in MESSAGES:
            if wire != 2:
                raise DecodeError(f"message type {number} is not length-delimited")
            body = (number, value)    # a oneof: if several bodies come, the last one wins
        elif unknown is None:
            unknown = number
    if body is None:
        raise UnknownMessage(unknown)
    name, schema = MESSAGES[body[0]]
    return name, decode(schema, body[1])


# ---------------------------------------------------------------------------
# 2. Framing
#
#   +--------+--------+--------+--------+----------- ... -----------+
#   |  N: payload length, uint32, big-endian |  N bytes: Envelope    |
#   +--------+--------+--------+--------+----------- ... -----------+
#
# N = 0 is invalid (101). N is checked against the negotiated limit as soon as
# the 4 length bytes arrive, before the payload is buffered (100).

def encode_frame(name, body):
    number = TYPE_NUMBER[name]
    envelope = bytearray()
    put_field(envelope, number, MESSAGES[number][1], body)   # an empty body is still present
    return struct.pack(">I", len(envelope)) + envelope


class FrameReader:
    def __init__(self, limit):
        self.buf = bytearray()
        self.limit = limit

    def next_frame(self):
        """Return the next complete payload, or None when more bytes are needed."""
        if len(self.buf) < 4:
            return None
        (size,) = struct.unpack_from(">I", self.buf)
        if size == 0:
            raise ProtocolError(FRAME_EMPTY, "zero-length frame")
        if size > self.limit:
            raise ProtocolError(FRAME_TOO_LARGE, f"frame of {size} bytes exceeds the limit of {self.limit}")
        if len(self.buf) < 4 + size:
            return None
        payload = bytes(self.buf[4:4 + size])
        del self.buf[:4 + size]
        return payload


# ---------------------------------------------------------------------------
# 3. Environment (spec.md sections 2.1 to 2.3)
#
#   fd 3 .. 3+n-1         listening sockets; LISTEN_FDS=n, LISTEN_FDNAMES, LISTEN_PID=<our pid>
#   CORRAL_PROTOCOL       1
#   CORRAL_CONTROL_FD     AF_UNIX SOCK_STREAM, the control channel (3+n)
#   CORRAL_HANDOFF_FD     AF_UNIX SOCK_SEQPACKET, handoff strategy only (3+n+1)
#   CORRAL_WORKER_ID      the id that Welcome.worker_id repeats
#   CORRAL_ACCEPT         arbiter | shared | exclusive | reuseport | handoff
#   CORRAL_ARBITER_PID    the arbiter's pid
#
# Anything missing or malformed is a boot failure: exit 3 with a message on
# stderr [ENV-18, EXIT-2].

def log(message):
    sys.stderr.write(f"{IMPLEMENTATION}[{os.getpid()}]: {message}\n")
    sys.stderr.flush()


def boot_failure(message):
    log(f"bad environment: {message}")
    sys.exit(3)


def env_number(name):
    raw = os.environ.get(name)
    if raw is None:
        boot_failure(f"{name} is not set")
    # Decimal digits, no sign, spaces or leading zeros [ENV-13].
    if not re.fullmatch(r"0|[1-9][0-9]{0,9}", raw):
        boot_failure(f"{name}={raw!r} is not a decimal number")
    return int(raw)


def require_socket(fd, what):
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        boot_failure(f"{what}: fd {fd} is not open")
    if not stat.S_ISSOCK(mode):
        boot_failure(f"{what}: fd {fd} is not a socket")


def read_environment():
    protocol = os.environ.get("CORRAL_PROTOCOL")
    if protocol is None:
        # Not started by an arbiter. ENV-16 lets a worker run without the
        # protocol; this one has nothing to do without an arbiter, so it stops.
        boot_failure("CORRAL_PROTOCOL is not set; this program must be started by a corral arbiter")
    if protocol != "1":
        boot_failure(f"CORRAL_PROTOCOL={protocol!r}; this worker speaks protocol 1 only")  # ENV-17
    count = 0
    if "LISTEN_FDS" in os.environ:
        count = env_number("LISTEN_FDS")
        names = os.environ.get("LISTEN_FDNAMES", "")
        if count and len(names.split(":")) != count:
            boot_failure(f"LISTEN_FDNAMES={names!r} does not name {count} listeners")
        # Listeners meant for another process are not ours to use [ENV-19].
        if env_number("LISTEN_PID") != os.getpid():
            boot_failure(f"LISTEN_PID={os.environ['LISTEN_PID']} but this process is {os.getpid()}")
    accept = os.environ.get("CORRAL_ACCEPT")
    if accept not in STRATEGIES.values():
        boot_failure(f"CORRAL_ACCEPT={accept!r} is not one of {', '.join(STRATEGIES.values())}")
    worker_id = env_number("CORRAL_WORKER_ID")
    env_number("CORRAL_ARBITER_PID")
    control = env_number("CORRAL_CONTROL_FD")
    if control != 3 + count:
        boot_failure(f"CORRAL_CONTROL_FD={control}, but with {count} listeners it is {3 + count}")
    handoff = None
    if accept == "handoff":
        handoff = env_number("CORRAL_HANDOFF_FD")
        if handoff != control + 1:
            boot_failure(f"CORRAL_HANDOFF_FD={handoff}, but it is {control + 1}, after the control channel")
    for i in range(count):
        require_socket(3 + i, f"listener {i}")
    require_socket(control, "CORRAL_CONTROL_FD")
    if handoff is not None:
        require_socket(handoff, "CORRAL_HANDOFF_FD")
    # Programs we might start must not take these for their own [ENV-20].
    for name in list(os.environ):
        if name.startswith(("LISTEN_", "CORRAL_")):
            del os.environ[name]
    return {"listeners": count, "control": control, "handoff": handoff, "accept": accept,
            "worker_id": worker_id}


# ---------------------------------------------------------------------------
# 4. The worker

def now_ms():
    return time.monotonic_ns() // 1_000_000


class Grant:
    """An accept lease (arbiter strategy) and what has happened under it."""

    def __init__(self, msg, limit):
        self.id = msg["grant_id"]
        self.listener = msg["listener"]
        self.max_accepts = msg["max_accepts"]
        self.load_limit = limit
        self.expires = now_ms() + msg["lease_ms"]
        self.accepted = 0
        self.would_block = 0


class Conn:
    """One HTTP connection: read the request head, write the answer, close."""

    def __init__(self, sock):
        self.sock = sock
        self.head = bytearray()
        self.out = None               # the unsent rest of the response, once there is one


class Worker:
    def __init__(self, env):
        self.pid = os.getpid()
        self.sel = selectors.DefaultSelector()
        self.ctl = socket.socket(fileno=env["control"])
        self.ctl.setblocking(False)   # our own end: its blocking mode is ours to set [PROC-12]
        # The listeners should arrive non-blocking [PROC-4]; setblocking(False)
        # makes sure, since an accept() that blocks would stall everything.
        # Their O_NONBLOCK is shared with every other worker: setting it is
        # harmless, clearing it is forbidden [PROC-11].
        self.listeners = [socket.socket(fileno=3 + i) for i in range(env["listeners"])]
        for lst in self.listeners:
            lst.setblocking(False)
        self.handoff = None
        if env["handoff"] is not None:
            self.handoff = socket.socket(fileno=env["handoff"])
            self.handoff.setblocking(False)
        # The arbiter cleared close-on-exec to pass these fds to us. We set it
        # again, so that nothing we start inherits them [SEC-3, SEC-2].
        for sock in [self.ctl, *self.listeners, self.handoff]:
            if sock is not None:
                sock.set_inheritable(False)
        self.env_accept = env["accept"]
        self.worker_id = env["worker_id"]
        self.out = bytearray()        # frames queued for the arbiter
        self.reader = FrameReader(MAX_FRAME_BYTES)
        self.welcomed = False
        self.strategy = None
        self.features = set()
        self.heartbeat_ms = None      # Welcome.heartbeat_interval_ms
        self.deadline = now_ms() + HANDSHAKE_TIMEOUT_MS   # of the handshake, later of a drain [HS-7]
        self.next_heartbeat = None
        self.grants = {}              # listener index -> Grant
        self.polled = set()           # what we poll now: listener indices, or "epoll"
        self.exclusive = None         # the nested epoll of the exclusive strategy
        self.conns = {}               # fd -> Conn
        self.accepted_total = 0
        self.requests_total = 0
        self.draining = False
        self.drain_why = ""
        body = f"hello from {self.pid}\n"
        self.response = (f"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                         f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n{body}").encode()

        # Signals: the C-level handler writes the signal number to a socket the
        # loop watches, so a signal wakes select() (set_wakeup_fd).
        self.wake_r, wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        wake_w.setblocking(False)
        self.wake_w = wake_w
        signal.set_wakeup_fd(wake_w.fileno(), warn_on_full_buffer=False)
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT):
            signal.signal(sig, lambda *_: None)
        # SIGHUP is the arbiter's reload, and a closing terminal sends it to the
        # whole process group: not for us [SIG-3]. (Python already ignores
        # SIGPIPE, so a write to a closed connection raises EPIPE [SIG-4].)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        self.sel.register(self.wake_r, selectors.EVENT_READ, self.on_signal)
        self.sel.register(self.ctl, selectors.EVENT_READ, self.on_control)

    # -- sending to the arbiter ----------------------------------------------

    def send(self, name, body):
        self.out += encode_frame(name, body)
        self.flush()

    def send_error(self, code, message, fatal, message_type=0):
        self.send("error", {"code": code, "message": message, "fatal": fatal,
                            "message_type": message_type})

    def flush(self):
        try:
            while self.out:
                sent = self.ctl.send(self.out)
                del self.out[:sent]
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.arbiter_gone()
        # Watch for writability only while something is queued.
        events = selectors.EVENT_READ | (selectors.EVENT_WRITE if self.out else 0)
        if self.sel.get_key(self.ctl).events != events:
            self.sel.modify(self.ctl, events, self.on_control)

    def exit(self, code, linger_s=1.0):
        """Push out what is queued (waiting at most linger_s), then exit."""
        if self.out:
            try:
                self.ctl.settimeout(linger_s)
                self.ctl.sendall(self.out)
            except OSError:
                pass
        sys.exit(code)

    def goodbye(self, reason, detail, linger_s=1.0, status=0):
        # Goodbye is the last frame we send [EXIT-7].
        self.send("goodbye", {"reason": reason, "detail": detail,
                              "accepted_total": self.accepted_total})
        self.exit(status, linger_s)

    def heartbeat(self):
        self.send("heartbeat", {"time_ms": now_ms(), "in_flight": len(self.conns),
                                "capacity": CAPACITY, "accepted_total": self.accepted_total,
                                "requests_total": self.requests_total})
        self.next_heartbeat = now_ms() + self.heartbeat_ms

    # -- the control channel --------------------------------------------------

    def on_control(self, mask):
        if mask & selectors.EVENT_WRITE:
            self.flush()
        if not mask & selectors.EVENT_READ:
            return
        # Read until the socket is empty, not just once: every frame that was
        # readable when select() returned must be handled before run() lets a
        # listener event of the same round accept [ACCEPT-44].
        while True:
            try:
                data = self.ctl.recv(65536)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                data = b""
            if not data:
                self.arbiter_gone()
            self.reader.buf += data
            while (payload := self.reader.next_frame()) is not None:
                self.on_frame(payload)

    def arbiter_gone(self, channel="control"):
        # End of stream on either channel means that the arbiter is gone: exit
        # at once, without Goodbye [STOP-4], with 0 [EXIT-1], or 3 while the
        # handshake is not done [EXIT-2]. A partial frame is FRAME_TRUNCATED
        # (102), which is never sent: there is no one left to read it.
        if self.reader.buf:
            log(f"error {FRAME_TRUNCATED}: end of stream inside a frame")
        log(f"{channel} channel closed: the arbiter is gone")
        sys.exit(0 if self.welcomed else 3)

    def on_frame(self, payload):
        try:
            name, body = decode_envelope(payload)
        except UnknownMessage as unknown:
            if not self.welcomed:
                # No version is chosen before Welcome, so no later type can be
                # in use: fatal, and nothing but a fatal Error is sent [HS-5, HS-6].
                raise ProtocolError(UNEXPECTED_MESSAGE, f"{unknown} before Welcome")
            # A message type from a newer minor version or an extension: say so,
            # never drop it silently, and carry on [COMPAT-2, COMPAT-4].
            self.send_error(UNKNOWN_MESSAGE, str(unknown), False, unknown.number)
            return
        if not self.welcomed:
            if name == "welcome":
                self.on_welcome(body)
            elif name == "error":
                # The fatal flag alone decides, whatever the code [ERR-7].
                log(f"arbiter error {body['code']} during the handshake: {body['message']}")
                if body["fatal"]:
                    sys.exit(3)
            else:
                raise ProtocolError(UNEXPECTED_MESSAGE, f"{name} before Welcome")   # HS-6
            return
        # A message of a feature that was not negotiated is answered, not
        # fatal, and otherwise ignored [ERR-18]. We never offer "tasks", so
        # Execute and Cancel always end here.
        feature = FEATURE_OF.get(name)
        if feature is not None and feature not in self.features:
            self.send_error(UNSUPPORTED_FEATURE, f"{name} needs {feature}, which was not negotiated", False)
            return
        handler = {"accept_grant": self.on_grant, "accept_revoke": self.on_revoke,
                   "drain": self.on_drain, "stop": self.on_stop, "error": self.on_error}.get(name)
        if handler is None:
            # A second Welcome [HS-14], a worker-to-arbiter message, or a
            # ConnectionHandoff on the control channel [HS-15].
            raise ProtocolError(UNEXPECTED_MESSAGE, f"a worker does not expect {name} on the control channel")
        handler(body)

    def on_welcome(self, w):
        # Every problem with Welcome is a failed handshake: Error{fatal}, then
        # exit 3 [EXIT-2].
        version = w["version"] or {"major": 0, "minor": 0}
        if version["major"] != 1 or version["minor"] > VERSION_MINOR:
            # We listed 1.1: a major other than 1, or a minor above 1, is not a
            # version we could have listed [NEG-5]. 1.0 is fine (NEG-1 picks it
            # for a 1.0 arbiter).
            raise ProtocolError(VERSION_MISMATCH, f"arbiter chose {version['major']}.{version['minor']}; "
                                f"this worker speaks 1.{VERSION_MINOR}")
        if w["strategy"] != 0 and w["strategy"] not in STRATEGIES:
            raise ProtocolError(INVALID_FIELD, f"unknown accept strategy {w['strategy']}")   # COMPAT-7
        unoffered = [f for f in w["features"] if f not in FEATURES]
        if unoffered:
            raise ProtocolError(INVALID_FIELD, f"Welcome.features lists {', '.join(unoffered)}, "
                                "which Hello did not offer")   # NEG-9
        # A feature of a minor above the chosen one cannot be in use: an
        # arbiter should have left it out [NEG-3]; if it did not, we still
        # treat it as not negotiated, since its messages and enum values do
        # not exist in that version [NEG-6, COMPAT-8].
        self.features = {f for f in w["features"] if FEATURE_SINCE.get(f, 0) <= version["minor"]}
        # The strategy must be the one CORRAL_ACCEPT named [NEG-12], and its
        # feature negotiated [NEG-7]. Since Welcome.features only lists what we
        # offered, this also rejects a strategy our Hello did not declare.
        strategy = STRATEGIES.get(w["strategy"])
        if strategy != self.env_accept or f"accept.{strategy}" not in self.features:
            raise ProtocolError(UNSUPPORTED_FEATURE, f"Welcome.strategy {strategy or 'UNSPECIFIED'}: "
                                f"CORRAL_ACCEPT={self.env_accept}, negotiated {sorted(self.features)}")
        # Values the spec forbids [ERR-17].
        if w["worker_id"] != self.worker_id:   # WELCOME-1
            raise ProtocolError(INVALID_FIELD, f"Welcome.worker_id {w['worker_id']}, CORRAL_WORKER_ID {self.worker_id}")
        interval, timeout = w["heartbeat_interval_ms"], w["heartbeat_timeout_ms"]
        if interval < 1 or 0 < timeout < 2 * interval:   # WELCOME-2
            raise ProtocolError(INVALID_FIELD, f"heartbeat_interval_ms {interval}, heartbeat_timeout_ms {timeout}")
        if not 1 <= w["max_frame_bytes"] <= MAX_FRAME_BYTES:   # NEG-4: at most what we offered
            raise ProtocolError(INVALID_FIELD, f"Welcome.max_frame_bytes {w['max_frame_bytes']}")
        if w["generation"] < 1:   # WELCOME-7
            raise ProtocolError(INVALID_FIELD, "Welcome.generation 0")
        # In the handoff strategy the list describes the arbiter's listeners
        # [WELCOME-4], which we can't check; otherwise, exactly ours [WELCOME-3].
        if strategy != "handoff" and [entry["index"] for entry in w["listeners"]] != list(range(len(self.listeners))):
            raise ProtocolError(INVALID_FIELD, f"Welcome.listeners has {len(w['listeners'])} entries "
                                f"for {len(self.listeners)} listeners")
        self.reader.limit = w["max_frame_bytes"]   # for both channels, from now on [NEG-15]
        self.heartbeat_ms = interval
        self.strategy = strategy
        if strategy == "exclusive":
            # EPOLLEXCLUSIVE can only be set on an epoll of our own. That epoll's fd
            # is what the main loop polls, and one readiness wakes one worker.
            self.exclusive = select.epoll()
            for i, lst in enumerate(self.listeners):
                self.exclusive.register(lst.fileno(), select.EPOLLIN | select.EPOLLEXCLUSIVE)
        if self.handoff is not None and strategy == "handoff":
            self.sel.register(self.handoff, selectors.EVENT_READ, self.on_handoff)
        self.welcomed = True
        self.deadline = None
        # The application (a constant string) is loaded, so we are ready.
        self.send("ready", {"capacity": CAPACITY})
        self.next_heartbeat = now_ms() + self.heartbeat_ms
        self.sync_polling()

    def on_error(self, body):
        # Logged, never answered [ERR-8, ERR-9]; the fatal flag alone decides
        # [ERR-7]. After a fatal one the arbiter closes the channel and we exit
        # as if it were gone, but with 1: this is a failure [ERR-6, EXIT-4].
        log(f"arbiter error {body['code']}: {body['message']}")
        if body["fatal"]:
            sys.exit(1)

    def on_drain(self, body):
        self.start_drain(body["deadline_ms"], body["reason"] or "drain")

    def on_stop(self, body):
        # Stop: Goodbye on a best-effort basis, then exit at once without
        # finishing anything.
        self.goodbye(GOODBYE_STOPPED, body["reason"], linger_s=0.1)

    # -- accepting -------------------------------------------------------------

    def wanted_polling(self):
        """The listeners we may poll right now."""
        if not self.welcomed or self.draining:
            return set()
        if self.strategy == "arbiter":
            return set(self.grants)   # only with a grant, never otherwise
        if self.strategy in ("shared", "reuseport", "exclusive") and len(self.conns) < CAPACITY:
            return {"epoll"} if self.strategy == "exclusive" else set(range(len(self.listeners)))
        return set()

    def sync_polling(self):
        want = self.wanted_polling()
        for item in self.polled - want:
            self.sel.unregister(self.exclusive if item == "epoll" else self.listeners[item])
        for item in want - self.polled:
            if item == "epoll":
                self.sel.register(self.exclusive, selectors.EVENT_READ, self.on_exclusive)
            else:
                self.sel.register(self.listeners[item], selectors.EVENT_READ,
                                  lambda mask, i=item: self.on_listener(i))
        self.polled = want

    def on_grant(self, msg):
        if self.strategy != "arbiter":
            # accept.arbiter was negotiated (or on_frame answered 208), but
            # this pool runs another strategy [HS-15].
            raise ProtocolError(UNEXPECTED_MESSAGE, f"AcceptGrant in the {self.strategy} strategy")
        if msg["listener"] >= len(self.listeners) or not msg["max_accepts"] or not msg["lease_ms"]:
            # Not fatal: refuse it, and still end it with AcceptDone, so that the
            # arbiter's books balance [ACCEPT-26]. The listener is never polled.
            self.send_error(INVALID_FIELD, f"AcceptGrant{{listener: {msg['listener']}, max_accepts: "
                            f"{msg['max_accepts']}, lease_ms: {msg['lease_ms']}}} with "
                            f"{len(self.listeners)} listeners", False)
            self.send("accept_done", {"grant_id": msg["grant_id"], "listener": msg["listener"],
                                      "accepted": 0, "in_flight": len(self.conns), "reason": RELEASE_ERROR})
            return
        if msg["listener"] in self.grants:
            # Not fatal, and the grant we hold is unaffected [ACCEPT-27].
            self.send_error(GRANT_VIOLATION, f"second grant for listener {msg['listener']}", False)
            return
        # release_load 0 means "capacity"; we can never hold more than capacity.
        limit = min(msg["release_load"] or CAPACITY, CAPACITY)
        grant = self.grants[msg["listener"]] = Grant(msg, limit)
        if self.draining:
            self.release(grant, RELEASE_DRAINING)
        elif not self.release_if_due(grant):
            self.sync_polling()       # now, and only now, poll the listener

    def on_revoke(self, msg):
        # Only reached with accept.revoke negotiated; otherwise on_frame answered
        # 208 [ERR-18]. The arbiter has already ended the grant and may have
        # granted the listener to another worker.
        grant = self.grants.get(msg["listener"])
        if grant is None or grant.id != msg["grant_id"]:
            # Not held: it crossed our own AcceptDone on the wire, or it names a
            # grant we never had (in another strategy, none at all). Ignored,
            # without an answer [ACCEPT-43].
            return
        # release() takes the listener out of the poll set before AcceptDone
        # goes out, and no accept follows: run() skips a listener event whose
        # registration is gone [ACCEPT-42, ACCEPT-23].
        self.release(grant, RELEASE_REVOKED)

    def release_if_due(self, grant):
        """The checks made before each accept under a grant. Returns True when it releases."""
        if grant.accepted >= grant.max_accepts:
            reason = RELEASE_BATCH
        elif len(self.conns) >= grant.load_limit:
            reason = RELEASE_LOAD
        elif now_ms() >= grant.expires:
            reason = RELEASE_EXPIRED
        else:
            return False
        self.release(grant, reason)
        return True

    def release(self, grant, reason):
        # Stop polling the listener first, then tell the arbiter. Once AcceptDone is
        # sent, the next holder may already be accepting.
        del self.grants[grant.listener]
        self.sync_polling()
        self.send("accept_done", {"grant_id": grant.id, "listener": grant.listener,
                                  "accepted": grant.accepted, "would_block": grant.would_block,
                                  "in_flight": len(self.conns), "reason": reason})

    def on_listener(self, index):
        if self.strategy != "arbiter":
            self.accept_all(self.listeners[index])
            return
        # Arbiter strategy: one accept per readiness, after the release checks.
        if "accept.revoke" in self.features:
            # Read the control channel once more, right before the accept
            # [ACCEPT-44]. run() already handled its events of this round, but
            # a SIGSTOP can freeze us between select() taking its snapshot and
            # our acting on it: the snapshot says "listener readable, control
            # quiet", while the AcceptRevoke that came during the stop is
            # waiting. One recv() that finds nothing is the price.
            self.on_control(selectors.EVENT_READ)
        # The grant is looked up again: a frame handled earlier in this round,
        # or just now, may have revoked or released it [ACCEPT-42].
        grant = self.grants.get(index)
        if grant is None or self.release_if_due(grant):
            return
        try:
            sock, _ = self.listeners[index].accept()
        except (BlockingIOError, InterruptedError):
            grant.would_block += 1
            return
        except ConnectionAbortedError:
            return                    # the client gave up while in the queue
        except OSError as err:
            log(f"accept on listener {index}: {err}")
            self.release(grant, RELEASE_ERROR)
            return
        grant.accepted += 1
        self.take(sock)
        # Make the checks for the next accept now. A finished lease goes back at
        # once instead of waiting for another connection to arrive.
        self.release_if_due(grant)

    def on_exclusive(self, mask):
        for fd, _ in self.exclusive.poll(0):
            self.accept_all(self.listeners[fd - 3])

    def accept_all(self, lst):
        # shared / reuseport / exclusive: accept until the queue is empty
        # (would-block) or we are full.
        while len(self.conns) < CAPACITY and not self.draining:
            try:
                sock, _ = lst.accept()
            except (BlockingIOError, InterruptedError):
                break
            except ConnectionAbortedError:
                continue
            except OSError as err:
                log(f"accept: {err}")
                break
            self.take(sock)
        self.sync_polling()

    def on_handoff(self, mask):
        # Handoff strategy: one datagram = one frame (length + Envelope{handoff})
        # plus exactly one fd in SCM_RIGHTS. We collect what we read now and
        # acknowledge it in one HandoffAck [HANDOFF-21, HANDOFF-22]. Errors
        # about this channel go out on the control channel [HANDOFF-28]; we
        # never write to the handoff channel [HANDOFF-27].
        acked, refused = [], []
        while True:
            try:
                # MSG_CMSG_CLOEXEC: each fd is close-on-exec from its first
                # instant [HANDOFF-14]. Room for 4 fds, so that a datagram with
                # too many is seen as such rather than as truncated.
                data, ancdata, flags, _ = self.handoff.recvmsg(
                    4 + self.reader.limit, socket.CMSG_SPACE(4 * 4), socket.MSG_CMSG_CLOEXEC)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                data, ancdata, flags = b"", [], 0
            fds = array.array("i")
            for level, kind, cdata in ancdata:
                if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                    fds.frombytes(cdata[:len(cdata) - len(cdata) % fds.itemsize])
            if not data and not fds:
                self.arbiter_gone("handoff")       # end of stream [STOP-4]
            try:
                handoff_id = self.parse_handoff(data, flags)
            except BaseException:
                for fd in fds:
                    os.close(fd)
                raise
            if len(fds) != 1 or flags & socket.MSG_CTRUNC:
                # Not one fd: close whatever came, say so (not fatal), and refuse
                # the handoff if it decoded [HANDOFF-18].
                for fd in fds:
                    os.close(fd)
                self.send_error(INVALID_FIELD, f"handoff datagram with {len(fds)} descriptors"
                                + (" (control data truncated)" if flags & socket.MSG_CTRUNC else ""), False)
                if handoff_id is not None:
                    refused.append(handoff_id)
                continue
            if handoff_id is None or self.draining or len(self.conns) >= CAPACITY:
                # Our copy, untouched: the arbiter still holds its own and hands
                # a refused connection to another worker [HANDOFF-24, HANDOFF-26].
                os.close(fds[0])
                if handoff_id is not None:
                    refused.append(handoff_id)
                continue
            # Served from the next loop turn on, after the HandoffAck below has
            # gone out [HANDOFF-23].
            self.take(socket.socket(fileno=fds[0]))
            acked.append(handoff_id)
        if acked or refused:
            self.send("handoff_ack", {"handoff_ids": acked, "in_flight": len(self.conns),
                                      "refused_ids": refused})

    def parse_handoff(self, data, flags):
        """The handoff_id of a datagram, or None for an unknown message type
        (answered, not fatal). Anything else wrong with the frame is fatal."""
        if flags & socket.MSG_TRUNC:
            raise ProtocolError(FRAME_TOO_LARGE, "handoff datagram larger than the frame limit")  # HANDOFF-16
        size = struct.unpack_from(">I", data)[0] if len(data) >= 4 else None
        if size != len(data) - 4:
            raise ProtocolError(DECODE, f"handoff datagram of {len(data)} bytes holds a frame "
                                f"of {size} bytes")   # HANDOFF-17
        if size == 0:
            raise ProtocolError(FRAME_EMPTY, "zero-length handoff frame")
        try:
            name, body = decode_envelope(data[4:])
        except UnknownMessage as unknown:
            self.send_error(UNKNOWN_MESSAGE, str(unknown), False, unknown.number)   # HANDOFF-19
            return None
        if name != "handoff":
            raise ProtocolError(UNEXPECTED_MESSAGE, f"{name} on the handoff channel")   # HANDOFF-19
        handoff_id = body["handoff_id"]
        # Not 0 [HANDOFF-3], and exact as an IEEE double [MSG-7]; fatal [ERR-17].
        if not 1 <= handoff_id <= MAX_SAFE_ID:
            raise ProtocolError(INVALID_FIELD, f"handoff_id {handoff_id} is not within 1 .. 2^53 - 1")
        return handoff_id

    # -- connections -----------------------------------------------------------

    def take(self, sock):
        sock.setblocking(False)
        conn = Conn(sock)
        self.conns[sock.fileno()] = conn
        self.sel.register(sock, selectors.EVENT_READ, lambda mask: self.on_conn(conn))
        self.accepted_total += 1

    def on_conn(self, conn):
        try:
            if conn.out is None:
                data = conn.sock.recv(4096)
                if not data:
                    self.close_conn(conn)
                    return
                conn.head += data
                if b"\r\n\r\n" in conn.head or len(conn.head) >= MAX_REQUEST_HEAD:
                    conn.out = memoryview(self.response)
                    self.sel.modify(conn.sock, selectors.EVENT_WRITE, lambda mask: self.on_conn(conn))
            else:
                conn.out = conn.out[conn.sock.send(conn.out):]
                if not conn.out:
                    self.requests_total += 1
                    self.close_conn(conn)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.close_conn(conn)

    def close_conn(self, conn):
        was_full = len(self.conns) >= CAPACITY
        self.sel.unregister(conn.sock)
        del self.conns[conn.sock.fileno()]
        conn.sock.close()
        if was_full and "load-report" in self.features and not self.draining:
            self.heartbeat()          # load-report: tell the arbiter that we have room again
        self.sync_polling()
        if self.draining and not self.conns:
            self.goodbye(GOODBYE_DRAINED, self.drain_why)

    # -- lifecycle -------------------------------------------------------------

    def start_drain(self, deadline_ms, why):
        # Drain and SIGTERM: release every grant (DRAINING), stop accepting,
        # finish what is in flight, then send Goodbye{DRAINED} and exit 0.
        # Past the deadline the arbiter kills us, so we close what is left
        # just before that [DRAIN-7]. Of two drains, the earlier deadline wins,
        # and 0 means none [DRAIN-8].
        if deadline_ms:
            cut = now_ms() + max(0, deadline_ms - DRAIN_MARGIN_MS)
            self.deadline = cut if self.deadline is None else min(self.deadline, cut)
        if self.draining:
            return
        self.draining = True
        self.drain_why = why
        for grant in list(self.grants.values()):
            self.release(grant, RELEASE_DRAINING)
        self.sync_polling()
        if not self.conns:
            self.goodbye(GOODBYE_DRAINED, why)

    def on_signal(self, mask):
        try:
            signums = self.wake_r.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in signums:
            if signum == signal.SIGTERM:
                if not self.welcomed:
                    sys.exit(0)
                self.start_drain(0, "SIGTERM")
            elif signum in (signal.SIGINT, signal.SIGQUIT):
                if self.welcomed:     # immediate stop; Goodbye on a best-effort basis
                    self.goodbye(GOODBYE_SIGNAL, signal.Signals(signum).name, linger_s=0.1)
                sys.exit(0)

    def on_timers(self):
        now = now_ms()
        if not self.welcomed:
            if now >= self.deadline:
                log(f"no Welcome within {HANDSHAKE_TIMEOUT_MS} ms")
                sys.exit(3)
            return
        if self.deadline is not None and now >= self.deadline:
            left = len(self.conns)
            for conn in list(self.conns.values()):
                conn.sock.close()
            self.conns.clear()
            self.goodbye(GOODBYE_DRAINED, f"{self.drain_why}: deadline passed, closed {left} connections")
        for grant in list(self.grants.values()):
            if now >= grant.expires:
                self.release_if_due(grant)
        if now >= self.next_heartbeat:
            self.heartbeat()

    def next_timer(self):
        times = [self.deadline] if self.deadline is not None else []
        if self.welcomed:
            times.append(self.next_heartbeat)
            times += [grant.expires for grant in self.grants.values()]
        return min(times) if times else None

    def run(self):
        # Hello comes first, before anything else on the control channel [HELLO-1].
        self.send("hello", {"versions": [{"major": 1, "minor": VERSION_MINOR}], "kind": KIND_SOCKET,
                            "pid": self.pid, "features": FEATURES,
                            "max_frame_bytes": MAX_FRAME_BYTES,
                            "implementation": IMPLEMENTATION, "capacity": CAPACITY})
        try:
            while True:
                wake = self.next_timer()
                timeout = None if wake is None else max(0, wake - now_ms()) / 1000
                events = self.sel.select(timeout)
                # The control channel first, whatever order epoll reported:
                # an AcceptRevoke that was readable in this round is handled
                # before the listener's event can lead to an accept. A holder
                # resumed from SIGSTOP finds both readable at once [ACCEPT-44].
                events.sort(key=lambda event: event[0].fileobj is not self.ctl)
                for key, mask in events:
                    # An earlier callback in this batch may have closed this fd,
                    # and the fd number may even belong to a new connection now.
                    if self.sel.get_map().get(key.fd) is key:
                        key.data(mask)
                self.on_timers()
        except ProtocolError as err:
            # Fatal: say why, close, exit [ERR-5]. Before Welcome this is a
            # failed handshake, exit 3, and only the Error may be sent [HS-5,
            # EXIT-2]. After it, Goodbye{ERROR} is the last word [ERR-10] and
            # the status is 1, never 3 or 4 once Ready is out [EXIT-4, EXIT-5].
            log(f"protocol error {err.code}: {err}")
            self.send_error(err.code, str(err), True)
            if not self.welcomed:
                self.exit(3)
            self.goodbye(GOODBYE_ERROR, f"error {err.code}: {err}", status=1)


def main():
    Worker(read_environment()).run()


if __name__ == "__main__":
    main()
