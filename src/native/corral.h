/*
 * Shared declarations of the corral native addon (plain C, Node-API only).
 *
 * The addon is a thin layer over Linux syscalls that Node does not expose:
 * one-shot accept4, readiness watching without libuv accepting, SO_REUSEPORT,
 * EPOLLEXCLUSIVE and SCM_RIGHTS. Policy lives in TypeScript
 * (src/transport/native.ts); this side validates just enough to never crash
 * the process and turns every errno into a Node-style Error.
 */
#ifndef CORRAL_NATIVE_H
#define CORRAL_NATIVE_H

#define _GNU_SOURCE
#include <node_api.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/socket.h>

/* Per-process counters (shared by every env in the process, e.g. worker
 * threads). Relaxed atomics: on x86 this is one locked add, noise next to the
 * syscall it counts, and it keeps totals exact when threads share the addon. */
enum { C_READINESS, C_ACCEPT_CALLS, C_ACCEPT_WOULD_BLOCK, C_ACCEPTED, C_COUNT };
extern uint64_t corral_counters[C_COUNT];
#define COUNT(i, n) __atomic_fetch_add(&corral_counters[i], (uint64_t)(n), __ATOMIC_RELAXED)

/* Where a failed syscall was aimed; every field is optional. */
typedef struct {
  const char *address; /* numeric host, or a unix path */
  int port;            /* < 0: none */
  const char *path;    /* unix socket path */
  int fd;              /* < 0: none */
} errctx;
#define ERRCTX_NONE ((errctx){ NULL, -1, NULL, -1 })
#define ERRCTX_FD(f) ((errctx){ NULL, -1, NULL, (f) })

/* Throws a Node-style error for `err` (a positive errno) and returns NULL. */
napi_value corral_throw_errno(napi_env env, int err, const char *syscall, errctx ctx);
/* Throws TypeError / Error with a code; returns NULL. */
napi_value corral_throw_type(napi_env env, const char *message);
napi_value corral_throw_code(napi_env env, const char *code, const char *message);

/* Argument helpers: return 0 on success, otherwise a JS exception is pending. */
int corral_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv, napi_value *self);
int corral_int_arg(napi_env env, napi_value v, const char *name, int64_t min, int64_t max, int64_t *out);
int corral_fd_arg(napi_env env, napi_value v, int *out);
int corral_bool_arg(napi_env env, napi_value v, int *out);

napi_value corral_int(napi_env env, int64_t v);
napi_value corral_str(napi_env env, const char *s);
void corral_set(napi_env env, napi_value obj, const char *key, napi_value v);

/* Module parts; each defines its exports on `exports`. */
napi_status corral_init_sockets(napi_env env, napi_value exports);
napi_status corral_init_fdpass(napi_env env, napi_value exports);
napi_status corral_init_watcher(napi_env env, napi_value exports);

/* Closes (as if by Watcher.close) every live watcher in this env watching `fd`;
 * called by close(fd) so a closed fd number can never be reused under a live
 * uv_poll or epoll registration. */
void corral_watchers_forget_fd(napi_env env, int fd);

/* accept4(SOCK_NONBLOCK|SOCK_CLOEXEC), retrying EINTR, ECONNABORTED, EPROTO:
 * the new fd, -1 when the queue is empty, or -2 with *err set. */
int corral_accept_one(int lfd, struct sockaddr_storage *ss, socklen_t *len, int *err);

#define DECLARE_FN(name, fn) { name, NULL, fn, NULL, NULL, NULL, napi_default, NULL }

#endif
