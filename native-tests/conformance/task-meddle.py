#!/usr/bin/env python3
"""Turns a conformant arbiter's task pool into a broken one, for the task
cases of the arbiter conformance suite.

    corral run ... --task-command="python3 task-meddle.py MUTATION -- <task worker...>"

It runs as the arbiter's task worker: it starts the real one with the same
environment and arguments, sits on the control channel between the two,
and relays every frame, except that it breaks one arbiter rule:

  none          relay only
  drop-cancel   never pass a Cancel on to the worker (CALL-6, CALL-8)
  extra-credit  give the worker Credit for 1000 chunks with every Execute that
                has a window, as an arbiter that does not hold back for a slow
                caller would (FLOW-6)
  drop-meta     strip Execute.meta (TASK-25)
  add-meta      add the entry {"x-added": "1"} to Execute.meta, a key outside
                corral. (TASK-26)
"""
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys

MUTATION = sys.argv[1]
MUTATIONS = ("none", "drop-cancel", "extra-credit", "drop-meta", "add-meta")
if MUTATION not in MUTATIONS or sys.argv[2] != "--":
    sys.exit(f"usage: task-meddle.py {'|'.join(MUTATIONS)} -- <task worker command...>")
COMMAND = sys.argv[3:]

control_fd = int(os.environ["CORRAL_CONTROL_FD"])
arbiter = socket.socket(fileno=control_fd)
ours, theirs = socket.socketpair()


def place_channel():
    os.dup2(theirs.fileno(), control_fd)


child = subprocess.Popen(COMMAND, pass_fds=[control_fd], preexec_fn=place_channel, stdin=subprocess.DEVNULL)
theirs.close()
for s in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT, signal.SIGHUP):
    signal.signal(s, lambda sig, _f: child.send_signal(sig))

EXECUTE, CANCEL, CREDIT = 30, 34, 35
META = 8   # Execute.meta: one length-delimited entry per key


def varint(v):
    out = bytearray()
    while v > 0x7F:
        out.append(v & 0x7F | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def read_varint(b, i):
    v = shift = 0
    while True:
        x = b[i]
        i += 1
        v |= (x & 0x7F) << shift
        if x < 0x80:
            return v, i
        shift += 7


def top(env):
    try:
        tag, i = read_varint(env, 0)
        if tag & 7 != 2:
            return tag >> 3, b""
        size, i = read_varint(env, i)
        return tag >> 3, env[i:i + size]
    except IndexError:
        return 0, b""


def varint_fields(body):
    out, i = {}, 0
    try:
        while i < len(body):
            tag, i = read_varint(body, i)
            if tag & 7 == 0:
                v, i = read_varint(body, i)
                out[tag >> 3] = v
            elif tag & 7 == 2:
                size, i = read_varint(body, i)
                i += size
            else:
                i += 8 if tag & 7 == 1 else 4
    except IndexError:
        pass
    return out


def without_field(body, number):
    """The body with every occurrence of field `number` left out."""
    out, i = bytearray(), 0
    while i < len(body):
        start = i
        tag, i = read_varint(body, i)
        if tag & 7 == 0:
            _, i = read_varint(body, i)
        elif tag & 7 == 2:
            size, i = read_varint(body, i)
            i += size
        else:
            i += 8 if tag & 7 == 1 else 4
        if tag >> 3 != number:
            out += body[start:i]
    return bytes(out)


def length_delimited(number, data):
    return varint(number << 3 | 2) + varint(len(data)) + data


def frame(field, body):
    env = varint(field << 3 | 2) + varint(len(body)) + body
    return struct.pack(">I", len(env)) + env


def from_arbiter(env):
    field, body = top(env)
    if MUTATION == "drop-cancel" and field == CANCEL:
        return
    if MUTATION == "drop-meta" and field == EXECUTE:
        ours.sendall(frame(EXECUTE, without_field(body, META)))
        return
    if MUTATION == "add-meta" and field == EXECUTE:
        ours.sendall(frame(EXECUTE, body + length_delimited(META, length_delimited(1, b"x-added") + length_delimited(2, b"1"))))
        return
    ours.sendall(struct.pack(">I", len(env)) + env)
    if MUTATION == "extra-credit" and field == EXECUTE:
        f = varint_fields(body)
        if f.get(6, 0) > 0:
            ours.sendall(frame(CREDIT, varint(8) + varint(f.get(1, 0)) + varint(16) + varint(1000)))


bufs = {arbiter: bytearray(), ours: bytearray()}
sel = selectors.DefaultSelector()
sel.register(arbiter, selectors.EVENT_READ)
sel.register(ours, selectors.EVENT_READ)
while True:
    for key, _ in sel.select(0.1):
        s = key.fileobj
        try:
            data = s.recv(65536)
        except OSError:
            data = b""
        if not data:
            for x in (arbiter, ours):
                try:
                    x.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            sys.exit(child.wait())
        b = bufs[s]
        b += data
        while len(b) >= 4:
            (size,) = struct.unpack_from(">I", b)
            if len(b) < 4 + size:
                break
            env = bytes(b[4:4 + size])
            del b[:4 + size]
            if s is arbiter:
                from_arbiter(env)
            else:
                arbiter.sendall(struct.pack(">I", len(env)) + env)
    if child.poll() is not None:
        sys.exit(child.returncode)
