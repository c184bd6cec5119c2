// The readiness watcher in one process, plain and exclusive: it fires on
// connect, never after stop/close, survives close inside its own callback,
// reports callback exceptions like any callback, runs the callback's
// microtasks before the next callback, and tears down cleanly.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as native from '../../src/transport/native.js';
import { connect, destroyAll, closeAll, noLeaks, sleep, thrown, until } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A listener plus the clients connected to it, closed together. */
async function withListener(body: (lfd: number, port: number, clients: import('node:net').Socket[]) => Promise<void>): Promise<void> {
  const lfd = native.listen({ host: '127.0.0.1', backlog: 32 });
  const clients: import('node:net').Socket[] = [];
  try {
    await body(lfd, native.localAddress(lfd).port, clients);
  } finally {
    // Accept and close whatever is still queued so no server-side fd lingers.
    for (const c of native.acceptBatch(lfd, 64)) native.close(c.fd);
    native.close(lfd);
    await destroyAll(clients);
  }
}

for (const exclusive of [false, true]) {
  const mode = exclusive ? 'exclusive' : 'plain';

  test(`${mode}: fires when a client connects; one callback per connection when it accepts`, noLeaks(async () => {
    await withListener(async (lfd, port, clients) => {
      let calls = 0;
      const fds: number[] = [];
      const w = new native.Watcher(lfd, () => {
        calls++;
        const c = native.acceptOne(lfd);
        if (c) fds.push(c.fd);
      }, { exclusive });
      try {
        const r0 = native.counters().readiness;
        w.start();
        assert.ok(w.active);
        await sleep(30);
        assert.is(calls, 0, 'no callback before any connection');
        clients.push(await connect(port));
        assert.ok(await until(() => fds.length === 1, 2000), 'callback accepted the first connection');
        clients.push(await connect(port));
        assert.ok(await until(() => fds.length === 2, 2000), 'callback accepted the second connection');
        await sleep(30);
        assert.is(calls, 2);
        assert.is(native.counters().readiness - r0, 2);
      } finally {
        w.close();
        closeAll(fds);
      }
    });
  }));

  test(`${mode}: no callback after stop(); start() again sees the queued connection`, noLeaks(async () => {
    await withListener(async (lfd, port, clients) => {
      let calls = 0;
      const w = new native.Watcher(lfd, () => {
        calls++;
        w.stop();
      }, { exclusive });
      try {
        w.start();
        w.stop();
        w.stop(); // idempotent
        assert.not.ok(w.active);
        clients.push(await connect(port));
        await sleep(100);
        assert.is(calls, 0, 'stopped watcher fired');
        w.start();
        assert.ok(await until(() => calls === 1, 2000), 'restarted watcher fires for the queued connection');
        await sleep(50);
        assert.is(calls, 1, 'callback stopped the watcher');
      } finally {
        w.close();
      }
    });
  }));

  test(`${mode}: close() inside the callback is safe and final`, noLeaks(async () => {
    await withListener(async (lfd, port, clients) => {
      let calls = 0;
      const w = new native.Watcher(lfd, function (this: native.Watcher) {
        calls++;
        this.close();
        this.close(); // twice
        this.stop(); // after close
        assert.ok(this.closed);
      }, { exclusive });
      w.start();
      for (let i = 0; i < 3; i++) clients.push(await connect(port)); // stays readable: nobody accepts
      assert.ok(await until(() => calls === 1, 2000), 'callback ran');
      await sleep(100);
      assert.is(calls, 1, 'no callback after close');
      assert.not.ok(w.active);
      const err = thrown(() => w.start());
      assert.is(err['code'], 'CORRAL_ERR_NATIVE');
    });
  }));

  for (const how of ['stop', 'close'] as const) {
    test(`${mode}: ${how}() on a watcher whose event is already fetched: it never fires`, noLeaks(async () => {
      // Two fds readable before the loop polls: one epoll_wait returns both
      // events. Whichever callback runs first stops/closes the other, whose
      // event is then pending in the same batch and must be dropped.
      const pairs = [native.seqpacketPair(), native.seqpacketPair()];
      const calls = [0, 0];
      const watchers: native.Watcher[] = pairs.map(([a], i) => new native.Watcher(a, () => {
        calls[i]!++;
        native.recvWithFds(a);
        watchers[1 - i]![how]();
      }, { exclusive }));
      try {
        for (const w of watchers) w.start();
        for (const [, b] of pairs) native.sendWithFds(b, Buffer.from('x'), []);
        assert.ok(await until(() => calls[0]! + calls[1]! > 0, 2000), 'a callback ran');
        await sleep(50);
        assert.equal(calls.slice().sort(), [0, 1], `calls ${calls.join(',')}`);
      } finally {
        for (const w of watchers) w.close();
        closeAll(pairs.flat());
      }
    }));
  }

  test(`${mode}: an exception in the callback reaches 'uncaughtException'; the watcher goes on`, noLeaks(async () => {
    await withListener(async (lfd, port, clients) => {
      const boom = new Error('boom from onReadable');
      const caught: unknown[] = [];
      const onUncaught = (err: unknown) => caught.push(err);
      process.on('uncaughtException', onUncaught);
      let calls = 0;
      const fds: number[] = [];
      const w = new native.Watcher(lfd, () => {
        calls++;
        const c = native.acceptOne(lfd);
        if (c) fds.push(c.fd);
        if (calls === 1) throw boom;
      }, { exclusive });
      try {
        w.start();
        clients.push(await connect(port));
        assert.ok(await until(() => caught.length === 1, 2000), 'exception reported');
        assert.is(caught[0], boom);
        clients.push(await connect(port));
        assert.ok(await until(() => fds.length === 2, 2000), 'still firing after the exception');
      } finally {
        process.off('uncaughtException', onUncaught);
        w.close();
        closeAll(fds);
      }
    });
  }));

  test(`${mode}: an active watcher with no JS references stays alive and fires`, noLeaks(async () => {
    await withListener(async (lfd, port, clients) => {
      let fired = false;
      (() => {
        new native.Watcher(lfd, function (this: native.Watcher) {
          fired = true;
          this.close();
        }, { exclusive }).start();
      })();
      for (let i = 0; i < 3; i++) {
        gc();
        await sleep(5); // Node-API finalizers run from setImmediate
      }
      clients.push(await connect(port));
      assert.ok(await until(() => fired, 2000), 'unreferenced active watcher fired');
    });
  }));

  test(`${mode}: native.close(fd) closes the watchers of that fd first`, noLeaks(async () => {
    const lfd = native.listen({ host: '127.0.0.1' });
    const w = new native.Watcher(lfd, () => {}, { exclusive });
    w.start();
    native.close(lfd);
    assert.ok(w.closed);
    assert.not.ok(w.active);
    w.close();
  }));

  test(`${mode}: microtasks and nextTicks of one callback run before the next callback`, noLeaks(async () => {
    const pairs = [native.seqpacketPair(), native.seqpacketPair()];
    const order: string[] = [];
    const watchers = pairs.map(([a], i) => new native.Watcher(a, () => {
      order.push(`cb${i}`);
      native.recvWithFds(a);
      process.nextTick(() => order.push(`tick${i}`));
      queueMicrotask(() => order.push(`micro${i}`));
    }, { exclusive }));
    try {
      for (const w of watchers) w.start();
      // Both become readable before the loop polls again.
      for (const [, b] of pairs) native.sendWithFds(b, Buffer.from('x'), []);
      assert.ok(await until(() => order.length === 6, 2000), `got ${order.join(',')}`);
      const first = order[0] === 'cb0' ? 0 : 1;
      const second = 1 - first;
      assert.equal(order, [`cb${first}`, `tick${first}`, `micro${first}`, `cb${second}`, `tick${second}`, `micro${second}`]);
    } finally {
      for (const w of watchers) w.close();
      closeAll(pairs.flat());
    }
  }));
}

for (const exclusive of [false, true]) {
  const mode = exclusive ? 'exclusive' : 'plain';
  test(`${mode}, accept mode: the watcher accepts itself and calls back with the fd`, noLeaks(async () => {
    await withListener(async (lfd, port, clients) => {
      const got: (number | undefined)[] = [];
      const w = new native.Watcher(lfd, (conn) => { got.push(conn); }, { exclusive, accept: true });
      try {
        assert.ok(w.accept);
        w.start();
        clients.push(await connect(port));
        assert.ok(await until(() => got.length === 1, 2000), 'called back with the first connection');
        clients.push(await connect(port), await connect(port));
        assert.ok(await until(() => got.length === 3, 2000), 'one callback per connection');
        assert.ok(got.every((fd) => typeof fd === 'number' && fd > 2), `fds: ${got.join(', ')}`);
        assert.is(new Set(got).size, 3);
        // Each of these readiness events had a connection to take.
        assert.is(w.emptyAccepts, 0);
      } finally {
        w.close();
        closeAll(got.filter((fd): fd is number => typeof fd === 'number' && fd >= 0));
      }
    });
  }));
}

test('plain: a second plain watcher on the same fd is refused with EEXIST', noLeaks(() => {
  const lfd = native.listen({ host: '127.0.0.1' });
  const a = new native.Watcher(lfd, () => {});
  const b = new native.Watcher(lfd, () => {});
  try {
    a.start();
    const err = thrown(() => b.start());
    assert.is(err['code'], 'EEXIST');
    assert.is(err['syscall'], 'uv_poll_start');
    assert.not.ok(b.active);
    // Exclusive watchers use their own epoll instance, so they can coexist.
    const c = new native.Watcher(lfd, () => {}, { exclusive: true });
    c.start();
    c.close();
  } finally {
    a.close();
    b.close();
    native.close(lfd);
  }
}));

test('bad arguments are InvalidOptionError', () => {
  assert.is(thrown(() => new native.Watcher(-1, () => {}))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => new native.Watcher(0, 'x' as unknown as () => void))['code'], 'CORRAL_ERR_INVALID_OPTION');
});

// In a child: a watcher is part of the process's lifetime decisions.
/**
 * Runs `code` in a child and SIGKILLs it `ms` after it prints its first line
 * (or `ms` after the start when `fromStart`). Counting from the first line
 * keeps a loaded machine's slow start out of the measurement; a child that
 * never prints is killed after a minute.
 */
async function runChild(code: string, ms: number, fromStart = false): Promise<{ code: number | null; out: string; timedOut: boolean }> {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CORRAL_NATIVE_PATH: native.addonPath } });
  let out = '';
  let timer = setTimeout(() => child.kill('SIGKILL'), fromStart ? ms : 60_000);
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    if (out === '' && !fromStart) {
      clearTimeout(timer);
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    }
    out += d;
  });
  const [exitCode, signal] = (await once(child, 'close')) as [number | null, string | null];
  clearTimeout(timer);
  return { code: exitCode, out, timedOut: signal === 'SIGKILL' };
}

const prelude = `const a = require(process.env.CORRAL_NATIVE_PATH);
const fd = a.listenTcp('127.0.0.1', 0, 8, false);`;

for (const exclusive of [false, true]) {
  const mode = exclusive ? 'exclusive' : 'plain';
  test(`${mode}: an active watcher keeps the process alive; unref() lets it exit`, noLeaks(async () => {
    const alive = await runChild(`${prelude}
      new a.NativeWatcher(fd, () => {}, ${exclusive}).start(); console.log('started');`, 400);
    assert.ok(alive.timedOut, 'ref\'d watcher should keep the process running');
    assert.is(alive.out, 'started\n');
    const gone = await runChild(`${prelude}
      const w = new a.NativeWatcher(fd, () => {}, ${exclusive}); w.start(); w.unref(); console.log('started');`, 5000);
    assert.not.ok(gone.timedOut, 'unref\'d watcher kept the process alive');
    assert.is(gone.code, 0);
  }));
}

test('a worker thread that ends with active watchers tears down cleanly', noLeaks(async () => {
  const r = await runChild(`
    const { Worker } = require('node:worker_threads');
    const body = ${JSON.stringify(`${prelude}
      for (const ex of [false, true]) new a.NativeWatcher(fd, () => {}, ex).start();
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => process.exit(0));
      parentPort.postMessage('ready');`)};
    let n = 0;
    const spawnOne = (how) => {
      const w = new Worker(body, { eval: true, env: process.env });
      w.on('message', () => (how === 'terminate' ? w.terminate() : w.postMessage('x')));
      w.on('exit', () => { console.log('worker exited (' + how + ')'); if (++n === 1) spawnOne('exit'); });
    };
    spawnOne('terminate');`, 10000);
  assert.not.ok(r.timedOut, 'timed out');
  assert.is(r.code, 0);
  assert.is(r.out, 'worker exited (terminate)\nworker exited (exit)\n');
}));

test.run();
