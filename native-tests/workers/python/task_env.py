"""The Python task worker's start: its command line and its environment (spec.md section 2).

Anything wrong is a boot failure: a message on stderr and exit status 3
[ENV-17, ENV-18, EXIT-2].
"""
import os
import re
import stat
import sys

from task_apps import parse_apps

IMPLEMENTATION = "corral-python-task/1.3"
DEFAULT_CAPACITY = 16


def log(message):
    sys.stderr.write(f"{IMPLEMENTATION}[{os.getpid()}]: {message}\n")
    sys.stderr.flush()


def boot_failure(message):
    log(message)
    sys.exit(3)


def env_number(name, required=True):
    raw = os.environ.get(name)
    if raw is None:
        if required:
            boot_failure(f"bad environment: {name} is not set")
        return None
    if not re.fullmatch(r"0|[1-9][0-9]{0,9}", raw):   # ENV-13
        boot_failure(f"bad environment: {name}={raw!r} is not a decimal number")
    return int(raw)


def read_environment():
    """The task worker's part of spec.md section 2: exit 3 on anything wrong [ENV-17, ENV-18]."""
    protocol = os.environ.get("CORRAL_PROTOCOL")
    if protocol is None:
        boot_failure("bad environment: CORRAL_PROTOCOL is not set; a corral arbiter starts this program")
    if protocol != "1":
        boot_failure(f"bad environment: CORRAL_PROTOCOL={protocol!r}; this worker speaks protocol 1")
    if "CORRAL_ACCEPT" in os.environ:
        boot_failure(f"bad environment: CORRAL_ACCEPT={os.environ['CORRAL_ACCEPT']!r}, but this is a task worker")
    if env_number("LISTEN_FDS", required=False):
        boot_failure("bad environment: LISTEN_FDS is set, but a task worker is given no listeners")
    control = env_number("CORRAL_CONTROL_FD")
    if control != 3:
        boot_failure(f"bad environment: CORRAL_CONTROL_FD={control}; a task worker's control channel is fd 3")
    worker_id = env_number("CORRAL_WORKER_ID")
    env_number("CORRAL_ARBITER_PID")
    try:
        if not stat.S_ISSOCK(os.fstat(control).st_mode):
            boot_failure(f"bad environment: fd {control} is not a socket")
    except OSError:
        boot_failure(f"bad environment: fd {control} is not open")
    for name in list(os.environ):   # not for the programs the apps may start [ENV-20]
        if name.startswith(("LISTEN_", "CORRAL_", "NOTIFY_SOCKET")):
            del os.environ[name]
    return control, worker_id


def parse_args(argv):
    capacity, rest = DEFAULT_CAPACITY, []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--capacity" or arg.startswith("--capacity="):
            value = arg.partition("=")[2] if "=" in arg else (argv[i + 1] if i + 1 < len(argv) else "")
            i += 1 if "=" in arg else 2
            if not re.fullmatch(r"[0-9]{1,6}", value):
                boot_failure(f"usage: --capacity takes a number of jobs, not {value!r}")
            capacity = int(value)
            continue
        rest.append(arg)
        i += 1
    try:
        apps = parse_apps(rest)
    except ValueError as err:
        boot_failure(f"usage: {err}")
    if not apps:
        boot_failure("usage: task_worker.py [--capacity N] name=path/to/file.py:Class ...")
    return capacity, apps
