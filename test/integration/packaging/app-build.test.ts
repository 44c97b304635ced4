/**
 * The app's build (out/, what electron-builder packages) holds the app alone: no module of the
 * tests or the developer tools is compiled into out/main (they are built into out/tools), and the
 * renderer is minified. Reads the real build's source maps; `npm test` builds first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const out = fileURLToPath(new URL('../../../out/', import.meta.url));

/** Every source file compiled into the .js files of a folder, from their source maps. */
function compiledSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js.map'))
    .flatMap((file) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sources: string[] }).sources)
    .map((source) => source.replaceAll('\\', '/').replace(/^(\.\.\/)+/, ''));
}

describe('the app build', () => {
  it('compiles no test or tool module into out/main; out/tools holds the harness and the tools', () => {
    expect(existsSync(join(out, 'main', 'index.js')), 'build first: npm run build').toBe(true);
    const sources = compiledSources(join(out, 'main'));
    expect(sources).toContain('src-main/index.ts');
    expect(sources).toContain('src-main/workers/import-worker.ts');
    expect(sources.filter((s) => s.startsWith('test/') || s.startsWith('src-main/tools/'))).toEqual([]);
    expect(existsSync(join(out, 'main', 'tools'))).toBe(false);

    const toolSources = compiledSources(join(out, 'tools'));
    expect(toolSources).toContain('test/e2e/harness/app.ts');
    expect(toolSources).toContain('src-main/tools/screenshot.ts');
  });

  it('minifies the renderer', () => {
    const assets = join(out, 'renderer', 'assets');
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const text = readFileSync(join(assets, script), 'utf8');
      // Unminified, the bundle is ~30,000 lines with its comments; minified, a handful.
      expect(text.split('\n').length, script).toBeLessThan(100);
      expect(text, script).not.toContain('/**');
    }
  });
});
