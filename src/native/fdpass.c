/*
 * Descriptor passing over AF_UNIX sockets (SCM_RIGHTS).
 *
 * Use a dedicated socket for this: if libuv also reads the fd (a net.Socket
 * or a child_process IPC pipe), its read() consumes datagrams and the kernel
 * closes any descriptors attached to them, silently.
 *
 *   one datagram = [ data bytes ... ] + cmsg { SOL_SOCKET, SCM_RIGHTS, int fds[k] }
 *
 * On SOCK_SEQPACKET each sendmsg is one record, delivered whole or not at all,
 * so a frame and its fd can never be split or merged with the next frame.
 */
#include "corral.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* The kernel's SCM_MAX_FD: at most this many fds per message. */
#define MAX_FDS 253
#define STACK_BYTES 65536

typedef union {
  char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
  struct cmsghdr align;
} cmsgbuf;

/* seqpacketPair() -> [a, b]: both ends CLOEXEC and O_NONBLOCK. */
static napi_value SeqpacketPair(napi_env env, napi_callback_info info) {
  (void)info;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv) != 0)
    return corral_throw_errno(env, errno, "socketpair", ERRCTX_NONE);
  napi_value arr;
  napi_create_array_with_length(env, 2, &arr);
  napi_set_element(env, arr, 0, corral_int(env, sv[0]));
  napi_set_element(env, arr, 1, corral_int(env, sv[1]));
  return arr;
}

/* sendWithFds(sock, data, fds) -> true, or false when the socket would block
 * (nothing was sent). MSG_NOSIGNAL: a dead peer is EPIPE, not SIGPIPE. */
static napi_value SendWithFds(napi_env env, napi_callback_info info) {
  napi_value argv[3], r;
  int sock;
  bool is_ta = false, is_arr = false;
  if (corral_args(env, info, 3, argv, NULL) || corral_fd_arg(env, argv[0], &sock)) return NULL;

  uint32_t nfds = 0;
  napi_is_array(env, argv[2], &is_arr);
  if (!is_arr) return corral_throw_type(env, "fds must be an array of fds");
  napi_get_array_length(env, argv[2], &nfds);
  if (nfds > MAX_FDS) return corral_throw_type(env, "fds must hold at most 253 fds");
  /* Read the fd list before taking the data pointer: nothing may run JS
   * between taking that pointer and the sendmsg that uses it. */
  int fdv[MAX_FDS];
  for (uint32_t i = 0; i < nfds; i++) {
    napi_value v;
    if (napi_get_element(env, argv[2], i, &v) != napi_ok || corral_fd_arg(env, v, &fdv[i])) return NULL;
  }

  napi_typedarray_type type;
  size_t len = 0;
  void *data = NULL;
  napi_is_typedarray(env, argv[1], &is_ta);
  if (!is_ta || napi_get_typedarray_info(env, argv[1], &type, &len, &data, NULL, NULL) != napi_ok || type != napi_uint8_array)
    return corral_throw_type(env, "data must be a Uint8Array");
  /* An empty record would read as end-of-stream on the other side. */
  if (len == 0) return corral_throw_type(env, "data must not be empty");

  cmsgbuf cbuf;
  struct iovec iov = { data, len };
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (nfds > 0) {
    memset(&cbuf, 0, sizeof cbuf);
    msg.msg_control = cbuf.buf;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
    memcpy(CMSG_DATA(c), fdv, sizeof(int) * nfds);
  }

  ssize_t n;
  do n = sendmsg(sock, &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      napi_get_boolean(env, false, &r);
      return r;
    }
    return corral_throw_errno(env, errno, "sendmsg", ERRCTX_FD(sock));
  }
  /* Only a stream socket can take part of a message; the fds went with the
   * first byte, so the caller cannot simply retry. */
  if ((size_t)n != len) return corral_throw_code(env, "CORRAL_ERR_NATIVE", "sendmsg wrote part of the message (use a SOCK_SEQPACKET socket)");
  napi_get_boolean(env, true, &r);
  return r;
}

static void close_all(const int *fds, size_t n) {
  for (size_t i = 0; i < n; i++) close(fds[i]);
}

/*
 * recvWithFds(sock, maxBytes, maxFds) ->
 *   null                                  would block
 *   { data, fds, eof: false }             one message
 *   { data: <empty>, fds: [], eof: true } end of stream
 *   { truncated: 'control' | 'data' }     fds that arrived were closed
 * MSG_CMSG_CLOEXEC: received fds are close-on-exec from the first instant,
 * so a concurrent spawn cannot leak them into a child.
 */
static napi_value RecvWithFds(napi_env env, napi_callback_info info) {
  napi_value argv[3], r;
  int sock;
  int64_t max_bytes, max_fds;
  if (corral_args(env, info, 3, argv, NULL) || corral_fd_arg(env, argv[0], &sock) ||
      corral_int_arg(env, argv[1], "maxBytes", 1, 0x7fffffff, &max_bytes) ||
      corral_int_arg(env, argv[2], "maxFds", 0, MAX_FDS, &max_fds))
    return NULL;

  char stack[STACK_BYTES];
  char *buf = max_bytes <= STACK_BYTES ? stack : malloc((size_t)max_bytes);
  if (!buf) return corral_throw_errno(env, ENOMEM, "recvmsg", ERRCTX_FD(sock));

  cmsgbuf cbuf;
  struct iovec iov = { buf, (size_t)max_bytes };
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (max_fds > 0) {
    msg.msg_control = cbuf.buf;
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)max_fds);
  }

  ssize_t n;
  do n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    int err = errno;
    if (buf != stack) free(buf);
    if (err == EAGAIN || err == EWOULDBLOCK) {
      napi_get_null(env, &r);
      return r;
    }
    return corral_throw_errno(env, err, "recvmsg", ERRCTX_FD(sock));
  }

  /* Collect every SCM_RIGHTS fd first, so each failure path below can close them. */
  int fds[MAX_FDS];
  size_t nfds = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    const unsigned char *p = CMSG_DATA(c);
    for (size_t i = 0; i < k; i++, p += sizeof(int)) {
      int fd;
      memcpy(&fd, p, sizeof fd);
      if (nfds < MAX_FDS) fds[nfds++] = fd;
      else close(fd);
    }
  }

  /* CMSG_SPACE rounds up to 8 bytes, so the buffer can hold one fd more than
   * asked for (an odd maxFds); the limit is ours, enforce it exactly. */
  const char *truncated = ((msg.msg_flags & MSG_CTRUNC) || nfds > (size_t)max_fds) ? "control"
                          : (msg.msg_flags & MSG_TRUNC)                          ? "data"
                                                                                 : NULL;
  napi_value o;
  napi_create_object(env, &o);
  if (truncated) {
    /* A partial fd list cannot be matched to its frame, and a cut frame
     * cannot be decoded: drop the whole message rather than guess. */
    close_all(fds, nfds);
    if (buf != stack) free(buf);
    corral_set(env, o, "truncated", corral_str(env, truncated));
    corral_set(env, o, "closed", corral_int(env, (int64_t)nfds));
    corral_set(env, o, "bytes", corral_int(env, n));
    return o;
  }

  napi_value data, arr, eof;
  void *unused;
  napi_status st = napi_create_buffer_copy(env, (size_t)n, buf, &unused, &data);
  if (buf != stack) free(buf);
  if (st != napi_ok) {
    close_all(fds, nfds);
    return NULL;
  }
  napi_create_array_with_length(env, nfds, &arr);
  for (size_t i = 0; i < nfds; i++) napi_set_element(env, arr, (uint32_t)i, corral_int(env, fds[i]));
  napi_get_boolean(env, n == 0 && nfds == 0, &eof);
  corral_set(env, o, "data", data);
  corral_set(env, o, "fds", arr);
  corral_set(env, o, "eof", eof);
  return o;
}

/* sendDatagram(path, data): one AF_UNIX SOCK_DGRAM datagram to `path` (a
 * leading "\0" is the abstract namespace), as sd_notify(3) does. A fresh
 * socket per call: this is for rare status messages, not a data path. */
static napi_value SendDatagram(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  char path[sizeof(((struct sockaddr_un *)0)->sun_path) + 1], shown[sizeof path + 1];
  size_t len;
  bool is_ta = false;
  if (corral_args(env, info, 2, argv, NULL)) return NULL;
  if (napi_get_value_string_utf8(env, argv[0], NULL, 0, &len) != napi_ok || len == 0 || len >= sizeof path)
    return corral_throw_type(env, "path must be a non-empty string of at most 108 bytes");
  napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len);
  if (path[0] != '\0' && len >= sizeof path - 1) return corral_throw_type(env, "path must be a non-empty string of at most 108 bytes");
  if (path[0] == '\0') snprintf(shown, sizeof shown, "@%.*s", (int)len - 1, path + 1);
  else snprintf(shown, sizeof shown, "%s", path);
  errctx ctx = { shown, -1, shown, -1 };

  napi_typedarray_type type;
  size_t n = 0;
  void *data = NULL;
  napi_is_typedarray(env, argv[1], &is_ta);
  if (!is_ta || napi_get_typedarray_info(env, argv[1], &type, &n, &data, NULL, NULL) != napi_ok || type != napi_uint8_array)
    return corral_throw_type(env, "data must be a Uint8Array");

  struct sockaddr_un sa;
  memset(&sa, 0, sizeof sa);
  sa.sun_family = AF_UNIX;
  memcpy(sa.sun_path, path, len);
  socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + (path[0] != '\0'));
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return corral_throw_errno(env, errno, "socket", ctx);
  ssize_t r;
  do r = sendto(fd, data, n, MSG_NOSIGNAL, (struct sockaddr *)&sa, salen);
  while (r < 0 && errno == EINTR);
  int err = errno;
  close(fd);
  if (r < 0) return corral_throw_errno(env, err, "sendto", ctx);
  return NULL;
}

napi_status corral_init_fdpass(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
    DECLARE_FN("seqpacketPair", SeqpacketPair),
    DECLARE_FN("sendWithFds", SendWithFds),
    DECLARE_FN("recvWithFds", RecvWithFds),
    DECLARE_FN("sendDatagram", SendDatagram),
  };
  return napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
}
