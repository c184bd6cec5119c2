// What Linux's /proc says about sockets: accept-queue lengths of listeners
// and the sockets a process holds. Used to observe a worker from outside
// without trusting what it reports.
//
//   /proc/net/tcp:  sl local_address rem_address st tx_queue:rx_queue ... uid timeout inode
//                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000003 ...
//   For a LISTEN socket (st 0A) rx_queue is the number of connections waiting
//   in the accept queue, and tx_queue the backlog limit.
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, readlinkSync } from 'node:fs';

export interface TcpEntry {
  local: string;
  localPort: number;
  remote: string;
  remotePort: number;
  /** Hex state: 0A = LISTEN, 01 = ESTABLISHED, ... */
  state: string;
  rxQueue: number;
  txQueue: number;
  inode: number;
}

export const procAvailable: boolean = existsSync('/proc/net/tcp');

function parseHexAddress(s: string): { address: string; port: number } {
  const [addr = '', port = '0'] = s.split(':');
  let address = addr;
  if (addr.length === 8) {
    // Little-endian IPv4.
    const n = parseInt(addr, 16);
    address = [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff].join('.');
  }
  return { address, port: parseInt(port, 16) };
}

/** Parses the text of /proc/net/tcp or /proc/net/tcp6. */
export function parseTcpTable(text: string): TcpEntry[] {
  const out: TcpEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseHexAddress(f[1] as string);
    const remote = parseHexAddress(f[2] as string);
    const [tx = '0', rx = '0'] = (f[4] as string).split(':');
    out.push({
      local: local.address,
      localPort: local.port,
      remote: remote.address,
      remotePort: remote.port,
      state: f[3] as string,
      txQueue: parseInt(tx, 16),
      rxQueue: parseInt(rx, 16),
      inode: Number(f[9]),
    });
  }
  return out;
}

/** Every TCP socket of this network namespace. */
export function tcpTable(): TcpEntry[] {
  const out: TcpEntry[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      out.push(...parseTcpTable(readFileSync(file, 'utf8')));
    } catch {
      // tcp6 is absent without IPv6.
    }
  }
  return out;
}

/**
 * The listening sockets of a table. The kernel lists listening sockets
 * before established and TIME_WAIT ones, so reading stops at the first line
 * in another state: a full read of /proc/net/tcp costs milliseconds per
 * thousand sockets, and a test run leaves thousands in TIME_WAIT.
 */
function listeningIn(file: string): TcpEntry[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  const out: TcpEntry[] = [];
  try {
    const chunk = Buffer.alloc(65536);
    let text = '';
    let header = true;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n <= 0) break;
      text += chunk.toString('latin1', 0, n);
      const lines = text.split('\n');
      text = lines.pop() ?? '';
      for (const line of lines) {
        if (header) {
          header = false;
          continue;
        }
        const entry = parseTcpTable('header\n' + line)[0];
        if (!entry) continue;
        if (entry.state !== '0A') return out;
        out.push(entry);
      }
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/** Connections waiting in the accept queue of the listener with this inode, or undefined. */
export function acceptQueueByInode(inode: number): number | undefined {
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const e = listeningIn(file).find((t) => t.inode === inode);
    if (e) return e.rxQueue;
  }
  return undefined;
}

/** Every listening TCP socket of this network namespace. */
export function listeningTable(): TcpEntry[] {
  return [...listeningIn('/proc/net/tcp'), ...listeningIn('/proc/net/tcp6')];
}

/** Socket inodes held by a process, by fd. Empty when the process is gone. */
export function socketInodes(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) out.set(Number(fd), Number(m[1]));
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** Every open fd of a process with what it points to (readlink). */
export function openFds(pid: number | 'self'): Map<number, string> {
  const out = new Map<number, string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    try {
      out.set(Number(fd), readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // closed meanwhile (e.g. the fd readdir itself used)
    }
  }
  return out;
}

/** The socket type of an inode as /proc/net/unix reports it (1 stream, 2 dgram, 5 seqpacket), if unix. */
export function unixSocketType(inode: number): number | undefined {
  try {
    for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (Number(f[6]) === inode) return parseInt(f[4] as string, 16);
    }
  } catch {
    // no /proc
  }
  return undefined;
}

/** The state of a process from /proc/<pid>/stat ("R", "S", "Z", ...), undefined if gone. */
export function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** File status flags of a descriptor (fdinfo "flags:", octal), undefined if unreadable. */
export function fdFlags(pid: number | 'self', fd: number): number | undefined {
  try {
    const m = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
    return m ? parseInt(m[1] as string, 8) : undefined;
  } catch {
    return undefined;
  }
}

export const O_NONBLOCK = 0o4000;
export const O_CLOEXEC = 0o2000000;

/** The fd of `pid` whose socket inode is `inode`, if it holds one. */
export function fdOfInode(pid: number, inode: number): number | undefined {
  for (const [fd, ino] of socketInodes(pid)) if (ino === inode) return fd;
  return undefined;
}

/** The descendants of a process (children, grandchildren, ...), from /proc/<pid>/task/<tid>/children. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && out.length < 1000) {
    const p = queue.shift() as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean)) {
          out.push(Number(c));
          queue.push(Number(c));
        }
      } catch {
        // gone
      }
    }
  }
  return out;
}

/**
 * The processes among `pids` that hold a descriptor for socket `inode`.
 * (Scanning every process of the machine would block the suite's event loop
 * for too long; callers pass the processes that could have received it.)
 */
export function holdersOf(inode: number, pids: number[]): number[] {
  const out: number[] = [];
  for (const pid of pids) {
    for (const ino of socketInodes(pid).values()) {
      if (ino === inode) {
        out.push(pid);
        break;
      }
    }
  }
  return out;
}

/**
 * The epoll registrations of a process, from the fdinfo of its epoll
 * descriptors: for each watched file, its inode and the event mask.
 */
export function epollRegistrations(pid: number): { epfd: number; tfd: number; events: number; inode: number }[] {
  const out: { epfd: number; tfd: number; events: number; inode: number }[] = [];
  for (const [fd, target] of openFds(pid)) {
    if (target !== 'anon_inode:[eventpoll]') continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^tfd:\s*(\d+)\s+events:\s*([0-9a-f]+).*?\bino:\s*([0-9a-f]+)/gm)) {
      out.push({ epfd: fd, tfd: Number(m[1]), events: parseInt(m[2] as string, 16), inode: parseInt(m[3] as string, 16) });
    }
  }
  return out;
}

export const EPOLLEXCLUSIVE = 1 << 28;
