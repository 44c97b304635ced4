/**
 * A child process for crash tests: imports files into a case exactly as the command line does
 * (importFiles with the parse worker) and prints each progress report as one JSON line on stdout,
 * so the parent can kill it at a known point of the import. Run from source:
 *
 *   node --import tsx test/helpers/import-child.ts [--hold-after-commit] CASE FILE...
 *
 * With --hold-after-commit the child prints its `done` line as soon as the import transaction has
 * committed and then waits, the case still open and its WAL not checkpointed, until it is killed:
 * the parent's kill then lands at a known point after the commit.
 */
import { openCase } from '../../src-main/store/case-file';
import { importFiles } from '../../src-main/store/import-files';
import { readInputInWorker } from '../../src-main/workers/parse-in-worker';

const args = process.argv.slice(2);
const holdAfterCommit = args[0] === '--hold-after-commit';
const [casePath, ...files] = holdAfterCommit ? args.slice(1) : args;
const db = openCase(casePath!);
const outcomes = await importFiles(db, files, {
  reader: readInputInWorker,
  onProgress: (progress) => process.stdout.write(`${JSON.stringify({ phase: progress.phase, rows: progress.rows })}\n`),
});
if (holdAfterCommit) {
  process.stdout.write(`${JSON.stringify({ done: outcomes.map((o) => o.status), holding: true })}\n`);
  setInterval(() => undefined, 60_000); // keeps the process (and the open case) alive until killed
} else {
  db.close();
  process.stdout.write(`${JSON.stringify({ done: outcomes.map((o) => o.status) })}\n`);
}
