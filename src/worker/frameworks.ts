// What serve() and the `corral run` bootstrap accept, and how each kind of
// application becomes the net.Server the worker runtime feeds connections to.
//
//   net.Server / http.Server        served as it is
//   Fastify instance                 await app.ready(), then app.server
//   Koa app (has .callback())        http.createServer(app.callback())
//   function (Express, a handler)    http.createServer(fn)
//
// Fastify is the one that bites: its server exists from fastify() on, but its
// request handler runs the hooks that only `ready()` installs. Serving the
// server early let every first request throw inside fastify (hooks.js) and
// end the worker, on every worker, forever. So a Fastify instance is always
// awaited here; `serve(app.server)` cannot be told apart from any other
// http.Server and stays the caller's job (docs/frameworks.md).
import * as http from 'node:http';
import * as net from 'node:net';
import { InvalidOptionError } from '../errors.js';

/** A Fastify instance, as far as corral needs one: `ready()` and its `server`. */
export interface FastifyLike {
  ready(): PromiseLike<unknown>;
  readonly server: net.Server;
}

/** A Koa application, as far as corral needs one: `callback()` gives the request handler. */
export interface KoaLike {
  callback(): http.RequestListener;
}

/**
 * Anything {@link serve} accepts: a server, a request handler (an Express
 * app is one), a Koa app or a Fastify instance.
 */
export type Servable = net.Server | http.RequestListener | KoaLike | FastifyLike;

const EXPECTED = 'an http.Server or net.Server, a request handler or Express app (a function), a Koa app (with .callback()) or a Fastify instance (with .ready() and .server)';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

function isFastify(value: unknown): value is FastifyLike {
  const v = value as Partial<FastifyLike> | null;
  // A Fastify instance is a function-less object in v4/v5, but test for the
  // two members only, so that a wrapper or another version still counts.
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.ready === 'function' && v.server instanceof net.Server;
}

function isKoa(value: unknown): value is KoaLike {
  const v = value as Partial<KoaLike> | null;
  return v !== null && typeof v === 'object' && typeof v.callback === 'function';
}

/** True when `value` is something {@link toServer} can serve. */
export function isServable(value: unknown): value is Servable {
  return value instanceof net.Server || isFastify(value) || isKoa(value) || typeof value === 'function';
}

/**
 * The net.Server that serves `app`: the server itself, a Fastify instance's
 * server once `ready()` has resolved, or a new http.Server around a Koa
 * app's callback or a request handler (an Express app). Rejects with
 * CORRAL_ERR_INVALID_OPTION naming what was expected when `app` is none of
 * these, and with the framework's own error when `ready()` rejects (a plugin
 * failed to load).
 */
export async function toServer(app: unknown): Promise<net.Server> {
  if (app instanceof net.Server) return app;
  // Fastify before function: a future Fastify instance that is callable must
  // still be made ready first.
  if (isFastify(app)) {
    await app.ready();
    return app.server;
  }
  if (isKoa(app)) return http.createServer(app.callback());
  if (typeof app === 'function') return http.createServer(app as http.RequestListener);
  throw new InvalidOptionError(`server must be ${EXPECTED}; got ${describe(app)}`, { range: false });
}
