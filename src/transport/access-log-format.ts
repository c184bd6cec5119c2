// The access log format of corral's Node worker runtime: Gunicorn's
// `access_log_format` (Python %-formatting with named atoms), parsed here so
// that the arbiter can refuse a bad format when its options are read and the
// worker can render the same one. Not part of the protocol: the arbiter hands
// the format to its workers in NODE_CORRAL_ACCESS_LOG, a variable of this
// implementation, named outside the CORRAL_ and LISTEN_ prefixes that spec.md
// section 2.2 reserves (ENV-14).
//
//   %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"     (the default)
//   %({x-request-id}i)s  a request header    %({content-type}o)s  a response header
//   %%                   a literal %

/** The environment variable that carries the format from the arbiter to a Node worker. */
export const ACCESS_LOG_ENV = 'NODE_CORRAL_ACCESS_LOG';

/** Gunicorn's default access_log_format. */
export const DEFAULT_ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"';

/** The atoms, as Gunicorn names them, and what each renders. */
export const ACCESS_LOG_ATOMS: Readonly<Record<string, string>> = Object.freeze({
  h: 'remote address',
  l: "'-'",
  u: 'user name of HTTP basic authentication, or -',
  t: 'date and time of the response, [10/Oct/2000:13:55:36 +0000]',
  r: 'request line, GET /path?q HTTP/1.1',
  m: 'request method',
  U: 'URL path, without the query',
  q: 'query string, without the ?',
  H: 'protocol, HTTP/1.1',
  s: 'status code',
  B: 'response body length in octets',
  b: 'response body length in octets, - for none',
  f: 'Referer header',
  a: 'User-Agent header',
  T: 'request time in whole seconds',
  M: 'request time in whole milliseconds',
  D: 'request time in whole microseconds',
  L: 'request time in decimal seconds',
  p: 'process id, <1234>',
});

/** One piece of a parsed format. */
export type AccessLogPart =
  | { kind: 'text'; text: string }
  | { kind: 'atom'; atom: string }
  | { kind: 'header'; from: 'request' | 'response'; name: string };

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses a format; throws an Error whose message says what is wrong and
 * where (the caller names the option). A format must use at least one atom.
 */
export function parseAccessLogFormat(format: string): AccessLogPart[] {
  if (typeof format !== 'string' || format === '') throw new Error('the format is empty');
  // Printable ASCII: one line, and what the worker writes stays ASCII, so its length in octets is known.
  if (!/^[\x20-\x7e]*$/.test(format)) throw new Error('the format must be printable ASCII (no newline or other control character)');
  const parts: AccessLogPart[] = [];
  let text = '';
  let atoms = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i] as string;
    if (c !== '%') {
      text += c;
      i++;
      continue;
    }
    if (format[i + 1] === '%') {
      text += '%';
      i += 2;
      continue;
    }
    const m = /^%\(([^)]*)\)s/.exec(format.slice(i));
    if (!m) throw new Error(`at offset ${i}: a % starts an atom such as %(h)s, or is written %%`);
    const name = m[1] as string;
    if (text) parts.push({ kind: 'text', text });
    text = '';
    const header = /^\{([^}]*)\}([io])$/.exec(name);
    if (header) {
      const h = header[1] as string;
      if (!HEADER_NAME.test(h)) throw new Error(`at offset ${i}: ${JSON.stringify(h)} is not a header name`);
      parts.push({ kind: 'header', from: header[2] === 'i' ? 'request' : 'response', name: h.toLowerCase() });
    } else if (Object.hasOwn(ACCESS_LOG_ATOMS, name)) {
      parts.push({ kind: 'atom', atom: name });
    } else {
      throw new Error(`at offset ${i}: unknown atom %(${name})s (known: ${Object.keys(ACCESS_LOG_ATOMS).join(' ')}, {header}i, {header}o)`);
    }
    atoms++;
    i += m[0].length;
  }
  if (text) parts.push({ kind: 'text', text });
  if (atoms === 0) throw new Error('the format uses no atom such as %(r)s');
  return parts;
}
