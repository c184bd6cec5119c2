// The dashboard's script, served as /dashboard.js: plain browser JavaScript
// in a string, so that it ships in dist/ with the compiled code and needs no
// copy step. It is written without template literals (a backtick would end
// this string); server.test.ts compiles it to catch a slip.
//
// What it does: reads /api/status, /api/history and /api/tasks once, then
// follows /api/events (status and the newest history point every second);
// draws the charts on canvases from the history it keeps; keeps one table
// row per worker, keyed by id, so a worker that exits disappears and its
// replacement appears; lists task jobs by state from /api/jobs every two
// seconds; scales and reloads through POST /api/scale and /api/reload.
export const DASHBOARD_SCRIPT = String.raw`(function () {
'use strict';

var $ = function (id) { return document.getElementById(id); };
var CONFIG = {};
try { CONFIG = JSON.parse($('config').textContent || '{}'); } catch (e) { CONFIG = {}; }
var STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timeout', 'lost'];
var ENDED = { succeeded: 1, failed: 1, cancelled: 1, timeout: 1, lost: 1 };
// Exits the pool asked for; the others (a crash, a kill, a timeout) are drawn in the alarm colour.
var BENIGN = { reload: 1, scale_down: 1, max_requests: 1, max_jobs: 1, max_rss: 1, stop: 1 };
var REASONS = {
  crash: 'exited by itself after Ready',
  boot_failure: 'exited before Ready',
  boot_timeout: 'said no Hello or Ready in time',
  killed: 'ended by a signal the arbiter did not send',
  heartbeat_timeout: 'sent no heartbeat for --timeout',
  protocol_error: 'broke the protocol',
  max_requests: 'recycled after --max-requests',
  max_jobs: 'recycled after --task-max-jobs',
  max_rss: 'recycled above --task-max-rss',
  reload: 'replaced by a newer generation',
  scale_down: 'stopped to scale down',
  stop: 'stopped with the pool'
};
var TOKEN_KEY = 'corral.dashboard.token';
var SPARK_POINTS = 60;

var S = {
  status: null,
  statusAt: 0,
  skew: 0,
  tasks: null,
  history: [],
  windowS: 300,
  jobState: '',
  jobApp: '',
  selectedJob: 0,
  jobsTimer: 0,
  token: '',
  pending: null,
  rendered: false
};
var workerRows = new Map();
var jobRows = new Map();

// ---- the token: from #token=… once (a fragment never reaches a server log), then sessionStorage

(function () {
  var m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    try { sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1])); } catch (e) { /* storage off */ }
    history.replaceState(null, '', location.pathname + location.search);
  }
  try { S.token = sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { S.token = ''; }
})();

// ---- formatting

function fmtNum(n) {
  if (!isFinite(n)) return '–';
  if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + 'M';
  if (n >= 1e4) return (n / 1e3).toFixed(n >= 1e5 ? 0 : 1) + 'k';
  return String(Math.round(n));
}
function fmtRate(n) {
  if (!isFinite(n)) return '–';
  if (n === 0) return '0';
  if (n < 10) return n.toFixed(1);
  return fmtNum(n);
}
function fmtUs(us) {
  if (!us) return '–';
  if (us < 1000) return Math.round(us) + ' µs';
  if (us < 10000) return (us / 1000).toFixed(1) + ' ms';
  if (us < 1e6) return Math.round(us / 1000) + ' ms';
  return (us / 1e6).toFixed(us < 1e7 ? 1 : 0) + ' s';
}
function fmtMs(ms) { return ms > 0 ? fmtUs(ms * 1000) : '–'; }
function fmtBytes(b) {
  if (!b) return '–';
  if (b < 1024 * 1024) return Math.round(b / 1024) + ' KiB';
  if (b < 1024 * 1024 * 1024) return (b / 1048576).toFixed(b < 10 * 1048576 ? 1 : 0) + ' MiB';
  return (b / 1073741824).toFixed(2) + ' GiB';
}
function fmtCpu(permille) { return (permille / 10).toFixed(permille < 100 ? 1 : 0) + ' %'; }
function pad(n) { return n < 10 ? '0' + n : String(n); }
function fmtAge(ms) {
  if (!isFinite(ms) || ms < 0) return '–';
  var s = Math.floor(ms / 1000);
  if (s < 60) return s + 's';
  var m = Math.floor(s / 60);
  if (m < 60) return m + 'm ' + pad(s % 60) + 's';
  var h = Math.floor(m / 60);
  if (h < 24) return h + 'h ' + pad(m % 60) + 'm';
  return Math.floor(h / 24) + 'd ' + (h % 24) + 'h';
}
function fmtBeat(ms) { return ms < 10000 ? (ms / 1000).toFixed(1) + ' s' : fmtAge(ms); }
function fmtClock(t) {
  if (!t) return '–';
  var d = new Date(t);
  return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}
function fmtStamp(t) {
  if (!t) return '–';
  var d = new Date(t);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + fmtClock(t) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}
function serverNow() { return Date.now() + S.skew; }

// ---- DOM helpers

function el(tag, attrs, kids) {
  var e = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    if (k === 'text') e.textContent = attrs[k];
    else if (k === 'class') e.className = attrs[k];
    else e.setAttribute(k, attrs[k]);
  }
  if (kids) kids.forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
  return e;
}
function setText(id, text) { var e = $(id); if (e && e.textContent !== text) e.textContent = text; }
function cell(td, text, cls) {
  if (td.textContent !== text) td.textContent = text;
  if (cls !== undefined && td.className !== cls) td.className = cls;
}
function pill(state) { return el('span', { class: 'pill s-' + state, text: state }); }
function cssVar(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

var toastTimer = 0;
function toast(text, error) {
  var t = $('toast');
  t.textContent = text;
  t.className = 'toast' + (error ? ' error' : '');
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { t.hidden = true; }, error ? 8000 : 4000);
}

// ---- API

function getJSON(path) {
  return fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' }).then(function (r) {
    return r.json().then(function (body) {
      if (!r.ok) throw new Error(body && body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + r.status);
      return body;
    });
  });
}

function told(err) { err.told = true; return err; }

// A POST; on 401 it asks for the token and tries again with it. Resolves with the answer, or rejects having said why in a toast.
function post(path, body) {
  var headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (S.token) headers.authorization = 'Bearer ' + S.token;
  return fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), cache: 'no-store' }).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (res) {
      if (r.status === 401) {
        toast(S.token ? 'The token was refused.' : 'This dashboard needs its token for actions.', true);
        return new Promise(function (resolve, reject) {
          askToken(function (given) {
            if (given) post(path, body).then(resolve, reject);
            else reject(told(new Error('no token given')));
          });
        });
      }
      if (!r.ok || res.error) throw new Error(res.error ? res.error.code + ': ' + res.error.message : 'HTTP ' + r.status);
      toast(res.done || 'done');
      return res;
    });
  }).catch(function (err) {
    if (!err.told) toast(err.message, true);
    throw told(err);
  });
}

function askToken(then) {
  var form = $('token-form');
  if (S.pending) S.pending(false);
  S.pending = then;
  form.hidden = false;
  $('token-input').value = '';
  $('token-input').focus();
}
function tokenDone(given) {
  $('token-form').hidden = true;
  var then = S.pending;
  S.pending = null;
  if (then) then(given);
}
$('token-form').addEventListener('submit', function (ev) {
  ev.preventDefault();
  S.token = $('token-input').value.trim();
  try { sessionStorage.setItem(TOKEN_KEY, S.token); } catch (e) { /* storage off */ }
  tokenDone(S.token !== '');
});
$('token-cancel').addEventListener('click', function () { tokenDone(false); });
$('token-input').addEventListener('keydown', function (ev) { if (ev.key === 'Escape') tokenDone(false); });

// ---- charts

// The axis: four steps of 1, 2, 2.5 or 5 times a power of ten, covering v.
function niceStep(v) {
  var raw = v > 0 ? v / 4 : 0.25;
  var p = Math.pow(10, Math.floor(Math.log10(raw)));
  var steps = [1, 2, 2.5, 5, 10];
  for (var i = 0; i < steps.length; i++) if (steps[i] * p >= raw) return steps[i] * p;
  return 10 * p;
}
function axisNum(v) {
  if (v >= 1e6) return +(v / 1e6).toFixed(1) + 'M';
  if (v >= 1e4) return +(v / 1e3).toFixed(1) + 'k';
  return String(+v.toFixed(2));
}

function sizeCanvas(canvas) {
  var dpr = window.devicePixelRatio || 1;
  var w = canvas.clientWidth, h = canvas.clientHeight;
  if (!w || !h) return null;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  var ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx: ctx, w: w, h: h };
}

function hexAlpha(color, a) {
  var m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  var n = parseInt(m[1], 16);
  return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
}

// series: [{ label, color, get(point) }]; fmt formats an axis value.
function drawChart(id, series, fmt, floor) {
  var c = sizeCanvas($(id));
  if (!c) return;
  var ctx = c.ctx, w = c.w, h = c.h;
  var left = 46, right = 8, top = 6, bottom = 18;
  var pw = w - left - right, ph = h - top - bottom;
  var now = serverNow(), from = now - S.windowS * 1000;
  var pts = S.history.filter(function (p) { return p.t >= from - 2000; });
  var max = floor || 0;
  series.forEach(function (s) { pts.forEach(function (p) { var v = s.get(p); if (v > max) max = v; }); });
  var step = niceStep(max * 1.05);
  max = step * 4;
  var grid = cssVar('--grid'), muted = cssVar('--muted');
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (var i = 0; i <= 4; i++) {
    var y = top + ph - (ph * i) / 4;
    ctx.strokeStyle = grid;
    ctx.beginPath(); ctx.moveTo(left, Math.round(y) + 0.5); ctx.lineTo(w - right, Math.round(y) + 0.5); ctx.stroke();
    ctx.fillStyle = muted;
    ctx.fillText(i === 0 ? '0' : fmt(step * i), left - 6, y);
  }
  // Time labels: minutes for windows of minutes, seconds for the last one.
  ctx.textBaseline = 'alphabetic';
  var every = S.windowS <= 60 ? 15 : S.windowS <= 300 ? 60 : 120;
  for (var s = 0; s <= S.windowS; s += every) {
    var x = left + pw - (pw * s) / S.windowS;
    ctx.textAlign = s === 0 ? 'right' : s === S.windowS ? 'left' : 'center';
    ctx.fillStyle = muted;
    ctx.fillText(s === 0 ? 'now' : s < 60 ? '-' + s + 's' : '-' + s / 60 + 'm', s === S.windowS ? Math.max(x, left - 2) : x, h - 4);
  }
  var X = function (t) { return left + pw - (pw * (now - t)) / (S.windowS * 1000); };
  var Y = function (v) { return top + ph - (ph * Math.min(v, max)) / max; };
  var gap = Math.max(3000, 3 * (CONFIG.sampleIntervalMs || 1000));
  ctx.save();
  ctx.beginPath(); ctx.rect(left, 0, pw, h); ctx.clip();
  series.forEach(function (sr, k) {
    var color = cssVar(sr.color);
    // Runs of points without a gap (the pool was busy or the page was away).
    var runs = [], run = [];
    pts.forEach(function (p, j) {
      if (j > 0 && p.t - pts[j - 1].t > gap) { runs.push(run); run = []; }
      run.push(p);
    });
    if (run.length) runs.push(run);
    runs.forEach(function (r) {
      if (k === 0 && r.length > 1) {
        ctx.beginPath();
        ctx.moveTo(X(r[0].t), Y(0));
        r.forEach(function (p) { ctx.lineTo(X(p.t), Y(sr.get(p))); });
        ctx.lineTo(X(r[r.length - 1].t), Y(0));
        ctx.closePath();
        var g = ctx.createLinearGradient(0, top, 0, top + ph);
        g.addColorStop(0, hexAlpha(color, 0.28));
        g.addColorStop(1, hexAlpha(color, 0.02));
        ctx.fillStyle = g;
        ctx.fill();
      }
      ctx.beginPath();
      r.forEach(function (p, j) { var x = X(p.t), y = Y(sr.get(p)); if (j) ctx.lineTo(x, y); else ctx.moveTo(x, y); });
      ctx.strokeStyle = color;
      ctx.lineWidth = k === 0 ? 1.8 : 1.4;
      ctx.lineJoin = 'round';
      ctx.stroke();
    });
  });
  ctx.restore();
}

function legend(id, items) {
  var box = $(id);
  box.textContent = '';
  items.forEach(function (it) {
    var i = el('i');
    i.style.background = cssVar(it.color);
    box.appendChild(el('span', null, [i, it.label + ' ', el('b', { text: it.value })]));
  });
}

function hasTasks() { return !!(S.tasks && (S.tasks.apps.length || S.tasks.queue)); }
function hasSockets() { return !!(S.status && (S.status.targetWorkers > 0 || S.status.workers.some(function (w) { return w.kind === 'socket'; }))); }

function drawCharts() {
  var last = S.history[S.history.length - 1] || {};
  var tasks = hasTasks(), sockets = hasSockets();
  var ms = function (us) { return us >= 1e6 ? +(us / 1e6).toFixed(2) + 's' : us >= 1000 ? +(us / 1000).toFixed(2) + 'ms' : Math.round(us) + 'µs'; };
  var th = [];
  if (sockets) {
    th.push({ label: 'accepts/s', color: '--c1', get: function (p) { return p.acceptsPerSecond; }, value: fmtRate(last.acceptsPerSecond || 0) });
    th.push({ label: 'req/s', color: '--c2', get: function (p) { return p.requestsPerSecond; }, value: fmtRate(last.requestsPerSecond || 0) });
  }
  if (tasks) th.push({ label: 'jobs/s', color: sockets ? '--c3' : '--c1', get: function (p) { return p.jobsPerSecond; }, value: fmtRate(last.jobsPerSecond || 0) });
  drawChart('chart-throughput', th, axisNum, 4);
  legend('legend-throughput', th);
  var lat = [
    { label: 'p99', color: '--c4', get: function (p) { return p.p99Us; }, value: fmtUs(last.p99Us) },
    { label: 'p50', color: '--c2', get: function (p) { return p.p50Us; }, value: fmtUs(last.p50Us) }
  ];
  drawChart('chart-latency', lat, ms, 1000);
  legend('legend-latency', lat);
  var load = [{ label: 'in flight', color: '--c1', get: function (p) { return p.inFlight; }, value: fmtNum(last.inFlight || 0) }];
  if (tasks) load.push({ label: 'queued', color: '--c3', get: function (p) { return p.queued; }, value: fmtNum(last.queued || 0) });
  load.push({ label: 'ready workers', color: '--c2', get: function (p) { return p.ready; }, value: fmtNum(last.ready || 0) });
  drawChart('chart-load', load, axisNum, 4);
  legend('legend-load', load);
  var cpu = [{ label: 'CPU', color: '--c1', get: function (p) { return p.cpuPermille / 10; }, value: fmtCpu(last.cpuPermille || 0) }];
  drawChart('chart-cpu', cpu, function (v) { return axisNum(v) + '%'; }, 20);
  legend('legend-cpu', cpu.concat([{ label: 'RSS', color: '--c2', value: fmtBytes(last.rssBytes || 0) }]));
  drawSparks();
}

function drawSparks() {
  var pts = S.history.slice(-SPARK_POINTS);
  workerRows.forEach(function (row, id) {
    var c = sizeCanvas(row.spark);
    if (!c) return;
    var key = row.kind === 'task' ? 'cpu' : 'a';
    var vals = pts.map(function (p) { var w = p.perWorker && p.perWorker[id]; return w ? w[key] : null; });
    var max = 0;
    vals.forEach(function (v) { if (v > max) max = v; });
    max = max > 0 ? max : 1;
    var ctx = c.ctx, n = SPARK_POINTS;
    var x = function (i) { return c.w - ((vals.length - 1 - i) * (c.w - 2)) / (n - 1) - 1; };
    var y = function (v) { return c.h - 2 - ((c.h - 4) * v) / max; };
    ctx.strokeStyle = cssVar(row.kind === 'task' ? '--c2' : '--c1');
    ctx.lineWidth = 1.3;
    ctx.beginPath();
    var on = false;
    vals.forEach(function (v, i) {
      if (v === null) { on = false; return; }
      if (on) ctx.lineTo(x(i), y(v)); else ctx.moveTo(x(i), y(v));
      on = true;
    });
    ctx.stroke();
    row.spark.title = (row.kind === 'task' ? 'CPU ‰' : 'accepts/s') + ' over the last minute, peak ' + fmtRate(max);
  });
}

// ---- header, cards, workers, restarts

function renderStatus() {
  var s = S.status;
  setText('pid', String(s.pid));
  setText('strategy', s.strategy);
  setText('generation', String(s.generation));
  setText('listeners', s.listeners.length ? s.listeners.join(', ') : 'nothing (task workers only)');
  var badge = $('state');
  badge.textContent = s.state;
  badge.className = 'badge ' + s.state;
  tickUptime();

  var last = S.history[S.history.length - 1] || null;
  var inFlight = 0, ready = 0, cpu = 0, rss = 0, busiest = 0, largest = 0;
  s.workers.forEach(function (w) {
    inFlight += w.inFlight; cpu += w.cpuPermille; rss += w.rssBytes;
    if (w.state === 'ready') ready++;
    if (w.cpuPermille > busiest) busiest = w.cpuPermille;
    if (w.rssBytes > largest) largest = w.rssBytes;
  });
  var accepts = last ? last.acceptsPerSecond : s.interval.durationMs ? (s.interval.accepted * 1000) / s.interval.durationMs : 0;
  var sockets = hasSockets();
  if (sockets) {
    setText('card-accepts-title', 'accepts/s');
    setText('card-accepts', fmtRate(accepts));
    var sub = [];
    if (last) sub.push(fmtRate(last.requestsPerSecond) + ' req/s');
    if (last && hasTasks()) sub.push(fmtRate(last.jobsPerSecond) + ' jobs/s');
    setText('card-accepts-sub', sub.join(' · '));
    setText('card-p99-title', 'p99 latency');
    setText('card-p99', fmtUs(last ? last.p99Us : s.interval.p99Us));
    setText('card-p99-sub', 'p50 ' + fmtUs(last ? last.p50Us : s.interval.p50Us));
  } else {
    // Task workers only: jobs are the traffic, and their run time the latency.
    var apps = (S.tasks && S.tasks.apps) || [];
    var done = 0, run99 = 0, wait99 = 0;
    apps.forEach(function (a) { done += a.completed + a.failed; run99 = Math.max(run99, a.runMs.p99); wait99 = Math.max(wait99, a.waitMs.p99); });
    setText('card-accepts-title', 'jobs/s');
    setText('card-accepts', fmtRate(last ? last.jobsPerSecond : 0));
    setText('card-accepts-sub', fmtNum(done) + ' ended since start');
    setText('card-p99-title', 'job run p99');
    setText('card-p99', fmtMs(run99));
    setText('card-p99-sub', 'wait p99 ' + fmtMs(wait99));
  }
  $('figure-latency').hidden = !sockets;
  $('charts').classList.toggle('three', !sockets);
  setText('card-inflight', fmtNum(inFlight));
  setText('card-inflight-sub', last && hasTasks() ? fmtNum(last.queued) + ' jobs queued' : 'across ' + s.workers.length + ' workers');
  setText('card-workers', ready + ' / ' + s.workers.length);
  setText('card-workers-sub', 'ready · target ' + (s.targetWorkers + s.targetTaskWorkers));
  setText('card-cpu', fmtCpu(cpu));
  setText('card-cpu-sub', s.workers.length ? 'busiest worker ' + fmtCpu(busiest) : '');
  setText('card-rss', fmtBytes(rss));
  setText('card-rss-sub', s.workers.length ? 'largest worker ' + fmtBytes(largest) : '');
  var total = 0;
  s.restarts.forEach(function (r) { total += r.count; });
  setText('card-restarts', fmtNum(total));
  setText('card-restarts-sub', s.restarts.slice().sort(function (a, b) { return b.count - a.count; }).slice(0, 2).map(function (r) { return r.reason + ' ' + r.count; }).join(' · '));
  document.title = 'corral ' + s.pid + ' · ' + (sockets ? fmtRate(accepts) + '/s' : fmtRate(last ? last.jobsPerSecond : 0) + ' jobs/s');

  renderWorkers(s);
  renderRestarts(s, total);
  setText('accepted-total', fmtNum(s.acceptedTotal));
  setText('boot-failures', String(s.bootFailures));
  setText('targets', targets(s));
  syncScale('socket', s.targetWorkers, hasSockets());
  syncScale('task', s.targetTaskWorkers, s.targetTaskWorkers > 0);
  S.rendered = true;
}

function targets(s) {
  var t = [];
  if (hasSockets()) t.push(s.targetWorkers + ' socket');
  if (s.targetTaskWorkers > 0) t.push(s.targetTaskWorkers + ' task');
  return t.join(' · ') || '0';
}

function tickUptime() {
  if (!S.status) return;
  var ms = S.status.state === 'stopping' ? S.status.uptimeMs : S.status.uptimeMs + (Date.now() - S.statusAt);
  setText('uptime', fmtAge(ms));
}

function makeWorkerRow(w) {
  var tds = [];
  for (var i = 0; i < 13; i++) tds.push(el('td'));
  var spark = el('canvas', { class: 'spark', width: '96', height: '22', role: 'img', 'aria-label': 'last minute' });
  tds[12].appendChild(spark);
  var tr = el('tr', { 'data-testid': 'worker-row', 'data-id': String(w.id) }, tds);
  if (S.rendered) tr.className = 'new';
  return { tr: tr, tds: tds, spark: spark, kind: w.kind, state: '', inflight: '' };
}

function updateWorkerRow(row, w) {
  var t = row.tds;
  row.tr.setAttribute('data-pid', String(w.pid));
  row.tr.setAttribute('data-state', w.state);
  row.tr.setAttribute('data-kind', w.kind);
  cell(t[0], String(w.id), 'mono');
  cell(t[1], w.kind, 'kind');
  cell(t[2], String(w.pid), 'mono');
  cell(t[3], String(w.generation), 'dim');
  if (row.state !== w.state) { t[4].textContent = ''; t[4].appendChild(pill(w.state)); row.state = w.state; }
  var key = w.inFlight + '/' + w.capacity;
  if (row.inflight !== key) {
    row.inflight = key;
    var frac = w.capacity ? Math.min(1, w.inFlight / w.capacity) : 0;
    var fill = el('i');
    fill.style.width = Math.round(frac * 100) + '%';
    t[5].textContent = '';
    t[5].appendChild(el('span', { class: 'bar' + (frac >= 1 ? ' full' : '') }, [el('span', null, [fill]), el('small', { text: key })]));
  }
  cell(t[6], w.kind === 'socket' ? fmtRate(w.acceptsPerSecond) : fmtNum(w.jobsCompleted) + ' jobs', w.kind === 'socket' ? 'num' : 'num dim');
  t[6].title = w.kind === 'socket' ? 'connections accepted per second' : 'jobs this task worker has completed';
  cell(t[7], fmtUs(w.p99Us), 'num');
  cell(t[8], fmtCpu(w.cpuPermille), 'num' + (w.cpuPermille >= 900 ? ' warn-text' : ''));
  cell(t[9], fmtBytes(w.rssBytes), 'num');
  var beat = CONFIG.heartbeatIntervalMs || 1000;
  var late = CONFIG.timeoutS ? w.heartbeatAgeMs > CONFIG.timeoutS * 500 : false;
  cell(t[10], fmtBeat(w.heartbeatAgeMs), 'num' + (late ? ' bad-text' : w.heartbeatAgeMs > 3 * beat ? ' warn-text' : ''));
  cell(t[11], fmtAge(w.ageMs), 'num dim');
}

function renderWorkers(s) {
  var body = $('workers-body');
  var seen = new Set();
  s.workers.forEach(function (w, i) {
    seen.add(w.id);
    var row = workerRows.get(w.id);
    if (!row) { row = makeWorkerRow(w); workerRows.set(w.id, row); }
    updateWorkerRow(row, w);
    if (body.children[i] !== row.tr) body.insertBefore(row.tr, body.children[i] || null);
  });
  workerRows.forEach(function (row, id) {
    if (!seen.has(id)) { row.tr.remove(); workerRows.delete(id); }
  });
  $('workers-empty').hidden = s.workers.length > 0;
}

function renderRestarts(s, total) {
  var list = $('restarts');
  list.textContent = '';
  var max = 0;
  s.restarts.forEach(function (r) { if (r.count > max) max = r.count; });
  s.restarts.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (r) {
    var bar = el('i');
    bar.style.width = Math.max(3, Math.round((100 * r.count) / max)) + '%';
    list.appendChild(el('li', { class: BENIGN[r.reason] ? 'benign' : 'alarm', title: REASONS[r.reason] || r.reason, 'data-reason': r.reason }, [
      el('span', { text: r.reason }), el('b', { text: fmtNum(r.count) }), el('span', { class: 'track' }, [bar])
    ]));
  });
  $('restarts-empty').hidden = s.restarts.length > 0;
  setText('restarts-total', fmtNum(total));
}

// ---- scaling and reload

function syncScale(kind, target, show) {
  var box = $('scale-' + kind);
  box.hidden = !show;
  var input = $('scale-' + kind + '-input');
  if (document.activeElement !== input && !input.dataset.dirty) input.value = String(target);
  input.dataset.target = String(target);
}

function scaleTo(kind, n) {
  if (!(n >= 1 && n <= 1024 && Math.floor(n) === n)) { toast('workers must be a whole number from 1 to 1024', true); return; }
  var buttons = document.querySelectorAll('#scale-' + kind + ' button');
  buttons.forEach(function (b) { b.disabled = true; });
  var input = $('scale-' + kind + '-input');
  input.value = String(n);
  post('/api/scale', { kind: kind, workers: n }).then(function () {
    delete input.dataset.dirty;
    input.dataset.target = String(n);
  }, function () { /* told in a toast */ }).then(function () {
    buttons.forEach(function (b) { b.disabled = false; });
  });
}

['socket', 'task'].forEach(function (kind) {
  var input = $('scale-' + kind + '-input');
  var target = function () { return Number(input.dataset.target || input.value || 0); };
  $('scale-' + kind + '-minus').addEventListener('click', function () { scaleTo(kind, Math.max(1, target() - 1)); });
  $('scale-' + kind + '-plus').addEventListener('click', function () { scaleTo(kind, target() + 1); });
  $('scale-' + kind + '-set').addEventListener('click', function () { scaleTo(kind, Number(input.value)); });
  input.addEventListener('input', function () { input.dataset.dirty = '1'; });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') scaleTo(kind, Number(input.value));
    if (ev.key === 'Escape') { delete input.dataset.dirty; input.value = input.dataset.target || ''; input.blur(); }
  });
});

var reloadTimer = 0;
$('reload').addEventListener('click', function () {
  var b = $('reload');
  // Two clicks: a reload replaces every worker.
  if (!b.classList.contains('confirm')) {
    b.classList.add('confirm');
    b.textContent = 'Reload all workers?';
    reloadTimer = setTimeout(function () { b.classList.remove('confirm'); b.textContent = 'Reload'; }, 4000);
    return;
  }
  clearTimeout(reloadTimer);
  b.classList.remove('confirm');
  b.textContent = 'Reload';
  b.disabled = true;
  post('/api/reload', {}).catch(function () { /* told in a toast */ }).then(function () { b.disabled = false; });
});

document.querySelectorAll('[data-window]').forEach(function (b) {
  b.addEventListener('click', function () {
    S.windowS = Number(b.getAttribute('data-window'));
    document.querySelectorAll('[data-window]').forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
    setText('window-label', S.windowS === 60 ? 'minute' : S.windowS / 60 + ' minutes');
    drawCharts();
  });
});

// ---- task apps and jobs

function renderTasks() {
  var t = S.tasks;
  var show = hasTasks();
  $('tasks').hidden = !show;
  $('jobs').hidden = !show;
  if (!show) return;
  var body = $('apps-body');
  body.textContent = '';
  t.apps.forEach(function (a) {
    body.appendChild(el('tr', { 'data-testid': 'app-row', 'data-app': a.name }, [
      el('td', { text: a.name, class: 'mono' }),
      el('td', { text: String(a.workers), class: 'num' }),
      el('td', { text: fmtNum(a.queued), class: 'num' + (a.queued > 0 ? ' warn-text' : '') }),
      el('td', { text: fmtNum(a.inFlight), class: 'num' }),
      el('td', { text: fmtNum(a.completed), class: 'num' }),
      el('td', { text: fmtNum(a.failed), class: 'num' + (a.failed > 0 ? ' bad-text' : '') }),
      el('td', { text: fmtNum(a.rejected), class: 'num' }),
      el('td', { text: fmtNum(a.lost), class: 'num' + (a.lost > 0 ? ' bad-text' : '') }),
      el('td', { text: fmtMs(a.waitMs.p50), class: 'num' }),
      el('td', { text: fmtMs(a.waitMs.p99), class: 'num' }),
      el('td', { text: fmtMs(a.runMs.p50), class: 'num' }),
      el('td', { text: fmtMs(a.runMs.p99), class: 'num' })
    ]));
  });
  var q = t.queue;
  $('queues-wrap').hidden = !q;
  setText('queue-state', q ? 'durable queues: ' + q.state : '');
  if (q) {
    setText('queue-summary', '· held ' + q.held + ' · fetched ' + fmtNum(q.fetched) + ' · succeeded ' + fmtNum(q.succeeded) + ' · failed ' + fmtNum(q.failed) + ' · retried ' + fmtNum(q.retried) + ' · dead ' + fmtNum(q.dead));
    var qb = $('queues-body');
    qb.textContent = '';
    q.depths.forEach(function (d) {
      qb.appendChild(el('tr', null, [el('td', { text: d.queue, class: 'mono' }), el('td', { text: fmtNum(d.waiting), class: 'num' }), el('td', { text: fmtNum(d.delayed), class: 'num' }), el('td', { text: fmtNum(d.dead), class: 'num' + (d.dead > 0 ? ' bad-text' : '') })]));
    });
  }
  var sel = $('jobs-app');
  var names = t.apps.map(function (a) { return a.name; });
  var have = Array.prototype.slice.call(sel.options, 1).map(function (o) { return o.value; });
  if (names.join('\n') !== have.join('\n')) {
    while (sel.options.length > 1) sel.remove(1);
    names.forEach(function (n) { sel.appendChild(el('option', { value: n, text: n })); });
    sel.value = names.indexOf(S.jobApp) >= 0 ? S.jobApp : '';
  }
  if (!S.jobsTimer) refreshJobs();
}

function buildTabs() {
  var tabs = $('job-tabs');
  [''].concat(STATES).forEach(function (st) {
    var b = el('button', { type: 'button', role: 'tab', 'data-state': st, 'data-testid': 'job-tab-' + (st || 'all'), 'aria-selected': String(st === S.jobState) }, [st || 'all', el('span', { class: 'n', text: '0' })]);
    b.addEventListener('click', function () {
      S.jobState = st;
      tabs.querySelectorAll('button').forEach(function (o) { o.setAttribute('aria-selected', String(o === b)); });
      jobRows.forEach(function (r) { r.tr.remove(); });
      jobRows.clear();
      refreshJobs();
    });
    tabs.appendChild(b);
  });
}

$('jobs-app').addEventListener('change', function () {
  S.jobApp = $('jobs-app').value;
  refreshJobs();
});

function refreshJobs() {
  clearTimeout(S.jobsTimer);
  S.jobsTimer = setTimeout(refreshJobs, 2000);
  if (document.hidden || !hasTasks()) return;
  var q = '/api/jobs?limit=100&counts=1&state=' + encodeURIComponent(S.jobState) + '&app=' + encodeURIComponent(S.jobApp);
  getJSON(q).then(renderJobs).catch(function () { /* the event stream shows the connection state */ });
  if (S.selectedJob) showJob(S.selectedJob, false);
}

function renderJobs(list) {
  var total = 0;
  STATES.forEach(function (st) { total += list.counts[st] || 0; });
  $('job-tabs').querySelectorAll('button').forEach(function (b) {
    var st = b.getAttribute('data-state');
    b.querySelector('.n').textContent = fmtNum(st ? list.counts[st] || 0 : total);
  });
  var body = $('jobs-body');
  var seen = new Set();
  var now = serverNow();
  list.jobs.forEach(function (j, i) {
    seen.add(j.id);
    var row = jobRows.get(j.id);
    if (!row) {
      var tds = [];
      for (var k = 0; k < 8; k++) tds.push(el('td'));
      var tr = el('tr', { 'data-testid': 'job-row', 'data-id': String(j.id), tabindex: '0' }, tds);
      tr.addEventListener('click', function () { showJob(j.id, true); });
      tr.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); showJob(j.id, true); } });
      row = { tr: tr, tds: tds, state: '' };
      jobRows.set(j.id, row);
    }
    var t = row.tds;
    row.tr.setAttribute('data-state', j.state);
    row.tr.classList.toggle('selected', j.id === S.selectedJob);
    cell(t[0], '#' + j.id, 'mono');
    cell(t[1], j.app + '.' + j.action, 'mono');
    if (row.state !== j.state) { t[2].textContent = ''; t[2].appendChild(pill(j.state)); row.state = j.state; }
    cell(t[3], j.worker ? String(j.worker) : '–', 'num');
    cell(t[4], fmtClock(j.submittedAtMs), 'dim');
    cell(t[5], fmtJobMs(waited(j, now)), 'num');
    cell(t[6], fmtJobMs(ran(j, now)), 'num');
    cell(t[7], j.errorCode || '', 'err');
    t[7].title = j.errorMessage || '';
    if (body.children[i] !== row.tr) body.insertBefore(row.tr, body.children[i] || null);
  });
  jobRows.forEach(function (r, id) { if (!seen.has(id)) { r.tr.remove(); jobRows.delete(id); } });
  $('jobs-empty').hidden = list.jobs.length > 0;
  setText('jobs-more', list.matched > list.jobs.length ? 'the newest ' + list.jobs.length + ' of ' + fmtNum(list.matched) : '');
}

function fmtJobMs(ms) { return ms === null ? '–' : ms < 1 ? '< 1 ms' : fmtUs(ms * 1000); }
function waited(j, now) {
  if (!j.submittedAtMs) return null;
  return (j.startedAtMs || (j.state === 'queued' ? now : j.endedAtMs || now)) - j.submittedAtMs;
}
function ran(j, now) {
  if (!j.startedAtMs) return null;
  return (j.endedAtMs || (ENDED[j.state] ? j.startedAtMs : now)) - j.startedAtMs;
}

function showJob(id, open) {
  if (open) {
    S.selectedJob = id;
    jobRows.forEach(function (r, k) { r.tr.classList.toggle('selected', k === id); });
  }
  getJSON('/api/jobs?id=' + id).then(function (list) {
    if (S.selectedJob !== id) return;
    renderDetail(id, list.jobs[0]);
  }).catch(function (err) { toast(err.message, true); });
}

function renderDetail(id, j) {
  var box = $('job-detail');
  box.hidden = false;
  box.parentNode.classList.add('open');
  box.setAttribute('data-id', String(id));
  setText('job-detail-title', 'Job #' + id);
  var dl = $('job-detail-fields');
  dl.textContent = '';
  var meta = $('job-detail-meta');
  meta.textContent = '';
  if (!j) {
    dl.appendChild(el('dd', { text: 'No longer listed: the arbiter keeps the newest ended jobs only.' }));
    meta.parentNode.hidden = true;
    $('job-detail-meta-empty').hidden = true;
    return;
  }
  box.setAttribute('data-state', j.state);
  var now = serverNow();
  var add = function (name, value, cls) {
    var dd = el('dd', { 'data-field': name, class: cls || '' });
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    dl.appendChild(el('dt', { text: name }));
    dl.appendChild(dd);
  };
  add('id', String(j.id), 'mono');
  add('app', j.app, 'mono');
  add('action', j.action, 'mono');
  add('state', pill(j.state));
  add('worker', j.worker ? String(j.worker) : '–');
  add('caller', j.caller || '–', 'mono');
  add('submitted', fmtStamp(j.submittedAtMs));
  add('started', fmtStamp(j.startedAtMs));
  add('ended', fmtStamp(j.endedAtMs));
  add('waited', fmtJobMs(waited(j, now)) + (j.state === 'queued' ? ' so far' : ''));
  add('ran', fmtJobMs(ran(j, now)) + (j.state === 'running' ? ' so far' : ''));
  add('payload', j.payloadBytes + ' bytes');
  add('chunks', String(j.chunks));
  if (j.errorCode) add('error code', j.errorCode, 'error');
  if (j.errorMessage) add('error', j.errorMessage, 'error');
  var keys = Object.keys(j.meta || {}).sort();
  keys.forEach(function (k) { meta.appendChild(el('tr', null, [el('td', { text: k }), el('td', { text: j.meta[k] })])); });
  $('job-detail-meta-empty').hidden = keys.length > 0;
  meta.parentNode.hidden = keys.length === 0;
}

$('job-detail-close').addEventListener('click', function () {
  var id = S.selectedJob;
  S.selectedJob = 0;
  $('job-detail').hidden = true;
  $('job-detail').parentNode.classList.remove('open');
  jobRows.forEach(function (r) { r.tr.classList.remove('selected'); });
  var row = jobRows.get(id);
  if (row) row.tr.focus();
});

// ---- the event stream

function onStatus(s) {
  S.status = s;
  S.statusAt = Date.now();
  S.skew = s.startedAtMs + s.uptimeMs - S.statusAt;
  renderStatus();
}

function addPoint(p) {
  var h = S.history;
  if (h.length && h[h.length - 1].t >= p.t) return;
  h.push(p);
  var keep = CONFIG.historySamples || 600;
  if (h.length > keep) h.splice(0, h.length - keep);
  drawCharts();
  if (S.status) renderStatus();
}

function live(text, on) {
  var e = $('live');
  e.textContent = text;
  e.className = 'live ' + (on ? 'on' : 'off');
}

var source = null;
function connect() {
  if (source) source.close();
  source = new EventSource('/api/events');
  source.addEventListener('open', function () { live('live', true); });
  source.addEventListener('status', function (ev) { onStatus(JSON.parse(ev.data)); });
  source.addEventListener('point', function (ev) { addPoint(JSON.parse(ev.data)); });
  source.addEventListener('tasks', function (ev) { S.tasks = JSON.parse(ev.data); renderTasks(); });
  source.addEventListener('error', function () {
    live('reconnecting…', false);
    // EventSource retries by itself, unless the server answered with an error (503: too many clients).
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
  });
}

function start() {
  buildTabs();
  Promise.all([getJSON('/api/status'), getJSON('/api/history'), getJSON('/api/tasks')]).then(function (r) {
    S.history = r[1];
    S.tasks = r[2];
    onStatus(r[0]);
    renderTasks();
    drawCharts();
  }).catch(function (err) { live('cannot reach the arbiter', false); toast(err.message, true); }).then(connect);
  setInterval(tickUptime, 1000);
  var redraw = 0;
  window.addEventListener('resize', function () { clearTimeout(redraw); redraw = setTimeout(drawCharts, 100); });
  if (window.matchMedia) window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawCharts);
}

start();
})();
`;
