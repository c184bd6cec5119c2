#!/usr/bin/env python3
"""corral task worker in Python, standard library only (python3 >= 3.11, Linux).

Runs Python task apps (task_apps.py says what an app is) for a corral arbiter,
speaking protocol 1.3 with the features tasks, tasks.stream, tasks.flow and
load-report, and handing each job's metadata to the action as ctx.meta
(spec.md sections 4.6, 4.6.1, 4.6.2, 4.6.3):

    python3 task_worker.py [--capacity N] name=path/to/file.py:Class [name=package.module:Class ...]

It needs the process state an arbiter sets up (fd 3 = control channel), so it
is started by an arbiter or by `corral conformance worker -- python3 task_worker.py ...`.

One asyncio loop owns the control channel, the heartbeats and every job:
  - async actions and async generators run as tasks of the loop, concurrently;
  - sync actions and generators run in a ThreadPoolExecutor of `capacity`
    threads, so that `capacity` of them really run at once;
  - at most `capacity` jobs are held; another Execute is TASK_OVERLOADED.
Every frame is written from the loop thread, so frames never interleave.
"""
import asyncio
import inspect
import os
import signal
import socket
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from task_apps import AppLoadError
from task_env import IMPLEMENTATION, log, parse_args, read_environment
from task_wire import (APP_LOAD, FRAME_TRUNCATED, INTERNAL, INVALID_FIELD, TASK_CANCELLED, UNEXPECTED_MESSAGE,
                       UNKNOWN_MESSAGE, UNSUPPORTED_FEATURE, VERSION_MISMATCH, FrameReader, ProtocolError,
                       UnknownMessage, decode_envelope, encode_frame, short)
import task_jobs

VERSION_MINOR = 3
KIND_TASK = 2
UNBOUNDED_THREADS = 64          # threads for sync actions when --capacity 0 (unbounded)
MAX_FRAME_BYTES = 16 * 1024 * 1024   # what Hello offers; the hard cap
DEFAULT_FRAME_LIMIT = 65536     # in force until Welcome [FRAME-4]
HANDSHAKE_TIMEOUT_S = 10.0      # no Welcome this long after Hello: exit 3 [HS-7]
DRAIN_MARGIN_S = 0.1            # give a drain up this long before its deadline [DRAIN-7]
EARLY_BEAT_SPACING_S = 0.010    # load-report heartbeats at most this often [LOAD-7]
FEATURES = ["tasks", "tasks.stream", "tasks.flow", "load-report"]
FEATURE_SINCE = {"tasks.flow": 2}   # minor version that introduced it [NEG-3, COMPAT-8]
STRATEGY_NAMES = {1, 2, 3, 4, 5}
GOODBYE_DRAINED, GOODBYE_STOPPED, GOODBYE_SIGNAL, GOODBYE_ERROR = 1, 2, 3, 4
# Arbiter-to-worker messages that belong to a feature: without it negotiated
# they are answered UNSUPPORTED_FEATURE, not fatal, and ignored [ERR-18]. A
# task worker never offers accept.*, so the accept messages always end there.
FEATURE_OF = {"execute": "tasks", "cancel": "tasks", "credit": "tasks.flow",
              "accept_grant": "accept.arbiter", "accept_revoke": "accept.revoke", "handoff": "accept.handoff"}


class TaskWorker:
    def __init__(self, control_fd, worker_id, capacity, apps):
        self.loop = asyncio.get_running_loop()
        self.ctl = socket.socket(fileno=control_fd)
        self.ctl.setblocking(False)   # our own end [PROC-12]
        self.ctl.set_inheritable(False)   # nothing the apps start inherits it [SEC-3]
        self.worker_id = worker_id
        self.capacity = capacity
        self.apps = {app.name: app for app in apps}
        self.pool = ThreadPoolExecutor(max_workers=capacity or UNBOUNDED_THREADS, thread_name_prefix="job")
        self.reader = FrameReader(DEFAULT_FRAME_LIMIT)
        self.out = bytearray()
        self.writing = False
        self.welcome = None
        self.welcomed = self.loop.create_future()
        self.ready = False
        self.features = set()
        self.minor = 0                # the minor version Welcome chose
        self.frame_limit = DEFAULT_FRAME_LIMIT
        self.interval_s = 1.0
        self.jobs = {}                # request_id -> task_jobs.Job, until its final reply
        self.requests_total = 0
        self.last_beat = 0.0
        self.early_beat = None
        self.draining = False
        self.drain_deadline = None    # monotonic seconds, or None
        self.drain_timer = None
        self.drain_detail = ""
        self.finishing = False

    # -- sending ------------------------------------------------------------------

    def send(self, name, body):
        self.out += encode_frame(name, body)
        self.flush()

    def send_error(self, code, message, fatal=False, request_id=0, message_type=0):
        self.send("error", {"code": code, "message": short(message), "fatal": fatal,
                            "request_id": request_id, "message_type": message_type})

    def flush(self):
        try:
            while self.out:
                del self.out[:self.ctl.send(self.out)]
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.arbiter_gone()
        if self.out and not self.writing:
            self.loop.add_writer(self.ctl, self.flush)
            self.writing = True
        elif not self.out and self.writing:
            self.loop.remove_writer(self.ctl)
            self.writing = False

    def exit(self, status, linger_s=1.0):
        """Push out what is queued (for at most linger_s), then end the process.

        os._exit, not sys.exit: a sync action abandoned after its deadline or
        a Cancel may still hold a pool thread, and nothing must wait for it.
        """
        if self.out:
            try:
                self.ctl.settimeout(linger_s)
                self.ctl.sendall(self.out)
            except OSError:
                pass
        sys.stderr.flush()
        os._exit(status)

    def goodbye(self, reason, detail, status=0, linger_s=1.0):
        self.send("goodbye", {"reason": reason, "detail": detail, "accepted_total": 0})   # the last frame [EXIT-7]
        self.exit(status, linger_s)

    def heartbeat(self):
        self.last_beat = time.monotonic()
        self.send("heartbeat", {"time_ms": time.monotonic_ns() // 1_000_000, "in_flight": len(self.jobs),
                                "capacity": self.capacity, "requests_total": self.requests_total})

    def load_changed(self, before):
        """load-report: an early Heartbeat when in_flight reaches capacity or falls below it [LOAD-6]."""
        after = len(self.jobs)
        if "load-report" not in self.features or not self.ready or not self.capacity:
            return
        if (before < self.capacity) == (after < self.capacity) or self.early_beat is not None:
            return
        wait = self.last_beat + EARLY_BEAT_SPACING_S - time.monotonic()   # LOAD-7

        def beat():
            self.early_beat = None
            self.heartbeat()
        if wait <= 0:
            beat()
        else:
            self.early_beat = self.loop.call_later(wait, beat)

    async def heartbeats(self):
        # From the loop that runs the jobs, so a stalled loop stops them [LIVE-2];
        # each beat is due one interval after the previous one was due, so
        # a late wake-up does not push the cadence back [LIVE-13].
        due = time.monotonic() + self.interval_s
        while True:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            self.heartbeat()
            due = max(due + self.interval_s, time.monotonic() + self.interval_s / 2)

    # -- receiving ----------------------------------------------------------------

    def on_readable(self):
        try:
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
        except ProtocolError as err:
            self.fatal(err.code, str(err))
        except Exception as err:      # a fault of this worker, not of the arbiter
            self.fatal(INTERNAL, f"{type(err).__name__}: {err}")

    def arbiter_gone(self):
        # End of stream: the arbiter is gone; exit at once without Goodbye
        # [STOP-4], 0 after Welcome, 3 before [EXIT-1, EXIT-2]. A partial frame
        # is FRAME_TRUNCATED, never sent [FRAME-6].
        if self.reader.buf:
            log(f"error {FRAME_TRUNCATED}: end of stream inside a frame")
        log("control channel closed: the arbiter is gone")
        self.out.clear()
        self.exit(0 if self.welcome is not None else 3)

    def fatal(self, code, message):
        """A fatal error we detected: Error, then Goodbye{ERROR} after Welcome, close, exit [ERR-5, ERR-10]."""
        log(f"protocol error {code}: {message}")
        self.send_error(code, message, fatal=True)
        if self.welcome is None:
            self.exit(3)              # only the Error before Welcome [HS-5]
        self.goodbye(GOODBYE_ERROR, f"error {code}: {message}", status=1 if self.ready else 3)

    def on_frame(self, payload):
        try:
            name, body = decode_envelope(payload)
        except UnknownMessage as unknown:
            if self.welcome is None:
                raise ProtocolError(UNEXPECTED_MESSAGE, f"{unknown} before Welcome")   # HS-6
            self.send_error(UNKNOWN_MESSAGE, str(unknown), message_type=unknown.number)   # COMPAT-2
            return
        if self.welcome is None:
            if name == "welcome":
                self.on_welcome(body)
            elif name == "error":
                log(f"arbiter error {body['code']} in the handshake: {body['message']}")
                if body["fatal"]:     # ERR-7: the flag alone decides
                    self.exit(3)
            else:
                raise ProtocolError(UNEXPECTED_MESSAGE, f"{name} before Welcome")   # HS-6
            return
        feature = FEATURE_OF.get(name)
        if feature is not None and feature not in self.features:
            self.send_error(UNSUPPORTED_FEATURE, f"{name} needs {feature}, which was not negotiated")
            return
        handler = {"execute": self.on_execute, "cancel": self.on_cancel, "credit": self.on_credit,
                   "drain": self.on_drain, "stop": self.on_stop, "error": self.on_error}.get(name)
        if handler is None:
            # A second Welcome [HS-14], a worker-to-arbiter message [HS-15].
            raise ProtocolError(UNEXPECTED_MESSAGE, f"a task worker does not expect {name}")
        handler(body)

    def on_welcome(self, w):
        # Anything wrong with Welcome fails the handshake: Error, exit 3 [EXIT-2].
        version = w["version"] or {"major": 0, "minor": 0}
        if version["major"] != 1 or version["minor"] > VERSION_MINOR:   # NEG-5
            raise ProtocolError(VERSION_MISMATCH, f"arbiter chose {version['major']}.{version['minor']}; "
                                f"this worker speaks 1.{VERSION_MINOR}")
        if w["strategy"] not in STRATEGY_NAMES and w["strategy"] != 0:
            raise ProtocolError(INVALID_FIELD, f"unknown accept strategy {w['strategy']}")   # COMPAT-7
        if w["strategy"] != 0:   # NEG-12: no strategy is declared by a task worker
            raise ProtocolError(UNSUPPORTED_FEATURE, f"Welcome.strategy {w['strategy']} for a task worker")
        unoffered = [f for f in w["features"] if f not in FEATURES]
        if unoffered:
            raise ProtocolError(INVALID_FIELD, f"Welcome.features lists {', '.join(unoffered)}, which Hello did not")   # NEG-9
        if w["worker_id"] != self.worker_id:   # WELCOME-1
            raise ProtocolError(INVALID_FIELD, f"Welcome.worker_id {w['worker_id']}, CORRAL_WORKER_ID {self.worker_id}")
        interval, timeout = w["heartbeat_interval_ms"], w["heartbeat_timeout_ms"]
        if interval < 1 or 0 < timeout < 2 * interval:   # WELCOME-2
            raise ProtocolError(INVALID_FIELD, f"heartbeat_interval_ms {interval}, heartbeat_timeout_ms {timeout}")
        if not 1 <= w["max_frame_bytes"] <= MAX_FRAME_BYTES:   # NEG-4
            raise ProtocolError(INVALID_FIELD, f"Welcome.max_frame_bytes {w['max_frame_bytes']}")
        if w["generation"] < 1:   # WELCOME-7
            raise ProtocolError(INVALID_FIELD, "Welcome.generation 0")
        if w["listeners"]:   # WELCOME-5
            raise ProtocolError(INVALID_FIELD, f"Welcome.listeners has {len(w['listeners'])} entries for a task worker")
        # A feature newer than the chosen version does not exist in it [NEG-6, COMPAT-8].
        self.features = {f for f in w["features"] if FEATURE_SINCE.get(f, 0) <= version["minor"]}
        self.minor = version["minor"]
        self.frame_limit = self.reader.limit = w["max_frame_bytes"]   # NEG-15
        self.interval_s = interval / 1000
        self.welcome = w
        self.welcomed.set_result(w)

    def on_error(self, body):
        log(f"arbiter error {body['code']}: {body['message']}")   # never answered [ERR-8]
        if body["fatal"]:             # ERR-6; a failure, not a stop [EXIT-2, EXIT-4]
            self.exit(1 if self.ready else 3)

    def on_stop(self, body):
        # At once, without finishing the jobs [STOP-1]; Goodbye if it goes out now [STOP-2].
        self.goodbye(GOODBYE_STOPPED, body["reason"], linger_s=0.1)

    def on_signal(self, signum):
        if signum == signal.SIGTERM:
            if self.welcome is None:
                self.exit(0)
            self.start_drain(0, "SIGTERM")   # SIG-1
        else:
            if self.welcome is None:
                self.exit(0)
            self.goodbye(GOODBYE_SIGNAL, signal.Signals(signum).name, linger_s=0.1)   # SIG-2, STOP-3

    # -- jobs (task_jobs.py runs them) ----------------------------------------------

    def on_execute(self, body):
        task_jobs.execute(self, body)

    def on_cancel(self, body):
        job = self.jobs.get(body["request_id"])
        if job is None:
            return                    # its reply and the Cancel crossed [TASK-17]
        job.abandon(TASK_CANCELLED, f"cancelled: {body['reason'] or 'no reason given'}")   # TASK-16

    def on_credit(self, body):
        job = self.jobs.get(body["request_id"])
        if job is None:
            return                    # its last chunk and the Credit crossed [FLOW-5]
        job.add_credit(body["chunks"])

    def job_done(self, job):
        """Called once a job's final reply is out."""
        before = len(self.jobs)
        self.jobs.pop(job.request_id, None)
        self.requests_total += 1
        self.load_changed(before)
        if self.draining and not self.jobs:
            self.finish_drain()

    # -- drain ----------------------------------------------------------------------

    def on_drain(self, body):
        self.start_drain(body["deadline_ms"], body["reason"] or "drain")

    def start_drain(self, deadline_ms, why):
        if not self.ready:
            # Before Ready there is nothing to finish [DRAIN-9].
            self.goodbye(GOODBYE_DRAINED, f"{why} before Ready")
        if deadline_ms:   # of two drains the earlier deadline holds; 0 is none [DRAIN-8]
            cut = time.monotonic() + deadline_ms / 1000 - DRAIN_MARGIN_S
            if self.drain_deadline is None or cut < self.drain_deadline:
                self.drain_deadline = cut
                if self.drain_timer is not None:
                    self.drain_timer.cancel()
                self.drain_timer = self.loop.call_later(max(0.0, cut - time.monotonic()), self.drain_cut)
        if self.draining:
            return
        self.draining = True          # no new job from now on [DRAIN-1, DRAIN-4]
        self.drain_detail = why
        if not self.jobs:
            self.finish_drain()

    def drain_cut(self):
        # Give up what is left, each job with a final reply, so that every
        # Execute still gets exactly one reply sequence [DRAIN-7, TASK-3].
        left = list(self.jobs.values())
        for job in left:
            job.abandon(TASK_CANCELLED, "the worker's drain deadline passed")
        self.drain_detail += f": the deadline cut the drain short ({len(left)} jobs given up)"
        self.finish_drain()

    def finish_drain(self):
        if self.finishing:
            return
        self.finishing = True
        self.loop.create_task(self.close_apps_and_leave())

    async def close_apps_and_leave(self):
        budget = None if self.drain_deadline is None else max(0.02, self.drain_deadline - time.monotonic())
        try:
            await asyncio.wait_for(self.close_apps(), budget)
        except asyncio.TimeoutError:
            self.drain_detail += "; close() cut short by the deadline"
        except Exception as err:      # a failing close() does not stop the drain
            log(f"close() failed: {type(err).__name__}: {err}")
        self.goodbye(GOODBYE_DRAINED, self.drain_detail)   # DRAIN-5

    async def close_apps(self):
        for app in self.apps.values():
            close = app.hook("close")
            if close is None:
                continue
            if inspect.iscoroutinefunction(close):
                await close()
            else:
                await self.loop.run_in_executor(None, close)

    # -- start ----------------------------------------------------------------------

    async def load_apps(self):
        """Import every app and run its init(); AppLoadError on any failure."""
        for app in self.apps.values():
            # Imports and sync init() run off the loop, which keeps beating [LIVE-4].
            await self.loop.run_in_executor(None, app.load)
            init = app.hook("init")
            if init is None:
                continue
            try:
                if inspect.iscoroutinefunction(init):
                    await init()
                else:
                    await self.loop.run_in_executor(None, init)
            except Exception as err:
                raise AppLoadError(f"{app.name}: init() failed: {type(err).__name__}: {err}") from err

    async def run(self):
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT):
            self.loop.add_signal_handler(signum, self.on_signal, signum)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)   # SIG-3; Python already ignores SIGPIPE [SIG-4]
        self.loop.add_reader(self.ctl, self.on_readable)
        self.send("hello", {"versions": [{"major": 1, "minor": VERSION_MINOR}], "kind": KIND_TASK,
                            "pid": os.getpid(), "features": FEATURES, "max_frame_bytes": MAX_FRAME_BYTES,
                            "implementation": IMPLEMENTATION, "capacity": self.capacity,
                            "apps": list(self.apps)})   # HELLO-1, HELLO-10
        try:
            await asyncio.wait_for(asyncio.shield(self.welcomed), HANDSHAKE_TIMEOUT_S)
        except asyncio.TimeoutError:
            log(f"no Welcome within {HANDSHAKE_TIMEOUT_S:.0f} s")
            self.exit(3)
        beats = self.loop.create_task(self.heartbeats())   # while the apps load [LIVE-3]
        try:
            await self.load_apps()
        except AppLoadError as err:
            log(str(err))
            self.send_error(APP_LOAD, str(err), fatal=True)   # HS-10
            self.exit(4)              # EXIT-3
        self.ready = True
        self.send("ready", {"capacity": self.capacity})   # HS-8, HS-9
        await beats                   # runs until the process exits


def main():
    capacity, apps = parse_args(sys.argv[1:])
    control, worker_id = read_environment()
    # Apps import by module name from the current directory as well.
    if os.getcwd() not in sys.path:
        sys.path.append(os.getcwd())

    async def start():
        await TaskWorker(control, worker_id, capacity, apps).run()
    asyncio.run(start())


if __name__ == "__main__":
    main()
