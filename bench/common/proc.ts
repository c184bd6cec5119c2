// Processes and their kernel accounting, from /proc: the benches' one
// reader (herd's pools, the tasks and queue drivers).
//
// Context switches: /proc/PID/status shows the main thread only, so the
// counts are summed over /proc/PID/task/*/status (every thread). CPU time:
// /proc/PID/task/*/schedstat (first field, ns on CPU), which is exact where
// /proc/PID/stat's utime+stime come in 10 ms ticks; it falls back to stat
// where schedstat is missing. A thread that exits during a run takes its
// counts with it; Node's and nginx's threads live as long as the process.
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcSample {
  pid: number;
  voluntary: number;
  involuntary: number;
  cpuNs: number;
}

const TICK_NS = 1e9 / 100; // CLK_TCK is 100 on Linux

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields of /proc/PID/stat after comm (the comm field may hold spaces and parens: parse after the last ')'); [0] is the state, [1] the ppid. */
function statFields(text: string): string[] {
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** One field of /proc/PID/stat counted after comm (0 the state, 1 the ppid, 19 the start time), undefined if the process is gone. */
export function statField(pid: number, index: number): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : statFields(stat)[index];
}

/** Every process's children, by parent pid, in /proc's order. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const ppid = Number(statFields(stat)[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  return children;
}

/** The leader and all its descendants, leader first. */
export function processTree(leader: number): number[] {
  const children = childrenByParent();
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of (children.get(pid) ?? []).sort((a, b) => a - b)) walk(c);
  };
  if (read(`/proc/${leader}/stat`) !== undefined) walk(leader);
  return out;
}

/** Every descendant of root (by default this process), parents before their children, or only those `depth` levels down at most. */
export function descendants(root = process.pid, depth = Infinity): number[] {
  const kids = childrenByParent();
  const out: number[] = [];
  const walk = (p: number, d: number) => (kids.get(p) ?? []).forEach((c) => { out.push(c); if (d > 1) walk(c, d - 1); });
  walk(root, depth);
  return out;
}

/** Summed over every thread of the process; undefined if it is gone. */
export function sampleProcess(pid: number): ProcSample | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const s: ProcSample = { pid, voluntary: 0, involuntary: 0, cpuNs: 0 };
  for (const tid of tasks) {
    const status = read(`/proc/${pid}/task/${tid}/status`);
    if (status) {
      s.voluntary += Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      s.involuntary += Number(/^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    }
    const sched = read(`/proc/${pid}/task/${tid}/schedstat`);
    if (sched) s.cpuNs += Number(sched.split(' ')[0] ?? 0);
    else {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (stat) {
        const f = statFields(stat);
        s.cpuNs += (Number(f[11] ?? 0) + Number(f[12] ?? 0)) * TICK_NS;
      }
    }
  }
  return s;
}

export function samplePool(pids: number[]): Map<number, ProcSample> {
  const out = new Map<number, ProcSample>();
  for (const pid of pids) {
    const s = sampleProcess(pid);
    if (s) out.set(pid, s);
  }
  return out;
}

export interface ProcDelta {
  ctxSwitches: number;
  voluntary: number;
  involuntary: number;
  cpuMs: number;
}

/** after - before over the given pids (a pid missing from either sample counts 0). */
export function procDelta(before: Map<number, ProcSample>, after: Map<number, ProcSample>, pids: number[]): ProcDelta {
  const d: ProcDelta = { ctxSwitches: 0, voluntary: 0, involuntary: 0, cpuMs: 0 };
  for (const pid of pids) {
    const a = after.get(pid);
    const b = before.get(pid);
    if (!a || !b) continue;
    d.voluntary += a.voluntary - b.voluntary;
    d.involuntary += a.involuntary - b.involuntary;
    d.cpuMs += (a.cpuNs - b.cpuNs) / 1e6;
  }
  d.ctxSwitches = d.voluntary + d.involuntary;
  return d;
}

export function machine(): { cpus: number; model: string; kernel: string } {
  const cpuinfo = read('/proc/cpuinfo') ?? '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const cpus = (cpuinfo.match(/^processor\s*:/gm) ?? []).length || 1;
  const kernel = (read('/proc/sys/kernel/osrelease') ?? 'unknown').trim();
  return { cpus, model, kernel };
}

/** Busy CPU time of the whole machine so far, ms (/proc/stat: everything but idle and iowait). */
export function machineBusyMs(): number {
  const line = (read('/proc/stat') ?? '').split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return 0;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest is already in user)
  const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0);
  return (busy * TICK_NS) / 1e6;
}

/** Resident set size of one process in KiB (/proc/PID/status VmRSS), or undefined if it is gone. */
export function rssKiB(pid: number): number | undefined {
  const status = read(`/proc/${pid}/status`);
  const m = status ? /^VmRSS:\s+(\d+)\s+kB/m.exec(status) : null;
  return m ? Number(m[1]) : undefined;
}

export interface RssFigures {
  /** Over every sample of every worker, MiB. */
  workerMaxMiB: number | null;
  workerMedianMiB: number | null;
  /** The leader (arbiter / primary / master), MiB. */
  arbiterMaxMiB: number | null;
  arbiterMedianMiB: number | null;
  samples: number;
}

/**
 * Samples VmRSS of the leader and the workers every `intervalMs` while a run
 * goes on (plus once at start and once at stop, so a run shorter than the
 * interval still has two samples per process). Reads are a few µs per pid.
 */
export class RssSampler {
  private readonly worker: number[] = [];
  private readonly leader: number[] = [];
  private samples = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly leaderPid: number, private readonly workerPids: number[], private readonly intervalMs = 100) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): RssFigures {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    const mib = (kib: number) => kib / 1024;
    const med = (xs: number[]) => {
      if (xs.length === 0) return null;
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return mib(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
    };
    const max = (xs: number[]) => (xs.length ? mib(Math.max(...xs)) : null);
    return { workerMaxMiB: max(this.worker), workerMedianMiB: med(this.worker), arbiterMaxMiB: max(this.leader), arbiterMedianMiB: med(this.leader), samples: this.samples };
  }

  private sample(): void {
    this.samples++;
    const l = rssKiB(this.leaderPid);
    if (l !== undefined) this.leader.push(l);
    for (const pid of this.workerPids) {
      const w = rssKiB(pid);
      if (w !== undefined) this.worker.push(w);
    }
  }
}
