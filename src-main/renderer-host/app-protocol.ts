/**
 * The app's own scheme (Electron's security checklist, item 18: a custom protocol instead of
 * file://). The built renderer is served as app://renderer/… from out/renderer and from nothing
 * else. Plain Node: the resolver and the request handler are unit-tested without Electron
 * (test/unit/app/app-protocol.test.ts); app-scheme.ts registers them with Electron.
 */
import fs from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's page, as every window loads it. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The only file types the renderer is made of; anything else is not served. */
export const APP_MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
});

export type AppResolution = { readonly file: string; readonly mimeType: string } | { readonly status: 403 | 404 };

const MAX_URL_LENGTH = 4096;

/** True when `child` is `root` itself or inside it (both absolute, resolved). */
function inside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Which file of `rootDir` an app:// request is for. 403 for anything that is not a plain path on
 * app://renderer (another scheme or host, a port or credentials, `..` or `.` segments, empty
 * segments, backslashes, NUL, colons, percent-encoding that does not decode, a symlink that leads
 * out of the root); 404 for what is not a regular file of a known type inside the root.
 * `app://renderer/` is index.html; the query and the fragment are ignored.
 */
export function resolveAppUrl(rootDir: string, requestUrl: string): AppResolution {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return { status: 403 };
  if (requestUrl.includes('\\') || requestUrl.includes('\0')) return { status: 403 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 403 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '')
    return { status: 403 };
  if (url.username !== '' || url.password !== '') return { status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { status: 403 };
  }
  if (path === '' || path === '/') path = '/index.html';
  if (!path.startsWith('/') || /[\\\0:]/.test(path)) return { status: 403 };
  const segments = path.slice(1).split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return { status: 403 };
  const wanted = segments.join('/');
  if (isAbsolute(wanted)) return { status: 403 };

  const mimeType = APP_MIME_TYPES[extname(wanted).toLowerCase()];
  if (mimeType === undefined) return { status: 404 };
  let root: string;
  try {
    root = fs.realpathSync(resolve(rootDir));
  } catch {
    return { status: 404 };
  }
  const candidate = resolve(root, ...segments);
  if (!inside(root, candidate)) return { status: 403 };
  let file: string;
  try {
    file = fs.realpathSync(candidate);
  } catch {
    return { status: 404 };
  }
  // A symlink inside the root that points elsewhere.
  if (!inside(root, file)) return { status: 403 };
  try {
    if (!fs.statSync(file).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return { file, mimeType };
}

/** fs.readFile looked up at call time: Electron's asar support patches the fs module's own functions. */
function readWhole(file: string): Promise<Uint8Array> {
  return new Promise((done, fail) => fs.readFile(file, (error, data) => (error ? fail(error) : done(data))));
}

/** What the handler needs of a request (Electron's GlobalRequest is a fetch Request). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * The handler for `protocol.handle(APP_SCHEME, …)`: GET and HEAD of the files resolveAppUrl
 * allows, with their MIME type; 403, 404 or 405 (other methods) with an empty body otherwise.
 * The file is read with Node's fs (which reads inside app.asar), so the request never becomes a
 * file:// request of its own.
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: (file: string) => Promise<Uint8Array> = readWhole,
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    const resolved = resolveAppUrl(rootDir, request.url);
    if ('status' in resolved) return new Response(null, { status: resolved.status });
    let body: Uint8Array;
    try {
      body = await readFile(resolved.file);
    } catch {
      return new Response(null, { status: 404 });
    }
    const headers = {
      'content-type': resolved.mimeType,
      'content-length': String(body.byteLength),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** True for the renderer's page itself on app:// (optionally with a fragment or query). */
export function isAppIndexUrl(url: string): boolean {
  return url === APP_INDEX_URL || url.startsWith(`${APP_INDEX_URL}#`) || url.startsWith(`${APP_INDEX_URL}?`);
}

/** True for any request to the app's own origin (the session's request filters). */
export function isAppOriginUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}
