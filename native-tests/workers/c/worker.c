/*
 * corral reference worker in C: libc only (POSIX plus Linux epoll and accept4).
 *
 * A socket worker for the corral protocol, version 1.1 (spec.md, and the
 * contract in the .proto files of proto/corral/v1), with accept.revoke; it
 * also works with a 1.0 arbiter. It serves a minimal HTTP/1.1: every
 * request gets "200 OK" with the body "hello from <pid>\n" and
 * "Connection: close".
 *
 * Build: make (or: cc -O2 -Wall -Wextra -o worker worker.c)
 * Run:   corral run -- ./worker, or corral conformance worker -- ./worker
 *
 * The file has four parts:
 *   1. protobuf: a varint/length-delimited encoder and a field reader
 *   2. framing and the control channel: a 4-byte big-endian length, then one Envelope
 *   3. accepting (arbiter lease, shared, exclusive, reuseport, handoff) and HTTP
 *   4. environment, signals and the poll() loop
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define IMPLEMENTATION "corral-c-ref/1.1"
#define CAPACITY 64                /* connections held at once (Hello.capacity) */
#define MAX_FRAME_BYTES 65536      /* the largest frame we accept (Hello.max_frame_bytes) */
#define HANDSHAKE_TIMEOUT_MS 10000 /* give up when no Welcome comes */
#define DRAIN_MARGIN_MS 100        /* give up a drain this long before its deadline */
#define MAX_REQUEST_HEAD 8192      /* answer once the request head is complete or this big */
#define MAX_LISTENERS 64
#define MAX_SAFE_ID 9007199254740991ULL /* 2^53 - 1: the largest handoff_id we take [MSG-7] */
/* Hello.versions: 1.1 only. The arbiter chooses the smaller of the two highest
 * minors [NEG-1], so this also gets a 1.0 arbiter, and every 1.1 addition is
 * guarded by a feature [HELLO-3]. */
#define VERSION_MINOR 1

/* Envelope body field numbers = message types (envelope.proto). */
enum { HELLO = 1, WELCOME = 2, READY = 3, HEARTBEAT = 4, ACCEPT_GRANT = 10, ACCEPT_DONE = 11,
       HANDOFF = 12, HANDOFF_ACK = 13, ACCEPT_REVOKE = 14 /* since 1.1 */, DRAIN = 20, STOP = 21, GOODBYE = 22, ERROR = 23,
       EXECUTE = 30, RESULT = 31, CHUNK = 32, END = 33, CANCEL = 34 };
/* Enum values from handshake.proto, accept.proto and lifecycle.proto. */
enum { KIND_SOCKET = 1 };
enum { ARBITER = 1, SHARED = 2, EXCLUSIVE = 3, REUSEPORT = 4, HANDOFF_STRATEGY = 5 };
enum { RELEASE_BATCH = 1, RELEASE_LOAD = 2, RELEASE_EXPIRED = 3, RELEASE_DRAINING = 4, RELEASE_ERROR = 5,
       RELEASE_REVOKED = 6 /* since 1.1, with accept.revoke */ };
enum { GOODBYE_DRAINED = 1, GOODBYE_STOPPED = 2, GOODBYE_SIGNAL = 3, GOODBYE_ERROR = 4 };
enum { FRAME_TOO_LARGE = 100, FRAME_EMPTY = 101, FRAME_TRUNCATED = 102, DECODE = 103,
       UNKNOWN_MESSAGE = 200, UNEXPECTED_MESSAGE = 201, VERSION_MISMATCH = 202,
       INVALID_FIELD = 206, GRANT_VIOLATION = 207, UNSUPPORTED_FEATURE = 208 };

static const char *const strategy_names[] = { "", "arbiter", "shared", "exclusive", "reuseport", "handoff" };

/* Hello.features: every feature we implement and no other [HELLO-6]. No
 * "tasks": this is a socket worker. Welcome.features is kept as a bit mask
 * over this array, bit k for features[k]. */
static const char *const features[] = { "accept.arbiter", "accept.shared", "accept.exclusive",
                                        "accept.reuseport", "accept.handoff", "accept.revoke",
                                        "load-report" };
enum { NFEATURES = sizeof features / sizeof *features };

/* The bit of a feature name (not NUL-terminated) in the mask; 0 if we don't offer it. */
static unsigned feature_bit(const char *name, size_t len) {
    for (int k = 0; k < NFEATURES; k++)
        if (strlen(features[k]) == len && memcmp(features[k], name, len) == 0) return 1u << k;
    return 0;
}
#define FEATURE_BIT(name) feature_bit(name, strlen(name))

static void logmsg(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, IMPLEMENTATION "[%d]: ", (int)getpid());
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ------------------------------------------------------------------------
 * 1. Protobuf by hand
 *
 * A field is a varint tag = (field number << 3) | wire type, then the value:
 * wire type 0 = varint, 2 = varint length + bytes (strings, sub-messages,
 * packed repeated scalars), 1 and 5 = 8 and 4 little-endian bytes, 3 and 4 =
 * start and end of a group (deprecated; skipped when it is an unknown field).
 * proto3 leaves out fields that have their default value (0, "").
 */
typedef struct { uint8_t *p; size_t len, cap; } pb_buf;
#define PB_BUF(array) { array, 0, sizeof(array) }

static void pb_byte(pb_buf *b, uint8_t c) {
    if (b->len < b->cap) b->p[b->len] = c;
    b->len++;                      /* past cap means overflow; the caller checks len <= cap */
}
static void pb_varint(pb_buf *b, uint64_t v) {
    for (; v > 0x7f; v >>= 7) pb_byte(b, (uint8_t)(v & 0x7f) | 0x80);
    pb_byte(b, (uint8_t)v);
}
static void pb_uint(pb_buf *b, uint32_t field, uint64_t v) {
    if (v) { pb_varint(b, (uint64_t)field << 3 | 0); pb_varint(b, v); }
}
static void pb_bytes(pb_buf *b, uint32_t field, const void *data, size_t n) {
    pb_varint(b, (uint64_t)field << 3 | 2);
    pb_varint(b, n);
    for (size_t i = 0; i < n; i++) pb_byte(b, ((const uint8_t *)data)[i]);
}
static void pb_string(pb_buf *b, uint32_t field, const char *s) {
    if (s && *s) pb_bytes(b, field, s, strlen(s));
}
static void pb_packed(pb_buf *b, uint32_t field, const uint64_t *v, int n) {
    uint8_t tmp[10 * 64];
    pb_buf t = PB_BUF(tmp);
    for (int i = 0; i < n; i++) pb_varint(&t, v[i]);
    if (n) pb_bytes(b, field, tmp, t.len);
}

typedef struct { const uint8_t *p, *end; } pb_reader;
typedef struct { uint32_t field; int wire; uint64_t num; const uint8_t *data; size_t len; } pb_field;

static int pb_read_varint(pb_reader *r, uint64_t *out) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {   /* at most 10 bytes */
        if (r->p >= r->end) return 0;
        uint8_t b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) { *out = v; return 1; }
    }
    return 0;
}

/* Read a field's tag: (field number << 3) | wire type. 0 on success, -1 if malformed. */
static int pb_tag(pb_reader *r, pb_field *f) {
    uint64_t tag;
    if (!pb_read_varint(r, &tag) || tag > 0xffffffffu || tag >> 3 == 0) return -1;
    f->field = (uint32_t)(tag >> 3);
    f->wire = (int)(tag & 7);
    f->num = 0;
    f->data = NULL;
    f->len = 0;
    return 0;
}

/* Read the value that follows a tag: 1 = done, -1 = malformed. */
static int pb_value(pb_reader *r, pb_field *f, int depth) {
    uint64_t len;
    pb_field g;
    switch (f->wire) {
    case 0:
        return pb_read_varint(r, &f->num) ? 1 : -1;
    case 1: case 5: {
        size_t size = f->wire == 1 ? 8 : 4;
        if ((size_t)(r->end - r->p) < size) return -1;
        for (size_t i = 0; i < size; i++) f->num |= (uint64_t)r->p[i] << (8 * i);
        r->p += size;
        return 1;
    }
    case 2:
        if (!pb_read_varint(r, &len) || len > (uint64_t)(r->end - r->p)) return -1;
        f->data = r->p;
        f->len = (size_t)len;
        r->p += len;
        return 1;
    case 3:
        /* A group (deprecated, proto2) is never a field we know. We skip it up
         * to its end-group tag (wire type 4, same field number). */
        if (depth >= 32) return -1;
        for (;;) {
            if (pb_tag(r, &g) < 0) return -1;        /* includes: input ended first */
            if (g.wire == 4) return g.field == f->field ? 1 : -1;
            if (pb_value(r, &g, depth + 1) < 0) return -1;
        }
    default:
        return -1;             /* 4 outside a group, 6, 7 */
    }
}

/* Read the next field: 1 = got one, 0 = end of message, -1 = malformed. */
static int pb_next(pb_reader *r, pb_field *f) {
    if (r->p >= r->end) return 0;
    if (pb_tag(r, f) < 0) return -1;
    return pb_value(r, f, 0);
}

/* A message without sub-messages, decoded by field number: varint field k
 * lands in num[k], a length-delimited one in str[k]/len[k]. Unknown fields
 * (k >= 8) are ignored. A field with an unexpected wire type is ignored too,
 * because its slot is never read. */
struct flat { uint64_t num[8]; const uint8_t *str[8]; size_t len[8]; };

static int decode_flat(pb_reader r, struct flat *m) {
    pb_field f;
    int rc;
    memset(m, 0, sizeof *m);
    while ((rc = pb_next(&r, &f)) > 0) {
        if (f.field >= 8) continue;
        if (f.wire == 0) m->num[f.field] = f.num;
        else if (f.wire == 2) { m->str[f.field] = f.data; m->len[f.field] = f.len; }
    }
    return rc;
}
static void flat_string(const struct flat *m, int k, char *out, size_t cap) {
    size_t n = m->len[k] < cap - 1 ? m->len[k] : cap - 1;
    if (n) memcpy(out, m->str[k], n);
    out[n] = '\0';
}

struct welcome {
    uint32_t major, minor, worker_id, heartbeat_ms, heartbeat_timeout_ms, max_frame, strategy, generation;
    uint32_t nlisteners;       /* entries in Welcome.listeners */
    int listeners_in_order;    /* their indexes are 0, 1, 2 ... */
    unsigned features;         /* bit mask over features[] */
    int unoffered;             /* features listed that we did not offer */
    char unoffered_name[64];   /* the first of them */
};

static int decode_welcome(pb_reader r, struct welcome *w) {
    pb_field f, g;
    int rc;
    memset(w, 0, sizeof *w);
    w->listeners_in_order = 1;
    while ((rc = pb_next(&r, &f)) > 0) {
        pb_reader sub = { f.data, f.data + f.len };
        if (f.wire == 2 && (f.field == 1 || f.field == 5)) {  /* Version, Listener */
            uint32_t index = 0;
            int rc2;
            while ((rc2 = pb_next(&sub, &g)) > 0)
                if (f.field == 1 && g.wire == 0 && g.field == 1) w->major = (uint32_t)g.num;
                else if (f.field == 1 && g.wire == 0 && g.field == 2) w->minor = (uint32_t)g.num;
                else if (f.field == 5 && g.wire == 0 && g.field == 1) index = (uint32_t)g.num;
            if (rc2 < 0) return -1;
            if (f.field == 5 && index != w->nlisteners++) w->listeners_in_order = 0;
        } else if (f.wire == 0 && f.field == 2) w->worker_id = (uint32_t)f.num;
        else if (f.wire == 0 && f.field == 3) w->heartbeat_ms = (uint32_t)f.num;
        else if (f.wire == 0 && f.field == 4) w->heartbeat_timeout_ms = (uint32_t)f.num;
        else if (f.wire == 0 && f.field == 6) w->max_frame = (uint32_t)f.num;
        else if (f.wire == 0 && f.field == 7) w->strategy = (uint32_t)f.num;
        else if (f.wire == 0 && f.field == 9) w->generation = (uint32_t)f.num;
        else if (f.wire == 2 && f.field == 8) {
            unsigned bit = feature_bit((const char *)f.data, f.len);
            w->features |= bit;
            if (!bit && !w->unoffered++)
                snprintf(w->unoffered_name, sizeof w->unoffered_name, "%.*s", (int)(f.len < 60 ? f.len : 60), (const char *)f.data);
        }
    }
    return rc;
}

/* ------------------------------------------------------------------------
 * 2. Framing and the control channel
 *
 *   +--------+--------+--------+--------+----------- ... -----------+
 *   |  N: payload length, uint32, big-endian |  N bytes: Envelope    |
 *   +--------+--------+--------+--------+----------- ... -----------+
 *
 * N = 0 is invalid (101). N is checked against the negotiated limit as soon as
 * the 4 length bytes arrive, before the payload is buffered (100).
 */
static int ctl_fd = -1;
static uint8_t inbuf[4 + MAX_FRAME_BYTES];
static size_t inlen;
static uint8_t outq[256 * 1024];           /* frames queued for the arbiter */
static size_t outlen;
static uint32_t max_frame = MAX_FRAME_BYTES;
static int welcomed;

static uint32_t be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static _Noreturn void arbiter_gone(const char *channel) {
    /* End of stream on either channel means that the arbiter is gone: exit at
     * once, without Goodbye [STOP-4], with 0 [EXIT-1], or 3 while the
     * handshake is not done [EXIT-2]. A partial frame is FRAME_TRUNCATED
     * (102), which is never sent: there is no one left to read it. */
    if (inlen) logmsg("error %d: end of stream inside a frame", FRAME_TRUNCATED);
    logmsg("%s channel closed: the arbiter is gone", channel);
    exit(welcomed ? 0 : 3);
}

static void flush_control(void) {
    size_t done = 0;
    while (done < outlen) {
        ssize_t n = send(ctl_fd, outq + done, outlen - done, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) break;   /* poll() tells us when to go on */
            arbiter_gone("control");
        }
        done += (size_t)n;
    }
    memmove(outq, outq + done, outlen - done);
    outlen -= done;
}

/* Queue one frame: [length][tag of the body field][body length][body]. */
static void send_msg(uint32_t type, const pb_buf *body) {
    uint8_t head[16];
    pb_buf h = PB_BUF(head);
    pb_varint(&h, (uint64_t)type << 3 | 2);
    pb_varint(&h, body->len);
    size_t envelope = h.len + body->len;
    if (body->len > body->cap || outlen + 4 + envelope > sizeof outq) {
        logmsg("control channel output overflow (the arbiter is not reading)");
        exit(1);
    }
    uint8_t *p = outq + outlen;
    p[0] = (uint8_t)(envelope >> 24); p[1] = (uint8_t)(envelope >> 16);
    p[2] = (uint8_t)(envelope >> 8);  p[3] = (uint8_t)envelope;
    memcpy(p + 4, head, h.len);
    memcpy(p + 4 + h.len, body->p, body->len);
    outlen += 4 + envelope;
    flush_control();
}

/* Push out what is queued (waiting at most linger_ms), then exit. */
static _Noreturn void linger_exit(int code, int linger_ms) {
    int64_t until = now_ms() + linger_ms;
    while (outlen && now_ms() < until) {
        struct pollfd p = { ctl_fd, POLLOUT, 0 };
        if (poll(&p, 1, (int)(until - now_ms())) > 0) flush_control();
    }
    exit(code);
}

static void send_goodbye(int reason, const char *detail);

static void send_error(uint32_t code, uint32_t message_type, int fatal, const char *fmt, ...) {
    char text[256];
    uint8_t buf[512];
    pb_buf b = PB_BUF(buf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    pb_uint(&b, 1, code);
    pb_string(&b, 2, text);
    pb_uint(&b, 3, fatal != 0);
    pb_uint(&b, 5, message_type);
    send_msg(ERROR, &b);
    if (fatal) {
        /* Fatal: say why, close, exit [ERR-5]. Before Welcome this is a failed
         * handshake, exit 3, and only the Error may be sent [HS-5, EXIT-2].
         * After it, Goodbye{ERROR} is the last word [ERR-10] and the status is
         * 1, never 3 or 4 once Ready is out [EXIT-4, EXIT-5]. */
        logmsg("protocol error %u: %s", code, text);
        if (!welcomed) linger_exit(3, 1000);
        char detail[300];
        snprintf(detail, sizeof detail, "error %u: %s", code, text);
        send_goodbye(GOODBYE_ERROR, detail);
        linger_exit(1, 1000);
    }
}

/* ------------------------------------------------------------------------
 * 3. Accepting and serving
 */
struct grant {                 /* an accept lease (arbiter strategy) */
    int active;
    uint32_t id, max_accepts, load_limit, accepted, would_block;
    int64_t expires;
};
struct conn {                  /* one HTTP connection: read the head, answer, close */
    int fd;                    /* -1 = free slot */
    int matched;               /* how much of "\r\n\r\n" we have seen in a row */
    size_t head_bytes, sent;
    int writing;
};

static int nlisteners, strategy, env_strategy, draining, load_report;
static uint32_t env_worker_id;   /* CORRAL_WORKER_ID, which Welcome.worker_id repeats */
static unsigned negotiated;      /* Welcome.features, a bit mask over features[] */
static int handoff_fd = -1, epoll_fd = -1;
static struct grant grants[MAX_LISTENERS];
static struct conn conns[CAPACITY];
static uint32_t in_flight, heartbeat_ms;   /* heartbeat_ms: from Welcome */
static uint64_t accepted_total, requests_total;
static int64_t deadline = -1;  /* of the handshake, later of a drain; -1 = none */
static int64_t next_heartbeat;
static char drain_why[128];
static char response[256];
static size_t response_len;

static void send_heartbeat(void) {
    uint8_t buf[64];
    pb_buf b = PB_BUF(buf);
    pb_uint(&b, 1, (uint64_t)now_ms());
    pb_uint(&b, 2, in_flight);
    pb_uint(&b, 3, CAPACITY);
    pb_uint(&b, 4, accepted_total);
    pb_uint(&b, 5, requests_total);
    send_msg(HEARTBEAT, &b);
    next_heartbeat = now_ms() + heartbeat_ms;
}

static void send_goodbye(int reason, const char *detail) {
    uint8_t buf[512];          /* detail is at most 300 bytes */
    pb_buf b = PB_BUF(buf);
    pb_uint(&b, 1, (uint64_t)reason);
    pb_string(&b, 2, detail);
    pb_uint(&b, 3, accepted_total);
    send_msg(GOODBYE, &b);     /* the last frame we send [EXIT-7] */
}

static _Noreturn void goodbye(int reason, const char *detail, int linger_ms) {
    send_goodbye(reason, detail);
    linger_exit(0, linger_ms);
}

static void take(int fd) {
    for (int i = 0; i < CAPACITY; i++) {
        if (conns[i].fd >= 0) continue;
        memset(&conns[i], 0, sizeof conns[i]);
        conns[i].fd = fd;
        in_flight++;
        accepted_total++;
        return;
    }
    close(fd);                 /* cannot happen: every path checks in_flight < CAPACITY first */
}

static void close_conn(struct conn *c) {
    int was_full = in_flight >= CAPACITY;
    close(c->fd);
    c->fd = -1;
    in_flight--;
    if (was_full && load_report && !draining)
        send_heartbeat();      /* load-report: tell the arbiter that we have room again */
    if (draining && in_flight == 0) goodbye(GOODBYE_DRAINED, drain_why, 1000);
}

static void on_conn(struct conn *c) {
    if (!c->writing) {
        char buf[4096];
        ssize_t n = recv(c->fd, buf, sizeof buf, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
        if (n <= 0) { close_conn(c); return; }
        for (ssize_t i = 0; i < n && c->matched < 4; i++)
            c->matched = buf[i] == "\r\n\r\n"[c->matched] ? c->matched + 1 : buf[i] == '\r';
        c->head_bytes += (size_t)n;
        if (c->matched < 4 && c->head_bytes < MAX_REQUEST_HEAD) return;
        c->writing = 1;        /* head complete: answer right away */
    }
    ssize_t n = send(c->fd, response + c->sent, response_len - c->sent, MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (n < 0) { close_conn(c); return; }
    c->sent += (size_t)n;
    if (c->sent == response_len) { requests_total++; close_conn(c); }
}

/* Whether listener i is in the poll set now. */
static int polling_listener(int i) {
    if (!welcomed || draining) return 0;
    if (strategy == ARBITER) return grants[i].active;   /* only with a grant, never otherwise */
    return (strategy == SHARED || strategy == REUSEPORT) && in_flight < CAPACITY;
}

static void release(int i, int reason) {
    /* Releasing = stop polling the listener, then send AcceptDone. The poll set
     * is rebuilt from grants[] on every loop turn, and events for an inactive
     * grant are skipped, so clearing `active` takes the listener out before the
     * arbiter hears of it. */
    struct grant *g = &grants[i];
    uint8_t buf[64];
    pb_buf b = PB_BUF(buf);
    g->active = 0;
    pb_uint(&b, 1, g->id);
    pb_uint(&b, 2, (uint32_t)i);
    pb_uint(&b, 3, g->accepted);
    pb_uint(&b, 4, g->would_block);
    pb_uint(&b, 5, in_flight);
    pb_uint(&b, 6, (uint64_t)reason);
    send_msg(ACCEPT_DONE, &b);
}

/* The checks made before each accept under a grant. Returns 1 when it releases. */
static int release_if_due(int i) {
    struct grant *g = &grants[i];
    int reason = g->accepted >= g->max_accepts ? RELEASE_BATCH
               : in_flight >= g->load_limit ? RELEASE_LOAD
               : now_ms() >= g->expires ? RELEASE_EXPIRED : 0;
    if (reason) release(i, reason);
    return reason != 0;
}

static void on_grant(const struct flat *m) {
    uint32_t i = (uint32_t)m->num[2];
    if (strategy != ARBITER)   /* accept.arbiter was negotiated, but this pool runs another strategy [HS-15] */
        send_error(UNEXPECTED_MESSAGE, 0, 1, "AcceptGrant in the %s strategy", strategy_names[strategy]);
    if (i >= (uint32_t)nlisteners || !(uint32_t)m->num[3] || !(uint32_t)m->num[5]) {
        /* Not fatal: refuse it, and still end it with AcceptDone, so that the
         * arbiter's books balance [ACCEPT-26]. The listener is never polled. */
        uint8_t buf[64];
        pb_buf b = PB_BUF(buf);
        send_error(INVALID_FIELD, 0, 0, "AcceptGrant{listener: %u, max_accepts: %u, lease_ms: %u} with %d listeners",
                   i, (uint32_t)m->num[3], (uint32_t)m->num[5], nlisteners);
        pb_uint(&b, 1, (uint32_t)m->num[1]);
        pb_uint(&b, 2, i);
        pb_uint(&b, 5, in_flight);
        pb_uint(&b, 6, RELEASE_ERROR);
        send_msg(ACCEPT_DONE, &b);
        return;
    }
    if (grants[i].active) {    /* not fatal, and the grant we hold is unaffected [ACCEPT-27] */
        send_error(GRANT_VIOLATION, 0, 0, "second grant for listener %u", i);
        return;
    }
    struct grant *g = &grants[i];
    memset(g, 0, sizeof *g);
    g->active = 1;
    g->id = (uint32_t)m->num[1];
    g->max_accepts = (uint32_t)m->num[3];
    /* release_load 0 means "capacity"; we can never hold more than capacity. */
    g->load_limit = (uint32_t)m->num[4] && (uint32_t)m->num[4] < CAPACITY ? (uint32_t)m->num[4] : CAPACITY;
    g->expires = now_ms() + (uint32_t)m->num[5];
    if (draining) release((int)i, RELEASE_DRAINING);
    else release_if_due((int)i);   /* otherwise the next poll() includes the listener */
}

static void on_revoke(const struct flat *m) {
    /* Only reached with accept.revoke negotiated; otherwise on_frame answered
     * 208 [ERR-18]. The arbiter has already ended the grant and may have
     * granted the listener to another worker. */
    uint32_t i = (uint32_t)m->num[2];
    if (i >= (uint32_t)nlisteners || !grants[i].active || grants[i].id != (uint32_t)m->num[1])
        return;   /* not held: it crossed our own AcceptDone, or names a grant we never had; ignored, no answer [ACCEPT-43] */
    /* release() clears `active`, so the listener is out of the next poll set
     * and main() skips its events of this turn: no accept follows [ACCEPT-42]. */
    release((int)i, RELEASE_REVOKED);
}

static void on_control(void);

static void accept_one(int i) {
    /* Arbiter strategy: one accept per readiness, after the release checks. */
    struct grant *g = &grants[i];
    if (negotiated & FEATURE_BIT("accept.revoke")) {
        /* Read the control channel once more, right before the accept
         * [ACCEPT-44]. main() already handled its events of this turn, but a
         * SIGSTOP can freeze us between poll() filling in revents and our
         * acting on them: revents say "listener readable, control quiet",
         * while the AcceptRevoke that came during the stop is waiting. One
         * recv() that finds nothing is the price. */
        on_control();
        if (!polling_listener(i)) return;   /* revoked (or drained) just now [ACCEPT-42] */
    }
    if (release_if_due(i)) return;
    int fd = accept4(3 + i, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) g->would_block++;
        else if (errno != EINTR && errno != ECONNABORTED) {
            logmsg("accept on listener %d: %s", i, strerror(errno));
            release(i, RELEASE_ERROR);
        }
        return;
    }
    g->accepted++;
    take(fd);
    /* Make the checks for the next accept now. A finished lease goes back at
     * once instead of waiting for another connection to arrive. */
    release_if_due(i);
}

static void accept_all(int i) {
    /* shared / reuseport / exclusive: accept until would-block, or until we are full. */
    while (in_flight < CAPACITY && !draining) {
        int fd = accept4(3 + i, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) { take(fd); continue; }
        if (errno == ECONNABORTED || errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) logmsg("accept: %s", strerror(errno));
        break;
    }
}

static void on_exclusive(void) {
    struct epoll_event ev[MAX_LISTENERS];
    int n = epoll_wait(epoll_fd, ev, MAX_LISTENERS, 0);
    for (int k = 0; k < n; k++) accept_all((int)ev[k].data.u32);
}

static const char *type_name(uint32_t t);
static int decode_envelope(const uint8_t *p, size_t n, uint32_t *type, pb_reader *body);

/* Parse a handoff datagram: 1 = a ConnectionHandoff, its id in *id; 0 = an
 * unknown message type, already answered (not fatal). Anything else wrong
 * with the frame is fatal, as on the control channel. */
static int parse_handoff(const uint8_t *data, ssize_t n, int flags, uint64_t *id) {
    uint32_t type;
    pb_reader body;
    struct flat m;
    if (flags & MSG_TRUNC) send_error(FRAME_TOO_LARGE, 0, 1, "handoff datagram larger than the frame limit"); /* HANDOFF-16 */
    if (n < 4 || be32(data) != (uint64_t)n - 4)                                                           /* HANDOFF-17 */
        send_error(DECODE, 0, 1, "handoff datagram of %zd bytes holds a frame of %u bytes", n, n < 4 ? 0 : be32(data));
    if (n == 4) send_error(FRAME_EMPTY, 0, 1, "zero-length handoff frame");
    int rc = decode_envelope(data + 4, (size_t)n - 4, &type, &body);
    if (rc < 0 || (rc == 0 && decode_flat(body, &m) < 0)) send_error(DECODE, 0, 1, "undecodable handoff frame");
    if (rc == 1) { send_error(UNKNOWN_MESSAGE, type, 0, "unknown message type %u", type); return 0; }     /* HANDOFF-19 */
    if (type != HANDOFF) send_error(UNEXPECTED_MESSAGE, 0, 1, "%s on the handoff channel", type_name(type)); /* HANDOFF-19 */
    /* Not 0 [HANDOFF-3], and exact as an IEEE double [MSG-7]; fatal [ERR-17]. */
    if (m.num[1] == 0 || m.num[1] > MAX_SAFE_ID)
        send_error(INVALID_FIELD, 0, 1, "handoff_id %llu is not within 1 .. 2^53 - 1", (unsigned long long)m.num[1]);
    *id = m.num[1];
    return 1;
}

static void on_handoff(void) {
    /* Handoff strategy: one datagram = one frame (length + Envelope{handoff})
     * plus exactly one fd in SCM_RIGHTS. What we read now is acknowledged in
     * one HandoffAck [HANDOFF-21, HANDOFF-22]. Errors about this channel go
     * out on the control channel [HANDOFF-28]; we never write to the handoff
     * channel [HANDOFF-27]. */
    static uint8_t data[4 + MAX_FRAME_BYTES];
    uint64_t acked[64], refused[64];
    int nacked = 0, nrefused = 0;
    while (nacked + nrefused < 64) {
        /* Room for 4 fds, so that a datagram with too many is seen as such
         * rather than as truncated. MSG_CMSG_CLOEXEC: each fd is close-on-exec
         * from its first instant [HANDOFF-14]. */
        union { struct cmsghdr align; char buf[CMSG_SPACE(sizeof(int) * 4)]; } ctrl;
        struct iovec iov = { data, 4 + max_frame };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctrl.buf,
                             .msg_controllen = sizeof ctrl.buf };
        ssize_t n = recvmsg(handoff_fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) break;
        int fds[4], nfds = 0;
        for (struct cmsghdr *c = n < 0 ? NULL : CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
            int k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            for (int j = 0; j < k && nfds < 4; j++) memcpy(&fds[nfds++], CMSG_DATA(c) + (size_t)j * sizeof(int), sizeof(int));
        }
        if (n <= 0 && nfds == 0) arbiter_gone("handoff");   /* end of stream [STOP-4] */
        uint64_t id = 0;
        int is_handoff = parse_handoff(data, n, mh.msg_flags, &id);   /* exits on a fatal error */
        if (nfds != 1 || (mh.msg_flags & MSG_CTRUNC)) {
            /* Not one fd: close whatever came, say so (not fatal), and refuse
             * the handoff if it decoded [HANDOFF-18]. */
            for (int j = 0; j < nfds; j++) close(fds[j]);
            send_error(INVALID_FIELD, 0, 0, "handoff datagram with %d descriptors%s", nfds,
                       mh.msg_flags & MSG_CTRUNC ? " (control data truncated)" : "");
            if (is_handoff) refused[nrefused++] = id;
            continue;
        }
        if (!is_handoff || draining || in_flight >= CAPACITY) {
            /* Our copy, untouched: the arbiter still holds its own and hands a
             * refused connection to another worker [HANDOFF-24, HANDOFF-26]. */
            close(fds[0]);
            if (is_handoff) refused[nrefused++] = id;
            continue;
        }
        /* Served from the next loop turn on, after the HandoffAck below has
         * gone out [HANDOFF-23]. */
        fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        take(fds[0]);
        acked[nacked++] = id;
    }
    if (nacked + nrefused) {
        uint8_t buf[10 * 64 * 2 + 32];
        pb_buf b = PB_BUF(buf);
        pb_packed(&b, 1, acked, nacked);
        pb_uint(&b, 2, in_flight);
        pb_packed(&b, 3, refused, nrefused);
        send_msg(HANDOFF_ACK, &b);
    }
}

/* ------------------------------------------------------------------------
 * Lifecycle and the messages from the arbiter
 */
static void start_drain(uint32_t deadline_ms, const char *why) {
    /* Drain and SIGTERM: release every grant (DRAINING), stop accepting,
     * finish what is in flight, then send Goodbye{DRAINED} and exit 0.
     * Past the deadline the arbiter kills us, so we close what is left just
     * before that [DRAIN-7]. Of two drains, the earlier deadline wins, and 0
     * means none [DRAIN-8]. */
    if (deadline_ms) {
        int64_t cut = now_ms() + (deadline_ms > DRAIN_MARGIN_MS ? deadline_ms - DRAIN_MARGIN_MS : 0);
        if (deadline < 0 || cut < deadline) deadline = cut;
    }
    if (draining) return;
    draining = 1;
    snprintf(drain_why, sizeof drain_why, "%s", why);
    for (int i = 0; i < nlisteners; i++)
        if (grants[i].active) release(i, RELEASE_DRAINING);
    if (in_flight == 0) goodbye(GOODBYE_DRAINED, drain_why, 1000);
}

static void on_welcome(pb_reader body) {
    /* Every problem with Welcome is a failed handshake: Error{fatal}, then
     * exit 3 [EXIT-2]. */
    struct welcome w;
    if (decode_welcome(body, &w) < 0) send_error(DECODE, 0, 1, "undecodable Welcome");
    if (w.major != 1 || w.minor > VERSION_MINOR)   /* not a version we could have listed [NEG-5]; 1.0 is fine (NEG-1) */
        send_error(VERSION_MISMATCH, 0, 1, "arbiter chose %u.%u; this worker speaks 1.%d", w.major, w.minor, VERSION_MINOR);
    if (w.strategy > HANDOFF_STRATEGY)         /* COMPAT-7 */
        send_error(INVALID_FIELD, 0, 1, "unknown accept strategy %u", w.strategy);
    if (w.unoffered)                           /* NEG-9 */
        send_error(INVALID_FIELD, 0, 1, "Welcome.features lists %s, which Hello did not offer", w.unoffered_name);
    /* The strategy must be the one CORRAL_ACCEPT named [NEG-12], and its
     * feature (features[strategy - 1]) negotiated [NEG-7]. Since
     * Welcome.features only lists what we offered, this also rejects a
     * strategy our Hello did not declare. */
    if (w.strategy != (uint32_t)env_strategy || !(w.features & FEATURE_BIT(features[env_strategy - 1])))
        send_error(UNSUPPORTED_FEATURE, 0, 1, "Welcome.strategy %s, but CORRAL_ACCEPT=%s",
                   w.strategy ? strategy_names[w.strategy] : "UNSPECIFIED", strategy_names[env_strategy]);
    /* Values the spec forbids [ERR-17]. */
    if (w.worker_id != env_worker_id)          /* WELCOME-1 */
        send_error(INVALID_FIELD, 0, 1, "Welcome.worker_id %u, CORRAL_WORKER_ID %u", w.worker_id, env_worker_id);
    if (w.heartbeat_ms < 1 || (w.heartbeat_timeout_ms && w.heartbeat_timeout_ms < 2ull * w.heartbeat_ms))   /* WELCOME-2 */
        send_error(INVALID_FIELD, 0, 1, "heartbeat_interval_ms %u, heartbeat_timeout_ms %u", w.heartbeat_ms, w.heartbeat_timeout_ms);
    if (w.max_frame < 1 || w.max_frame > MAX_FRAME_BYTES)   /* NEG-4: at most what we offered */
        send_error(INVALID_FIELD, 0, 1, "Welcome.max_frame_bytes %u", w.max_frame);
    if (w.generation < 1)                      /* WELCOME-7 */
        send_error(INVALID_FIELD, 0, 1, "Welcome.generation 0");
    /* In the handoff strategy the list describes the arbiter's listeners
     * [WELCOME-4], which we can't check; otherwise, exactly ours [WELCOME-3]. */
    if (w.strategy != HANDOFF_STRATEGY && (w.nlisteners != (uint32_t)nlisteners || !w.listeners_in_order))
        send_error(INVALID_FIELD, 0, 1, "Welcome.listeners has %u entries for %d listeners", w.nlisteners, nlisteners);
    max_frame = w.max_frame;                   /* for both channels, from now on [NEG-15] */
    heartbeat_ms = w.heartbeat_ms;
    negotiated = w.features;
    /* A feature of a minor above the chosen one cannot be in use: an arbiter
     * should have left it out [NEG-3]; if it did not, we still treat it as not
     * negotiated, since its messages and enum values do not exist in that
     * version [NEG-6, COMPAT-8]. */
    if (w.minor < 1) negotiated &= ~FEATURE_BIT("accept.revoke");
    load_report = (w.features & FEATURE_BIT("load-report")) != 0;
    strategy = (int)w.strategy;
    if (strategy == EXCLUSIVE) {
        /* EPOLLEXCLUSIVE can only be set on an epoll of our own. That epoll's fd
         * is what poll() watches, and one readiness wakes one worker. */
        epoll_fd = epoll_create1(EPOLL_CLOEXEC);
        for (int i = 0; i < nlisteners; i++) {
            struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE, .data.u32 = (uint32_t)i };
            if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, 3 + i, &ev) < 0)
                send_error(UNSUPPORTED_FEATURE, 0, 1, "EPOLLEXCLUSIVE: %s", strerror(errno));
        }
    }
    welcomed = 1;
    deadline = -1;
    /* The application (a constant string) is loaded, so we are ready. */
    uint8_t buf[16];
    pb_buf b = PB_BUF(buf);
    pb_uint(&b, 1, CAPACITY);
    send_msg(READY, &b);
    next_heartbeat = now_ms() + heartbeat_ms;
}

static const char *type_name(uint32_t t) {
    switch (t) {
    case HELLO: return "Hello"; case WELCOME: return "Welcome"; case READY: return "Ready";
    case HEARTBEAT: return "Heartbeat"; case ACCEPT_GRANT: return "AcceptGrant";
    case ACCEPT_DONE: return "AcceptDone"; case HANDOFF: return "ConnectionHandoff";
    case HANDOFF_ACK: return "HandoffAck"; case ACCEPT_REVOKE: return "AcceptRevoke";
    case DRAIN: return "Drain"; case STOP: return "Stop";
    case GOODBYE: return "Goodbye"; case ERROR: return "Error"; case EXECUTE: return "Execute";
    case RESULT: return "Result"; case CHUNK: return "Chunk"; case END: return "End";
    case CANCEL: return "Cancel"; default: return "?";
    }
}

/* 0 and the body; 1 for an unknown message type (*type = its field number); -1 if undecodable. */
static int decode_envelope(const uint8_t *p, size_t n, uint32_t *type, pb_reader *body) {
    pb_reader r = { p, p + n };
    pb_field f;
    uint32_t unknown = 0;
    int rc, have = 0;
    while ((rc = pb_next(&r, &f)) > 0) {
        int known = (f.field >= HELLO && f.field <= HEARTBEAT) || (f.field >= ACCEPT_GRANT && f.field <= ACCEPT_REVOKE) ||
                    (f.field >= DRAIN && f.field <= ERROR) || (f.field >= EXECUTE && f.field <= CANCEL);
        if (known) {
            if (f.wire != 2) return -1;
            *type = f.field;   /* a oneof: if several bodies come, the last one wins */
            body->p = f.data;
            body->end = f.data + f.len;
            have = 1;
        } else if (!unknown) {
            unknown = f.field;
        }
    }
    if (rc < 0) return -1;
    if (!have) { *type = unknown; return 1; }
    return 0;
}

/* The feature an arbiter-to-worker message belongs to [ERR-18], or NULL. */
static const char *feature_of(uint32_t type) {
    switch (type) {
    case ACCEPT_GRANT: return "accept.arbiter";
    case ACCEPT_REVOKE: return "accept.revoke";
    case HANDOFF: return "accept.handoff";
    case EXECUTE: case CANCEL: return "tasks";
    default: return NULL;
    }
}

static void on_frame(const uint8_t *p, size_t n) {
    uint32_t type;
    pb_reader body;
    struct flat m;
    char text[128];
    int rc = decode_envelope(p, n, &type, &body);
    if (rc == 1 && !welcomed) {
        /* No version is chosen before Welcome, so no later type can be in use:
         * fatal, and nothing but a fatal Error is sent [HS-5, HS-6]. */
        send_error(UNEXPECTED_MESSAGE, 0, 1, "unknown message type %u before Welcome", type);
        return;
    }
    if (rc == 1) {
        /* A message type from a newer minor version or an extension: say so,
         * never drop it silently, and carry on [COMPAT-2, COMPAT-4]. */
        send_error(UNKNOWN_MESSAGE, type, 0, "unknown message type %u", type);
        return;
    }
    /* Every body must at least be well-formed protobuf, even one we don't read. */
    if (rc < 0 || decode_flat(body, &m) < 0)
        send_error(DECODE, 0, 1, "undecodable envelope");
    if (!welcomed) {
        if (type == WELCOME) {
            on_welcome(body);
        } else if (type == ERROR) {
            /* The fatal flag alone decides, whatever the code [ERR-7]. */
            flat_string(&m, 2, text, sizeof text);
            logmsg("arbiter error %u during the handshake: %s", (uint32_t)m.num[1], text);
            if (m.num[3]) exit(3);
        } else {
            send_error(UNEXPECTED_MESSAGE, 0, 1, "%s before Welcome", type_name(type));   /* HS-6 */
        }
        return;
    }
    /* A message of a feature that was not negotiated is answered, not fatal,
     * and otherwise ignored [ERR-18]. We never offer "tasks", so Execute and
     * Cancel always end here. */
    const char *feature = feature_of(type);
    if (feature && !(negotiated & FEATURE_BIT(feature))) {
        send_error(UNSUPPORTED_FEATURE, 0, 0, "%s needs %s, which was not negotiated", type_name(type), feature);
        return;
    }
    switch (type) {
    case ACCEPT_GRANT:
        on_grant(&m);
        break;
    case ACCEPT_REVOKE:
        on_revoke(&m);
        break;
    case DRAIN:
        flat_string(&m, 2, text, sizeof text);
        start_drain((uint32_t)m.num[1], text[0] ? text : "drain");
        break;
    case STOP:         /* Goodbye on a best-effort basis, then exit at once */
        flat_string(&m, 1, text, sizeof text);
        goodbye(GOODBYE_STOPPED, text, 100);
        break;
    case ERROR:
        /* Logged, never answered [ERR-8, ERR-9]; the fatal flag alone decides
         * [ERR-7]. After a fatal one the arbiter closes the channel and we exit
         * as if it were gone, but with 1: this is a failure [ERR-6, EXIT-4]. */
        flat_string(&m, 2, text, sizeof text);
        logmsg("arbiter error %u: %s", (uint32_t)m.num[1], text);
        if (m.num[3]) exit(1);
        break;
    default:
        /* A second Welcome [HS-14], a worker-to-arbiter message, or a
         * ConnectionHandoff on the control channel [HS-15]. */
        send_error(UNEXPECTED_MESSAGE, 0, 1, "a worker does not expect %s on the control channel", type_name(type));
    }
}

static void on_control(void) {
    /* Read until the socket is empty, not just once: every frame that was
     * readable when poll() returned must be handled before main() gets to a
     * listener event of the same turn and accepts [ACCEPT-44]. */
    for (;;) {
        ssize_t n = recv(ctl_fd, inbuf + inlen, sizeof inbuf - inlen, MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
        if (n <= 0) arbiter_gone("control");
        inlen += (size_t)n;
        size_t off = 0;
        while (inlen - off >= 4) {
            uint32_t size = be32(inbuf + off);
            if (size == 0) send_error(FRAME_EMPTY, 0, 1, "zero-length frame");
            if (size > max_frame) send_error(FRAME_TOO_LARGE, 0, 1, "frame of %u bytes exceeds the limit of %u", size, max_frame);
            if (inlen - off < 4 + (size_t)size) break;
            off += 4 + size;
            on_frame(inbuf + off - size, size);
        }
        /* A frame is at most max_frame bytes, so a partial one always fits after this. */
        memmove(inbuf, inbuf + off, inlen - off);
        inlen -= off;
    }
}

/* ------------------------------------------------------------------------
 * 4. Environment, signals and the loop (spec.md sections 2.1 to 2.4)
 *
 *   fd 3 .. 3+n-1         listening sockets; LISTEN_FDS=n, LISTEN_FDNAMES, LISTEN_PID=<our pid>
 *   CORRAL_PROTOCOL       1
 *   CORRAL_CONTROL_FD     AF_UNIX SOCK_STREAM, the control channel (3+n)
 *   CORRAL_HANDOFF_FD     AF_UNIX SOCK_SEQPACKET, handoff strategy only (3+n+1)
 *   CORRAL_WORKER_ID      the id that Welcome.worker_id repeats
 *   CORRAL_ACCEPT         arbiter | shared | exclusive | reuseport | handoff
 *   CORRAL_ARBITER_PID    the arbiter's pid
 *
 * Anything missing or malformed is a boot failure: exit 3 with a message on
 * stderr [ENV-18, EXIT-2].
 */
extern char **environ;

static _Noreturn void boot_failure(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, IMPLEMENTATION "[%d]: bad environment: ", (int)getpid());
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(3);
}

static void require_socket(int fd, const char *what) {
    struct stat st;
    if (fstat(fd, &st) < 0) boot_failure("%s: fd %d is not open", what, fd);
    if (!S_ISSOCK(st.st_mode)) boot_failure("%s: fd %d is not a socket", what, fd);
}

static long env_number(const char *name) {
    const char *raw = getenv(name);
    if (!raw) boot_failure("%s is not set", name);
    /* Decimal digits, no sign, spaces or leading zeros [ENV-13]. */
    size_t len = strlen(raw);
    if (!len || len > 9 || strspn(raw, "0123456789") != len || (raw[0] == '0' && len > 1))
        boot_failure("%s='%s' is not a decimal number", name, raw);
    return strtol(raw, NULL, 10);
}

static void read_environment(void) {
    const char *protocol = getenv("CORRAL_PROTOCOL"), *accept = getenv("CORRAL_ACCEPT");
    if (!protocol)   /* not started by an arbiter: ENV-16 lets us run without the protocol, but we have nothing to do */
        boot_failure("CORRAL_PROTOCOL is not set; this program must be started by a corral arbiter");
    if (strcmp(protocol, "1") != 0)
        boot_failure("CORRAL_PROTOCOL='%s'; this worker speaks protocol 1 only", protocol);   /* ENV-17 */
    if (getenv("LISTEN_FDS")) {
        nlisteners = (int)env_number("LISTEN_FDS");
        if (nlisteners > MAX_LISTENERS) boot_failure("LISTEN_FDS=%d: at most %d listeners", nlisteners, MAX_LISTENERS);
        const char *names = getenv("LISTEN_FDNAMES");
        int nnames = 1;
        for (const char *c = names ? names : ""; *c; c++) nnames += *c == ':';
        if (nlisteners && (!names || nnames != nlisteners))
            boot_failure("LISTEN_FDNAMES='%s' does not name %d listeners", names ? names : "", nlisteners);
        /* Listeners meant for another process are not ours to use [ENV-19]. */
        if (env_number("LISTEN_PID") != (long)getpid())
            boot_failure("LISTEN_PID=%s but this process is %d", getenv("LISTEN_PID"), (int)getpid());
    }
    for (env_strategy = ARBITER; env_strategy <= HANDOFF_STRATEGY; env_strategy++)
        if (accept && strcmp(accept, strategy_names[env_strategy]) == 0) break;
    if (env_strategy > HANDOFF_STRATEGY)
        boot_failure("CORRAL_ACCEPT='%s' is not one of arbiter, shared, exclusive, reuseport, handoff", accept ? accept : "");
    env_worker_id = (uint32_t)env_number("CORRAL_WORKER_ID");
    env_number("CORRAL_ARBITER_PID");
    ctl_fd = (int)env_number("CORRAL_CONTROL_FD");
    if (ctl_fd != 3 + nlisteners)
        boot_failure("CORRAL_CONTROL_FD=%d, but with %d listeners it is %d", ctl_fd, nlisteners, 3 + nlisteners);
    if (env_strategy == HANDOFF_STRATEGY) {
        handoff_fd = (int)env_number("CORRAL_HANDOFF_FD");
        if (handoff_fd != ctl_fd + 1)
            boot_failure("CORRAL_HANDOFF_FD=%d, but it is %d, after the control channel", handoff_fd, ctl_fd + 1);
    }
    for (int i = 0; i < nlisteners; i++) {
        char what[32];
        snprintf(what, sizeof what, "listener %d", i);
        require_socket(3 + i, what);
    }
    require_socket(ctl_fd, "CORRAL_CONTROL_FD");
    if (handoff_fd >= 0) require_socket(handoff_fd, "CORRAL_HANDOFF_FD");
    /* The arbiter cleared close-on-exec to pass these fds to us. We set it
     * again, so that nothing we start inherits them [SEC-3, SEC-2]. */
    for (int i = 0; i < nlisteners; i++) fcntl(3 + i, F_SETFD, FD_CLOEXEC);
    fcntl(ctl_fd, F_SETFD, FD_CLOEXEC);
    if (handoff_fd >= 0) fcntl(handoff_fd, F_SETFD, FD_CLOEXEC);
    /* The listeners should arrive non-blocking [PROC-4]; we make sure, since
     * an accept() that blocks would stall everything. Their O_NONBLOCK is
     * shared with every other worker: setting it is harmless, clearing it is
     * forbidden [PROC-11]. The control channel end is ours alone [PROC-12]. */
    for (int i = 0; i < nlisteners; i++) fcntl(3 + i, F_SETFL, fcntl(3 + i, F_GETFL) | O_NONBLOCK);
    fcntl(ctl_fd, F_SETFL, fcntl(ctl_fd, F_GETFL) | O_NONBLOCK);
    /* Programs we might start must not take these for their own [ENV-20].
     * unsetenv() changes environ, so start over after each one. */
    for (char **e = environ; *e; ) {
        char name[128];
        size_t len = strcspn(*e, "=");
        if ((strncmp(*e, "LISTEN_", 7) != 0 && strncmp(*e, "CORRAL_", 7) != 0) || len >= sizeof name) { e++; continue; }
        memcpy(name, *e, len);
        name[len] = '\0';
        unsetenv(name);
        e = environ;
    }
}

/* Signals: the handler writes the signal number into a pipe that poll() watches. */
static int sig_pipe[2];
static void on_signal_raw(int sig) {
    int saved = errno;
    unsigned char c = (unsigned char)sig;
    (void)!write(sig_pipe[1], &c, 1);
    errno = saved;
}

static void on_signal(void) {
    unsigned char sigs[16];
    ssize_t n = read(sig_pipe[0], sigs, sizeof sigs);
    for (ssize_t i = 0; i < n; i++) {
        if (sigs[i] == SIGTERM) {              /* graceful: the same as Drain */
            if (!welcomed) exit(0);
            start_drain(0, "SIGTERM");
        } else {                                /* SIGINT, SIGQUIT: stop now */
            if (welcomed) goodbye(GOODBYE_SIGNAL, sigs[i] == SIGINT ? "SIGINT" : "SIGQUIT", 100);
            exit(0);
        }
    }
}

static void on_timers(void) {
    int64_t now = now_ms();
    if (!welcomed) {
        if (now >= deadline) { logmsg("no Welcome within %d ms", HANDSHAKE_TIMEOUT_MS); exit(3); }
        return;
    }
    if (deadline >= 0 && now >= deadline) {
        char detail[192];
        snprintf(detail, sizeof detail, "%s: deadline passed, closed %u connections", drain_why, in_flight);
        for (int i = 0; i < CAPACITY; i++)
            if (conns[i].fd >= 0) { close(conns[i].fd); conns[i].fd = -1; }
        in_flight = 0;
        goodbye(GOODBYE_DRAINED, detail, 1000);
    }
    for (int i = 0; i < nlisteners; i++)
        if (grants[i].active && now >= grants[i].expires) release_if_due(i);
    if (now >= next_heartbeat) send_heartbeat();
}

static int next_timeout(void) {
    int64_t wake = deadline;
    if (welcomed) {
        if (wake < 0 || next_heartbeat < wake) wake = next_heartbeat;
        for (int i = 0; i < nlisteners; i++)
            if (grants[i].active && grants[i].expires < wake) wake = grants[i].expires;
    }
    if (wake < 0) return -1;
    int64_t left = wake - now_ms();
    return left < 0 ? 0 : left > 60000 ? 60000 : (int)left;
}

enum { SRC_SIGNAL, SRC_CONTROL, SRC_HANDOFF, SRC_EPOLL, SRC_LISTENER, SRC_CONN };

int main(void) {
    read_environment();
    for (int i = 0; i < CAPACITY; i++) conns[i].fd = -1;
    int body = snprintf(response, sizeof response, "hello from %d\n", (int)getpid());
    response_len = (size_t)snprintf(response, sizeof response,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
        "Connection: close\r\n\r\nhello from %d\n", body, (int)getpid());

    if (pipe2(sig_pipe, O_NONBLOCK | O_CLOEXEC) < 0) { logmsg("pipe2: %s", strerror(errno)); return 1; }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal_raw;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);  /* a write to a closed connection fails with EPIPE instead [SIG-4] */
    /* SIGHUP is the arbiter's reload, and a closing terminal sends it to the
     * whole process group: not for us [SIG-3]. */
    signal(SIGHUP, SIG_IGN);

    /* Hello comes first, before anything else on the control channel [HELLO-1]. */
    uint8_t buf[512], version[8];
    pb_buf b = PB_BUF(buf), v = PB_BUF(version);
    pb_uint(&v, 1, 1);                        /* Version{major: 1, minor: 1} */
    pb_uint(&v, 2, VERSION_MINOR);
    pb_bytes(&b, 1, version, v.len);
    pb_uint(&b, 2, KIND_SOCKET);
    pb_uint(&b, 3, (uint64_t)getpid());
    for (int i = 0; i < NFEATURES; i++) pb_string(&b, 4, features[i]);
    pb_uint(&b, 5, MAX_FRAME_BYTES);
    pb_string(&b, 6, IMPLEMENTATION);
    pb_uint(&b, 7, CAPACITY);
    send_msg(HELLO, &b);
    deadline = now_ms() + HANDSHAKE_TIMEOUT_MS;

    for (;;) {
        /* The poll set is rebuilt on every turn from the state. A listener is in
         * it only while polling_listener() says so. */
        struct pollfd pfd[4 + MAX_LISTENERS + CAPACITY];
        int src[4 + MAX_LISTENERS + CAPACITY], idx[4 + MAX_LISTENERS + CAPACITY], n = 0;
#define WATCH(fd_, events_, src_, idx_) \
        (pfd[n] = (struct pollfd){ (fd_), (events_), 0 }, src[n] = (src_), idx[n] = (idx_), n++)
        /* The control channel comes before every listener, and the events are
         * handled in this order: an AcceptRevoke that was readable in this
         * turn is read before the listener's event can lead to an accept. A
         * holder resumed from SIGSTOP finds both readable at once [ACCEPT-44]. */
        WATCH(sig_pipe[0], POLLIN, SRC_SIGNAL, 0);
        WATCH(ctl_fd, POLLIN | (outlen ? POLLOUT : 0), SRC_CONTROL, 0);
        if (welcomed && strategy == HANDOFF_STRATEGY && handoff_fd >= 0) WATCH(handoff_fd, POLLIN, SRC_HANDOFF, 0);
        if (welcomed && strategy == EXCLUSIVE && !draining && in_flight < CAPACITY)
            WATCH(epoll_fd, POLLIN, SRC_EPOLL, 0);
        for (int i = 0; i < nlisteners; i++)
            if (polling_listener(i)) WATCH(3 + i, POLLIN, SRC_LISTENER, i);
        for (int i = 0; i < CAPACITY; i++)
            if (conns[i].fd >= 0) WATCH(conns[i].fd, conns[i].writing ? POLLOUT : POLLIN, SRC_CONN, i);

        if (poll(pfd, (nfds_t)n, next_timeout()) < 0 && errno != EINTR) {
            logmsg("poll: %s", strerror(errno));
            return 1;
        }
        for (int k = 0; k < n; k++) {
            if (!pfd[k].revents) continue;
            switch (src[k]) {
            case SRC_SIGNAL: on_signal(); break;
            case SRC_CONTROL:
                if (pfd[k].revents & POLLOUT) flush_control();
                if (pfd[k].revents & ~POLLOUT) on_control();
                break;
            case SRC_HANDOFF: if (handoff_fd >= 0) on_handoff(); break;
            case SRC_EPOLL: if (!draining) on_exclusive(); break;
            case SRC_LISTENER:
                /* An earlier event in this turn may have released or revoked the
                 * grant, or drained us [ACCEPT-44]. */
                if (!polling_listener(idx[k])) break;
                if (strategy == ARBITER) accept_one(idx[k]); else accept_all(idx[k]);
                break;
            case SRC_CONN:
                /* The slot may have been closed, and even reused, earlier in this turn. */
                if (conns[idx[k]].fd == pfd[k].fd) on_conn(&conns[idx[k]]);
                break;
            }
        }
        on_timers();
    }
}
