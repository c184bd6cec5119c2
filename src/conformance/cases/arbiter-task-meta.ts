// Arbiter cases, job metadata (spec.md 4.6.3, since 1.3): a caller's
// Execute.meta reaches a task worker of 1.3 unchanged, with nothing added
// but `corral.` keys; a worker of 1.2 gets none; meta beyond a caller's
// limits costs the caller that job, not its connection.
import { CaseUnsupported } from '../types.js';
import { check, fail, type ArbiterContext } from '../arbiter-context.js';
import type { ProbeHandle } from '../arbiter-harness.js';
import type { TaskClient } from '../task-client.js';
import { client, jobAt, narrowApp, taskPool, waitJob, type TaskPool, type TaskScripts } from '../task-context.js';
import { MAX_META_BYTES, MAX_META_ENTRIES, META_RESERVED_PREFIX, META_SINCE_MINOR } from '../../protocol/limits.js';
import { ErrorCode, arbiterCase, codeName, field, num } from './arbiter-common.js';
import { expectError, show } from './arbiter-tasks.js';

/** Keys no implementation knows, UTF-8 beyond ASCII, an empty value, names of object properties. */
const META: Record<string, string> = {
  'x-trace': '00-4bf92f3577b34da6-01',
  tenant: 'acme',
  'ünïcödé': '日本語 😀',
  empty: '',
  constructor: 'c',
  ['__proto__']: 'p',
};

function minorOf(welcome: Record<string, unknown> | undefined): number {
  return num(field(field(welcome, 'version'), 'minor'));
}

/** A pool whose task probes run `scripts`, and a client that negotiated 1.3 or later with the arbiter (UNSUPPORTED otherwise). */
async function metaPool(ctx: ArbiterContext, scripts: TaskScripts = {}): Promise<{ pool: TaskPool; app: string; c: TaskClient }> {
  const pool = await taskPool(ctx, scripts);
  const { app } = narrowApp(pool);
  const c = await client(ctx, pool.a);
  const minor = c.wire.minor ?? 0;
  if (minor < META_SINCE_MINOR) throw new CaseUnsupported(`the arbiter chose 1.${minor} with a client of 1.${META_SINCE_MINOR}: Execute.meta came with 1.${META_SINCE_MINOR}`);
  return { pool, app, c };
}

/** The meta of the Execute that brought job `id` to probe `p` (protobuf JSON: an object, absent when empty). */
function metaAt(p: ProbeHandle, id: number): Record<string, unknown> | undefined {
  const e = p.recv('execute').find((r) => num(field(r.body, 'requestId')) === id);
  return field(e?.body, 'meta') as Record<string, unknown> | undefined;
}

export const metaCases = [
  arbiterCase({
    id: 'A-TK-014',
    section: '4.6.3',
    slug: 'meta-relayed-unchanged',
    title: 'A caller\'s Execute.meta reaches a task worker of 1.3 unchanged, with only corral. keys added',
    requirements: ['TASK-25', 'TASK-26'],
    level: 'MUST',
    procedure: [
      'The task probes speak 1.3 or later; a client that negotiated 1.3 submits a job with meta of six entries (non-ASCII, an empty value, "constructor", "__proto__").',
      'The worker answers it with a Result.',
    ],
    expectations: [
      'The Execute the worker receives carries every entry of the caller\'s meta, unchanged (TASK-25).',
      'Any other entry has a key beginning with corral. (TASK-26); the Result reaches the client.',
    ],
    async run(ctx) {
      const { pool, app, c } = await metaPool(ctx);
      c.execute(1, `${app}.meta`, { reply: 'result', tag: 'meta' }, { meta: META });
      const job = await waitJob(ctx, pool, 'meta');
      if (!job) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      const minor = minorOf(job.probe.welcome);
      if (minor < META_SINCE_MINOR) throw new CaseUnsupported(`the arbiter chose 1.${minor} with its task worker: no meta is sent below 1.${META_SINCE_MINOR}`);
      const got = metaAt(job.probe, job.id) ?? {};
      const lost = Object.entries(META).filter(([k, v]) => !Object.hasOwn(got, k) || got[k] !== v);
      check(lost.length === 0, 'the worker did not receive the caller\'s meta unchanged', JSON.stringify(META), JSON.stringify(got), ['TASK-25']);
      const added = Object.keys(got).filter((k) => !Object.hasOwn(META, k));
      const foreign = added.filter((k) => !k.startsWith(META_RESERVED_PREFIX));
      check(foreign.length === 0, `the arbiter added meta keys outside ${META_RESERVED_PREFIX}`, `only ${META_RESERVED_PREFIX}* keys added`, foreign.join(', '), ['TASK-26']);
      const r = await c.waitFinal(1, ctx.timing.timeoutMs * 2);
      check(r?.message.kind === 'result', 'the job with meta was not relayed', 'Result{request_id: 1}', show(r), ['CALL-3']);
    },
  }),
  arbiterCase({
    id: 'A-TK-015',
    section: '4.6.3',
    slug: 'no-meta-to-a-1-2-worker',
    title: 'A task worker that negotiated 1.2 is sent no Execute.meta, and its job runs',
    requirements: ['COMPAT-8', 'NEG-6'],
    level: 'MUST',
    procedure: [
      'The task probes list only version 1.2 in Hello; a client that negotiated 1.3 submits a job with meta.',
      'The worker answers it with a Result.',
    ],
    expectations: ['The Execute the worker receives has no meta field (no frame-check rule broken); the Result reaches the client.'],
    async run(ctx) {
      const { pool, app, c } = await metaPool(ctx, { task: () => ({ hello: { versions: [{ major: 1, minor: META_SINCE_MINOR - 1 }] } }) });
      c.execute(1, `${app}.old`, { reply: 'result', tag: 'old' }, { meta: META });
      const job = await waitJob(ctx, pool, 'old');
      if (!job) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      const minor = minorOf(job.probe.welcome);
      check(minor < META_SINCE_MINOR, 'the arbiter chose a version the worker did not list', `1.${META_SINCE_MINOR - 1} or lower`, `1.${minor}`, ['NEG-1']);
      const got = metaAt(job.probe, job.id);
      const rule = job.probe.of('rule').find((x) => x.requirement === 'COMPAT-8');
      check(got === undefined && rule === undefined, `the arbiter sent Execute.meta to a worker of 1.${minor}`, 'no meta field', rule?.problem ?? JSON.stringify(got), ['COMPAT-8']);
      const r = await c.waitFinal(1, ctx.timing.timeoutMs * 2);
      check(r?.message.kind === 'result', 'the job was not run without its meta', 'Result{request_id: 1}', show(r), ['CALL-3']);
    },
  }),
  arbiterCase({
    id: 'A-TK-016',
    section: '4.7',
    slug: 'meta-beyond-limits-refused',
    title: 'A caller\'s meta beyond its limits, or with a corral. key, is INVALID_FIELD for that job, not fatal; at the limits it runs',
    requirements: ['CALL-18', 'CALL-17'],
    level: 'MUST',
    procedure: [
      `A client that negotiated 1.3 submits three jobs: meta of ${MAX_META_ENTRIES + 1} entries (id 1), of ${MAX_META_BYTES + 1} octets (id 2), with the key ${META_RESERVED_PREFIX}job (id 3).`,
      `Then one with meta of exactly ${MAX_META_ENTRIES} entries (id 4) and one of exactly ${MAX_META_BYTES} octets of keys and values, in UTF-8 (id 5).`,
    ],
    expectations: [
      `Jobs 1, 2 and 3 are answered Error{code: ${codeName(206)}, request_id, fatal: false} and never reach a worker.`,
      'Jobs 4 and 5 run and are relayed; the connection stays open.',
    ],
    async run(ctx) {
      const { pool, app, c } = await metaPool(ctx);
      const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `${i}`]));
      // 'é' is two octets in UTF-8: the byte count is of the encoding, not of the characters.
      const ofOctets = (n: number) => ({ k: `${'é'.repeat((n - 2) >> 1)}${(n - 2) % 2 ? 'x' : ''}x` });
      const refused: [number, Record<string, string>][] = [[1, entries(MAX_META_ENTRIES + 1)], [2, ofOctets(MAX_META_BYTES + 1)], [3, { [`${META_RESERVED_PREFIX}job`]: 'forged' }]];
      for (const [id, meta] of refused) c.execute(id, `${app}.over`, { reply: 'result', tag: `over-${id}` }, { meta });
      for (const [id] of refused) await expectError(ctx, c, id, ErrorCode.ERROR_CODE_INVALID_FIELD, ['CALL-18']);
      c.execute(4, `${app}.entries`, { reply: 'result', tag: 'at-entries' }, { meta: entries(MAX_META_ENTRIES) });
      c.execute(5, `${app}.octets`, { reply: 'result', tag: 'at-octets' }, { meta: ofOctets(MAX_META_BYTES) });
      for (const id of [4, 5]) {
        const r = await c.waitFinal(id, ctx.timing.timeoutMs * 2);
        check(r?.message.kind === 'result', `a job with meta at the limits was refused (job ${id})`, `Result{request_id: ${id}}`, show(r), ['CALL-17']);
      }
      const ran = refused.map(([id]) => jobAt(pool, `over-${id}`)).find((j) => j !== undefined);
      check(ran === undefined, 'a job whose meta broke the caller\'s limits was run', 'never sent to a worker', `probe ${ran?.probe.pid} received it`, ['CALL-18']);
      check(!c.wire.eof, 'the client was disconnected', 'the connection open', 'end of stream', ['CALL-18']);
    },
  }),
];
