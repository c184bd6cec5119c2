/*
 * Readiness watcher: calls a JS function on the Node event loop each time an
 * fd is readable, without reading or accepting anything itself.
 *
 * Accept mode (a listening socket): on each readiness the watcher accepts
 * one connection itself and calls JS with the new fd, or with -errno when
 * accept failed; when the queue is empty it counts the wakeup and does not
 * call JS at all. A process woken by a herd (every worker polling one
 * socket) then pays what libuv's own accept loop pays for finding nothing,
 * not a trip into JavaScript: measured, that trip was most of what a
 * worker of the shared strategy cost beyond a plain Node server at idle.
 *
 * Plain mode: a uv_poll_t on the fd (level-triggered, like libuv's own I/O).
 *
 * Exclusive mode: the fd is registered EPOLLIN|EPOLLEXCLUSIVE in libuv's own
 * epoll instance (uv_backend_fd), so the loop thread sleeping in epoll_pwait
 * is the sleeper the kernel's exclusive wakeup looks for.
 *
 *   Why not a private epoll fd watched by uv_poll: ep_poll_callback counts an
 *   exclusive entry as "woken" only if its epoll instance has a task blocked
 *   in epoll_wait on it. A nested instance only has libuv's epoll polling it,
 *   so the wakeup falls through to every registration and all processes wake
 *   (measured: 8 of 8 nested, 1 of 8 direct). A helper thread blocked on the
 *   private instance does work, but costs two thread handoffs per event
 *   (about 15 us per callback on a 2-vCPU VM, against 1 us here).
 *
 *   How libuv is kept consistent: libuv maps an epoll event to its watcher
 *   through event.data.fd. We own an eventfd E (never signalled) watched by a
 *   uv_poll_t, and register a dup D of the fd with data.fd = E:
 *
 *     libuv epoll set:  E  {EPOLLIN,                 data.fd = E}  <- libuv's, idle
 *                       D  {EPOLLIN|EPOLLEXCLUSIVE,  data.fd = E}  <- ours
 *     D readable -> event tagged E -> loop->watchers[E] -> our poll callback
 *
 *   D is a dup so our registration never collides with one libuv makes for
 *   the fd itself (a net.Server or plain Watcher on it): epoll keys entries
 *   by (file, fd number), and a libuv MOD on an exclusive entry would fail.
 *   stop() deletes D's entry before stopping the uv_poll, and uv_poll_stop /
 *   uv_close blank any event tagged E already fetched in the current batch
 *   (uv__platform_invalidate_fd), so nothing fires after stop or close, and
 *   libuv never sees an event for a watcher it does not have.
 *
 * Each start() adds D again at the tail of the fd's wait queue. The kernel
 * prefers the earliest registered idle waiter, so restarting moves a process
 * to the back (what nginx does on purpose every 16 accepts).
 *
 * Lifetime: the C struct is owned jointly by the JS wrapper (napi_wrap) and
 * the uv handle; it is freed when both are gone (finalizer + uv close
 * callback), so close() inside the callback never frees memory that is
 * still on the stack. While active, a strong napi_ref keeps the wrapper (and
 * through it the callback) alive even if JS dropped every reference.
 */
#include "corral.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <uv.h>

typedef struct watcher watcher;

/* Per-env list of every watcher whose uv handle is not yet fully closed, for
 * close(fd) and env teardown. */
typedef struct {
  watcher *head;
  napi_async_cleanup_hook_handle hook;
  int tearing_down;
} instance;

struct watcher {
  napi_env env;
  instance *inst; /* NULL once unlinked (after the uv close callback) */
  watcher *prev, *next;
  int fd;
  int exclusive;
  int accept_mode;
  uint64_t empty; /* accept mode: readiness events whose accept found the queue empty */
  int active;       /* started and not stopped/closed */
  int closed;       /* close() ran: no callback ever again */
  int wrapper_gone; /* JS wrapper finalized */
  int handle_open;  /* uv handle initialised and its close callback not yet run */
  napi_ref self_ref; /* count 1 while active, 0 otherwise */
  napi_ref cb_ref;   /* weak; the wrapper holds the function as a property */
  napi_async_context actx;
  uv_poll_t poll; /* on fd (plain) or on tag (exclusive) */
  /* Exclusive mode. */
  int backend; /* libuv's epoll fd */
  int tag;     /* eventfd E: the identity our events carry */
  int dup;     /* D: the fd as registered exclusively */
};

/* ---- list and memory -------------------------------------------------------- */

static void unlink_watcher(watcher *w) {
  if (!w->inst) return;
  if (w->prev) w->prev->next = w->next;
  else w->inst->head = w->next;
  if (w->next) w->next->prev = w->prev;
  w->prev = w->next = NULL;
  w->inst = NULL;
}

static void maybe_free(watcher *w) {
  if (w->wrapper_gone && !w->handle_open) free(w);
}

static void on_handle_closed(uv_handle_t *h) {
  watcher *w = h->data;
  instance *inst = w->inst;
  w->handle_open = 0;
  unlink_watcher(w);
  /* Env teardown waits for this: the addon may be unloaded right after, and
   * a close callback must not run from unmapped code. */
  if (inst && inst->tearing_down && !inst->head && inst->hook) {
    napi_async_cleanup_hook_handle hook = inst->hook;
    inst->hook = NULL;
    napi_remove_async_cleanup_hook(hook);
  }
  maybe_free(w);
}

/* ---- exclusive registration --------------------------------------------------- */

static int register_exclusive(watcher *w) {
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN | EPOLLEXCLUSIVE;
  ev.data.fd = w->tag;
  return epoll_ctl(w->backend, EPOLL_CTL_ADD, w->dup, &ev) == 0 ? 0 : errno;
}

static void unregister_exclusive(watcher *w) {
  struct epoll_event dummy; /* pre-2.6.9 kernels wanted non-NULL */
  memset(&dummy, 0, sizeof dummy);
  epoll_ctl(w->backend, EPOLL_CTL_DEL, w->dup, &dummy);
}

/* ---- delivering the callback -------------------------------------------------- */

/* Calls the JS callback with napi_make_callback, so async_hooks see one
 * callback scope, and nextTicks and microtasks queued by it run before the
 * loop moves on. An exception goes to process 'uncaughtException' like any
 * other callback's. */
static void deliver(watcher *w, int have_arg, int arg) {
  napi_env env = w->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) {
    if (have_arg && arg >= 0) close(arg); /* never leak an accepted fd */
    return;
  }
  napi_value self = NULL, cb = NULL, argv[1];
  napi_get_reference_value(env, w->self_ref, &self);
  napi_get_reference_value(env, w->cb_ref, &cb);
  if (self && cb && (!have_arg || napi_create_int32(env, arg, &argv[0]) == napi_ok)) {
    COUNT(C_READINESS, 1);
    napi_status st = napi_make_callback(env, w->actx, self, cb, have_arg ? 1 : 0, have_arg ? argv : NULL, NULL);
    if (st == napi_pending_exception) {
      napi_value exc;
      if (napi_get_and_clear_last_exception(env, &exc) == napi_ok) napi_fatal_exception(env, exc);
    }
  }
  napi_close_handle_scope(env, scope);
}

static void set_active(watcher *w, int on) {
  if (w->active == on) return;
  w->active = on;
  uint32_t count;
  if (on) napi_reference_ref(w->env, w->self_ref, &count);
  else napi_reference_unref(w->env, w->self_ref, &count);
}

/* Stops polling; callable with or without JS (no napi calls). */
static void stop_polling(watcher *w) {
  if (w->exclusive) unregister_exclusive(w);
  uv_poll_stop(&w->poll);
}

static void on_poll(uv_poll_t *h, int status, int events) {
  (void)events;
  watcher *w = h->data;
  if (w->closed || !w->active) return;
  if (status < 0) {
    /* POLLERR: libuv has stopped the handle. Mirror that, and still call
     * back once so the caller's accept/recv surfaces the error. */
    if (w->exclusive) unregister_exclusive(w);
    set_active(w, 0);
  }
  if (w->accept_mode && status >= 0) {
    struct sockaddr_storage ss;
    socklen_t len;
    int err = 0;
    int fd = corral_accept_one(w->fd, &ss, &len, &err);
    if (fd == -1) {
      w->empty++;
      return; /* nothing to take: no JS */
    }
    deliver(w, 1, fd >= 0 ? fd : -err);
    return;
  }
  deliver(w, 0, 0);
}

/* ---- close -------------------------------------------------------------------- */

/* Everything close() does that needs no JS: safe from the env cleanup hook. */
static void close_handles(watcher *w) {
  if (w->closed) return;
  w->closed = 1;
  if (w->exclusive) unregister_exclusive(w);
  /* uv_close stops the poll and blanks its pending events; its callback runs
   * on a later loop turn, never from inside uv_close, so the struct outlives
   * this call even when we are inside our own callback. */
  uv_close((uv_handle_t *)&w->poll, on_handle_closed);
  if (w->exclusive) {
    /* libuv is done with both numbers: invalidated above, not yet reusable
     * by anyone else until these close()s. */
    close(w->dup);
    close(w->tag);
    w->dup = w->tag = -1;
  }
}

static void close_watcher(watcher *w) {
  if (w->closed) return;
  if (w->active) set_active(w, 0);
  close_handles(w);
  if (w->actx) {
    napi_async_destroy(w->env, w->actx);
    w->actx = NULL;
  }
}

void corral_watchers_forget_fd(napi_env env, int fd) {
  instance *inst = NULL;
  if (napi_get_instance_data(env, (void **)&inst) != napi_ok || !inst) return;
  for (watcher *w = inst->head, *next; w; w = next) {
    next = w->next; /* close_watcher does not unlink; the close callback does */
    if (w->fd == fd && !w->closed) close_watcher(w);
  }
}

/* Env teardown (process exit, worker thread end): close every handle, and
 * report done only when the last close callback has run (on_handle_closed).
 * Without the wait a worker thread's loop runs those callbacks after the
 * addon is unloaded. No JS may run here. */
static void on_env_cleanup(napi_async_cleanup_hook_handle hook, void *arg) {
  instance *inst = arg;
  inst->tearing_down = 1;
  for (watcher *w = inst->head; w; w = w->next) {
    if (w->closed) continue;
    w->active = 0;
    /* Too late to emit async_hooks destroy events: the async context (a few
     * dozen bytes) is left behind, once, at env teardown. */
    w->actx = NULL;
    close_handles(w);
  }
  if (!inst->head) {
    inst->hook = NULL;
    napi_remove_async_cleanup_hook(hook);
  }
}

static void on_instance_free(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  free(data);
}

static void finalize(napi_env env, void *data, void *hint) {
  (void)hint;
  watcher *w = data;
  /* Unreachable from JS means not active (an active watcher holds itself). */
  if (!w->closed) {
    w->active = 0;
    close_handles(w);
  }
  if (w->actx) napi_async_destroy(env, w->actx);
  w->actx = NULL;
  napi_delete_reference(env, w->self_ref);
  napi_delete_reference(env, w->cb_ref);
  w->wrapper_gone = 1;
  maybe_free(w);
}

/* ---- JS methods ------------------------------------------------------------- */

static watcher *unwrap(napi_env env, napi_callback_info info) {
  napi_value self;
  watcher *w = NULL;
  size_t argc = 0;
  if (napi_get_cb_info(env, info, &argc, NULL, &self, NULL) != napi_ok) return NULL;
  if (napi_unwrap(env, self, (void **)&w) != napi_ok || !w) {
    corral_throw_type(env, "not a NativeWatcher");
    return NULL;
  }
  return w;
}

/* new NativeWatcher(fd, callback, exclusive, acceptMode) */
static napi_value New(napi_env env, napi_callback_info info) {
  napi_value argv[4], self, target;
  int fd, exclusive, accept_mode;
  napi_valuetype t;
  uv_loop_t *loop;
  if (corral_args(env, info, 4, argv, &self)) return NULL;
  if (napi_get_new_target(env, info, &target) != napi_ok || !target) return corral_throw_type(env, "NativeWatcher requires new");
  if (corral_fd_arg(env, argv[0], &fd)) return NULL;
  if (napi_typeof(env, argv[1], &t) != napi_ok || t != napi_function) return corral_throw_type(env, "onReadable must be a function");
  if (corral_bool_arg(env, argv[2], &exclusive)) return NULL;
  /* acceptMode is optional (false): callers of the three-argument form stay valid. */
  napi_valuetype at;
  accept_mode = 0;
  if (napi_typeof(env, argv[3], &at) != napi_ok) return NULL;
  if (at != napi_undefined && corral_bool_arg(env, argv[3], &accept_mode)) return NULL;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok) return NULL;
  instance *inst = NULL;
  napi_get_instance_data(env, (void **)&inst);

  watcher *w = calloc(1, sizeof *w);
  if (!w) return corral_throw_errno(env, ENOMEM, "malloc", ERRCTX_NONE);
  w->env = env;
  w->fd = fd;
  w->exclusive = exclusive;
  w->accept_mode = accept_mode;
  w->backend = w->tag = w->dup = -1;

  int r;
  if (!exclusive) {
    /* uv_poll_init sets O_NONBLOCK on fd. libuv allows one watcher per fd per
     * loop: start() fails with EEXIST if a net.Server or another plain
     * Watcher in this process already watches it. */
    if ((r = uv_poll_init(loop, &w->poll, fd)) != 0) {
      free(w);
      return corral_throw_errno(env, -r, "uv_poll_init", ERRCTX_FD(fd));
    }
  } else {
    const char *syscall = "uv_backend_fd";
    int err = EINVAL;
    w->backend = uv_backend_fd(loop);
    if (w->backend < 0) goto fail;
    syscall = "fcntl";
    w->dup = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (w->dup < 0) goto fail_errno;
    syscall = "eventfd";
    w->tag = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (w->tag < 0) goto fail_errno;
    /* Probe now, so an fd epoll cannot watch (a regular file: EPERM) fails
     * here rather than at start(). */
    syscall = "epoll_ctl";
    if ((err = register_exclusive(w)) != 0) goto fail;
    unregister_exclusive(w);
    syscall = "uv_poll_init";
    if ((r = uv_poll_init(loop, &w->poll, w->tag)) != 0) {
      err = -r;
      goto fail;
    }
    goto ok;
  fail_errno:
    err = errno;
  fail:
    if (w->dup >= 0) close(w->dup);
    if (w->tag >= 0) close(w->tag);
    free(w);
    return corral_throw_errno(env, err, syscall, ERRCTX_FD(fd));
  }
ok:
  w->poll.data = w;
  w->handle_open = 1;
  if (inst) {
    w->inst = inst;
    w->next = inst->head;
    if (inst->head) inst->head->prev = w;
    inst->head = w;
  }

  /* From here on failures go through close_handles and the finalizer. */
  napi_value name;
  napi_property_descriptor cbprop = { "callback", NULL, NULL, NULL, NULL, argv[1], napi_default, NULL };
  if (napi_wrap(env, self, w, finalize, NULL, NULL) != napi_ok) {
    w->wrapper_gone = 1;
    close_handles(w);
    return NULL;
  }
  if (napi_define_properties(env, self, 1, &cbprop) != napi_ok || napi_create_reference(env, self, 0, &w->self_ref) != napi_ok ||
      napi_create_reference(env, argv[1], 0, &w->cb_ref) != napi_ok ||
      napi_create_string_utf8(env, "corral.Watcher", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_async_init(env, NULL, name, &w->actx) != napi_ok) {
    close_handles(w);
    return NULL;
  }
  return self;
}

static napi_value Start(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  if (!w) return NULL;
  if (w->closed) return corral_throw_code(env, "CORRAL_ERR_NATIVE", "Watcher is closed");
  if (w->active) return NULL;
  /* The uv_poll first: once D is registered its events must find a watcher. */
  int r = uv_poll_start(&w->poll, UV_READABLE, on_poll);
  if (r != 0) return corral_throw_errno(env, -r, "uv_poll_start", ERRCTX_FD(w->fd));
  if (w->exclusive && (r = register_exclusive(w)) != 0) {
    uv_poll_stop(&w->poll);
    return corral_throw_errno(env, r, "epoll_ctl", ERRCTX_FD(w->fd));
  }
  set_active(w, 1);
  return NULL;
}

static napi_value Stop(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  if (!w || !w->active) return NULL;
  /* Race window (exclusive): if the kernel picked this process for an event
   * that is not yet delivered, stopping drops it, and no other process was
   * woken for it; the connection waits in the queue for the next event. */
  stop_polling(w);
  set_active(w, 0);
  return NULL;
}

static napi_value Close(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  if (w) close_watcher(w);
  return NULL;
}

static napi_value RefOrUnref(napi_env env, napi_callback_info info, int on) {
  watcher *w = unwrap(env, info);
  if (!w || w->closed) return NULL;
  if (on) uv_ref((uv_handle_t *)&w->poll);
  else uv_unref((uv_handle_t *)&w->poll);
  return NULL;
}

static napi_value Ref(napi_env env, napi_callback_info info) { return RefOrUnref(env, info, 1); }
static napi_value Unref(napi_env env, napi_callback_info info) { return RefOrUnref(env, info, 0); }

static napi_value GetActive(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  napi_value r;
  if (!w) return NULL;
  napi_get_boolean(env, w->active != 0, &r);
  return r;
}

static napi_value GetEmpty(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  napi_value r;
  if (!w) return NULL;
  napi_create_double(env, (double)w->empty, &r);
  return r;
}

static napi_value GetClosed(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  napi_value r;
  if (!w) return NULL;
  napi_get_boolean(env, w->closed != 0, &r);
  return r;
}

napi_status corral_init_watcher(napi_env env, napi_value exports) {
  instance *inst = calloc(1, sizeof *inst);
  if (!inst) return napi_generic_failure;
  napi_status st = napi_set_instance_data(env, inst, on_instance_free, NULL);
  if (st != napi_ok) {
    free(inst);
    return st;
  }
  if ((st = napi_add_async_cleanup_hook(env, on_env_cleanup, inst, &inst->hook)) != napi_ok) return st;

  napi_property_descriptor props[] = {
    DECLARE_FN("start", Start),
    DECLARE_FN("stop", Stop),
    DECLARE_FN("close", Close),
    DECLARE_FN("ref", Ref),
    DECLARE_FN("unref", Unref),
    { "active", NULL, NULL, GetActive, NULL, NULL, napi_default, NULL },
    { "closed", NULL, NULL, GetClosed, NULL, NULL, napi_default, NULL },
    { "emptyAccepts", NULL, NULL, GetEmpty, NULL, NULL, napi_default, NULL },
  };
  napi_value cls;
  st = napi_define_class(env, "NativeWatcher", NAPI_AUTO_LENGTH, New, NULL, sizeof props / sizeof props[0], props, &cls);
  if (st != napi_ok) return st;
  return napi_set_named_property(env, exports, "NativeWatcher", cls);
}
