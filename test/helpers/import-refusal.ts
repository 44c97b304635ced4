/** The CaseRefused an import into a case throws (a lock, a read-only or damaged case); fails the test otherwise. */
import { expect } from 'vitest';
import type { CaseDb } from '../../src-main/store/case-file';
import { CaseRefused } from '../../src-main/store/case-errors';
import { importFiles } from '../../src-main/store/import-files';

export async function importRefusal(db: CaseDb, files: readonly string[]): Promise<CaseRefused> {
  const error = await importFiles(db, files).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CaseRefused);
  return error as CaseRefused;
}
