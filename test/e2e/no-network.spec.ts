/**
 * No network at run time. The app is driven through the harness (the built renderer and
 * the real handlers) in a Chromium whose every request to anything but loopback goes through a
 * recording proxy: whatever page, frame, worker or print page makes a request, the proxy sees it.
 * (Chromium's own background services, which Electron does not ship, are told apart.)
 * The app is used as a consultant would (start, reload, import by drop, filters, the print to PDF
 * with masking), then: the proxy saw nothing, and every request the pages made went to 127.0.0.1.
 * The CSP of the built renderer is checked directive by directive.
 */
import { chromium, type Browser, type Request } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { completedAttempt, writeEventLog } from '../helpers/event-log';
import { CHROMIUM_ARGS, chromiumPath, projectRoot } from './harness/paths';
import { built, expect, test } from './fixtures';

/** The browser's own traffic (not the renderer's), which Electron does not have. */
const CHROMIUM_SERVICES =
  /^(CONNECT |http:\/\/)(update\.googleapis\.com|clients2\.google\.com|accounts\.google\.com|content-autofill\.googleapis\.com)[:/]/;

/** An HTTP proxy that answers nothing and remembers every URL (and CONNECT target) it was asked for. */
async function recordingProxy(): Promise<{ origin: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.url ?? '?');
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    seen.push(`CONNECT ${request.url ?? '?'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

test('the renderer makes no request outside 127.0.0.1, whatever the consultant does', async ({
  server,
  userDataDir,
}, testInfo) => {
  test.setTimeout(120_000);
  const proxy = await recordingProxy();
  const executablePath = chromiumPath();
  const browser: Browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    // Loopback stays direct (Chromium never proxies it); everything else goes to the recorder.
    // Chromium's own services (component updates, autofill hints, Google sign-in) are turned off:
    // they are the browser's, not the page's, and Electron does not ship them.
    args: [
      ...CHROMIUM_ARGS,
      `--proxy-server=${proxy.origin}`,
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,DialMediaRouteProvider',
      '--disable-component-update',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
      '--disable-sync',
      '--gaia-url=http://127.0.0.1:9',
      '--lso-url=http://127.0.0.1:9',
      '--google-apis-url=http://127.0.0.1:9',
    ],
  });
  const requests: string[] = [];
  const record = (request: Request): void => void requests.push(request.url());
  // Every context of this browser is watched, the print route's own included.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('request', record);
    context.on('serviceworker', (worker) => requests.push(`service worker ${worker.url()}`));
    return context;
  };
  try {
    const app = await built.openHarness({ browser, server, userDataDir });
    const page = app.page;
    await page.reload();
    await expect(page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');

    // An import by drop.
    const log = writeEventLog(join(testInfo.outputPath(), 'export.csv'), [
      ...completedAttempt('ann@contoso.example', 'iOS', '2025-11-10T09:00:00Z'),
      ...completedAttempt('bob@contoso.example', 'Android', '2025-11-11T10:00:00Z'),
    ]);
    const finished = app.nextEvent('import:progress', (p) => p.phase === 'done');
    await app.drop([log]);
    await finished;
    await expect(page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');

    // Filters.
    await page.getByTestId('preset-30').click();
    await page.getByTestId('filter-platforms').getByLabel('iOS/iPadOS').uncheck();
    await expect(page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');

    // Print to PDF, masked: the print route renders in another page of the same browser.
    await page.getByTestId('print-button').click();
    const dialog = page.getByTestId('print-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/Mask user names/).check();
    const pdf = testInfo.outputPath('offline.pdf');
    app.dialogs.pdfPaths.push(pdf);
    await dialog.getByTestId('print-save').click();
    await expect(page.getByTestId('print-button')).toHaveAttribute('data-print-status', 'saved');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // A script that tries anyway is stopped by the CSP before it reaches the network.
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('https://telemetry.example.com/collect', { method: 'POST', body: 'x' });
        return 'sent';
      } catch {
        return 'blocked';
      }
    });
    expect(blocked).toBe('blocked');
    await app.close();

    expect(requests.length).toBeGreaterThan(0);
    const origin = new URL(server.origin);
    expect(origin.hostname).toBe('127.0.0.1');
    const outside = requests.filter((url) => !url.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
    // The proxy saw only Chromium's own background services (component updates, network time),
    // never a request of a page: those would be in `requests` above as well.
    expect(proxy.seen.filter((url) => !CHROMIUM_SERVICES.test(url))).toEqual([]);
  } finally {
    await browser.close();
    await new Promise((resolve) => proxy.server.close(resolve));
  }
});

test('the built renderer’s CSP: self only, no inline or eval, no remote sources', () => {
  const html = readFileSync(join(projectRoot(), 'out', 'renderer', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBeDefined();
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  for (const [name, values] of directives) {
    for (const value of values) {
      expect(`${name} ${value}`).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|https?:|wss?:|\*/);
    }
  }
  // Only the app's own files: no script or stylesheet from elsewhere.
  expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
  writeFileSync(join(test.info().outputPath(), 'csp.txt'), csp!);
});
