// Workflows (spec.md section 13.6): Celery's canvas (chain, group, chord,
// chunks) and a small DAG form (Airflow's dependencies and trigger rules),
// all compiled to one shape: nodes, each a job, each with the nodes it waits
// for. Redis holds the run state, and finish.lua starts a node when its
// dependencies meet its rule, so a workflow survives the restart of any
// producer, consumer or arbiter: nothing of it lives in a process.
import { randomBytes } from 'node:crypto';
import { CorralError, InvalidOptionError } from '../errors.js';
import type { NewJob } from '../broker/broker.js';
import type { WorkflowDef, WorkflowNode } from '../broker/redis.js';
import { decodePayload } from '../tasks/codec.js';
import type { EnqueueOptions, Queue, ResultOptions } from './producer.js';

/** One job to run: Celery's signature. `immutable` (Celery's .si()) ignores the result piped from before. */
export interface Signature {
  readonly kind: 'sig';
  queue: string;
  task: string;
  payload?: unknown;
  options?: EnqueueOptions & { immutable?: boolean };
}
export type Canvas =
  | Signature
  | { readonly kind: 'chain'; items: Canvas[] }
  | { readonly kind: 'group'; items: Canvas[] }
  | { readonly kind: 'chord'; header: Canvas[]; body: Canvas }
  | { readonly kind: 'dag'; nodes: Record<string, DagNode> };

/** A DAG node: a job, the nodes it waits for, and when it runs (default all_success). */
export interface DagNode {
  queue: string;
  task: string;
  payload?: unknown;
  options?: EnqueueOptions;
  deps?: string[];
  rule?: WorkflowNode['rule'];
  /** Give the node its dependencies' results as its payload. */
  pipe?: boolean;
}

/** queue.task(payload). */
export function sig(queue: string, task: string, payload?: unknown, options?: Signature['options']): Signature {
  return { kind: 'sig', queue, task, ...(payload === undefined ? {} : { payload }), ...(options === undefined ? {} : { options }) };
}
/** Each item gets the result of the one before as its payload (unless immutable). */
export function chain(...items: Canvas[]): Canvas { return { kind: 'chain', items }; }
/** The items run in parallel; the result is the list of their results. */
export function group(...items: Canvas[]): Canvas { return { kind: 'group', items }; }
/** The header runs in parallel; the body gets the list of their results. */
export function chord(header: Canvas[], body: Canvas): Canvas { return { kind: 'chord', header, body }; }
/** `items` split into jobs of `size`; each job runs queue.task once per item (one job per chunk, like Celery's chunks). */
export function chunks(queue: string, task: string, items: unknown[], size: number, options?: EnqueueOptions): Canvas {
  if (!Array.isArray(items)) throw new InvalidOptionError('chunks: items must be an array');
  if (!Number.isInteger(size) || size < 1) throw new InvalidOptionError(`chunks: size must be a whole number >= 1, got ${String(size)}`, { range: true });
  const parts: Canvas[] = [];
  for (let i = 0; i < items.length; i += size) parts.push(sig(queue, task, items.slice(i, i + size), { ...options, each: true } as EnqueueOptions));
  return group(...parts);
}
/** Named nodes with dependencies and trigger rules; the result maps node names to results. */
export function dag(nodes: Record<string, DagNode>): Canvas { return { kind: 'dag', nodes }; }

const RULES = new Set(['all_success', 'all_done', 'one_failed', 'one_success']);
const NODE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/;

interface Compiled { def: WorkflowDef; jobs: NewJob[]; roots: Set<string>; ids: Record<string, string> }

/** What makes one node's job: Queue.newJob, or a stand-in in tests. */
export type JobMaker = Pick<Queue, 'newJob'>;

/** Compiles a canvas into nodes and jobs (exported for tests). */
export function compile(queue: JobMaker, c: Canvas, wid: string, now = Date.now()): Compiled {
  const def: WorkflowDef = { nodes: {}, children: {}, out: [], shape: 'one' };
  const jobs: NewJob[] = [];
  const ids: Record<string, string> = {};
  let n = 0;
  const add = (name: string, s: { queue: string; task: string; payload?: unknown; options?: EnqueueOptions }, deps: string[], rule: WorkflowNode['rule'] | undefined, pipe: boolean) => {
    const { immutable: _i, ...o } = (s.options ?? {}) as EnqueueOptions & { immutable?: boolean };
    if (o.idempotencyKey !== undefined) throw new InvalidOptionError(`workflow node ${name}: idempotencyKey is not allowed in a workflow (the workflow is the unit)`);
    if (deps.length > 0 && (o.delayMs !== undefined || o.eta !== undefined)) throw new InvalidOptionError(`workflow node ${name}: delayMs/eta only on nodes without dependencies`);
    const j = queue.newJob(s.queue, s.task, s.payload, o, now);
    j.workflow = { id: wid, node: name };
    jobs.push(j);
    ids[name] = j.id;
    def.nodes[name] = { job: j.id, deps, ...(rule ? { rule } : {}), ...(pipe ? { pipe } : {}) };
    for (const d of deps) (def.children[d] ??= []).push(name);
  };
  const walk = (c: Canvas, deps: string[], pipe: boolean): string[] => {
    switch (c.kind) {
      case 'sig': {
        const name = `${++n}.${c.task}`;
        add(name, c, deps, undefined, pipe && deps.length > 0 && c.options?.immutable !== true);
        return [name];
      }
      case 'chain': {
        let cur = deps;
        c.items.forEach((item, i) => { cur = walk(item, cur, i === 0 ? pipe : true); });
        return cur;
      }
      case 'group': return c.items.flatMap((item) => walk(item, deps, pipe));
      case 'chord': return walk(c.body, c.header.flatMap((item) => walk(item, deps, pipe)), true);
      case 'dag': {
        if (deps.length > 0) throw new InvalidOptionError('dag: a DAG must be the whole workflow');
        const names = Object.keys(c.nodes);
        for (const name of names) {
          if (!NODE_NAME.test(name)) throw new InvalidOptionError(`dag: node name ${JSON.stringify(name)} must be 1-64 of A-Z a-z 0-9 _ . : -`);
          const d = c.nodes[name]!;
          for (const x of d.deps ?? []) if (!(x in c.nodes)) throw new InvalidOptionError(`dag: node ${name} depends on ${JSON.stringify(x)}, which is not a node`);
          if (d.rule !== undefined && !RULES.has(d.rule)) throw new InvalidOptionError(`dag: node ${name}: rule must be one of ${[...RULES].join(', ')}`);
        }
        // Kahn's algorithm: a cycle would leave nodes waiting for ever.
        const indeg = new Map(names.map((x) => [x, (c.nodes[x]!.deps ?? []).length]));
        const ready = names.filter((x) => indeg.get(x) === 0);
        let seen = 0;
        while (ready.length) {
          const x = ready.pop()!;
          seen++;
          for (const y of names) if ((c.nodes[y]!.deps ?? []).includes(x)) { indeg.set(y, indeg.get(y)! - 1); if (indeg.get(y) === 0) ready.push(y); }
        }
        if (seen !== names.length) throw new InvalidOptionError('dag: the dependencies form a cycle');
        for (const name of names) { const d = c.nodes[name]!; add(name, d, d.deps ?? [], d.rule, d.pipe === true); }
        return names;
      }
    }
  };
  def.out = walk(c, [], false);
  if (def.out.length === 0) throw new InvalidOptionError('workflow: no jobs in it');
  def.shape = c.kind === 'dag' ? 'map' : c.kind === 'group' ? 'list' : 'one';
  const roots = new Set(Object.values(def.nodes).filter((x) => x.deps.length === 0).map((x) => x.job));
  return { def, jobs, roots, ids };
}

/** A workflow in Redis. */
export class Workflow {
  constructor(readonly queue: Queue, readonly id: string, readonly nodes: Readonly<Record<string, string>>) {}

  /** PENDING until every node is final, then SUCCESS (every output node succeeded) or FAILURE. */
  async state(): Promise<string | undefined> {
    return (await this.queue.broker.workflow(this.id))?.state;
  }

  /** Each node's status: WAITING, QUEUED, or its final state. */
  async status(): Promise<Record<string, string>> {
    return (await this.queue.broker.workflow(this.id))?.nodes ?? {};
  }

  /**
   * The output: one result (chain, chord, a signature), a list (group,
   * chunks), or { node: result } (dag, failed nodes' results as undefined).
   * Rejects with the first failed output node's error.
   */
  async result(o: ResultOptions = {}): Promise<unknown> {
    await this.queue.wait(this.id, true, o);
    const w = await this.queue.broker.workflow(this.id);
    if (!w) throw new CorralError('CORRAL_ERR_QUEUE_UNKNOWN_JOB', `workflow ${this.id} is not in Redis (its result expired)`);
    const results: Record<string, unknown> = {};
    for (const name of w.def.out) {
      const info = await this.queue.broker.job(w.def.nodes[name]!.job);
      if (info?.state === 'SUCCESS') results[name] = decodePayload(info.result ?? Buffer.alloc(0), info.resultContentType ?? 'application/json');
      else if (w.def.shape !== 'map') {
        throw new CorralError(info?.error?.code ?? 'CORRAL_ERR_TASK_FAILED', `workflow ${this.id}: node ${name} ${info?.state ?? 'expired'}: ${info?.error?.message ?? ''}`);
      }
    }
    if (w.def.shape === 'map') return results;
    if (w.def.shape === 'list') return w.def.out.map((x) => results[x]);
    return results[w.def.out[0]!];
  }
}

/** Enqueues a workflow in one transaction (used by Queue.workflow). */
export async function enqueueWorkflow(queue: Queue, c: Canvas): Promise<Workflow> {
  const wid = randomBytes(16).toString('base64url');
  const { def, jobs, roots, ids } = compile(queue, c, wid);
  await queue.broker.enqueueWorkflow({ id: wid, def, jobs, roots, resultChannel: queue.channel });
  return new Workflow(queue, wid, ids);
}
