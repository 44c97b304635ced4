import { expect, test } from './fixtures';

interface PageGlobals {
  api: { getReport(arg: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> };
  __enrollscopeInvoke: (channel: string, arg?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
  document: {
    createElement(tag: string): { textContent: string; srcdoc: string; onload: (() => void) | null };
    body: { appendChild(node: unknown): void };
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
  };
  inlineRan?: boolean;
}

test('every call is validated: bad arguments and unknown channels get typed errors', async ({ openApp }) => {
  const app = await openApp();
  await expect(app.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  const answers = await app.page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    return [
      await g.api.getReport({ range: { kind: 'last', days: 9 }, platforms: [], sections: [], tz: 'UTC' }),
      await g.api.getReport({
        range: { kind: 'custom', from: '2025-02-30', to: '2025-03-01' },
        platforms: ['iOS/iPadOS'],
        sections: ['Terms of Use'],
        tz: 'UTC',
      }),
      await g.api.getReport({
        range: { kind: 'last', days: 7 },
        platforms: ['Windows'],
        sections: ['Terms of Use'],
        tz: 'Mars/Olympus',
      }),
      await g.__enrollscopeInvoke('fs:read', { path: '/etc/passwd' }),
      await g.__enrollscopeInvoke('import:run', { paths: ['relative/path.csv'] }),
    ];
  });
  expect(answers.map((a) => a.ok)).toEqual([false, false, false, false, false]);
  expect(answers.map((a) => a.error?.code)).toEqual([
    'invalid-args',
    'invalid-args',
    'invalid-args',
    'unknown-channel',
    'invalid-args',
  ]);
});

test('calls from a frame other than the app’s own are refused', async ({ openApp }) => {
  const app = await openApp();
  await expect(app.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  await app.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        const frame = g.document.createElement('iframe');
        frame.srcdoc = '<p>embedded</p>';
        frame.onload = () => resolve();
        g.document.body.appendChild(frame);
      }),
  );
  const child = app.page.frames().find((frame) => frame !== app.page.mainFrame());
  expect(child).toBeDefined();
  const answer = await child!.evaluate(() => (globalThis as unknown as PageGlobals).__enrollscopeInvoke('session:get'));
  expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
});

test('a strict CSP: no inline script runs, nothing is fetched from elsewhere', async ({ openApp, server }) => {
  const app = await openApp();
  const requests: string[] = [];
  app.page.on('request', (request) => requests.push(request.url()));
  await app.page.reload();
  await expect(app.page.getByTestId('report')).toHaveAttribute('data-report-status', 'ready');
  const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  const violated = await app.page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        g.document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective));
        const script = g.document.createElement('script');
        script.textContent = 'globalThis.inlineRan = true';
        g.document.body.appendChild(script);
      }),
  );
  expect(violated).toMatch(/script-src/);
  expect(await app.page.evaluate(() => (globalThis as unknown as PageGlobals).inlineRan)).toBeUndefined();
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
});
