/*
 * Readiness watcher: calls a JS function on the Node event loop each time an
 * fd is readable, without reading or accepting anything itself.
 *
 * Plain mode: a uv_poll_t on the fd (level-triggered, like libuv's own I/O).
 *
 * Exclusive mode: a private epoll fd holding the fd with
 * EPOLLIN|EPOLLEXCLUSIVE, and a helper thread blocked in epoll_wait on it.
 * Why a thread and not a uv_poll_t on the private epoll fd: the kernel
 * delivers an exclusive wakeup to the first registered epoll instance that
 * has a task *sleeping in epoll_wait on it* (ep_poll_callback returns
 * "woken" only when ep->wq is non-empty). An epoll fd that is itself polled
 * by libuv's epoll has no such sleeper, so the wakeup falls through to every
 * registration and all processes wake (measured here: 8 of 8 with the nested
 * design, 1 of 8 with a thread in epoll_wait).
 *
 *   kernel --exclusive wake--> helper thread (epoll_wait, private epfd)
 *            -> t_pending = 1, uv_async_send -> loop thread: JS callback
 *            -> t_pending = 0, signal -> helper re-enters epoll_wait
 *
 * The helper does not wait again until the JS callback has run, so a worker
 * busy in its callback is not a sleeper and the kernel wakes another idle
 * worker for the next connection. Level-triggered: if the callback leaves
 * connections queued, the next epoll_wait returns at once.
 *
 * Lifetime: the C struct is owned jointly by the JS wrapper (napi_wrap) and
 * the uv handle; it is freed when both are gone (finalizer + uv close
 * callback), so close() inside the callback never frees memory that is
 * still on the stack. While active, a strong napi_ref keeps the wrapper (and
 * through it the callback) alive even if JS dropped every reference.
 */
#include "corral.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
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

  /* Loop-thread state. */
  int active;       /* started and not stopped/closed */
  int closed;       /* close() ran: no callback ever again */
  int user_ref;     /* ref()/unref(): may this watcher keep the loop alive? */
  int wrapper_gone; /* JS wrapper finalized */
  int handle_open;  /* uv handle initialised and its close callback not yet run */
  napi_ref self_ref; /* count 1 while active, 0 otherwise */
  napi_ref cb_ref;   /* weak; the wrapper holds the function as a property */
  napi_async_context actx;

  union {
    uv_poll_t poll;   /* plain */
    uv_async_t async; /* exclusive */
  } h;

  /* Exclusive mode. */
  int epfd, ctlfd;
  int thread_started;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  /* Guarded by mu. */
  int t_run;     /* the loop wants readiness */
  int t_exit;    /* the helper must return */
  int t_pending; /* readiness seen, JS callback not yet finished */
  int t_error;   /* epoll_wait failed with this errno; helper has returned */
};

/* ---- list ------------------------------------------------------------------ */

static void unlink_watcher(watcher *w) {
  if (!w->inst) return;
  if (w->prev) w->prev->next = w->next;
  else w->inst->head = w->next;
  if (w->next) w->next->prev = w->prev;
  w->prev = w->next = NULL;
  w->inst = NULL;
}

static void maybe_free(watcher *w) {
  if (!w->wrapper_gone || w->handle_open) return;
  if (w->exclusive) {
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
  }
  free(w);
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

/* ---- exclusive helper thread ---------------------------------------------- */

/* Wakes the helper out of epoll_wait; the eventfd is in the same epoll set. */
static void kick(watcher *w) {
  uint64_t one = 1;
  ssize_t r;
  do r = write(w->ctlfd, &one, sizeof one);
  while (r < 0 && errno == EINTR);
  /* EAGAIN means the counter is already non-zero: a kick is pending anyway. */
}

static void *helper_main(void *arg) {
  watcher *w = arg;
  struct epoll_event ev[2];
  /* A name tests and operators can find in /proc/<pid>/task/<tid>/comm. */
  pthread_setname_np(pthread_self(), "corral-epollx");
  pthread_mutex_lock(&w->mu);
  for (;;) {
    while (!w->t_exit && !(w->t_run && !w->t_pending)) pthread_cond_wait(&w->cv, &w->mu);
    if (w->t_exit) break;
    pthread_mutex_unlock(&w->mu);

    int n = epoll_wait(w->epfd, ev, 2, -1);
    int err = n < 0 ? errno : 0;

    pthread_mutex_lock(&w->mu);
    if (n < 0 && err != EINTR) {
      w->t_error = err;
      w->t_pending = 1;
      uv_async_send(&w->h.async);
      break;
    }
    int ready = 0;
    for (int i = 0; i < n; i++) {
      if (ev[i].data.u32 == 0) {
        uint64_t v;
        ssize_t r = read(w->ctlfd, &v, sizeof v);
        (void)r;
      } else {
        ready = 1;
      }
    }
    /* Race window: stop() may have run while we slept, and the kernel may have
     * chosen us for this wakeup anyway. The event is dropped (no callback
     * after stop); other processes were not woken for it, so that connection
     * waits in the queue until the next one arrives or someone polls. */
    if (ready && w->t_run && !w->t_exit) {
      w->t_pending = 1;
      uv_async_send(&w->h.async);
    }
  }
  pthread_mutex_unlock(&w->mu);
  return NULL;
}

static int start_helper(watcher *w) {
  pthread_attr_t attr;
  sigset_t all, old;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  /* Signals belong to the loop thread (Node's handlers); block them all here. */
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  int r = pthread_create(&w->thread, &attr, helper_main, w);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&attr);
  if (r == 0) w->thread_started = 1;
  return r;
}

/* ---- delivering the callback ------------------------------------------------ */

/* Calls the JS callback with napi_make_callback, so async_hooks see one
 * callback scope, and nextTicks and microtasks queued by it run before the
 * loop moves on. An exception goes to process 'uncaughtException' like any
 * other callback's. */
static void deliver(watcher *w) {
  napi_env env = w->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value self = NULL, cb = NULL;
  napi_get_reference_value(env, w->self_ref, &self);
  napi_get_reference_value(env, w->cb_ref, &cb);
  if (self && cb) {
    COUNT(C_READINESS, 1);
    napi_status st = napi_make_callback(env, w->actx, self, cb, 0, NULL, NULL);
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
  if (w->exclusive) {
    /* The async handle is always "active" to libuv; ref it only while we want
     * callbacks, so a stopped watcher does not keep the process alive. */
    if (on && w->user_ref) uv_ref((uv_handle_t *)&w->h.async);
    else uv_unref((uv_handle_t *)&w->h.async);
  }
}

static void on_poll(uv_poll_t *h, int status, int events) {
  (void)events;
  watcher *w = h->data;
  if (w->closed || !w->active) return;
  /* On POLLERR libuv has already stopped the handle: mirror that, and still
   * call back once so the caller's accept/recv surfaces the error. */
  if (status < 0) set_active(w, 0);
  deliver(w);
}

static void on_async(uv_async_t *h) {
  watcher *w = h->data;
  if (w->closed) return;
  pthread_mutex_lock(&w->mu);
  int pending = w->t_pending, err = w->t_error;
  pthread_mutex_unlock(&w->mu);
  if (!pending) return;
  if (w->active) {
    if (err) set_active(w, 0); /* the helper has returned; callers see the error on their next syscall */
    deliver(w);
  }
  /* deliver() may have closed us; closed means the helper is joined. */
  if (w->closed || err) return;
  pthread_mutex_lock(&w->mu);
  w->t_pending = 0;
  pthread_cond_signal(&w->cv);
  pthread_mutex_unlock(&w->mu);
}

/* ---- close ------------------------------------------------------------------ */

/* Everything close() does that needs no JS: safe from the env cleanup hook. */
static void close_handles(watcher *w) {
  if (w->closed) return;
  w->closed = 1;
  if (w->exclusive) {
    if (w->thread_started) {
      pthread_mutex_lock(&w->mu);
      w->t_exit = 1;
      pthread_cond_signal(&w->cv);
      pthread_mutex_unlock(&w->mu);
      kick(w);
      /* Bounded: the helper is in cond_wait (signalled) or epoll_wait (kicked). */
      pthread_join(w->thread, NULL);
      w->thread_started = 0;
    }
    close(w->epfd);
    close(w->ctlfd);
    w->epfd = w->ctlfd = -1;
  }
  /* uv_close also stops a poll handle; its callback runs on a later loop
   * turn, never from inside uv_close, so the struct outlives this call. */
  uv_close((uv_handle_t *)&w->h, on_handle_closed);
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
    /* Too late to emit async_hooks destroy events; the context is left for
     * the env's own teardown. */
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

/* new NativeWatcher(fd, callback, exclusive) */
static napi_value New(napi_env env, napi_callback_info info) {
  napi_value argv[3], self, target;
  int fd, exclusive;
  napi_valuetype t;
  uv_loop_t *loop;
  if (corral_args(env, info, 3, argv, &self)) return NULL;
  if (napi_get_new_target(env, info, &target) != napi_ok || !target) return corral_throw_type(env, "NativeWatcher requires new");
  if (corral_fd_arg(env, argv[0], &fd)) return NULL;
  if (napi_typeof(env, argv[1], &t) != napi_ok || t != napi_function) return corral_throw_type(env, "onReadable must be a function");
  if (corral_bool_arg(env, argv[2], &exclusive)) return NULL;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok) return NULL;
  instance *inst = NULL;
  napi_get_instance_data(env, (void **)&inst);

  watcher *w = calloc(1, sizeof *w);
  if (!w) return corral_throw_errno(env, ENOMEM, "malloc", ERRCTX_NONE);
  w->env = env;
  w->fd = fd;
  w->exclusive = exclusive;
  w->user_ref = 1;
  w->epfd = w->ctlfd = -1;
  w->h.poll.data = NULL;

  if (!exclusive) {
    /* uv_poll_init sets O_NONBLOCK on fd, and fails with EEXIST when this
     * loop already watches the fd (a net.Server on it, or another plain
     * Watcher): libuv allows one watcher per fd per loop. */
    int r = uv_poll_init(loop, &w->h.poll, fd);
    if (r != 0) {
      free(w);
      return corral_throw_errno(env, -r, "uv_poll_init", ERRCTX_FD(fd));
    }
  } else {
    const char *syscall = "epoll_create1";
    int err;
    w->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (w->epfd < 0) goto fail;
    syscall = "eventfd";
    w->ctlfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (w->ctlfd < 0) goto fail;
    syscall = "epoll_ctl";
    /* Registration order is wake order among idle waiters: the kernel picks
     * the first registered instance that has a sleeper. */
    struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE, .data.u32 = 1 };
    if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, fd, &ev) != 0) goto fail;
    struct epoll_event ctl = { .events = EPOLLIN, .data.u32 = 0 };
    if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, w->ctlfd, &ctl) != 0) goto fail;
    syscall = "uv_async_init";
    if ((err = uv_async_init(loop, &w->h.async, on_async)) != 0) {
      errno = -err;
      goto fail;
    }
    uv_unref((uv_handle_t *)&w->h.async);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    goto ok;
  fail:
    err = errno;
    if (w->epfd >= 0) close(w->epfd);
    if (w->ctlfd >= 0) close(w->ctlfd);
    free(w);
    return corral_throw_errno(env, err, syscall, ERRCTX_FD(fd));
  }
ok:
  w->h.poll.data = w; /* same offset for both union members (uv_handle_t.data) */
  w->handle_open = 1;
  if (inst) {
    w->inst = inst;
    w->next = inst->head;
    if (inst->head) inst->head->prev = w;
    inst->head = w;
  }

  /* From here on failures go through the wrapper's finalizer. */
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
  if (w->exclusive) {
    pthread_mutex_lock(&w->mu);
    int err = w->t_error;
    pthread_mutex_unlock(&w->mu);
    if (err) return corral_throw_errno(env, err, "epoll_wait", ERRCTX_FD(w->fd));
    if (!w->thread_started) {
      int r = start_helper(w);
      if (r != 0) return corral_throw_errno(env, r, "pthread_create", ERRCTX_FD(w->fd));
    }
    set_active(w, 1);
    pthread_mutex_lock(&w->mu);
    w->t_run = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
  } else {
    int r = uv_poll_start(&w->h.poll, UV_READABLE, on_poll);
    if (r != 0) return corral_throw_errno(env, -r, "uv_poll_start", ERRCTX_FD(w->fd));
    set_active(w, 1);
  }
  return NULL;
}

static napi_value Stop(napi_env env, napi_callback_info info) {
  watcher *w = unwrap(env, info);
  if (!w || !w->active) return NULL;
  set_active(w, 0);
  if (w->exclusive) {
    pthread_mutex_lock(&w->mu);
    w->t_run = 0;
    pthread_mutex_unlock(&w->mu);
    /* Race window: until the helper leaves epoll_wait it is still a sleeper
     * and can absorb one exclusive wakeup (dropped, see helper_main). */
    kick(w);
  } else {
    uv_poll_stop(&w->h.poll);
  }
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
  w->user_ref = on;
  if (!w->exclusive) {
    if (on) uv_ref((uv_handle_t *)&w->h.poll);
    else uv_unref((uv_handle_t *)&w->h.poll);
  } else if (on && w->active) {
    uv_ref((uv_handle_t *)&w->h.async);
  } else {
    uv_unref((uv_handle_t *)&w->h.async);
  }
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
  };
  napi_value cls;
  st = napi_define_class(env, "NativeWatcher", NAPI_AUTO_LENGTH, New, NULL, sizeof props / sizeof props[0], props, &cls);
  if (st != napi_ok) return st;
  return napi_set_named_property(env, exports, "NativeWatcher", cls);
}
