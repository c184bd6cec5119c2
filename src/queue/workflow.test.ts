import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { NewJob } from '../broker/broker.js';
import { chain, chord, chunks, compile, dag, group, sig, type JobMaker } from './workflow.js';

// A stand-in for Queue.newJob: ids in order, the rest as given.
function maker(): JobMaker {
  let n = 0;
  return {
    newJob: (queue, task, payload, o) => ({
      id: `j${++n}`, queue, task, contentType: 'application/json', payload: Buffer.from(JSON.stringify(payload ?? null)), priority: 1, retries: 0,
      backoff: { delayMs: 1, factor: 1, maxMs: 1, jitter: false }, expiresAt: 0, softMs: 0, hardMs: 0, each: (o as { each?: boolean }).each === true, dueAt: o.delayMs ?? 0, keyTtlMs: 1,
    }) as NewJob,
  };
}

test('a chain: each node waits for the one before and takes its result, unless immutable', () => {
  const { def, roots, jobs } = compile(maker(), chain(sig('q', 'a', 1), sig('q', 'b'), sig('q', 'c', 3, { immutable: true })), 'w');
  assert.equal(Object.keys(def.nodes), ['1.a', '2.b', '3.c']);
  assert.equal(def.nodes['2.b'], { job: 'j2', deps: ['1.a'], pipe: true });
  assert.equal(def.nodes['3.c'], { job: 'j3', deps: ['2.b'] });
  assert.equal(def.children, { '1.a': ['2.b'], '2.b': ['3.c'] });
  assert.equal(def.out, ['3.c']);
  assert.is(def.shape, 'one');
  assert.equal([...roots], ['j1']);
  assert.equal(jobs.map((j) => j.workflow), [{ id: 'w', node: '1.a' }, { id: 'w', node: '2.b' }, { id: 'w', node: '3.c' }]);
});

test('a group after a step: every member waits for it; a chord\'s body waits for every member', () => {
  const { def } = compile(maker(), chain(sig('q', 'a'), chord([sig('q', 'b'), sig('q', 'c')], sig('q', 'd'))), 'w');
  assert.equal(def.nodes['2.b']!.deps, ['1.a']);
  assert.equal(def.nodes['3.c']!.deps, ['1.a']);
  assert.equal(def.nodes['4.d'], { job: 'j4', deps: ['2.b', '3.c'], pipe: true });
  assert.equal(def.out, ['4.d']);
  const g = compile(maker(), group(sig('q', 'a'), sig('q', 'b')), 'w').def;
  assert.equal([g.out, g.shape], [['1.a', '2.b'], 'list']);
});

test('chunks: one job per slice, each running the task per item', () => {
  const { jobs, def } = compile(maker(), chunks('q', 't', [1, 2, 3, 4, 5], 2), 'w');
  assert.equal(jobs.map((j) => JSON.parse(Buffer.from(j.payload).toString())), [[1, 2], [3, 4], [5]]);
  assert.ok(jobs.every((j) => j.each));
  assert.is(def.shape, 'list');
  assert.throws(() => chunks('q', 't', [1], 0), /size must be a whole number >= 1/);
});

test('a dag keeps its names, rules and pipes; cycles, unknown deps, bad rules and keys are refused', () => {
  const { def, roots } = compile(maker(), dag({ A: { queue: 'q', task: 'a' }, B: { queue: 'q', task: 'b', deps: ['A'], rule: 'one_failed' }, C: { queue: 'q', task: 'c', deps: ['A', 'B'], pipe: true } }), 'w');
  assert.equal(def.nodes.B, { job: 'j2', deps: ['A'], rule: 'one_failed' });
  assert.equal(def.nodes.C, { job: 'j3', deps: ['A', 'B'], pipe: true });
  assert.equal(def.children, { A: ['B', 'C'], B: ['C'] });
  assert.equal([def.out, def.shape, [...roots]], [['A', 'B', 'C'], 'map', ['j1']]);
  assert.throws(() => compile(maker(), dag({ A: { queue: 'q', task: 'a', deps: ['B'] }, B: { queue: 'q', task: 'b', deps: ['A'] } }), 'w'), /cycle/);
  assert.throws(() => compile(maker(), dag({ A: { queue: 'q', task: 'a', deps: ['Z'] } }), 'w'), /depends on "Z", which is not a node/);
  assert.throws(() => compile(maker(), dag({ A: { queue: 'q', task: 'a', rule: 'sometimes' as never } }), 'w'), /rule must be one of/);
  assert.throws(() => compile(maker(), dag({ 'a b': { queue: 'q', task: 'a' } }), 'w'), /node name/);
  assert.throws(() => compile(maker(), chain(sig('q', 'a'), sig('q', 'b', 1, { idempotencyKey: 'k' })), 'w'), /idempotencyKey is not allowed/);
  assert.throws(() => compile(maker(), chain(sig('q', 'a'), sig('q', 'b', 1, { delayMs: 5 })), 'w'), /delayMs\/eta only on nodes without dependencies/);
  assert.throws(() => compile(maker(), group(), 'w'), /no jobs/);
});

test.run();
