"""The corral wire format for the Python task worker, standard library only.

Protobuf by hand, as far as a task worker needs it (spec.md Appendix A), and
the framing of section 3: a 4-octet big-endian length, then one Envelope.
Each message is a table {field number: (name, type)} that mirrors
proto/corral/v1/*.proto; a type is a scalar, another table (a sub-message),
or a one-element list (repeated).
"""
import struct

U32, U64, BOOL, STR, BYTES = "uint32", "uint64", "bool", "string", "bytes"

VERSION = {1: ("major", U32), 2: ("minor", U32)}
LISTENER = {1: ("index", U32), 2: ("name", STR), 3: ("address", STR)}
HELLO = {1: ("versions", [VERSION]), 2: ("kind", U32), 3: ("pid", U32),
         4: ("features", [STR]), 5: ("max_frame_bytes", U32),
         6: ("implementation", STR), 7: ("capacity", U32),
         8: ("apps", [STR])}                                    # apps: since 1.2
WELCOME = {1: ("version", VERSION), 2: ("worker_id", U32),
           3: ("heartbeat_interval_ms", U32), 4: ("heartbeat_timeout_ms", U32),
           5: ("listeners", [LISTENER]), 6: ("max_frame_bytes", U32),
           7: ("strategy", U32), 8: ("features", [STR]), 9: ("generation", U32)}
READY = {1: ("capacity", U32)}
HEARTBEAT = {1: ("time_ms", U64), 2: ("in_flight", U32), 3: ("capacity", U32),
             4: ("accepted_total", U64), 5: ("requests_total", U64)}
DRAIN = {1: ("deadline_ms", U32), 2: ("reason", STR)}
STOP = {1: ("reason", STR)}
GOODBYE = {1: ("reason", U32), 2: ("detail", STR), 3: ("accepted_total", U64)}
ERROR = {1: ("code", U32), 2: ("message", STR), 3: ("fatal", BOOL),
         4: ("request_id", U64), 5: ("message_type", U32)}
# A map<string, string> is a repeated message of {1: key, 2: value} (spec.md A.1).
META_ENTRY = {1: ("key", STR), 2: ("value", STR)}
EXECUTE = {1: ("request_id", U64), 2: ("name", STR), 3: ("payload", BYTES),
           4: ("deadline_ms", U32), 5: ("content_type", STR),
           6: ("window", U32), 7: ("idempotent", BOOL),         # 6, 7: since 1.2
           8: ("meta", [META_ENTRY])}                           # 8: since 1.3
RESULT = {1: ("request_id", U64), 2: ("payload", BYTES), 3: ("content_type", STR)}
CHUNK = {1: ("request_id", U64), 2: ("seq", U32), 3: ("payload", BYTES)}
END = {1: ("request_id", U64), 2: ("chunks", U32)}
CANCEL = {1: ("request_id", U64), 2: ("reason", STR)}
CREDIT = {1: ("request_id", U64), 2: ("chunks", U32)}          # since 1.2 (tasks.flow)

# Envelope body members. A task worker never reads the accept messages, but
# they are known types: a frame of one is not an unknown message (ERR-18 and
# HS-15 judge it instead), so their tables may stay empty.
MESSAGES = {1: ("hello", HELLO), 2: ("welcome", WELCOME), 3: ("ready", READY),
            4: ("heartbeat", HEARTBEAT), 10: ("accept_grant", {}), 11: ("accept_done", {}),
            12: ("handoff", {}), 13: ("handoff_ack", {}), 14: ("accept_revoke", {}),
            20: ("drain", DRAIN), 21: ("stop", STOP), 22: ("goodbye", GOODBYE),
            23: ("error", ERROR), 30: ("execute", EXECUTE), 31: ("result", RESULT),
            32: ("chunk", CHUNK), 33: ("end", END), 34: ("cancel", CANCEL), 35: ("credit", CREDIT)}
TYPE_NUMBER = {name: number for number, (name, _) in MESSAGES.items()}

# Error codes (spec.md section 9.3).
FRAME_TOO_LARGE, FRAME_EMPTY, FRAME_TRUNCATED, DECODE = 100, 101, 102, 103
UNKNOWN_MESSAGE, UNEXPECTED_MESSAGE, VERSION_MISMATCH = 200, 201, 202
INVALID_FIELD, UNSUPPORTED_FEATURE = 206, 208
TASK_UNKNOWN, TASK_TIMEOUT, TASK_CANCELLED, TASK_FAILED = 300, 301, 302, 303
TASK_OVERLOADED, DUPLICATE_REQUEST = 304, 305
APP_LOAD, INTERNAL = 400, 401


def short(text, limit=1024):
    """At most `limit` octets of UTF-8, cut at a character boundary [ERR-2]."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


class ProtocolError(Exception):
    """A fatal protocol error: the worker sends Error{code, fatal: true} and exits."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class DecodeError(ProtocolError):
    def __init__(self, message):
        super().__init__(DECODE, message)


class UnknownMessage(Exception):
    """An Envelope with no body we know: answered with Error 200, not fatal."""

    def __init__(self, number):
        super().__init__(f"unknown message type {number}")
        self.number = number


def put_varint(out, value):
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)


def put_field(out, number, kind, value, keep_default=False):
    """Append one field; proto3 leaves out zero values (unless repeated)."""
    if isinstance(kind, dict):
        body = encode(kind, value)
        put_varint(out, number << 3 | 2)
        put_varint(out, len(body))
        out += body
    elif kind in (STR, BYTES):
        if value or keep_default:
            data = value.encode("utf-8") if kind == STR else bytes(value)
            put_varint(out, number << 3 | 2)
            put_varint(out, len(data))
            out += data
    elif value or keep_default:
        put_varint(out, number << 3)
        put_varint(out, int(value))


def encode(schema, msg):
    out = bytearray()
    for number in sorted(schema):
        name, kind = schema[number]
        value = msg.get(name)
        if value is None:
            continue
        if isinstance(kind, list):
            for item in value:
                put_field(out, number, kind[0], item, keep_default=True)
        else:
            put_field(out, number, kind, value)
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
        # A group is never a field we know: skip it to its end-group tag.
        while pos < len(buf):
            tag, pos = get_varint(buf, pos)
            if tag & 7 == 4:
                if tag >> 3 != number:
                    raise DecodeError(f"group {number} closed by end-group {tag >> 3}")
                return None, pos
            if tag >> 3 == 0:
                raise DecodeError("field number 0 in a group")
            _, pos = read_value(buf, pos, tag >> 3, tag & 7, depth + 1)
        raise DecodeError(f"group {number} has no end-group tag")
    raise DecodeError(f"unexpected wire type {wire} in field {number}")


def read_fields(buf):
    """(number, wire type, value) for each field of a message."""
    fields, pos = [], 0
    while pos < len(buf):
        tag, pos = get_varint(buf, pos)
        number, wire = tag >> 3, tag & 7
        if number == 0 or tag > 0xFFFFFFFF:
            raise DecodeError(f"invalid field number {number}")
        value, pos = read_value(buf, pos, number, wire)
        fields.append((number, wire, value))
    return fields


def decode(schema, buf):
    """A message as a dict; absent fields get their zero value, unknown ones are skipped."""
    msg = {}
    for name, kind in schema.values():
        msg[name] = [] if isinstance(kind, list) else "" if kind == STR else b"" if kind == BYTES else \
            None if isinstance(kind, dict) else False if kind == BOOL else 0
    for number, wire, value in read_fields(buf):
        if number not in schema:
            continue
        name, kind = schema[number]
        item = kind[0] if isinstance(kind, list) else kind
        if isinstance(item, dict) or item in (STR, BYTES):
            if wire != 2:
                continue              # known number, unexpected wire type: an unknown field
            if isinstance(item, dict):
                value = decode(item, value)
            elif item == STR:
                value = value.decode("utf-8", "replace")
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
    """(type name, body dict); raises DecodeError or UnknownMessage."""
    body = unknown = None
    for number, wire, value in read_fields(payload):
        if number in MESSAGES:
            if wire != 2:
                raise DecodeError(f"message type {number} is not length-delimited")
            body = (number, value)    # a oneof: the last member on the wire wins
        elif unknown is None:
            unknown = number
    if body is None:
        raise UnknownMessage(unknown)
    name, schema = MESSAGES[body[0]]
    return name, decode(schema, body[1])


def encode_frame(name, body):
    number = TYPE_NUMBER[name]
    envelope = bytearray()
    put_field(envelope, number, MESSAGES[number][1], body)   # an empty body is still present
    return struct.pack(">I", len(envelope)) + envelope


class FrameReader:
    """Splits the byte stream into Envelopes, checking each length before its payload."""

    def __init__(self, limit):
        self.buf = bytearray()
        self.limit = limit

    def next_frame(self):
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
