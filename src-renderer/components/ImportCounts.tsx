/**
 * One import's counts (rows read, imported, duplicates, skipped) as table cells, with their column
 * headers: alike in the app's imports table and the PDF's sources, which differ in the columns
 * around them.
 */
import type { ImportRecord } from '../../src-main/shared/report-types';
import { useT } from '../i18n/I18nProvider';

/** The rows an import skipped, over every reason. */
export const skippedTotal = (record: ImportRecord): number =>
  Object.values(record.skipped).reduce((sum, n) => sum + n, 0);

export function ImportCountHeaders() {
  const { t } = useT();
  return (
    <>
      <th scope="col" className="num">
        {t('app.skips.rows')}
      </th>
      <th scope="col" className="num">
        {t('app.imports.imported')}
      </th>
      <th scope="col" className="num">
        {t('app.imports.duplicates')}
      </th>
      <th scope="col" className="num">
        {t('app.imports.skipped')}
      </th>
    </>
  );
}

export function ImportCountCells({ record }: { record: ImportRecord }) {
  const { f } = useT();
  return (
    <>
      <td className="num">{f.count(record.rows)}</td>
      <td className="num">{f.count(record.imported)}</td>
      <td className="num">{f.count(record.duplicates)}</td>
      <td className="num">{f.count(skippedTotal(record))}</td>
    </>
  );
}
