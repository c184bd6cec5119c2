// Worker cases: the initial process state (spec section 2) as the worker
// sees it, and its descriptor hygiene (section 11.1).
import { ENV } from '../../transport/process-state.js';
import { O_CLOEXEC, O_NONBLOCK, descendants, fdFlags, fdOfInode, holdersOf, listeningTable, procAvailable, socketInodes } from '../procfs.js';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { check, type WorkerContext } from '../worker-context.js';
import { sleep, startWait, type StartOptions, type TestWorker } from '../worker-harness.js';
import { FULL_REQUEST, exitText, expectStatus, variants, workerCase, type WorkerCase } from './common.js';

function needProc(): void {
  if (!procAvailable) throw new CaseSkipped('needs Linux /proc to look at the worker\'s descriptors');
}

const LISTENER_STRATEGIES = ['shared', 'arbiter', 'exclusive', 'reuseport'] as const;

/**
 * Every way the worker can be started: each accept strategy it declares, or
 * as a task worker. Requirements of every worker are checked in each, since
 * a worker may take a different code path per strategy.
 */
function everyStart(ctx: WorkerContext): StartOptions[] {
  if (ctx.isTaskWorker) return [{ task: true }];
  const starts = (['shared', 'arbiter', 'exclusive', 'reuseport', 'handoff'] as const)
    .filter((s) => ctx.has(`accept.${s}`))
    .map((s): StartOptions => ({ strategy: s, reusePort: s === 'reuseport' }));
  if (starts.length === 0) throw new CaseUnsupported('the worker declares no accept strategy (accept.*) in Hello');
  return starts;
}

function startName(o: StartOptions): string {
  return o.task ? 'as a task worker' : `in the ${o.strategy} strategy`;
}

/** Listening TCP sockets the worker holds that the suite did not give it. */
function foreignListeners(w: TestWorker): string[] {
  const inodes = new Set(socketInodes(w.pid).values());
  const ours = new Set(w.listeners.map((l) => l.inode));
  return listeningTable().filter((t) => t.state === '0A' && inodes.has(t.inode) && !ours.has(t.inode)).map((t) => `${t.local}:${t.localPort}`);
}

/** The worker's descriptors the suite placed: listeners, control channel, handoff channel. */
function placedFds(w: TestWorker): [string, number][] {
  const out: [string, number][] = w.listeners.map((l, i) => [`listener ${i}`, 3 + i]);
  out.push(['control channel', 3 + w.listeners.length]);
  if (w.strategy === 'handoff' && !w.task) out.push(['handoff channel', 4 + w.listeners.length]);
  return out;
}

export const processCases: WorkerCase[] = [
  workerCase({
    id: 'W-PS-001',
    section: '2.1',
    slug: 'inherited-listener-used-as-given',
    title: 'In every strategy it declares, the worker serves what it is given, keeps listeners non-blocking, listens on nothing else and shares nothing',
    requirements: ['ACCEPT-1', 'ACCEPT-38', 'PROC-11', 'SEC-4', 'SEC-2'],
    level: 'MUST',
    procedure: [
      'Start the worker once in each accept strategy it declares (as a task worker if it is one), listeners at fd 3 where the strategy has them; complete the handshakes.',
      'Have a client served by each socket worker (with a grant of one in the arbiter strategy, a handoff in the handoff strategy).',
      'Look at each worker\'s sockets and at the listeners\' file status flags in /proc, and at which of its descendants hold its listeners or channel ends.',
    ],
    expectations: [
      'Each client gets a response.',
      'No worker holds a listening TCP socket other than the ones it was given.',
      'O_NONBLOCK is still set on every listener (its open file description is shared with the arbiter).',
      'No process a worker started holds its listeners, its control channel end or its handoff channel end (SEC-2, SEC-4; checked when the worker starts programs).',
    ],
    async run(ctx) {
      needProc();
      await variants(everyStart(ctx), async (start) => {
        const how = startName(start);
        const w = ctx.start(start);
        await w.handshake();
        if (!w.task) {
          const client = await ctx.inFlight(w, FULL_REQUEST);
          check(await client.gotResponse(ctx.timing.timeoutMs), `the client got no response ${how}`, `a response within ${ctx.timing.timeoutMs} ms`,
            client.closed ? 'the connection was closed without a byte' : 'no byte', ['ACCEPT-1']);
          const foreign = foreignListeners(w);
          check(foreign.length === 0, `the worker listens on a socket it was not given ${how}`, 'no listening socket but the inherited ones',
            `also listening on ${foreign.join(', ')}`, ['ACCEPT-38']);
        }
        for (const l of w.listeners) {
          const flags = fdFlags('self', l.fd) ?? O_NONBLOCK;
          check((flags & O_NONBLOCK) !== 0, `the worker cleared O_NONBLOCK on listener ${l.index} ${how}`, 'O_NONBLOCK set', `flags ${flags.toString(8)}`, ['PROC-11']);
        }
        const held = socketInodes(w.pid);
        const kids = descendants(w.pid);
        for (const [name, fd] of placedFds(w)) {
          const inode = held.get(fd);
          if (inode === undefined || kids.length === 0) continue;
          const others = holdersOf(inode, kids);
          check(others.length === 0, `a process the worker started holds its ${name} (${how})`, 'only the worker',
            `also held by pid ${others.join(', ')}`, name.startsWith('listener') ? ['SEC-2'] : ['SEC-2', 'SEC-4']);
        }
      });
    },
  }),
  workerCase({
    id: 'W-PS-002',
    section: '11.1',
    slug: 'inherited-fds-close-on-exec',
    title: 'In every strategy it declares, the worker sets close-on-exec on its inherited listeners and channel ends',
    requirements: ['SEC-3'],
    level: 'SHOULD',
    procedure: [
      'Start the worker once in each accept strategy it declares (as a task worker if it is one); complete the handshakes.',
      'Read the fd flags of its listeners, control channel and handoff channel from /proc/PID/fdinfo.',
    ],
    expectations: ['Each carries O_CLOEXEC (the arbiter clears it when it places them).'],
    async run(ctx) {
      needProc();
      await variants(everyStart(ctx), async (start) => {
        const w = ctx.start(start);
        await w.handshake();
        const missing: string[] = [];
        for (const [name, fd] of placedFds(w)) {
          // A listener the worker moved to another descriptor is found by its inode.
          const at = name.startsWith('listener') ? fdOfInode(w.pid, (w.listeners[fd - 3] as { inode: number }).inode) : fd;
          if (at === undefined) continue;
          const f = fdFlags(w.pid, at);
          if (f !== undefined && (f & O_CLOEXEC) === 0) missing.push(`${name} (fd ${at}, flags ${f.toString(8)})`);
        }
        check(missing.length === 0, `inherited descriptors are not close-on-exec ${startName(start)}`, 'O_CLOEXEC on the listeners and the channel ends',
          `without it: ${missing.join(', ')}`, ['SEC-3']);
      });
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
    title: 'With LISTEN_PID naming another process the worker does not use the listeners, in any strategy it declares',
    requirements: ['ENV-19'],
    level: 'MUST',
    procedure: [
      'Start the worker once in each strategy it declares that passes listeners (shared, arbiter, exclusive, reuseport), with LISTEN_PID set to the suite\'s own pid.',
      'If it sends Hello, answer Welcome; queue two clients with requests; in the arbiter strategy also send AcceptGrant{max_accepts: 2}.',
    ],
    expectations: ['Whatever else it does (exit 3, or run without listeners), no worker accepts any of the queued connections.'],
    async run(ctx) {
      needProc();
      const strategies = LISTENER_STRATEGIES.filter((s) => ctx.has(`accept.${s}`));
      if (ctx.isTaskWorker || strategies.length === 0) throw new CaseUnsupported('the worker declares no strategy that passes listeners');
      await variants(strategies, async (strategy) => {
        const w = ctx.start({ strategy, reusePort: strategy === 'reuseport', env: { [ENV.listenPid]: String(process.pid) } });
        const first = await w.wire.next(ctx.timing.bootTimeoutMs);
        if (first?.type === 'message' && first.message.kind === 'hello') {
          w.hello = first.message.body;
          w.sendWelcome();
        }
        if (w.exit) return;
        await w.clientsTo(0, 2, true);
        if (strategy === 'arbiter') {
          // A grant only after Ready, as an arbiter would send it.
          const r = await w.wire.waitFor('ready', ctx.timing.timeoutMs);
          if (r?.type === 'message') w.wire.send({ kind: 'acceptGrant', body: { grantId: ctx.nextGrantId(), listener: 0, maxAccepts: 2, leaseMs: ctx.timing.timeoutMs } });
        }
        await sleep(ctx.timing.quietMs * 2);
        const q = w.exit ? 2 : w.acceptQueue(0);
        check(q === 2, `the worker accepted on listeners that LISTEN_PID says are not its own (${strategy} strategy)`, '2 connections left in the accept queue', `${q}`, ['ENV-19']);
      });
    },
  }),
];
