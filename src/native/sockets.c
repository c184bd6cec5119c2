/*
 * Listening sockets and one-shot accept.
 *
 * Why not node:net: libuv accepts in a loop on every readiness (there is no
 * public one-shot accept), and SO_REUSEPORT only reached server.listen() in
 * Node 22.12. These calls make the socket policy explicit and countable.
 */
#include "corral.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define HOST_MAX 128
#define PATH_MAX_UNIX ((int)sizeof(((struct sockaddr_un *)0)->sun_path))

/* Reads a JS string into buf (NUL-terminated); returns its byte length or -1. */
static ssize_t get_string(napi_env env, napi_value v, char *buf, size_t size, const char *name) {
  size_t len;
  char msg[96];
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok || len >= size) {
    snprintf(msg, sizeof msg, "%s must be a string shorter than %zu bytes", name, size);
    corral_throw_type(env, msg);
    return -1;
  }
  napi_get_value_string_utf8(env, v, buf, size, &len);
  return (ssize_t)len;
}

/* Printable form of a unix path: abstract names ("\0name") print as "@name". */
static const char *printable_path(const char *path, size_t len, char *out, size_t size) {
  if (len > 0 && path[0] == '\0') {
    snprintf(out, size, "@%.*s", (int)(len - 1), path + 1);
    return out;
  }
  return path;
}

/* Fills host/port from a socket address; returns the family name. */
static const char *describe(const struct sockaddr_storage *ss, socklen_t len, char *host, size_t hostlen, int *port,
                            size_t *pathlen) {
  *port = 0;
  *pathlen = 0;
  host[0] = '\0';
  switch (ss->ss_family) {
  case AF_INET: {
    const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
    inet_ntop(AF_INET, &a->sin_addr, host, (socklen_t)hostlen);
    *port = ntohs(a->sin_port);
    return "tcp4";
  }
  case AF_INET6: {
    const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
    inet_ntop(AF_INET6, &a->sin6_addr, host, (socklen_t)hostlen);
    *port = ntohs(a->sin6_port);
    return "tcp6";
  }
  case AF_UNIX: {
    const struct sockaddr_un *a = (const struct sockaddr_un *)ss;
    size_t off = offsetof(struct sockaddr_un, sun_path);
    size_t n = len > off ? (size_t)len - off : 0;
    if (n > 0 && a->sun_path[0] != '\0') n = strnlen(a->sun_path, n); /* pathname: drop the trailing NUL */
    if (n >= hostlen) n = hostlen - 1;
    memcpy(host, a->sun_path, n);
    host[n] = '\0';
    *pathlen = n;
    return "unix";
  }
  default:
    return NULL;
  }
}

/* listenTcp(host, port, backlog, reusePort) -> fd. backlog -1 binds without
 * listening: the socket holds the port (and its SO_REUSEPORT group) but is
 * not a member that connections are hashed to. */
static napi_value ListenTcp(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  char host[HOST_MAX];
  int64_t port, backlog;
  int reuse_port;
  if (corral_args(env, info, 4, argv, NULL) || get_string(env, argv[0], host, sizeof host, "options.host") < 0 ||
      corral_int_arg(env, argv[1], "options.port", 0, 65535, &port) ||
      corral_int_arg(env, argv[2], "options.backlog", -1, 0x7fffffff, &backlog) || corral_bool_arg(env, argv[3], &reuse_port))
    return NULL;

  /* AI_NUMERICHOST: never a DNS lookup on the event loop; it also accepts
   * scoped IPv6 literals such as fe80::1%eth0. */
  struct addrinfo hints = { 0 }, *ai = NULL;
  hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, NULL, &hints, &ai) != 0 || ai == NULL) {
    napi_throw_type_error(env, "CORRAL_ERR_INVALID_OPTION", "options.host must be a numeric IPv4 or IPv6 address");
    return NULL;
  }
  struct sockaddr_storage ss;
  socklen_t sslen = (socklen_t)ai->ai_addrlen;
  memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
  freeaddrinfo(ai);
  if (ss.ss_family == AF_INET) ((struct sockaddr_in *)&ss)->sin_port = htons((uint16_t)port);
  else ((struct sockaddr_in6 *)&ss)->sin6_port = htons((uint16_t)port);

  errctx ctx = { host, (int)port, NULL, -1 };
  const char *syscall = "socket";
  int one = 1;
  int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) goto fail;
  syscall = "setsockopt";
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0) goto fail;
  if (reuse_port && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) goto fail;
  syscall = "bind";
  if (bind(fd, (struct sockaddr *)&ss, sslen) != 0) goto fail;
  syscall = "listen";
  if (backlog >= 0 && listen(fd, (int)backlog) != 0) goto fail;
  return corral_int(env, fd);

fail: {
  int err = errno;
  if (fd >= 0) close(fd);
  return corral_throw_errno(env, err, syscall, ctx);
}
}

/* The sockaddr_un of `path` (`len` octets; a leading NUL names an abstract
 * socket, whose address length is the name's own, without padding). Returns
 * 0, or ENAMETOOLONG: a pathname needs room for its NUL, an abstract name
 * does not. */
static int unix_address(const char *path, size_t len, struct sockaddr_un *sa, socklen_t *salen) {
  if ((path[0] != '\0' && len >= PATH_MAX_UNIX) || len > PATH_MAX_UNIX) return ENAMETOOLONG;
  memset(sa, 0, sizeof *sa);
  sa->sun_family = AF_UNIX;
  memcpy(sa->sun_path, path, len);
  *salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + (path[0] != '\0'));
  return 0;
}

/* listenUnix(path, backlog) -> fd. A path starting with "\0" is in the
 * abstract namespace. An existing socket file is not removed (EADDRINUSE):
 * whether it is stale is the caller's decision. */
static napi_value ListenUnix(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  /* Larger than sun_path, so an over-long path is reported as ENAMETOOLONG. */
  char path[4096], shown[4097];
  int64_t backlog;
  if (corral_args(env, info, 2, argv, NULL)) return NULL;
  ssize_t len = get_string(env, argv[0], path, sizeof path, "options.path");
  if (len < 0 || corral_int_arg(env, argv[1], "options.backlog", 0, 0x7fffffff, &backlog)) return NULL;
  if (len == 0) return corral_throw_type(env, "options.path must not be empty");
  const char *p = printable_path(path, (size_t)len, shown, sizeof shown);
  errctx ctx = { p, -1, p, -1 };
  struct sockaddr_un sa;
  socklen_t salen;
  if (unix_address(path, (size_t)len, &sa, &salen) != 0) return corral_throw_errno(env, ENAMETOOLONG, "bind", ctx);

  const char *syscall = "socket";
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) goto fail;
  syscall = "bind";
  if (bind(fd, (struct sockaddr *)&sa, salen) != 0) goto fail;
  syscall = "listen";
  if (listen(fd, (int)backlog) != 0) goto fail;
  return corral_int(env, fd);

fail: {
  int err = errno;
  if (fd >= 0) close(fd);
  return corral_throw_errno(env, err, syscall, ctx);
}
}

/* connectUnix(path) -> fd
 * A connected AF_UNIX stream socket, non-blocking and close-on-exec. For an
 * abstract name (leading NUL) the address length is the name's own: Node's
 * net pads an abstract name with NULs to the whole sun_path, so a peer in
 * another language that binds or connects with the exact name, as Linux
 * intends, would never meet it. A full backlog gives EAGAIN. */
static napi_value ConnectUnix(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  char path[4096], shown[4097];
  if (corral_args(env, info, 1, argv, NULL)) return NULL;
  ssize_t len = get_string(env, argv[0], path, sizeof path, "path");
  if (len < 0) return NULL;
  if (len == 0) return corral_throw_type(env, "path must not be empty");
  const char *p = printable_path(path, (size_t)len, shown, sizeof shown);
  errctx ctx = { p, -1, p, -1 };
  struct sockaddr_un sa;
  socklen_t salen;
  if (unix_address(path, (size_t)len, &sa, &salen) != 0) return corral_throw_errno(env, ENAMETOOLONG, "connect", ctx);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return corral_throw_errno(env, errno, "socket", ctx);
  if (connect(fd, (struct sockaddr *)&sa, salen) != 0) {
    int err = errno;
    close(fd);
    return corral_throw_errno(env, err, "connect", ctx);
  }
  return corral_int(env, fd);
}

/* localAddress(fd) -> { family, address, port, path? } */
static napi_value LocalAddress(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  int fd;
  if (corral_args(env, info, 1, argv, NULL) || corral_fd_arg(env, argv[0], &fd)) return NULL;
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  memset(&ss, 0, sizeof ss);
  if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0) return corral_throw_errno(env, errno, "getsockname", ERRCTX_FD(fd));
  char host[PATH_MAX_UNIX + 2];
  int port;
  size_t pathlen;
  const char *family = describe(&ss, len, host, sizeof host, &port, &pathlen);
  if (!family) return corral_throw_errno(env, EAFNOSUPPORT, "getsockname", ERRCTX_FD(fd));
  napi_value o, s;
  napi_create_object(env, &o);
  corral_set(env, o, "family", corral_str(env, family));
  napi_create_string_utf8(env, host, family[0] == 'u' ? pathlen : NAPI_AUTO_LENGTH, &s);
  corral_set(env, o, "address", s);
  corral_set(env, o, "port", corral_int(env, port));
  if (family[0] == 'u') corral_set(env, o, "path", s);
  return o;
}

/* listening(fd) -> boolean: SO_ACCEPTCONN, to validate an adopted fd. */
static napi_value Listening(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  int fd, on = 0;
  socklen_t len = sizeof on;
  if (corral_args(env, info, 1, argv, NULL) || corral_fd_arg(env, argv[0], &fd)) return NULL;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) != 0) return corral_throw_errno(env, errno, "getsockopt", ERRCTX_FD(fd));
  napi_get_boolean(env, on != 0, &r);
  return r;
}

/*
 * One accept4 attempt that either yields a connection or would block.
 * Returns the new fd, -1 for would-block, or -2 with *err set.
 * EINTR is retried; ECONNABORTED and EPROTO (a connection reset while it sat
 * in the queue) are skipped: that queued entry is gone, try the next one.
 */
int corral_accept_one(int lfd, struct sockaddr_storage *ss, socklen_t *len, int *err) {
  for (;;) {
    *len = sizeof *ss;
    COUNT(C_ACCEPT_CALLS, 1);
    int fd = accept4(lfd, (struct sockaddr *)ss, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      COUNT(C_ACCEPTED, 1);
      return fd;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      COUNT(C_ACCEPT_WOULD_BLOCK, 1);
      return -1;
    }
    if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO) continue;
    *err = errno;
    return -2;
  }
}

static napi_value connection(napi_env env, int fd, const struct sockaddr_storage *ss, socklen_t len) {
  char host[PATH_MAX_UNIX + 2];
  int port;
  size_t pathlen;
  const char *family = describe(ss, len, host, sizeof host, &port, &pathlen);
  napi_value o, s;
  napi_create_object(env, &o);
  corral_set(env, o, "fd", corral_int(env, fd));
  corral_set(env, o, "family", corral_str(env, family ? family : "unix"));
  napi_create_string_utf8(env, host, family && family[0] == 'u' ? pathlen : NAPI_AUTO_LENGTH, &s);
  corral_set(env, o, "remoteAddress", s);
  corral_set(env, o, "remotePort", corral_int(env, port));
  return o;
}

/* Reads the listener argument and accepts once: 0 with *fd the connection or
 * -1 (would block), or -1 with a JS exception pending. */
static int accept_from_arg(napi_env env, napi_callback_info info, struct sockaddr_storage *ss, socklen_t *len, int *fd) {
  napi_value argv[1];
  int lfd, err = 0;
  if (corral_args(env, info, 1, argv, NULL) || corral_fd_arg(env, argv[0], &lfd)) return -1;
  *fd = corral_accept_one(lfd, ss, len, &err);
  if (*fd == -2) {
    corral_throw_errno(env, err, "accept", ERRCTX_FD(lfd));
    return -1;
  }
  return 0;
}

/* acceptOne(fd) -> connection | null (would block) */
static napi_value AcceptOne(napi_env env, napi_callback_info info) {
  napi_value r;
  struct sockaddr_storage ss;
  socklen_t len;
  int fd;
  if (accept_from_arg(env, info, &ss, &len, &fd)) return NULL;
  if (fd == -1) {
    napi_get_null(env, &r);
    return r;
  }
  return connection(env, fd, &ss, len);
}

/* acceptFd(fd) -> the new fd, or -1 (would block). The worker's hot path:
 * it needs only the descriptor, and building acceptOne's object with the
 * peer's address as a string cost a measurable share of a connection. */
static napi_value AcceptFd(napi_env env, napi_callback_info info) {
  struct sockaddr_storage ss;
  socklen_t len;
  int fd;
  if (accept_from_arg(env, info, &ss, &len, &fd)) return NULL;
  return corral_int(env, fd);
}

/* acceptBatch(fd, max) -> connection[]; stops at max or at would-block.
 * An error after some connections were taken returns those (their fds
 * would otherwise leak); a persistent error (EMFILE) is thrown by the next call. */
static napi_value AcceptBatch(napi_env env, napi_callback_info info) {
  napi_value argv[2], arr;
  int lfd, err = 0;
  int64_t max;
  if (corral_args(env, info, 2, argv, NULL) || corral_fd_arg(env, argv[0], &lfd) ||
      corral_int_arg(env, argv[1], "max", 1, 0x7fffffff, &max))
    return NULL;
  napi_create_array(env, &arr);
  uint32_t n = 0;
  while ((int64_t)n < max) {
    struct sockaddr_storage ss;
    socklen_t len;
    int fd = corral_accept_one(lfd, &ss, &len, &err);
    if (fd == -1) break;
    if (fd == -2) {
      if (n == 0) return corral_throw_errno(env, err, "accept", ERRCTX_FD(lfd));
      break;
    }
    napi_set_element(env, arr, n++, connection(env, fd, &ss, len));
  }
  return arr;
}

/* acceptQueue(fd) -> { queued, max } | null
 * The accept queue of a listening TCP socket without accepting from it: for a
 * socket in LISTEN state Linux's TCP_INFO reports the connections waiting to
 * be accepted in tcpi_unacked and the backlog limit in tcpi_sacked. Unix
 * sockets have no such query (SIOCINQ on a unix listener is not its queue),
 * nor has a TCP socket that is not listening: both give null, and the caller
 * falls back to what it can see otherwise. */
static napi_value AcceptQueue(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  int fd, domain;
  if (corral_args(env, info, 1, argv, NULL) || corral_fd_arg(env, argv[0], &fd)) return NULL;
  socklen_t len = sizeof domain;
  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) != 0) return corral_throw_errno(env, errno, "getsockopt", ERRCTX_FD(fd));
  struct tcp_info ti;
  memset(&ti, 0, sizeof ti);
  len = sizeof ti;
  if ((domain != AF_INET && domain != AF_INET6) || getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) != 0 ||
      ti.tcpi_state != TCP_LISTEN) {
    napi_get_null(env, &r);
    return r;
  }
  napi_create_object(env, &r);
  corral_set(env, r, "queued", corral_int(env, ti.tcpi_unacked));
  corral_set(env, r, "max", corral_int(env, ti.tcpi_sacked));
  return r;
}

/* peerCredentials(fd) -> { pid, uid, gid }
 * SO_PEERCRED of a connected Unix socket: who is on the other end, as the
 * kernel recorded it at connect(2). The task socket lives in the abstract
 * namespace, which has no file permissions, so this is what keeps other
 * users out (spec CALL-13). */
static napi_value PeerCredentials(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  int fd;
  if (corral_args(env, info, 1, argv, NULL) || corral_fd_arg(env, argv[0], &fd)) return NULL;
  struct ucred cred;
  socklen_t len = sizeof cred;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return corral_throw_errno(env, errno, "getsockopt", ERRCTX_FD(fd));
  napi_create_object(env, &r);
  corral_set(env, r, "pid", corral_int(env, cred.pid));
  corral_set(env, r, "uid", corral_int(env, (int64_t)cred.uid));
  corral_set(env, r, "gid", corral_int(env, (int64_t)cred.gid));
  return r;
}

napi_status corral_init_sockets(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    DECLARE_FN("listenTcp", ListenTcp),
    DECLARE_FN("listenUnix", ListenUnix),
    DECLARE_FN("localAddress", LocalAddress),
    DECLARE_FN("listening", Listening),
    DECLARE_FN("acceptOne", AcceptOne),
    DECLARE_FN("acceptFd", AcceptFd),
    DECLARE_FN("acceptBatch", AcceptBatch),
    DECLARE_FN("acceptQueue", AcceptQueue),
    DECLARE_FN("peerCredentials", PeerCredentials),
    DECLARE_FN("connectUnix", ConnectUnix),
  };
  return napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
}
