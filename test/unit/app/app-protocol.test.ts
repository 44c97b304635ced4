/**
 * Checklist item 18: the app:// scheme (src-main/app/app-protocol.ts). resolveAppUrl serves the
 * built renderer's files and nothing else; the handler answers with the file and its MIME type,
 * or an empty 403/404/405.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_INDEX_URL,
  createAppProtocolHandler,
  isAppIndexUrl,
  isAppOriginUrl,
  resolveAppUrl,
} from '../../../src-main/renderer-host/app-protocol';

let temp = '';
let root = '';

beforeAll(() => {
  temp = realpathSync(mkdtempSync(join(tmpdir(), 'enrollscope-app-protocol-')));
  root = join(temp, 'out', 'renderer');
  mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'assets', 'icon.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'fonts', 'inter.woff2'), 'wOF2');
  writeFileSync(join(root, 'assets', 'data.json'), '{}');
  writeFileSync(join(root, 'assets', 'index-abc.js.map'), '{}');
  writeFileSync(join(root, 'assets', 'my file.js'), '');
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not served');
  // Outside the root: the main bundle next to it, a secret elsewhere.
  mkdirSync(join(temp, 'out', 'main'), { recursive: true });
  writeFileSync(join(temp, 'out', 'main', 'index.js'), 'secret');
  writeFileSync(join(temp, 'out', 'renderer-evil.html'), 'evil');
  writeFileSync(join(temp, 'secret.json'), '{"secret":true}');
  // Symlinks: one leading out of the root, one staying inside it.
  symlinkSync(join(temp, 'secret.json'), join(root, 'assets', 'escape.json'));
  symlinkSync(join(temp, 'out', 'main'), join(root, 'linked-dir'));
  symlinkSync(join(root, 'assets', 'data.json'), join(root, 'assets', 'alias.json'));
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('resolveAppUrl', () => {
  it('serves the renderer’s files with their MIME types', () => {
    const cases: [string, string, string][] = [
      ['app://renderer/index.html', 'index.html', 'text/html; charset=utf-8'],
      ['app://renderer/', 'index.html', 'text/html; charset=utf-8'],
      ['app://renderer/index.html#print', 'index.html', 'text/html; charset=utf-8'],
      ['app://renderer/index.html?x=1', 'index.html', 'text/html; charset=utf-8'],
      ['app://renderer/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://renderer/assets/index-abc.css', 'assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://renderer/assets/logo.png', 'assets/logo.png', 'image/png'],
      ['app://renderer/assets/icon.svg', 'assets/icon.svg', 'image/svg+xml'],
      ['app://renderer/assets/fonts/inter.woff2', 'assets/fonts/inter.woff2', 'font/woff2'],
      ['app://renderer/assets/data.json', 'assets/data.json', 'application/json; charset=utf-8'],
      ['app://renderer/assets/index-abc.js.map', 'assets/index-abc.js.map', 'application/json; charset=utf-8'],
      ['app://renderer/assets/my%20file.js', 'assets/my file.js', 'text/javascript; charset=utf-8'],
      ['APP://RENDERER/index.html', 'index.html', 'text/html; charset=utf-8'],
    ];
    for (const [url, file, mimeType] of cases)
      expect(resolveAppUrl(root, url), url).toEqual({ file: join(root, ...file.split('/')), mimeType });
  });

  it('a symlink that stays inside the root is served as its target', () => {
    expect(resolveAppUrl(root, 'app://renderer/assets/alias.json')).toEqual({
      file: join(root, 'assets', 'data.json'),
      mimeType: 'application/json; charset=utf-8',
    });
  });

  it('refuses (403) other schemes, hosts, ports and credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      `file://${join(root, 'index.html')}`,
      'https://renderer/index.html',
      'app://enrollscope/index.html',
      'app://renderer.evil/index.html',
      'app://renderer:8080/index.html',
      'app://user:pw@renderer/index.html',
      'app:///index.html',
      'app:index.html',
      'not a url',
      '',
    ])
      expect(resolveAppUrl(root, url), url).toEqual({ status: 403 });
  });

  it('refuses (403) traversal, absolute paths, backslashes, NUL and bad encodings', () => {
    for (const url of [
      'app://renderer/..%2Fmain%2Findex.js',
      'app://renderer/%2e%2e%2fmain%2findex.js',
      'app://renderer/assets/..%2F..%2Fmain%2Findex.js',
      'app://renderer/..%2F..%2Fsecret.json',
      'app://renderer/%2Fetc%2Fpasswd.json',
      'app://renderer//etc/passwd.json',
      `app://renderer/${encodeURIComponent(join(temp, 'secret.json'))}`,
      'app://renderer/assets%5C..%5C..%5Csecret.json',
      'app://renderer/assets\\..\\..\\secret.json',
      'app://renderer/index.html%00.png',
      'app://renderer/index.html\0',
      'app://renderer/C:%2FWindows%2Fwin.ini.json',
      'app://renderer/assets/%E0%A4%A.js',
      'app://renderer/./index.html%2F.',
      'app://renderer/.%2Findex.html',
      `app://renderer/${'a'.repeat(5000)}.js`,
    ])
      expect(resolveAppUrl(root, url), url).toEqual({ status: 403 });
    // Dot segments the URL parser removes itself cannot climb above the host either.
    expect(resolveAppUrl(root, 'app://renderer/../../secret.json')).toEqual({ status: 404 });
    expect(resolveAppUrl(root, 'app://renderer/%2E%2E/secret.json')).toEqual({ status: 404 });
    expect(resolveAppUrl(root, 'app://renderer/assets/%2e%2e/%2e%2e/secret.json')).toEqual({ status: 404 });
    expect(resolveAppUrl(root, 'app://renderer/assets/../../main/index.js')).toEqual({ status: 404 });
  });

  it('refuses (403) a symlink leading out of the root', () => {
    expect(resolveAppUrl(root, 'app://renderer/assets/escape.json')).toEqual({ status: 403 });
    expect(resolveAppUrl(root, 'app://renderer/linked-dir/index.js')).toEqual({ status: 403 });
  });

  it('answers 404 for missing files, directories and types the renderer is not made of', () => {
    for (const url of [
      'app://renderer/missing.html',
      'app://renderer/assets/missing.js',
      'app://renderer/assets',
      'app://renderer/assets/notes.txt',
      'app://renderer/index.html.evil',
    ])
      expect(resolveAppUrl(root, url), url).toEqual({ status: 404 });
    // A trailing slash is an empty segment: refused like any other.
    expect(resolveAppUrl(root, 'app://renderer/assets/')).toEqual({ status: 403 });
    expect(resolveAppUrl(join(temp, 'no-such-root'), 'app://renderer/index.html')).toEqual({ status: 404 });
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root);

  it('answers a GET with the file and its MIME type', async () => {
    const response = await handler()({ url: 'app://renderer/assets/index-abc.js', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('export {};');
    const head = await handler()({ url: APP_INDEX_URL, method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('works with a fetch Request', async () => {
    // Electron hands the handler a fetch Request; app: is not a fetchable scheme in Node, so build it by hand.
    const request = { url: `${APP_INDEX_URL}#print`, method: 'GET' } as Pick<Request, 'url' | 'method'>;
    const response = await handler()(request);
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('answers 403, 404 and 405 with an empty body', async () => {
    const escape = await handler()({ url: 'app://renderer/..%2F..%2Fsecret.json', method: 'GET' });
    expect(escape.status).toBe(403);
    expect(await escape.text()).toBe('');
    expect((await handler()({ url: 'app://renderer/assets/escape.json', method: 'GET' })).status).toBe(403);
    expect((await handler()({ url: 'app://renderer/missing.js', method: 'GET' })).status).toBe(404);
    const post = await handler()({ url: APP_INDEX_URL, method: 'POST' });
    expect(post.status).toBe(405);
    // A file that vanishes between the check and the read.
    const failing = createAppProtocolHandler(root, () => Promise.reject(new Error('ENOENT')));
    expect((await failing({ url: APP_INDEX_URL, method: 'GET' })).status).toBe(404);
  });
});

describe('the app origin', () => {
  it('isAppIndexUrl: the page itself, with a fragment or a query, nothing else', () => {
    expect(isAppIndexUrl('app://renderer/index.html')).toBe(true);
    expect(isAppIndexUrl('app://renderer/index.html#print')).toBe(true);
    expect(isAppIndexUrl('app://renderer/index.html?x')).toBe(true);
    for (const url of [
      'app://renderer/index.html.evil.html',
      'app://renderer/other.html',
      'app://renderer.evil/index.html',
      'app://renderer/',
      'file:///opt/app/out/renderer/index.html',
    ])
      expect(isAppIndexUrl(url), url).toBe(false);
  });

  it('isAppOriginUrl: requests to app://renderer/ only', () => {
    expect(isAppOriginUrl('app://renderer/assets/index.js')).toBe(true);
    expect(isAppOriginUrl('app://renderer.evil.com/x')).toBe(false);
    expect(isAppOriginUrl('app://rendererx/x')).toBe(false);
    expect(isAppOriginUrl('file:///app://renderer/')).toBe(false);
  });
});
