// The slice of the native layer the worker uses, as an interface so that unit
// tests can drive the acceptors with fake watchers and fake accept queues.
// The real layer is imported lazily: a process that only asks isWorker(), and
// the unit tests, never load the addon.

export interface WatcherLike {
  start(): void;
  stop(): void;
  close(): void;
  /** Accept mode: readiness events whose accept found the queue empty, which ran no callback. */
  readonly emptyAccepts?: number;
}

export interface Datagram {
  data: Buffer;
  fds: number[];
  eof?: boolean;
}

export interface NativeDeps {
  /** The accepted descriptor; -1 = the accept queue was empty (would block). */
  acceptFd(fd: number): number;
  /** What a listener is (and so every connection accepted from it); undefined = unknown. */
  listenerKind?(fd: number): 'tcp' | 'unix' | undefined;
  /**
   * `accept`: the watcher accepts one connection per readiness itself and
   * calls back with it (or a negative errno); empty readiness is only counted.
   */
  createWatcher(fd: number, onReadable: (conn?: number) => void, opts: { exclusive: boolean; accept?: boolean }): WatcherLike;
  /** null = nothing to read (would block). */
  recvWithFds(fd: number, maxBytes: number, maxFds: number): Datagram | null;
  close(fd: number): void;
}

/** The real thing, src/transport/native.ts; rejects when the addon did not load. */
export async function loadRealNative(): Promise<NativeDeps> {
  const native = await import('../transport/native.js');
  // Without the addon every call throws NativeUnavailableError (with the
  // load error as its cause); one harmless call surfaces it at boot instead
  // of at the first accept.
  if (!native.available) native.counters();
  return {
    acceptFd: (fd) => native.acceptFd(fd),
    listenerKind: (fd) => {
      try {
        return native.localAddress(fd).family === 'unix' ? 'unix' : 'tcp';
      } catch {
        return undefined;
      }
    },
    createWatcher: (fd, onReadable, opts) => new native.Watcher(fd, onReadable, { exclusive: opts.exclusive, accept: opts.accept === true }),
    recvWithFds: (fd, maxBytes, maxFds) => native.recvWithFds(fd, maxBytes, maxFds),
    close: (fd) => native.close(fd),
  };
}
