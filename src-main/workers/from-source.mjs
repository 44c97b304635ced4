// Starts a TypeScript worker when the code runs from source (vitest, tsx): Node 20 does not pass
// `--import tsx` on to worker threads, so the worker registers tsx itself, then loads its entry.
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
