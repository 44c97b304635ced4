/**
 * A child process for crash tests: imports files into a case exactly as the command line does
 * (importFiles with the parse worker) and prints each progress report as one JSON line on stdout,
 * so the parent can kill it at a known point of the import. Run from source:
 *
 *   node --import tsx test/helpers/import-child.ts CASE FILE...
 */
import { openCase } from '../../src-main/store/case-file';
import { importFiles } from '../../src-main/store/import-files';
import { readInputInWorker } from '../../src-main/workers/parse-in-worker';

const [casePath, ...files] = process.argv.slice(2);
const db = openCase(casePath!);
const outcomes = await importFiles(db, files, {
  reader: readInputInWorker,
  onProgress: (progress) => process.stdout.write(`${JSON.stringify({ phase: progress.phase, rows: progress.rows })}\n`),
});
db.close();
process.stdout.write(`${JSON.stringify({ done: outcomes.map((o) => o.status) })}\n`);
