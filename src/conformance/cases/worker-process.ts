// Worker cases: the initial process state (spec section 2) as the worker
// sees it, and its descriptor hygiene (section 11.1).
import { ENV } from '../../transport/process-state.js';
import { O_CLOEXEC, O_NONBLOCK, descendants, fdFlags, fdOfInode, holdersOf, listeningTable, procAvailable, socketInodes } from '../procfs.js';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { check, type WorkerContext } from '../worker-context.js';
import { sleep, startWait, type TestWorker } from '../worker-harness.js';
import { FULL_REQUEST, exitText, expectStatus, variants, workerCase, type WorkerCase } from './common.js';

function needProc(): void {
  if (!procAvailable) throw new CaseSkipped('needs Linux /proc to look at the worker\'s descriptors');
}

/** A strategy in which the worker gets listeners (not handoff). */
function listenerStrategy(ctx: WorkerContext): 'shared' | 'arbiter' | 'exclusive' | 'reuseport' {
  for (const s of ['shared', 'arbiter', 'exclusive', 'reuseport'] as const) if (ctx.has(`accept.${s}`)) return s;
  throw new CaseUnsupported('the worker declares no strategy that uses inherited listeners');
}

/** Listening TCP sockets the worker holds that the suite did not give it. */
function foreignListeners(w: TestWorker): string[] {
  const inodes = new Set(socketInodes(w.pid).values());
  const ours = new Set(w.listeners.map((l) => l.inode));
  return listeningTable().filter((t) => t.state === '0A' && inodes.has(t.inode) && !ours.has(t.inode)).map((t) => `${t.local}:${t.localPort}`);
}

export const processCases: WorkerCase[] = [
  workerCase({
    id: 'W-PS-001',
    section: '2.1',
    slug: 'inherited-listener-used-as-given',
    title: 'The worker serves the listener it inherits, keeps it non-blocking, listens on nothing else and shares nothing',
    requirements: ['ACCEPT-1', 'ACCEPT-38', 'PROC-11', 'SEC-4'],
    level: 'MUST',
    procedure: [
      'Start the worker with one listener at fd 3 (LISTEN_FDS=1) in a strategy that uses listeners; complete the handshake.',
      'Have a client served (with a grant of one in the arbiter strategy).',
      'Look at the worker\'s sockets and at the listener\'s file status flags in /proc, and at who holds the worker\'s control channel end.',
    ],
    expectations: [
      'The client gets a response.',
      'The worker holds no listening TCP socket other than the one it was given.',
      'O_NONBLOCK is still set on the listener (its open file description is shared with the arbiter).',
      'No process the worker started holds its end of the control channel.',
    ],
    async run(ctx) {
      needProc();
      const w = ctx.start({ strategy: listenerStrategy(ctx) });
      await w.handshake();
      const client = await ctx.inFlight(w, FULL_REQUEST);
      check(await client.gotResponse(ctx.timing.timeoutMs), 'the client got no response', `a response within ${ctx.timing.timeoutMs} ms`,
        client.closed ? 'the connection was closed without a byte' : 'no byte', ['ACCEPT-1']);
      const foreign = foreignListeners(w);
      check(foreign.length === 0, 'the worker listens on a socket it was not given', 'no listening socket but the inherited one',
        `also listening on ${foreign.join(', ')}`, ['ACCEPT-38']);
      const flags = fdFlags('self', (w.listeners[0] as { fd: number }).fd) ?? O_NONBLOCK;
      check((flags & O_NONBLOCK) !== 0, 'the worker cleared O_NONBLOCK on its listener', 'O_NONBLOCK set', `flags ${flags.toString(8)}`, ['PROC-11']);
      const controlInode = [...socketInodes(w.pid).entries()].find(([fd]) => fd === 3 + w.listeners.length)?.[1];
      if (controlInode !== undefined) {
        const others = holdersOf(controlInode, descendants(w.pid));
        check(others.length === 0, 'another process holds the worker\'s control channel end', 'only the worker',
          `also held by pid ${others.join(', ')}`, ['SEC-4']);
      }
    },
  }),
  workerCase({
    id: 'W-PS-002',
    section: '11.1',
    slug: 'inherited-fds-close-on-exec',
    title: 'The worker sets close-on-exec on its inherited listener and control channel',
    requirements: ['SEC-3'],
    level: 'SHOULD',
    procedure: ['Start the worker with one listener; complete the handshake.', 'Read the fd flags of its descriptors 3 and 4 from /proc.'],
    expectations: ['Both carry O_CLOEXEC (the arbiter clears it when it places them).'],
    async run(ctx) {
      needProc();
      const w = ctx.start({ strategy: listenerStrategy(ctx) });
      await w.handshake();
      const listenerFd = fdOfInode(w.pid, (w.listeners[0] as { inode: number }).inode);
      const controlFd = 3 + w.listeners.length;
      const missing: string[] = [];
      for (const [name, fd] of [['listener', listenerFd], ['control channel', controlFd]] as const) {
        if (fd === undefined) continue;
        const f = fdFlags(w.pid, fd);
        if (f !== undefined && (f & O_CLOEXEC) === 0) missing.push(`${name} (fd ${fd}, flags ${f.toString(8)})`);
      }
      check(missing.length === 0, 'inherited descriptors are not close-on-exec', 'O_CLOEXEC on the listener and the control channel',
        `without it: ${missing.join(', ')}`, ['SEC-3']);
    },
  }),
  workerCase({
    id: 'W-PS-003',
    section: '2.3',
    slug: 'bad-environment-exits-3',
    title: 'A missing, malformed or dangling variable of section 2.2 makes the worker exit with status 3',
    requirements: ['ENV-18', 'EXIT-2'],
    level: 'MUST',
    procedure: [
      'Start three workers, each with one defect: CORRAL_CONTROL_FD=not-a-number; CORRAL_CONTROL_FD naming a descriptor that is not open; CORRAL_ACCEPT=bogus (socket workers).',
    ],
    expectations: ['Each exits with status 3.'],
    async run(ctx) {
      const start = ctx.defaultStart();
      const defects: Record<string, string>[] = [
        { [ENV.controlFd]: 'not-a-number' },
        { [ENV.controlFd]: '47' },
        ...(ctx.isTaskWorker ? [] : [{ [ENV.accept]: 'bogus' }]),
      ];
      await variants(defects, async (env) => {
        const w = ctx.start({ ...start, env });
        const e = await w.waitExit(startWait(ctx.timing));
        check(e?.code === 3, `the worker did not exit with status 3 with ${JSON.stringify(env)}`, 'exit status 3', exitText(e), ['ENV-18', 'EXIT-2']);
      });
    },
  }),
  workerCase({
    id: 'W-PS-004',
    section: '2.3',
    slug: 'unknown-protocol-major',
    title: 'CORRAL_PROTOCOL other than 1 makes the worker exit with status 3',
    requirements: ['ENV-17'],
    level: 'MUST',
    procedure: ['Start the worker with CORRAL_PROTOCOL=2 and everything else as usual.'],
    expectations: ['It exits with status 3.'],
    async run(ctx) {
      const w = ctx.start({ ...ctx.defaultStart(), env: { [ENV.protocol]: '2' } });
      await ctx.mustExit(w, startWait(ctx.timing), 'with CORRAL_PROTOCOL=2', ['ENV-17']);
      expectStatus(w, 3, ['ENV-17'], 'with CORRAL_PROTOCOL=2');
    },
  }),
  workerCase({
    id: 'W-PS-005',
    section: '2.3',
    slug: 'listen-pid-mismatch',
    title: 'With LISTEN_PID naming another process the worker does not use the listeners',
    requirements: ['ENV-19'],
    level: 'MUST',
    procedure: [
      'Start the worker in the shared strategy with LISTEN_PID set to the suite\'s own pid.',
      'If it sends Hello, answer Welcome; queue two clients with requests.',
    ],
    expectations: ['Whatever else it does (exit 3, or run without listeners), the worker accepts none of the queued connections.'],
    async run(ctx) {
      needProc();
      ctx.need('accept.shared');
      const w = ctx.start({ strategy: 'shared', env: { [ENV.listenPid]: String(process.pid) } });
      const first = await w.wire.next(ctx.timing.bootTimeoutMs);
      if (first?.type === 'message' && first.message.kind === 'hello') {
        w.hello = first.message.body;
        w.sendWelcome();
      }
      if (w.exit) return;
      await w.clientsTo(0, 2, true);
      await sleep(ctx.timing.quietMs * 2);
      const q = w.acceptQueue(0);
      check(q === 2, 'the worker accepted on listeners that LISTEN_PID says are not its own', '2 connections left in the accept queue', `${q}`, ['ENV-19']);
    },
  }),
];
