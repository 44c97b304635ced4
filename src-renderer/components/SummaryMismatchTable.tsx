import type { ReactNode } from 'react';
import type { SummaryMismatch } from '../../src-main/shared/report-types';
import { formatCount, formatDay } from '../format';

/** Summary rows whose incomplete count disagrees with the attempts of their cell: the app and the PDF. */
export function SummaryMismatchTable({
  mismatches,
  className,
  caption,
}: {
  mismatches: readonly SummaryMismatch[];
  className: string;
  caption?: ReactNode;
}) {
  return (
    <table className={className}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Platform</th>
          <th scope="col" className="num">
            Summary says incomplete
          </th>
          <th scope="col" className="num">
            Attempts found incomplete
          </th>
        </tr>
      </thead>
      <tbody>
        {mismatches.map((m) => (
          <tr key={`${m.date}-${m.platform ?? 'both'}`}>
            <td className="nowrap">{formatDay(m.date)}</td>
            <td>{m.platform ?? 'Both'}</td>
            <td className="num">{formatCount(m.summaryIncomplete)}</td>
            <td className="num">{formatCount(m.attemptsIncomplete)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
