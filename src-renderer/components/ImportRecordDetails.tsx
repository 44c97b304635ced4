/** What an import skipped, by reason, with the first examples and their line numbers. */
import type { ImportRecord } from '../../src-main/shared/report-types';
import { formatCount } from '../format';

/** `record` as the view shows it (masked by main when masking is on: privacy.ts). */
export function ImportRecordDetails({ record, maxExamples = 3 }: { record: ImportRecord; maxExamples?: number }) {
  const reasons = Object.entries(record.skipped).filter(([, n]) => n > 0);
  if (reasons.length === 0) return null;
  return (
    <div className="skips">
      <table className="skip-table">
        <caption className="visually-hidden">Rows of {record.file} that were skipped</caption>
        <thead>
          <tr>
            <th scope="col">Skipped because</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">Examples (line: value)</th>
          </tr>
        </thead>
        <tbody>
          {reasons.map(([reason, count]) => (
            <tr key={reason}>
              <td>{reason}</td>
              <td className="num">{formatCount(count)}</td>
              <td className="examples">
                {record.examples
                  .filter((example) => example.reason === reason)
                  .slice(0, maxExamples)
                  .map((example) => (
                    <span key={example.line} className="example" title={example.detail}>
                      line {example.line}
                      {example.detail ? `: ${example.detail}` : ''}
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
