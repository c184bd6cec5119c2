"""Running one job of the Python task worker (spec.md sections 4.6, 4.6.2).

    Execute ──► checks ──► Job ──► run(): the action ──► Result
                  │                   │  or a stream ──► Chunk* End
                  │                   └─ raises ──────► Error TASK_FAILED
                  └─ Error (INVALID_FIELD fatal, OVERLOADED, DUPLICATE_REQUEST, UNKNOWN)
    deadline / Cancel ──► Error TASK_TIMEOUT / TASK_CANCELLED at once; later output discarded

Each job gets exactly one reply sequence (TASK-3): `Job.final` sends the last
message only while the job is not finished yet, and marks it finished.
"""
import asyncio
import inspect
import time

from task_apps import Context, decode_payload, encode_result, encode_value, is_json
from task_wire import (DUPLICATE_REQUEST, INVALID_FIELD, TASK_FAILED, TASK_OVERLOADED, TASK_TIMEOUT,
                       TASK_UNKNOWN, UNEXPECTED_MESSAGE, ProtocolError, encode_frame, short)

META_SINCE_MINOR = 3   # Execute.meta came with 1.3 [COMPAT-8]

MAX_SAFE_ID = 2**53 - 1
# Room in a frame for everything of a Chunk but its payload: the body tag and
# length, request_id, seq, and the payload's tag and length.
CHUNK_OVERHEAD = 40
_DONE = object()


def execute(worker, body):
    """Checks an Execute and starts its job, or answers it with an Error."""
    rid = body["request_id"]
    if rid == 0:
        raise ProtocolError(INVALID_FIELD, "Execute.request_id 0")   # TASK-7
    if rid > MAX_SAFE_ID:
        raise ProtocolError(INVALID_FIELD, f"Execute.request_id {rid} is above 2^53 - 1")   # MSG-7
    if not worker.ready:
        raise ProtocolError(UNEXPECTED_MESSAGE, "Execute before Ready")   # HS-13, HS-15
    if worker.draining:
        worker.send_error(TASK_OVERLOADED, "the worker is draining", request_id=rid)   # DRAIN-4
        return
    if rid in worker.jobs:
        # The job already running under that id is not touched [TASK-8].
        worker.send_error(DUPLICATE_REQUEST, f"request {rid} is already running", request_id=rid)
        return
    if worker.capacity and len(worker.jobs) >= worker.capacity:
        worker.send_error(TASK_OVERLOADED, f"{len(worker.jobs)} jobs running, capacity {worker.capacity}",
                          request_id=rid)   # TASK-12
        return
    app_name, _, action_name = body["name"].partition(".")
    app = worker.apps.get(app_name)
    fn = app.action(action_name) if app is not None else None
    if fn is None:
        worker.send_error(TASK_UNKNOWN, f"no job {body['name']!r} here (apps: {', '.join(worker.apps)})",
                          request_id=rid)   # TASK-9
        return
    job = Job(worker, body, fn)
    before = len(worker.jobs)
    worker.jobs[rid] = job
    worker.load_changed(before)
    job.start()



class Job:
    def __init__(self, worker, body, fn):
        self.worker = worker
        self.request_id = body["request_id"]
        self.name = body["name"]
        self.content_type = body["content_type"]
        self.payload = body["payload"]
        self.fn = fn
        deadline_ms = body["deadline_ms"]
        # Every entry as it came, the last of two equal keys winning; nothing
        # in it changes how the job runs [TASK-27, TASK-28].
        meta = {e["key"]: e["value"] for e in body["meta"]} if worker.minor >= META_SINCE_MINOR else {}
        self.ctx = Context(self.request_id, self.name, self.content_type,
                           time.monotonic() + deadline_ms / 1000 if deadline_ms else None, meta)
        self.finished = False
        self.stream = "tasks.stream" in worker.features
        # Flow control [FLOW-1]: None is no limit (window 0, or tasks.flow not
        # negotiated [FLOW-2]); otherwise the chunks we may still send.
        self.credit = body["window"] if body["window"] and "tasks.flow" in worker.features else None
        self.credit_event = asyncio.Event()
        self.seq = 0
        self.task = None
        self.timer = None
        if deadline_ms:
            self.timer = worker.loop.call_later(deadline_ms / 1000, self.abandon, TASK_TIMEOUT,
                                                f"the deadline of {deadline_ms} ms passed")   # TASK-13

    def start(self):
        self.task = self.worker.loop.create_task(self.run())

    # -- replies ----------------------------------------------------------------

    def final(self, name, body):
        if self.finished:
            return                    # the job already ended (cancel, deadline): discarded
        self.finished = True
        if self.timer is not None:
            self.timer.cancel()
        self.credit_event.set()       # a stream paused for credit sees the end
        self.worker.send(name, body)
        self.worker.job_done(self)

    def fail(self, code, message):
        self.final("error", {"code": code, "message": short(message), "fatal": False, "request_id": self.request_id})

    def abandon(self, code, message):
        """Deadline, Cancel or the end of a drain: the final Error goes out now.

        An async action is cancelled (asyncio.CancelledError at its next
        await). A sync action cannot be stopped from outside: its thread
        keeps running until the action returns, or sees ctx.cancelled; what
        it returns then is discarded, and until then it holds a pool thread.
        """
        if self.finished:
            return
        self.ctx.cancelled.set()      # what the action can see: a sync one checks it
        self.fail(code, message)
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def add_credit(self, chunks):
        if self.credit is not None and not self.finished:
            self.credit += chunks
            self.credit_event.set()

    # -- running ----------------------------------------------------------------

    async def run(self):
        loop = self.worker.loop
        try:
            try:
                payload = decode_payload(self.payload, self.content_type)
            except ValueError as err:
                self.fail(TASK_FAILED, f"the payload is not valid JSON: {err}")
                return
            fn = self.fn
            if inspect.isasyncgenfunction(fn):
                await self.send_stream(fn(payload, self.ctx), is_async=True)
            elif inspect.isgeneratorfunction(fn):
                await self.send_stream(fn(payload, self.ctx), is_async=False)
            elif inspect.iscoroutinefunction(fn):
                await self.send_result(await fn(payload, self.ctx))
            else:
                value = await loop.run_in_executor(self.worker.pool, fn, payload, self.ctx)
                if inspect.isgenerator(value):
                    await self.send_stream(value, is_async=False)
                elif inspect.isasyncgen(value):
                    await self.send_stream(value, is_async=True)
                else:
                    await self.send_result(value)
        except asyncio.CancelledError:
            pass                      # abandoned: the final reply is already out
        except Exception as err:
            self.fail(TASK_FAILED, f"{type(err).__name__}: {err}")   # TASK-10

    async def send_result(self, value):
        if self.finished:
            return
        data, content_type = encode_result(value, self.content_type)
        frame = encode_frame("result", {"request_id": self.request_id, "payload": data, "content_type": content_type})
        if len(frame) - 4 <= self.worker.frame_limit:
            self.final("result", {"request_id": self.request_id, "payload": data, "content_type": content_type})
        elif self.stream:
            # Too big for one frame: the same bytes in chunks [TASK-19].
            await self.send_chunks(data)
            self.final("end", {"request_id": self.request_id, "chunks": self.seq})
        else:
            self.fail(TASK_FAILED, f"the result of {len(data)} bytes does not fit the frame limit of "
                      f"{self.worker.frame_limit} and tasks.stream is not negotiated")   # TASK-19

    async def pull(self, gen, is_async):
        if is_async:
            try:
                return await gen.__anext__()
            except StopAsyncIteration:
                return _DONE
        return await self.worker.loop.run_in_executor(self.worker.pool, next, gen, _DONE)

    async def send_stream(self, gen, is_async):
        items = []
        try:
            while not self.finished:
                # Not one item is produced while there is no credit to send it:
                # the generator itself pauses [FLOW-1].
                await self.wait_credit()
                if self.finished:
                    break
                item = await self.pull(gen, is_async)
                if item is _DONE:
                    break
                if not self.stream:
                    items.append(item)   # no Chunk without tasks.stream [TASK-4]
                    continue
                data = encode_value(item, self.content_type)
                await self.send_chunks(data)
        finally:
            if self.finished:
                await self.close_generator(gen, is_async)
        if self.finished:
            return
        if self.stream:
            self.final("end", {"request_id": self.request_id, "chunks": self.seq})   # TASK-6
        elif is_json(self.content_type):
            await self.send_result(items)
        else:
            await self.send_result(b"".join(encode_value(i, self.content_type) for i in items))

    async def close_generator(self, gen, is_async):
        # Runs the generator's finally blocks; a sync one may still be running
        # in its thread (ValueError), which is left to end by itself.
        try:
            if is_async:
                await gen.aclose()
            else:
                gen.close()
        except (ValueError, RuntimeError):
            pass

    async def wait_credit(self):
        while self.credit is not None and self.credit <= 0 and not self.finished:
            self.credit_event.clear()
            await self.credit_event.wait()

    async def send_chunks(self, data):
        """One Chunk, or several when the data does not fit a frame [TASK-19], each paid with credit."""
        room = self.worker.frame_limit - CHUNK_OVERHEAD
        pieces = [data[i:i + room] for i in range(0, len(data), room)] or [b""]
        for piece in pieces:
            await self.wait_credit()
            if self.finished:
                return
            if self.credit is not None:
                self.credit -= 1
            self.worker.send("chunk", {"request_id": self.request_id, "seq": self.seq, "payload": piece})   # TASK-5
            self.seq += 1
