import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as net from 'node:net';
import { closeSync, openSync } from 'node:fs';
import { isOpenSocket, readEnvironment, scrubEnvironment } from './environment.js';

const PID = 4242;
const sockets = () => true;

/** A valid environment for a shared worker with two listeners. */
const base = (over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    CORRAL_PROTOCOL: '1',
    CORRAL_CONTROL_FD: '5',
    CORRAL_WORKER_ID: '3',
    CORRAL_ACCEPT: 'shared',
    CORRAL_ARBITER_PID: '99',
    LISTEN_FDS: '2',
    LISTEN_FDNAMES: 'web:admin',
    LISTEN_PID: String(PID),
    PATH: '/bin',
    ...over,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
};

const bad = (over: Record<string, string | undefined>, pattern: RegExp, isSocket: (fd: number) => boolean = sockets) => {
  assert.throws(() => readEnvironment(base(over), PID, { isSocket }), (err: Error & { code?: string }) => err.code === 'CORRAL_ERR_BAD_ENVIRONMENT' && pattern.test(err.message));
};

test('a valid environment is read', () => {
  const env = readEnvironment(base(), PID, { isSocket: sockets });
  assert.equal(env, { controlFd: 5, handoffFd: undefined, workerId: 3, strategy: 'shared', listenFds: [3, 4], listenNames: ['web', 'admin'] });
  const h = readEnvironment(base({ CORRAL_ACCEPT: 'handoff', LISTEN_FDS: undefined, LISTEN_FDNAMES: undefined, LISTEN_PID: undefined, CORRAL_CONTROL_FD: '3', CORRAL_HANDOFF_FD: '4' }), PID, { isSocket: sockets });
  assert.equal([h.strategy, h.controlFd, h.handoffFd, h.listenFds], ['handoff', 3, 4, []]);
});

test('CORRAL_PROTOCOL other than 1 [ENV-17], or unset [ENV-16, ENV-18]', () => {
  bad({ CORRAL_PROTOCOL: '2' }, /CORRAL_PROTOCOL="2"/);
  bad({ CORRAL_PROTOCOL: '1.0' }, /CORRAL_PROTOCOL/);
  bad({ CORRAL_PROTOCOL: undefined }, /CORRAL_PROTOCOL is not set/);
  bad({ CORRAL_PROTOCOL: undefined, CORRAL_CONTROL_FD: undefined }, /not started by a corral arbiter/);
});

test('missing variables of section 2.2 [ENV-18]', () => {
  bad({ CORRAL_CONTROL_FD: undefined }, /CORRAL_CONTROL_FD/);
  bad({ CORRAL_WORKER_ID: undefined }, /CORRAL_WORKER_ID is not set/);
  bad({ CORRAL_ACCEPT: undefined }, /CORRAL_ACCEPT is not set/);
  bad({ CORRAL_ARBITER_PID: undefined }, /CORRAL_ARBITER_PID is not set/);
  bad({ LISTEN_FDNAMES: undefined }, /LISTEN_FDNAMES is not set/);
  bad({ LISTEN_PID: undefined }, /LISTEN_PID is not set/);
  bad({ CORRAL_ACCEPT: 'handoff' }, /CORRAL_HANDOFF_FD/);
});

test('malformed values [ENV-13, ENV-18]', () => {
  bad({ CORRAL_CONTROL_FD: 'not-a-number' }, /CORRAL_CONTROL_FD/);
  bad({ CORRAL_CONTROL_FD: '05' }, /leading zeros/);
  bad({ CORRAL_WORKER_ID: '+3' }, /CORRAL_WORKER_ID/);
  bad({ CORRAL_WORKER_ID: '0' }, /must not be 0/);
  bad({ LISTEN_FDS: ' 2' }, /LISTEN_FDS/);
  bad({ CORRAL_ACCEPT: 'roundrobin' }, /CORRAL_ACCEPT/);
  bad({ LISTEN_FDNAMES: 'web' }, /2 non-empty names/);
  bad({ LISTEN_FDNAMES: 'web:' }, /2 non-empty names/);
  bad({ CORRAL_CONTROL_FD: '6' }, /must be 5/);
  bad({ CORRAL_ACCEPT: 'handoff', CORRAL_HANDOFF_FD: '6' }, /no listener is passed in the handoff strategy/);
  bad({ CORRAL_ACCEPT: 'handoff', LISTEN_FDS: undefined, LISTEN_FDNAMES: undefined, LISTEN_PID: undefined, CORRAL_CONTROL_FD: '3', CORRAL_HANDOFF_FD: '5' }, /CORRAL_HANDOFF_FD=5 must be 4/);
});

test('LISTEN_PID naming another process: the listeners are not used [ENV-19]', () => {
  bad({ LISTEN_PID: '1' }, /LISTEN_PID=1 names another process/);
});

test('a descriptor that is not an open socket [ENV-18]', () => {
  bad({}, /CORRAL_CONTROL_FD: fd 5 is not an open socket/, (fd) => fd !== 5);
  bad({}, /listener 1 .*fd 4 is not an open socket/, (fd) => fd !== 4);
});

test('isOpenSocket: fstat tells sockets from files and closed descriptors', async () => {
  const open = openSync('/dev/null', 'r');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
    assert.is(isOpenSocket(fd), true);
    assert.is(isOpenSocket(open), false);
  } finally {
    closeSync(open);
    server.close();
  }
  assert.is(isOpenSocket(open), false, 'closed');
});

test('scrubEnvironment removes LISTEN_* and CORRAL_* and nothing else [ENV-20]', () => {
  const env = base({ CORRAL_COUNTERS_DIR: '/tmp/x', LISTENER: 'kept' });
  scrubEnvironment(env);
  assert.equal(env, { PATH: '/bin', LISTENER: 'kept' });
});

test.run();
