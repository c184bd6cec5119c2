// MUST requirements of spec.md checked outside the conformance suite, by a
// test that names them: section 13 (durable queues) is Redis data and Lua
// scripts, not the arbiter protocol the suite speaks, so its requirements are
// checked by real-process tests against a real redis-server; LOAD-14 is what
// an arbiter keeps to itself.
// requirements.test.ts fails when a listed file does not name the
// requirement in a test's title ("[QUEUE-9]").
export const TESTED_ELSEWHERE: Readonly<Record<string, string>> = Object.freeze({
  'QUEUE-1': 'native-tests/queue/python-producer.test.ts',
  'QUEUE-2': 'native-tests/queue/semantics.test.ts',
  'QUEUE-3': 'native-tests/queue/semantics.test.ts',
  'QUEUE-4': 'native-tests/queue/chaos.test.ts',
  'QUEUE-5': 'native-tests/queue/chaos.test.ts',
  'QUEUE-6': 'native-tests/queue/chaos.test.ts',
  'QUEUE-7': 'native-tests/queue/semantics.test.ts',
  'QUEUE-8': 'native-tests/queue/semantics.test.ts',
  'QUEUE-9': 'native-tests/queue/semantics.test.ts',
  'QUEUE-10': 'native-tests/queue/semantics.test.ts',
  'QUEUE-11': 'native-tests/queue/semantics.test.ts',
  'QUEUE-12': 'native-tests/queue/semantics.test.ts',
  'QUEUE-13': 'native-tests/queue/chaos.test.ts',
  // What the arbiter keeps of a worker's Heartbeat is not on the wire: the
  // unit test of its message handlers feeds it bad lists.
  'LOAD-14': 'src/arbiter/worker-messages.test.ts',
  // What a control client does with a reply of a later version: the suite
  // plays the control client, never judges one.
  'CTL-14': 'src/control/client.test.ts',
});
