/** What an import skipped, by reason, with the first examples and their line numbers. */
import type { ImportRecord } from '../../src-main/shared/report-types';
import { skipReasonLabel } from '../../src-main/shared/i18n/vocabulary';
import { useT } from '../i18n/I18nProvider';

/** `record` as the view shows it (masked by main when masking is on: privacy.ts). */
export function ImportRecordDetails({ record, maxExamples = 3 }: { record: ImportRecord; maxExamples?: number }) {
  const { t, f } = useT();
  const reasons = Object.entries(record.skipped).filter(([, n]) => n > 0);
  if (reasons.length === 0) return null;
  return (
    <div className="skips">
      <table className="skip-table">
        <caption className="visually-hidden">{t('app.skips.caption', { file: record.file })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.skips.reason')}</th>
            <th scope="col" className="num">
              {t('app.skips.rows')}
            </th>
            <th scope="col">{t('app.skips.examples')}</th>
          </tr>
        </thead>
        <tbody>
          {reasons.map(([reason, count]) => (
            <tr key={reason}>
              <td>{skipReasonLabel(t, reason)}</td>
              <td className="num">{f.count(count)}</td>
              <td className="examples">
                {record.examples
                  .filter((example) => example.reason === reason)
                  .slice(0, maxExamples)
                  .map((example) => (
                    <span key={example.line} className="example" title={example.detail}>
                      {example.detail
                        ? t('app.skips.lineWithValue', { line: example.line, value: example.detail })
                        : t('app.skips.line', { line: example.line })}
                    </span>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
