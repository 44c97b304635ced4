/**
 * Where a worker's code is. Built (out/main, every entry and chunk in one folder) it is
 * `<name>.js` beside this module; from source (vitest, tsx) it is the TypeScript file, started
 * through a small bootstrap that registers tsx inside the worker.
 */
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerLocation {
  readonly file: URL;
  readonly options: WorkerOptions;
}

const fromSource = import.meta.url.endsWith('.ts');

/** The worker entries: each is `<name>.ts` in this folder and an entry of the main build. */
export type WorkerName = 'import-worker' | 'parse-worker';

export function locateWorker(name: WorkerName): WorkerLocation {
  if (fromSource) {
    const entry = new URL(`./${name}.ts`, import.meta.url);
    return { file: new URL('./from-source.mjs', import.meta.url), options: { argv: [entry.href] } };
  }
  return { file: new URL(`./${name}.js`, import.meta.url), options: {} };
}
