// The dashboard's page. No framework, no CDN, nothing fetched from anywhere
// but this server: it works offline and under a strict Content-Security-Policy
// (no inline script or style; the configuration rides in a JSON script block,
// which is data, not code). {{CONFIG}} is filled in by server.ts.
export const DASHBOARD_HTML = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>corral dashboard</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='1' y='1' width='14' height='14' rx='3' fill='%232f7d6d'/%3E%3Cpath d='M4 4v8M8 4v8M12 4v8' stroke='white' stroke-width='1.6'/%3E%3C/svg%3E">
<link rel="stylesheet" href="/dashboard.css">
<script type="application/json" id="config">{{CONFIG}}</script>
<script src="/dashboard.js" defer></script>
</head>
<body>
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true"></span><span>corral</span></div>
  <dl class="facts">
    <div><dt>pid</dt><dd id="pid" data-testid="pid">–</dd></div>
    <div><dt>strategy</dt><dd id="strategy" data-testid="strategy">–</dd></div>
    <div><dt>generation</dt><dd id="generation" data-testid="generation">–</dd></div>
    <div><dt>uptime</dt><dd id="uptime" data-testid="uptime">–</dd></div>
    <div class="wide"><dt>listening</dt><dd id="listeners" data-testid="listeners">–</dd></div>
  </dl>
  <span id="state" class="badge" data-testid="state">–</span>
  <span id="live" class="live" data-testid="live" role="status" aria-live="polite">connecting…</span>
</header>

<main>
  <section class="cards" aria-label="Now">
    <div class="card"><h2 id="card-accepts-title">accepts/s</h2><p id="card-accepts" data-testid="card-accepts">–</p><small id="card-accepts-sub"></small></div>
    <div class="card"><h2 id="card-p99-title">p99 latency</h2><p id="card-p99" data-testid="card-p99">–</p><small id="card-p99-sub"></small></div>
    <div class="card"><h2>in flight</h2><p id="card-inflight" data-testid="card-inflight">–</p><small id="card-inflight-sub"></small></div>
    <div class="card"><h2>workers</h2><p id="card-workers" data-testid="card-workers">–</p><small id="card-workers-sub"></small></div>
    <div class="card"><h2>CPU</h2><p id="card-cpu" data-testid="card-cpu">–</p><small id="card-cpu-sub"></small></div>
    <div class="card"><h2>memory</h2><p id="card-rss" data-testid="card-rss">–</p><small id="card-rss-sub"></small></div>
    <div class="card"><h2>restarts</h2><p id="card-restarts" data-testid="card-restarts">–</p><small id="card-restarts-sub"></small></div>
  </section>

  <section class="panel charts-panel" aria-labelledby="charts-title">
    <div class="panel-head">
      <h2 id="charts-title">Last <span id="window-label">5 minutes</span></h2>
      <div class="segmented" role="group" aria-label="Time window">
        <button type="button" data-window="60" data-testid="window-60">1m</button>
        <button type="button" data-window="300" data-testid="window-300" aria-pressed="true">5m</button>
        <button type="button" data-window="600" data-testid="window-600">10m</button>
      </div>
    </div>
    <div class="charts" id="charts">
      <figure class="chart" data-testid="chart-throughput"><figcaption>Throughput <span class="legend" id="legend-throughput"></span></figcaption><canvas id="chart-throughput" role="img" aria-label="accepts and requests per second"></canvas></figure>
      <figure class="chart" id="figure-latency" data-testid="chart-latency"><figcaption>Latency <span class="legend" id="legend-latency"></span></figcaption><canvas id="chart-latency" role="img" aria-label="p50 and p99 latency"></canvas></figure>
      <figure class="chart" data-testid="chart-load"><figcaption>In flight <span class="legend" id="legend-load"></span></figcaption><canvas id="chart-load" role="img" aria-label="requests and jobs in flight"></canvas></figure>
      <figure class="chart" data-testid="chart-cpu"><figcaption>CPU <span class="legend" id="legend-cpu"></span></figcaption><canvas id="chart-cpu" role="img" aria-label="CPU of all workers"></canvas></figure>
    </div>
  </section>

  <div class="split">
    <section class="panel workers-panel" aria-labelledby="workers-title">
      <div class="panel-head">
        <h2 id="workers-title">Workers</h2>
        <div class="actions">
          <div class="scale" id="scale-socket" data-testid="scale-socket">
            <label for="scale-socket-input">socket workers</label>
            <button type="button" class="step" id="scale-socket-minus" data-testid="scale-socket-minus" aria-label="one socket worker fewer">−</button>
            <input type="number" id="scale-socket-input" data-testid="scale-socket-input" min="1" max="1024" step="1" inputmode="numeric">
            <button type="button" class="step" id="scale-socket-plus" data-testid="scale-socket-plus" aria-label="one socket worker more">+</button>
            <button type="button" id="scale-socket-set" data-testid="scale-socket-set">Set</button>
          </div>
          <div class="scale" id="scale-task" data-testid="scale-task" hidden>
            <label for="scale-task-input">task workers</label>
            <button type="button" class="step" id="scale-task-minus" data-testid="scale-task-minus" aria-label="one task worker fewer">−</button>
            <input type="number" id="scale-task-input" data-testid="scale-task-input" min="1" max="1024" step="1" inputmode="numeric">
            <button type="button" class="step" id="scale-task-plus" data-testid="scale-task-plus" aria-label="one task worker more">+</button>
            <button type="button" id="scale-task-set" data-testid="scale-task-set">Set</button>
          </div>
          <button type="button" id="reload" class="reload" data-testid="reload" title="Start a new generation of workers; the old one drains once it is ready">Reload</button>
        </div>
      </div>
      <div class="table-wrap">
        <table class="workers" data-testid="workers-table">
          <caption class="sr-only">Workers of this pool</caption>
          <thead>
            <tr>
              <th scope="col">id</th><th scope="col">kind</th><th scope="col">pid</th><th scope="col">gen</th><th scope="col">state</th>
              <th scope="col">in flight</th><th scope="col" class="num">accepts/s</th><th scope="col" class="num">p99</th><th scope="col" class="num">CPU</th>
              <th scope="col" class="num">RSS</th><th scope="col" class="num">heartbeat</th><th scope="col" class="num">age</th><th scope="col">last minute</th>
            </tr>
          </thead>
          <tbody id="workers-body"></tbody>
        </table>
      </div>
      <p class="empty" id="workers-empty" hidden>No workers.</p>
    </section>

    <aside class="panel restarts-panel" aria-labelledby="restarts-title">
      <div class="panel-head"><h2 id="restarts-title">Restarts</h2><span class="count" id="restarts-total" data-testid="restarts-total">0</span></div>
      <ul class="restarts" id="restarts" data-testid="restarts"></ul>
      <p class="empty" id="restarts-empty">No worker has exited.</p>
      <dl class="totals">
        <div><dt>accepted since start</dt><dd id="accepted-total">–</dd></div>
        <div><dt>boot failures in a row</dt><dd id="boot-failures">–</dd></div>
        <div><dt>target</dt><dd id="targets">–</dd></div>
      </dl>
    </aside>
  </div>

  <section class="panel tasks-panel" id="tasks" aria-labelledby="tasks-title" hidden>
    <div class="panel-head"><h2 id="tasks-title">Task apps</h2><span class="hint" id="queue-state"></span></div>
    <div class="table-wrap">
      <table class="apps" data-testid="apps-table">
        <caption class="sr-only">Task apps</caption>
        <thead>
          <tr>
            <th scope="col">app</th><th scope="col" class="num">workers</th><th scope="col" class="num">queued</th><th scope="col" class="num">in flight</th>
            <th scope="col" class="num">completed</th><th scope="col" class="num">failed</th><th scope="col" class="num">rejected</th><th scope="col" class="num">lost</th>
            <th scope="col" class="num">wait p50</th><th scope="col" class="num">wait p99</th><th scope="col" class="num">run p50</th><th scope="col" class="num">run p99</th>
          </tr>
        </thead>
        <tbody id="apps-body"></tbody>
      </table>
    </div>
    <div class="table-wrap" id="queues-wrap" hidden>
      <table class="queues" data-testid="queues-table">
        <caption>Durable queues <span id="queue-summary"></span></caption>
        <thead><tr><th scope="col">queue</th><th scope="col" class="num">waiting</th><th scope="col" class="num">delayed</th><th scope="col" class="num">dead</th></tr></thead>
        <tbody id="queues-body"></tbody>
      </table>
    </div>
  </section>

  <section class="panel jobs-panel" id="jobs" aria-labelledby="jobs-title" hidden>
    <div class="panel-head">
      <h2 id="jobs-title">Jobs</h2>
      <label class="filter">app <select id="jobs-app" data-testid="jobs-app"><option value="">all</option></select></label>
    </div>
    <div class="tabs" role="tablist" aria-label="Job state" id="job-tabs"></div>
    <div class="jobs-split">
      <div class="table-wrap jobs-list">
        <table class="jobs" data-testid="jobs-table">
          <caption class="sr-only">Jobs in the chosen state, newest first</caption>
          <thead>
            <tr><th scope="col">id</th><th scope="col">job</th><th scope="col">state</th><th scope="col" class="num">worker</th><th scope="col">submitted</th><th scope="col" class="num">wait</th><th scope="col" class="num">run</th><th scope="col">error</th></tr>
          </thead>
          <tbody id="jobs-body"></tbody>
        </table>
        <p class="empty" id="jobs-empty">No jobs here.</p>
        <p class="hint" id="jobs-more"></p>
      </div>
      <article class="detail" id="job-detail" data-testid="job-detail" aria-live="polite" hidden>
        <div class="detail-head"><h3 id="job-detail-title">Job</h3><button type="button" class="close" id="job-detail-close" data-testid="job-detail-close" aria-label="Close the job's details">×</button></div>
        <dl id="job-detail-fields"></dl>
        <h4>meta</h4>
        <table class="meta" data-testid="job-detail-meta"><thead><tr><th scope="col">key</th><th scope="col">value</th></tr></thead><tbody id="job-detail-meta"></tbody></table>
        <p class="empty" id="job-detail-meta-empty">None.</p>
      </article>
    </div>
  </section>
</main>

<form class="token" id="token-form" data-testid="token-form" hidden>
  <label for="token-input">This dashboard needs its token for actions</label>
  <input type="password" id="token-input" data-testid="token-input" autocomplete="off" spellcheck="false">
  <button type="submit">Use token</button>
  <button type="button" id="token-cancel">Cancel</button>
</form>
<div class="toast" id="toast" data-testid="toast" role="status" aria-live="polite" hidden></div>
</body>
</html>
`;
