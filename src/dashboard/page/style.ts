// The dashboard's style sheet: light and dark (prefers-color-scheme), system
// fonts, tabular numbers. The charts read their colours from the custom
// properties here, so they follow the scheme too.
export const DASHBOARD_STYLE = String.raw`
:root {
  color-scheme: light dark;
  --bg: #f3f5f7;
  --panel: #ffffff;
  --panel-2: #f7f9fa;
  --text: #1d2530;
  --muted: #66717f;
  --line: #e1e6eb;
  --grid: #edf0f3;
  --accent: #2f7d6d;
  --accent-text: #ffffff;
  --c1: #2f7d6d;
  --c2: #7a8fd9;
  --c3: #e08a2e;
  --c4: #c2466b;
  --ok: #23834f;
  --ok-bg: #e1f4e8;
  --info: #2f62b5;
  --info-bg: #e2ebfa;
  --warn: #9a6a00;
  --warn-bg: #fbf0d3;
  --bad: #b4323c;
  --bad-bg: #fbe3e4;
  --idle: #6b7580;
  --idle-bg: #eceff2;
  --shadow: 0 1px 2px rgba(16, 24, 40, .06);
  --radius: 10px;
  --mono: ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419;
    --panel: #171d24;
    --panel-2: #1c232b;
    --text: #e3e8ed;
    --muted: #8d98a5;
    --line: #29313b;
    --grid: #222a33;
    --accent: #4fb39c;
    --accent-text: #0c1512;
    --c1: #4fb39c;
    --c2: #8ea2ee;
    --c3: #f0a24d;
    --c4: #ea6f92;
    --ok: #5fcf8c;
    --ok-bg: #173826;
    --info: #7aa7f0;
    --info-bg: #1a2a45;
    --warn: #f0c15a;
    --warn-bg: #3a2f12;
    --bad: #f47a82;
    --bad-bg: #47191d;
    --idle: #9aa4ae;
    --idle-bg: #262d35;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body {
  margin: 0; color: var(--text); background: var(--bg);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
h2, h3, h4 { margin: 0; font-weight: 600; }
button, input, select { font: inherit; color: inherit; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }

/* header */
.top {
  display: flex; align-items: center; gap: 22px; padding: 10px 20px;
  background: var(--panel); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 5;
}
.brand { display: flex; align-items: center; gap: 9px; font-weight: 700; font-size: 17px; letter-spacing: .2px; }
.logo { width: 22px; height: 22px; border-radius: 6px; background:
  linear-gradient(90deg, transparent 5px, var(--accent-text) 5px 7px, transparent 7px 10px, var(--accent-text) 10px 12px, transparent 12px 15px, var(--accent-text) 15px 17px, transparent 17px) center / 100% 12px no-repeat, var(--accent); }
.facts { display: flex; gap: 22px; margin: 0; flex: 1; min-width: 0; }
.facts div { min-width: 0; }
.facts dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .5px; }
.facts dd { margin: 0; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.facts .wide dd { font-family: var(--mono); font-weight: 500; font-size: 13px; max-width: 340px; }
.badge { padding: 3px 10px; border-radius: 999px; font-weight: 600; font-size: 12px; background: var(--idle-bg); color: var(--idle); text-transform: uppercase; letter-spacing: .4px; }
.badge.running { background: var(--ok-bg); color: var(--ok); }
.badge.starting { background: var(--info-bg); color: var(--info); }
.badge.stopping { background: var(--bad-bg); color: var(--bad); }
.live { font-size: 12px; color: var(--muted); white-space: nowrap; }
.live::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: var(--muted); vertical-align: 1px; }
.live.on::before { background: var(--ok); box-shadow: 0 0 0 3px var(--ok-bg); }
.live.off::before { background: var(--bad); }

main { padding: 16px 20px 40px; display: grid; gap: 16px; max-width: 1600px; margin: 0 auto; }

/* cards */
.cards { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 12px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 10px 12px; box-shadow: var(--shadow); min-width: 0; }
.card h2 { font-size: 11px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .5px; }
.card p { margin: 2px 0 0; font-size: 22px; font-weight: 650; white-space: nowrap; }
.card small { display: block; color: var(--muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-height: 1.3em; }

/* panels */
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); min-width: 0; }
.panel-head { display: flex; align-items: center; gap: 12px; padding: 10px 14px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.panel-head h2 { font-size: 14px; flex: 1; }
.hint { color: var(--muted); font-size: 12px; }
.count { background: var(--panel-2); border: 1px solid var(--line); border-radius: 999px; padding: 0 9px; font-weight: 600; font-size: 12px; }
.empty { color: var(--muted); margin: 0; padding: 14px; }

.segmented { display: inline-flex; border: 1px solid var(--line); border-radius: 7px; overflow: hidden; }
.segmented button { border: 0; background: transparent; padding: 3px 10px; cursor: pointer; color: var(--muted); }
.segmented button + button { border-left: 1px solid var(--line); }
.segmented button[aria-pressed="true"] { background: var(--accent); color: var(--accent-text); }

/* charts */
.charts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); }
.charts.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.chart { margin: 0; padding: 10px 14px 8px; min-width: 0; }
.chart + .chart { border-left: 1px solid var(--line); }
.chart figcaption { font-size: 12px; font-weight: 600; }
.legend { font-weight: 400; color: var(--muted); display: flex; gap: 10px; white-space: nowrap; overflow: hidden; min-height: 17px; margin-top: 2px; }
.legend i { display: inline-block; width: 10px; height: 3px; border-radius: 2px; vertical-align: 3px; margin-right: 4px; }
.legend b { color: var(--text); font-weight: 600; }
.chart canvas { display: block; width: 100%; height: 150px; margin-top: 6px; }

/* workers and restarts */
.split { display: grid; grid-template-columns: minmax(0, 1fr) 260px; gap: 16px; align-items: start; }
.actions { display: flex; gap: 14px; align-items: center; flex-wrap: wrap; }
.scale { display: inline-flex; align-items: center; gap: 4px; }
.scale label { color: var(--muted); font-size: 12px; margin-right: 4px; }
.scale input { width: 56px; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel-2); text-align: center; }
.actions button {
  border: 1px solid var(--line); background: var(--panel-2); border-radius: 6px; padding: 3px 10px; cursor: pointer; min-height: 28px;
}
.actions button.step { width: 28px; padding: 0; font-weight: 700; font-size: 15px; }
.actions button:hover:not(:disabled) { border-color: var(--accent); }
.actions button:focus-visible, .segmented button:focus-visible, .tabs button:focus-visible, input:focus-visible, select:focus-visible, tr[tabindex]:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.actions button:disabled { opacity: .5; cursor: default; }
.actions .reload { background: var(--accent); border-color: var(--accent); color: var(--accent-text); font-weight: 600; }
.actions .reload.confirm { background: var(--warn-bg); border-color: var(--warn); color: var(--warn); }

.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 6px 10px; white-space: nowrap; border-bottom: 1px solid var(--line); }
th { font-size: 11px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .4px; background: var(--panel-2); }
tbody tr:last-child td { border-bottom: 0; }
.num { text-align: right; }
td.mono, .mono { font-family: var(--mono); font-size: 12.5px; }
td.dim { color: var(--muted); }
caption { text-align: left; padding: 10px 14px 6px; font-weight: 600; }

.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.s-ready, .s-succeeded { background: var(--ok-bg); color: var(--ok); }
.s-booting, .s-running { background: var(--info-bg); color: var(--info); }
.s-draining, .s-queued { background: var(--warn-bg); color: var(--warn); }
.s-stopping, .s-failed, .s-timeout, .s-lost { background: var(--bad-bg); color: var(--bad); }
.s-cancelled, .s-exited { background: var(--idle-bg); color: var(--idle); }
.kind { color: var(--muted); font-size: 12px; }

.bar { display: inline-flex; align-items: center; gap: 6px; }
.bar span { display: inline-block; width: 54px; height: 6px; border-radius: 3px; background: var(--grid); overflow: hidden; }
.bar span i { display: block; height: 100%; background: var(--c1); }
.bar.full span i { background: var(--c3); }
.warn-text { color: var(--warn); font-weight: 600; }
.bad-text { color: var(--bad); font-weight: 600; }
canvas.spark { display: block; width: 96px; height: 22px; }

@keyframes arrive { from { background: var(--info-bg); } to { background: transparent; } }
tr.new td { animation: arrive 2.5s ease-out; }

.restarts { list-style: none; margin: 0; padding: 8px 14px; display: grid; gap: 8px; }
.restarts li { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; font-size: 13px; }
.restarts li span:first-child { font-family: var(--mono); font-size: 12.5px; }
.restarts li b { text-align: right; }
.restarts li .track { grid-column: 1 / -1; height: 5px; border-radius: 3px; background: var(--grid); overflow: hidden; }
.restarts li .track i { display: block; height: 100%; background: var(--c4); }
.restarts li.benign .track i { background: var(--c2); }
.totals { margin: 0; padding: 10px 14px 12px; border-top: 1px solid var(--line); display: grid; gap: 4px; }
.totals div { display: flex; justify-content: space-between; gap: 8px; font-size: 13px; }
.totals dt { color: var(--muted); }
.totals dd { margin: 0; font-weight: 600; }

/* tasks and jobs */
.tabs { display: flex; gap: 2px; padding: 8px 14px 0; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.tabs button { border: 0; border-bottom: 2px solid transparent; background: none; padding: 6px 10px; cursor: pointer; color: var(--muted); font-weight: 600; }
.tabs button[aria-selected="true"] { color: var(--text); border-bottom-color: var(--accent); }
.tabs button .n { margin-left: 6px; font-weight: 500; font-size: 11px; padding: 0 6px; border-radius: 999px; background: var(--panel-2); border: 1px solid var(--line); }
.filter { color: var(--muted); font-size: 12px; display: inline-flex; gap: 6px; align-items: center; }
.filter select { padding: 3px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel-2); }
.jobs-split { display: grid; grid-template-columns: minmax(0, 1fr); }
.jobs-split.open { grid-template-columns: minmax(0, 1fr) 380px; }
.jobs-list { max-height: min(560px, 70vh); overflow: auto; }
.jobs tbody tr { cursor: pointer; }
.jobs tbody tr:hover td, .jobs tbody tr.selected td { background: var(--panel-2); }
.jobs tbody tr.selected td:first-child { box-shadow: inset 3px 0 0 var(--accent); }
.jobs td.err { max-width: 260px; overflow: hidden; text-overflow: ellipsis; color: var(--bad); }
.detail { border-left: 1px solid var(--line); padding: 0 0 12px; min-width: 0; background: var(--panel); }
.detail-head { display: flex; align-items: center; padding: 10px 14px; border-bottom: 1px solid var(--line); }
.detail-head h3 { flex: 1; font-size: 14px; }
.detail .close { border: 0; background: none; font-size: 20px; line-height: 1; cursor: pointer; color: var(--muted); padding: 2px 6px; border-radius: 6px; }
.detail .close:hover { color: var(--text); background: var(--panel-2); }
.detail dl { margin: 0; padding: 8px 14px; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 5px 14px; font-size: 13px; }
.detail dt { color: var(--muted); }
.detail dd { margin: 0; overflow-wrap: anywhere; }
.detail dd.error { color: var(--bad); font-family: var(--mono); font-size: 12.5px; white-space: pre-wrap; }
.detail h4 { font-size: 11px; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); padding: 8px 14px 4px; }
.detail table.meta { margin: 0 14px; width: calc(100% - 28px); border: 1px solid var(--line); border-radius: 6px; }
.detail table.meta td { font-family: var(--mono); font-size: 12px; white-space: normal; overflow-wrap: anywhere; }

.token { position: fixed; left: 50%; top: 70px; transform: translateX(-50%); z-index: 20; display: flex; gap: 8px; align-items: center;
  background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; box-shadow: 0 10px 30px rgba(0,0,0,.2); }
.token input { padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel-2); width: 260px; }
.token button { border: 1px solid var(--line); background: var(--panel-2); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.token button[type="submit"] { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }

.toast { position: fixed; right: 20px; bottom: 20px; z-index: 30; max-width: 460px; padding: 10px 14px; border-radius: 8px;
  background: var(--text); color: var(--bg); box-shadow: 0 10px 30px rgba(0,0,0,.25); font-size: 13px; }
.toast.error { background: var(--bad); color: #fff; }

@media (max-width: 1200px) {
  .cards { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .chart:nth-child(3) { border-left: 0; }
  .chart:nth-child(n + 3) { border-top: 1px solid var(--line); }
  .split { grid-template-columns: minmax(0, 1fr); }
  .facts .wide { display: none; }
}
@media (max-width: 760px) {
  .top { flex-wrap: wrap; gap: 10px 16px; }
  .facts { flex-wrap: wrap; gap: 8px 16px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .charts { grid-template-columns: minmax(0, 1fr); }
  .chart + .chart { border-left: 0; border-top: 1px solid var(--line); }
  .jobs-split.open { grid-template-columns: minmax(0, 1fr); }
  .detail { border-left: 0; border-top: 1px solid var(--line); }
}
@media (prefers-reduced-motion: reduce) { tr.new td { animation: none; } }
`;
