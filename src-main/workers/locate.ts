/**
 * Where a worker's code is. Built (out/main, every entry and chunk in one folder) it is
 * `<name>.js` beside this module; from source (vitest, tsx) it is the TypeScript file, loaded
 * through tsx.
 */
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerLocation {
  readonly file: URL;
  readonly options: WorkerOptions;
}

const fromSource = import.meta.url.endsWith('.ts');

/** `sourcePath` is relative to src-main/, e.g. 'import/parse-worker.ts'. */
export function locateWorker(builtName: string, sourcePath: string): WorkerLocation {
  if (fromSource) return { file: new URL(`../${sourcePath}`, import.meta.url), options: { execArgv: ['--import', 'tsx'] } };
  return { file: new URL(`./${builtName}.js`, import.meta.url), options: {} };
}
