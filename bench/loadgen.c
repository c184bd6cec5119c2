/*
 * loadgen: a small HTTP/1.1 load generator for `corral bench herd`.
 *
 * Why not wrk or a Node client: on a 2-core machine the client competes with
 * the pool for CPU, so it must be cheap (one thread, one epoll set), and it
 * must attribute each connection to the worker that answered it ("hello from
 * <pid>") to compute fairness for every kind of pool, nginx included.
 *
 * Modes (loopback only; every run is bounded in count and in time):
 *   close      N connections, K in flight, one request each (Connection: close)
 *              --rate R makes it open loop: a new connection every 1/R s,
 *              at most K in flight (later arrivals wait, their clock running)
 *   keepalive  K connections, R requests each, one request in flight per connection
 *   burst      B bursts of K simultaneous connects, --pause-ms between bursts
 *
 * Latency: connection start (connect(2), or the scheduled arrival time in open
 * loop) to the first response byte; in keepalive, request write to first byte.
 * Values go into a log-linear histogram (HdrHistogram layout, 64 sub-buckets
 * per power of two: under 1.6 % error). Closed loop hides stalls (a slot that
 * stalls sends nothing meanwhile: coordinated omission), so the reported
 * figures are corrected the way HdrHistogram's recordValueWithExpectedInterval
 * and wrk do it: with I = the mean time one slot takes per connection, a value
 * V >= 2I also counts V-I, V-2I, ... down to I, the samples the stall kept
 * from being sent. The raw figures are printed as well. Open loop measures
 * from the schedule, which needs no correction; bursts are not corrected.
 *
 * Output: one JSON line on stdout (see print_report).
 *
 * Build: cc -O2 -Wall -o loadgen bench/loadgen.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* ---- histogram ------------------------------------------------------------
 * index = v                                   for v < 128
 *       = 128 + (s-1)*64 + (v >> s) - 64       for v >= 128, s = floor(log2 v) - 6
 * so each power of two above 128 has 64 equal sub-buckets. Values are ns.
 */
#define SUB_BITS 7
#define SUB_COUNT (1 << SUB_BITS)
#define HALF (SUB_COUNT / 2)
#define MAX_SHIFT 40
#define NBUCKETS (SUB_COUNT + MAX_SHIFT * HALF)

typedef struct {
  uint64_t counts[NBUCKETS];
  uint64_t total;
  uint64_t max;
  double sum;
} hist_t;

static int hist_index(uint64_t v) {
  if (v < SUB_COUNT) return (int)v;
  int s = 63 - __builtin_clzll(v) - (SUB_BITS - 1);
  if (s > MAX_SHIFT) s = MAX_SHIFT, v = ((uint64_t)SUB_COUNT << MAX_SHIFT) - 1;
  return SUB_COUNT + (s - 1) * HALF + (int)(v >> s) - HALF;
}

/* The middle of a bucket's value range. */
static uint64_t hist_value(int i) {
  if (i < SUB_COUNT) return (uint64_t)i;
  int s = (i - SUB_COUNT) / HALF + 1;
  uint64_t sub = (uint64_t)((i - SUB_COUNT) % HALF + HALF);
  return (sub << s) + ((1ull << s) >> 1);
}

static void hist_add(hist_t *h, uint64_t v, uint64_t n) {
  h->counts[hist_index(v)] += n;
  h->total += n;
  h->sum += (double)v * (double)n;
  if (v > h->max) h->max = v;
}

static uint64_t hist_percentile(const hist_t *h, double p) {
  if (h->total == 0) return 0;
  uint64_t want = (uint64_t)((p / 100.0) * (double)h->total + 0.5);
  if (want < 1) want = 1;
  if (want > h->total) want = h->total;
  uint64_t seen = 0;
  for (int i = 0; i < NBUCKETS; i++) {
    seen += h->counts[i];
    if (seen >= want) {
      uint64_t v = hist_value(i);
      return v > h->max ? h->max : v;
    }
  }
  return h->max;
}

/* wrk's stats_correct / HdrHistogram's copyCorrectedForCoordinatedOmission. */
static void hist_correct(const hist_t *raw, hist_t *out, uint64_t interval) {
  memcpy(out, raw, sizeof *out);
  if (interval == 0) return;
  for (int i = 0; i < NBUCKETS; i++) {
    uint64_t n = raw->counts[i];
    if (!n) continue;
    uint64_t v = hist_value(i);
    if (v > raw->max) v = raw->max;
    if (v < 2 * interval) continue;
    for (uint64_t m = v - interval; m >= interval; m -= interval) hist_add(out, m, n);
  }
}

/* ---- options ---------------------------------------------------------------- */
enum mode { M_CLOSE, M_KEEPALIVE, M_BURST };

static struct {
  const char *host;
  int port;
  const char *path;
  enum mode mode;
  long concurrency, connections, requests, bursts, pause_ms, timeout_ms;
  double rate, max_seconds;
} opt = { "127.0.0.1", 0, "/", M_CLOSE, 1, 1000, 100, 10, 100, 10000, 0, 60 };

static void usage(void) {
  fprintf(stderr,
          "usage: loadgen --port P [--host 127.0.0.1] [--path /] [--mode close|keepalive|burst]\n"
          "               [--concurrency K] [--connections N] [--requests R] [--bursts B]\n"
          "               [--pause-ms MS] [--rate CONN_PER_S] [--timeout-ms MS] [--max-seconds S]\n");
  exit(2);
}

/* ---- time ------------------------------------------------------------------- */
static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* ---- results ---------------------------------------------------------------- */
#define MAX_PIDS 4096
#define MAX_ERRS 64
static struct { long pid; uint64_t n; } pids[MAX_PIDS];
static int npids;
static uint64_t unattributed;
static struct { char name[32]; uint64_t n; } errs[MAX_ERRS];
static int nerrs;
static hist_t lat_raw, lat_corr;
static uint64_t started, ok_conns, failed_conns, ok_requests, failed_requests;
static uint64_t busy_ns; /* time with at least one connection open (bursts: without the pauses) */

static void count_pid(long pid) {
  for (int i = 0; i < npids; i++)
    if (pids[i].pid == pid) { pids[i].n++; return; }
  if (npids < MAX_PIDS) { pids[npids].pid = pid; pids[npids].n = 1; npids++; }
  else unattributed++;
}

static void count_err(const char *name) {
  for (int i = 0; i < nerrs; i++)
    if (!strcmp(errs[i].name, name)) { errs[i].n++; return; }
  if (nerrs < MAX_ERRS) { snprintf(errs[nerrs].name, sizeof errs[nerrs].name, "%s", name); errs[nerrs].n = 1; nerrs++; }
}

static const char *errname(int e) {
  const char *s = strerrorname_np(e);
  static char buf[16];
  if (s) return s;
  snprintf(buf, sizeof buf, "E%d", e);
  return buf;
}

/* ---- connections -------------------------------------------------------------- */
enum state { S_FREE, S_CONNECTING, S_WRITING, S_READING };

typedef struct conn {
  int fd;
  enum state st;
  uint64_t t_start;   /* latency origin of the current request */
  uint64_t deadline;  /* per-request timeout */
  int got_first;
  long reqs_left;     /* keepalive: requests still to send after this one */
  size_t wpos, len;
  char buf[4096];
} conn_t;

static void on_event(conn_t *c, uint32_t events);

static int ep;
static struct sockaddr_in addr;
static char req_close[512], req_keep[512];
static size_t req_close_len, req_keep_len;
static conn_t *conns;
static long active;

static void conn_close(conn_t *c) {
  if (c->fd >= 0) close(c->fd);
  c->fd = -1;
  c->st = S_FREE;
  active--;
}

static void fail(conn_t *c, const char *why) {
  count_err(why);
  failed_requests++;
  failed_conns++;
  conn_close(c);
}

static void conn_open(conn_t *c, uint64_t origin) {
  started++;
  active++;
  c->t_start = origin;
  c->deadline = now_ns() + (uint64_t)opt.timeout_ms * 1000000ull;
  c->got_first = 0;
  c->wpos = c->len = 0;
  c->reqs_left = opt.mode == M_KEEPALIVE ? opt.requests - 1 : 0;
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (c->fd < 0) { c->st = S_CONNECTING; fail(c, errname(errno)); return; }
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  c->st = S_CONNECTING;
  if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr) < 0 && errno != EINPROGRESS) {
    fail(c, errname(errno));
    return;
  }
  struct epoll_event ev = { .events = EPOLLOUT | EPOLLIN | EPOLLRDHUP, .data.ptr = c };
  if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) < 0) fail(c, errname(errno));
}

static void set_events(conn_t *c, uint32_t events) {
  struct epoll_event ev = { .events = events, .data.ptr = c };
  epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
}

static const char *current_req(size_t *len) {
  if (opt.mode == M_KEEPALIVE) { *len = req_keep_len; return req_keep; }
  *len = req_close_len;
  return req_close;
}

/* 1 = a complete response is in buf (or must be: EOF), 0 = need more. */
static int response_complete(conn_t *c, int eof) {
  c->buf[c->len < sizeof c->buf ? c->len : sizeof c->buf - 1] = 0;
  char *end = strstr(c->buf, "\r\n\r\n");
  if (!end) return eof;
  size_t head = (size_t)(end - c->buf) + 4;
  char *cl = strcasestr(c->buf, "\ncontent-length:");
  if (cl && cl < end) return c->len >= head + (size_t)strtoul(cl + 16, NULL, 10);
  char *te = strcasestr(c->buf, "\ntransfer-encoding:");
  if (te && te < end) return c->len >= 5 && !memcmp(c->buf + c->len - 5, "0\r\n\r\n", 5);
  return eof;
}

static int response_ok(conn_t *c) {
  c->buf[c->len < sizeof c->buf ? c->len : sizeof c->buf - 1] = 0;
  if (c->len < 12 || memcmp(c->buf, "HTTP/1.", 7) || memcmp(c->buf + 9, "200", 3)) return 0;
  char *h = strstr(c->buf, "hello from ");
  if (h) count_pid(strtol(h + 11, NULL, 10));
  else unattributed++;
  return 1;
}

/* The request's response is complete: record it; start the next request or close. */
static void request_done(conn_t *c) {
  if (!response_ok(c)) { fail(c, "bad_response"); return; }
  ok_requests++;
  if (c->reqs_left > 0) {
    c->reqs_left--;
    c->len = c->wpos = 0;
    c->got_first = 0;
    c->t_start = now_ns();
    c->deadline = c->t_start + (uint64_t)opt.timeout_ms * 1000000ull;
    c->st = S_WRITING;
    set_events(c, EPOLLOUT | EPOLLRDHUP);
    on_event(c, EPOLLOUT);
    return;
  }
  ok_conns++;
  conn_close(c);
}

static void on_event(conn_t *c, uint32_t events) {
  if (c->st == S_CONNECTING) {
    int err = 0;
    socklen_t l = sizeof err;
    getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
    if (err) { fail(c, errname(err)); return; }
    if (!(events & EPOLLOUT)) return;
    c->st = S_WRITING;
  }
  if (c->st == S_WRITING) {
    size_t len;
    const char *r = current_req(&len);
    while (c->wpos < len) {
      ssize_t n = write(c->fd, r + c->wpos, len - c->wpos);
      if (n < 0) {
        if (errno == EAGAIN) return;
        if (errno == EINTR) continue;
        fail(c, errname(errno));
        return;
      }
      c->wpos += (size_t)n;
    }
    c->st = S_READING;
    set_events(c, EPOLLIN | EPOLLRDHUP);
    return;
  }
  if (c->st != S_READING) return;
  for (;;) {
    char tmp[4096];
    ssize_t n = read(c->fd, tmp, sizeof tmp);
    if (n > 0) {
      if (!c->got_first) {
        c->got_first = 1;
        hist_add(&lat_raw, now_ns() - c->t_start, 1);
      }
      size_t room = sizeof c->buf - 1 - c->len;
      size_t take = (size_t)n < room ? (size_t)n : room;
      memcpy(c->buf + c->len, tmp, take);
      c->len += take;
      if (opt.mode == M_KEEPALIVE && response_complete(c, 0)) { request_done(c); return; }
      continue;
    }
    if (n == 0) {
      if (c->len == 0) { fail(c, "eof_before_response"); return; }
      if (!response_complete(c, 1)) { fail(c, "truncated_response"); return; }
      request_done(c);
      return;
    }
    if (errno == EAGAIN) return;
    if (errno == EINTR) continue;
    fail(c, errname(errno));
    return;
  }
}

static void expire(uint64_t t) {
  for (long i = 0; i < opt.concurrency; i++)
    if (conns[i].st != S_FREE && t > conns[i].deadline) fail(&conns[i], "timeout");
}

static conn_t *free_slot(void) {
  for (long i = 0; i < opt.concurrency; i++)
    if (conns[i].st == S_FREE) return &conns[i];
  return NULL;
}

/* ---- report ------------------------------------------------------------------- */
static void print_lat(const char *key, const hist_t *h) {
  printf("\"%s\":{\"count\":%llu,\"mean\":%.1f,\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"p999\":%.1f,\"max\":%.1f}", key,
         (unsigned long long)h->total, h->total ? h->sum / (double)h->total / 1e3 : 0.0,
         hist_percentile(h, 50) / 1e3, hist_percentile(h, 90) / 1e3, hist_percentile(h, 99) / 1e3,
         hist_percentile(h, 99.9) / 1e3, h->max / 1e3);
}

static void print_report(uint64_t wall_ns, uint64_t interval, long not_started, long bursts_done) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double user = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3;
  double sys = ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
  const char *m = opt.mode == M_CLOSE ? "close" : opt.mode == M_KEEPALIVE ? "keepalive" : "burst";
  printf("{\"mode\":\"%s\",\"open\":%s,\"concurrency\":%ld,\"connections\":%llu,\"ok\":%llu,\"failed\":%llu,"
         "\"notStarted\":%ld,\"requests\":%llu,\"okRequests\":%llu,\"failedRequests\":%llu,\"bursts\":%ld,",
         m, opt.rate > 0 ? "true" : "false", opt.concurrency, (unsigned long long)started, (unsigned long long)ok_conns,
         (unsigned long long)failed_conns, not_started, (unsigned long long)(ok_requests + failed_requests),
         (unsigned long long)ok_requests, (unsigned long long)failed_requests, bursts_done);
  printf("\"errors\":{");
  for (int i = 0; i < nerrs; i++) printf("%s\"%s\":%llu", i ? "," : "", errs[i].name, (unsigned long long)errs[i].n);
  printf("},\"perPid\":{");
  for (int i = 0; i < npids; i++) printf("%s\"%ld\":%llu", i ? "," : "", pids[i].pid, (unsigned long long)pids[i].n);
  printf("},\"unattributed\":%llu,", (unsigned long long)unattributed);
  print_lat("latencyUs", &lat_corr);
  printf(",");
  print_lat("latencyRawUs", &lat_raw);
  printf(",\"correctionIntervalUs\":%.1f,\"wallMs\":%.3f,\"busyMs\":%.3f,\"cpuUserMs\":%.3f,\"cpuSysMs\":%.3f}\n", interval / 1e3,
         wall_ns / 1e6, busy_ns / 1e6, user, sys);
}

/* ---- main ----------------------------------------------------------------------- */
static long num_arg(const char *s) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*end || v < 0) usage();
  return v;
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!v) usage();
    i++;
    if (!strcmp(a, "--host")) opt.host = v;
    else if (!strcmp(a, "--port")) opt.port = (int)num_arg(v);
    else if (!strcmp(a, "--path")) opt.path = v;
    else if (!strcmp(a, "--mode")) {
      if (!strcmp(v, "close")) opt.mode = M_CLOSE;
      else if (!strcmp(v, "keepalive")) opt.mode = M_KEEPALIVE;
      else if (!strcmp(v, "burst")) opt.mode = M_BURST;
      else usage();
    } else if (!strcmp(a, "--concurrency")) opt.concurrency = num_arg(v);
    else if (!strcmp(a, "--connections")) opt.connections = num_arg(v);
    else if (!strcmp(a, "--requests")) opt.requests = num_arg(v);
    else if (!strcmp(a, "--bursts")) opt.bursts = num_arg(v);
    else if (!strcmp(a, "--pause-ms")) opt.pause_ms = num_arg(v);
    else if (!strcmp(a, "--timeout-ms")) opt.timeout_ms = num_arg(v);
    else if (!strcmp(a, "--rate")) opt.rate = atof(v);
    else if (!strcmp(a, "--max-seconds")) opt.max_seconds = atof(v);
    else usage();
  }
  if (opt.port <= 0 || opt.port > 65535 || opt.concurrency < 1 || opt.concurrency > 60000 || opt.requests < 1) usage();
  if (strlen(opt.path) > 300) usage();
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)opt.port);
  if (inet_pton(AF_INET, opt.host, &addr.sin_addr) != 1) usage();
  /* Loopback only: this tool is a benchmark client, not a load tester for other hosts. */
  if ((ntohl(addr.sin_addr.s_addr) >> 24) != 127) { fprintf(stderr, "loadgen: loopback addresses only\n"); return 2; }
  req_close_len = (size_t)snprintf(req_close, sizeof req_close, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", opt.path);
  req_keep_len = (size_t)snprintf(req_keep, sizeof req_keep, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n", opt.path);

  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) { rl.rlim_cur = rl.rlim_max; setrlimit(RLIMIT_NOFILE, &rl); }

  long total; /* connections to make */
  if (opt.mode == M_KEEPALIVE) total = opt.concurrency;
  else if (opt.mode == M_BURST) total = opt.concurrency * opt.bursts;
  else total = opt.connections;

  conns = calloc((size_t)opt.concurrency, sizeof *conns);
  if (!conns) return 1;
  for (long i = 0; i < opt.concurrency; i++) conns[i].fd = -1;
  ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event *evs = calloc((size_t)opt.concurrency, sizeof *evs);

  uint64_t t0 = now_ns();
  uint64_t hard_end = t0 + (uint64_t)(opt.max_seconds * 1e9);
  uint64_t period = opt.rate > 0 ? (uint64_t)(1e9 / opt.rate) : 0;
  long launched = 0, bursts_done = 0;
  uint64_t next_burst = t0, last_expire = t0;
  int in_burst = 0;

  for (;;) {
    uint64_t t = now_ns();
    if (t >= hard_end) break;
    /* Start what the mode allows now. */
    if (opt.mode == M_BURST) {
      if (!in_burst && active == 0 && bursts_done < opt.bursts && t >= next_burst) {
        for (long i = 0; i < opt.concurrency; i++) conn_open(&conns[i], now_ns());
        launched += opt.concurrency;
        in_burst = 1;
      }
      if (in_burst && active == 0) {
        in_burst = 0;
        bursts_done++;
        next_burst = now_ns() + (uint64_t)opt.pause_ms * 1000000ull;
      }
      if (bursts_done == opt.bursts && !in_burst) break;
    } else {
      while (launched < total) {
        uint64_t origin = t;
        if (period) {
          origin = t0 + (uint64_t)launched * period;
          if (origin > t) break;
        }
        conn_t *c = free_slot();
        if (!c) break;
        launched++;
        conn_open(c, period ? origin : now_ns());
      }
      if (launched >= total && active == 0) break;
    }
    /* Wait for events, or the next arrival / burst / timeout check. The wait
     * has ns resolution (epoll_pwait2): rounding an open-loop arrival to whole
     * ms would either spin or send late. */
    uint64_t wait_ns = 10000000ull;
    if (period && launched < total) {
      uint64_t next = t0 + (uint64_t)launched * period;
      if (next - t < wait_ns || next < t) wait_ns = next > t ? next - t : 0;
    }
    if (opt.mode == M_BURST && !in_burst) {
      uint64_t w = next_burst > t ? next_burst - t : 0;
      if (w < wait_ns) wait_ns = w;
    }
    struct timespec ts = { .tv_sec = (time_t)(wait_ns / 1000000000ull), .tv_nsec = (long)(wait_ns % 1000000000ull) };
    int was_active = active > 0;
    int n = epoll_pwait2(ep, evs, (int)opt.concurrency, &ts, NULL);
    for (int i = 0; i < n; i++) on_event(evs[i].data.ptr, evs[i].events);
    uint64_t t1 = now_ns();
    if (was_active) busy_ns += t1 - t;
    t = t1;
    if (t - last_expire > 10000000ull) { expire(t); last_expire = t; }
  }
  uint64_t wall = now_ns() - t0;
  /* Whatever is still open at the time limit failed. */
  for (long i = 0; i < opt.concurrency; i++)
    if (conns[i].st != S_FREE) fail(&conns[i], "deadline");
  long not_started = opt.mode == M_BURST ? (opt.bursts - bursts_done) * opt.concurrency : total - launched;
  if (not_started < 0) not_started = 0;

  /* Closed loop: the mean time one slot spends per request is the interval
   * at which that slot would have sent had nothing stalled. */
  uint64_t interval = 0;
  uint64_t done = ok_requests + failed_requests;
  if (!period && opt.mode != M_BURST && done > 0) {
    long slots = opt.mode == M_KEEPALIVE ? opt.concurrency : (opt.concurrency < total ? opt.concurrency : total);
    interval = (uint64_t)((double)wall * (double)slots / (double)done);
  }
  hist_correct(&lat_raw, &lat_corr, interval);
  print_report(wall, interval, not_started, bursts_done);
  return 0;
}
