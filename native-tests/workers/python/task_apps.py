"""Python task apps for the corral task worker: loading, actions, payloads.

An app is a class, named on the command line as `name=path/to/file.py:Class`
or `name=package.module:Class`. The worker makes one instance per app and
keeps it for its whole life:

    class Images:
        def init(self):                      # optional, once, before Ready
            self.model = load()
        def resize(self, payload, ctx):      # an action: sync ...
            return {...}
        async def fetch(self, payload, ctx): # ... or async
            ...
        def frames(self, payload, ctx):      # a generator (or async generator):
            yield b"..."                     # a streamed result, Chunks then End
        def close(self):                     # optional, on drain
            ...

Public methods are the actions; names starting with `_`, and `init` and
`close`, are not. A job named "images.resize" runs `Images.resize`.
"""
import importlib
import importlib.util
import inspect
import json
import os
import re
import sys
import threading
import time

APP_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
LIFECYCLE = ("init", "close")
JSON = "application/json"
OCTET_STREAM = "application/octet-stream"


class AppLoadError(Exception):
    """An app that cannot be imported, built or initialised: Error APP_LOAD, exit 4."""


class Context:
    """What an action gets besides its payload.

    cancelled: a threading.Event, set when the job is cancelled or its
        deadline passes; sync code can `ctx.cancelled.wait(seconds)`, async
        code is also interrupted by asyncio cancellation.
    deadline: time.monotonic() seconds at which the job times out, or None.
    meta: the job's metadata (Execute.meta, since 1.3) as a dict of str to
        str: what the caller attached, and keys beginning with "corral." that
        the arbiter added (a durable queue's job: corral.queue, corral.job,
        corral.attempt, corral.key). Empty when there is none.
    """

    def __init__(self, request_id, name, content_type, deadline, meta=None):
        self.request_id = request_id
        self.name = name
        self.content_type = content_type
        self.deadline = deadline
        self.meta = meta if meta is not None else {}
        self.cancelled = threading.Event()

    def log(self, message):
        sys.stderr.write(f"[{self.name} #{self.request_id}] {message}\n")
        sys.stderr.flush()

    def time_left(self):
        """Seconds until the deadline (None without one)."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())


class App:
    """One loaded app: its name, its instance and its actions."""

    def __init__(self, name, spec):
        self.name = name
        self.spec = spec
        self.instance = None

    def load(self):
        """Imports the module and builds the instance (no init yet)."""
        target, _, class_name = self.spec.rpartition(":")
        if not target or not class_name:
            raise AppLoadError(f"{self.name}={self.spec}: expected path/to/file.py:Class or package.module:Class")
        try:
            if target.endswith(".py") or os.sep in target:
                path = os.path.abspath(target)
                if not os.path.isfile(path):
                    raise AppLoadError(f"{self.name}: no such file {path}")
                # The app's own directory, so that it can import its neighbours.
                sys.path.insert(0, os.path.dirname(path))
                spec = importlib.util.spec_from_file_location(f"corral_task_app_{self.name}", path)
                module = importlib.util.module_from_spec(spec)
                sys.modules[spec.name] = module
                spec.loader.exec_module(module)
            else:
                module = importlib.import_module(target)
            cls = getattr(module, class_name, None)
            if not inspect.isclass(cls):
                raise AppLoadError(f"{self.name}: {target} has no class {class_name}")
            self.instance = cls()
        except AppLoadError:
            raise
        except BaseException as err:          # SyntaxError, ImportError, SystemExit in the module ...
            raise AppLoadError(f"{self.name}: loading {self.spec} failed: {type(err).__name__}: {err}") from err

    def hook(self, name):
        """The init or close method, or None."""
        fn = getattr(self.instance, name, None)
        return fn if callable(fn) else None

    def action(self, name):
        """The bound method for an action name, or None when it is not one."""
        if not name or name.startswith("_") or name in LIFECYCLE:
            return None
        fn = getattr(self.instance, name, None)
        return fn if inspect.ismethod(fn) or inspect.isfunction(fn) else None


def parse_apps(args):
    """`name=spec ...` -> [App]; raises ValueError on a malformed argument."""
    apps = []
    for arg in args:
        name, sep, spec = arg.partition("=")
        if not sep or not APP_NAME.fullmatch(name) or not spec:
            raise ValueError(f"{arg!r}: expected name=path/to/file.py:Class, with a name of 1-64 of A-Z a-z 0-9 _ -")
        if any(a.name == name for a in apps):
            raise ValueError(f"app {name!r} is given twice")
        apps.append(App(name, spec))
    return apps


def is_json(content_type):
    """JSON by the content type's base; parameters ("; charset=utf-8") do not change it."""
    return content_type.split(";", 1)[0].strip().lower() == JSON


def decode_payload(payload, content_type):
    """The payload as the action sees it: JSON decoded, anything else as bytes.

    MessagePack (application/msgpack) has no codec in the standard library:
    an action gets those payloads as bytes, and returns bytes.
    """
    if is_json(content_type):
        return json.loads(payload) if payload else None   # ValueError -> TASK_FAILED
    return payload


def encode_value(value, content_type):
    """The bytes of a chunk (or result) value under the job's content type."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if is_json(content_type):
        return json.dumps(value, separators=(",", ":")).encode("utf-8")
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    # Not bytes: the best a reader of raw bytes can do with it is read JSON text.
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def encode_result(value, content_type):
    """(bytes, content type) of a Result: bytes go as application/octet-stream;
    under a raw content type, a value that is not bytes or a string goes as
    JSON and says so; anything else keeps the job's content type."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value), OCTET_STREAM
    if not is_json(content_type) and value is not None and not isinstance(value, str):
        return encode_value(value, JSON), JSON
    return encode_value(value, content_type), content_type
