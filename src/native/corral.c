/*
 * corral native addon: module entry, errors, argument helpers, counters and
 * the small fd utilities (close, O_NONBLOCK, FD_CLOEXEC).
 */
#include "corral.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

uint64_t corral_counters[C_COUNT];

/* ---- values and arguments ---------------------------------------------- */

napi_value corral_int(napi_env env, int64_t v) {
  napi_value r;
  napi_create_int64(env, v, &r);
  return r;
}

napi_value corral_str(napi_env env, const char *s) {
  napi_value r;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &r);
  return r;
}

void corral_set(napi_env env, napi_value obj, const char *key, napi_value v) {
  napi_set_named_property(env, obj, key, v);
}

int corral_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv, napi_value *self) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, self, NULL) != napi_ok) return -1;
  /* Missing arguments read as undefined, like JS. */
  for (size_t i = argc; i < want; i++) napi_get_undefined(env, &argv[i]);
  return 0;
}

int corral_int_arg(napi_env env, napi_value v, const char *name, int64_t min, int64_t max, int64_t *out) {
  double d;
  char msg[160];
  if (napi_get_value_double(env, v, &d) != napi_ok || !isfinite(d) || d != trunc(d) || d < (double)min || d > (double)max) {
    snprintf(msg, sizeof msg, "%s must be an integer in [%lld, %lld]", name, (long long)min, (long long)max);
    corral_throw_type(env, msg);
    return -1;
  }
  *out = (int64_t)d;
  return 0;
}

int corral_fd_arg(napi_env env, napi_value v, int *out) {
  int64_t n;
  if (corral_int_arg(env, v, "fd", 0, 0x7fffffff, &n)) return -1;
  *out = (int)n;
  return 0;
}

int corral_bool_arg(napi_env env, napi_value v, int *out) {
  bool b;
  if (napi_get_value_bool(env, v, &b) != napi_ok) {
    corral_throw_type(env, "expected a boolean");
    return -1;
  }
  *out = b;
  return 0;
}

/* ---- errors -------------------------------------------------------------- */

napi_value corral_throw_type(napi_env env, const char *message) {
  napi_throw_type_error(env, "CORRAL_ERR_INVALID_OPTION", message);
  return NULL;
}

napi_value corral_throw_code(napi_env env, const char *code, const char *message) {
  napi_throw_error(env, code, message);
  return NULL;
}

/*
 * Same shape as Node's own errors from net (exceptionWithHostPort):
 *   message "bind EADDRINUSE 127.0.0.1:8000", code "EADDRINUSE",
 *   errno -98 (libuv's negative convention), syscall "bind", address, port.
 * Fd-only failures name the fd instead: "accept EBADF (fd 42)".
 */
napi_value corral_throw_errno(napi_env env, int err, const char *syscall, errctx ctx) {
  char code[64], msg[512];
  uv_err_name_r(-err, code, sizeof code);
  int n = snprintf(msg, sizeof msg, "%s %s", syscall, code);
  if (n < 0 || (size_t)n >= sizeof msg) n = (int)strlen(msg);
  if (ctx.address && ctx.port > 0)
    snprintf(msg + n, sizeof msg - (size_t)n, " %s:%d", ctx.address, ctx.port);
  else if (ctx.address)
    snprintf(msg + n, sizeof msg - (size_t)n, " %s", ctx.address);
  else if (ctx.fd >= 0)
    snprintf(msg + n, sizeof msg - (size_t)n, " (fd %d)", ctx.fd);

  napi_value e;
  if (napi_create_error(env, corral_str(env, code), corral_str(env, msg), &e) != napi_ok) {
    napi_throw_error(env, code, msg);
    return NULL;
  }
  corral_set(env, e, "errno", corral_int(env, -err));
  corral_set(env, e, "syscall", corral_str(env, syscall));
  if (ctx.address) corral_set(env, e, "address", corral_str(env, ctx.address));
  if (ctx.address && ctx.port >= 0) corral_set(env, e, "port", corral_int(env, ctx.port));
  if (ctx.path) corral_set(env, e, "path", corral_str(env, ctx.path));
  if (ctx.fd >= 0) corral_set(env, e, "fd", corral_int(env, ctx.fd));
  napi_throw(env, e);
  return NULL;
}

/* ---- fd utilities --------------------------------------------------------- */

/* close(fd). Never retried: on Linux the fd is released even when close
 * reports EINTR, and a retry could close a number another thread just got. */
static napi_value Close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int fd;
  if (corral_args(env, info, 1, argv, NULL) || corral_fd_arg(env, argv[0], &fd)) return NULL;
  corral_watchers_forget_fd(env, fd);
  if (close(fd) != 0 && errno != EINTR) return corral_throw_errno(env, errno, "close", ERRCTX_FD(fd));
  return NULL;
}

static napi_value set_flag(napi_env env, napi_callback_info info, int getcmd, int setcmd, int bit, const char *syscall) {
  napi_value argv[2];
  int fd, on;
  if (corral_args(env, info, 2, argv, NULL) || corral_fd_arg(env, argv[0], &fd) || corral_bool_arg(env, argv[1], &on)) return NULL;
  int flags = fcntl(fd, getcmd);
  if (flags < 0) return corral_throw_errno(env, errno, syscall, ERRCTX_FD(fd));
  int next = on ? (flags | bit) : (flags & ~bit);
  if (next != flags && fcntl(fd, setcmd, next) < 0) return corral_throw_errno(env, errno, syscall, ERRCTX_FD(fd));
  return NULL;
}

/* O_NONBLOCK lives on the open file description: every process sharing an
 * inherited listener sees the change. */
static napi_value SetNonBlocking(napi_env env, napi_callback_info info) {
  return set_flag(env, info, F_GETFL, F_SETFL, O_NONBLOCK, "fcntl");
}

/* FD_CLOEXEC is per descriptor: only this process's fd number is affected. */
static napi_value SetCloexec(napi_env env, napi_callback_info info) {
  return set_flag(env, info, F_GETFD, F_SETFD, FD_CLOEXEC, "fcntl");
}

/* ---- counters ------------------------------------------------------------- */

static napi_value Counters(napi_env env, napi_callback_info info) {
  (void)info;
  static const char *names[C_COUNT] = { "readiness", "acceptCalls", "acceptWouldBlock", "accepted" };
  napi_value o;
  napi_create_object(env, &o);
  for (int i = 0; i < C_COUNT; i++) {
    napi_value v;
    napi_create_double(env, (double)__atomic_load_n(&corral_counters[i], __ATOMIC_RELAXED), &v);
    corral_set(env, o, names[i], v);
  }
  return o;
}

static napi_value ResetCounters(napi_env env, napi_callback_info info) {
  (void)env;
  (void)info;
  for (int i = 0; i < C_COUNT; i++) __atomic_store_n(&corral_counters[i], 0, __ATOMIC_RELAXED);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
    DECLARE_FN("close", Close),
    DECLARE_FN("setNonBlocking", SetNonBlocking),
    DECLARE_FN("setCloexec", SetCloexec),
    DECLARE_FN("counters", Counters),
    DECLARE_FN("resetCounters", ResetCounters),
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  if (corral_init_sockets(env, exports) != napi_ok) return NULL;
  if (corral_init_fdpass(env, exports) != napi_ok) return NULL;
  if (corral_init_watcher(env, exports) != napi_ok) return NULL;
  return exports;
}
