/**
 * The case file stays on the machine, no telemetry. The app's own code (main, preload,
 * renderer, command line) has no way to reach the network but one loopback server (the command
 * line's PDF printing serves the built renderer on 127.0.0.1 to a local browser); no dependency is
 * a telemetry or crash-reporting SDK; and Electron's crash reporter is never started. At run time,
 * test/e2e/no-network.spec.ts watches the renderer and the Electron session refuses any request
 * that is not a local file (src-main/app/window.ts, src-main/pdf/electron-window.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Ways out: network modules, browser network APIs, Electron's net and crash reporter. */
const NETWORK = [
  /from ['"](node:)?(https?|http2|net|tls|dgram|dns)['"]/,
  /from ['"](undici|got|axios|node-fetch|ws|socket\.io-client)['"]/,
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bnew WebSocket\b/,
  /\bsendBeacon\b/,
  /\bEventSource\b/,
  /\bnet\.(request|fetch)\b/,
  /\bcrashReporter\b/,
  /\bshell\.openExternal\b/,
];

/** The one file allowed a server, and why. */
const ALLOWED: Record<string, RegExp> = {
  'src-main/pdf/static-server.ts': /listen\(0, '127\.0\.0\.1'/,
};

describe('no telemetry', () => {
  it('the app’s code reaches no network: only a loopback server for local PDF printing', () => {
    const files = [...sources('src-main'), ...sources('src-renderer')];
    expect(files.length).toBeGreaterThan(50);
    const hits = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return NETWORK.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern.source}`);
    });
    const unexpected = hits.filter((hit) => !Object.keys(ALLOWED).some((file) => hit.startsWith(`${file}:`)));
    expect(unexpected).toEqual([]);
    for (const [file, binding] of Object.entries(ALLOWED)) {
      expect(readFileSync(join(root, file), 'utf8')).toMatch(binding);
    }
  });

  it('no dependency is an analytics, telemetry or crash-reporting SDK', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const names = Object.keys(manifest.dependencies);
    expect(
      names.filter((name) =>
        /sentry|bugsnag|analytics|segment|mixpanel|amplitude|posthog|telemetry|appinsights|datadog|newrelic|rollbar|raygun|crash/i.test(
          name,
        ),
      ),
    ).toEqual([]);
  });
});
