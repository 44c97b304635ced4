import type { ReactNode } from 'react';
import type { SummaryMismatch } from '../../src-main/shared/report-types';
import { useT } from '../i18n/I18nProvider';
import { platformLabel } from '../../src-main/shared/i18n/vocabulary';

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
  const { t, f } = useT();
  return (
    <table className={className}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('app.mismatch.day')}</th>
          <th scope="col">{t('app.mismatch.platform')}</th>
          <th scope="col" className="num">
            {t('app.mismatch.summarySays')}
          </th>
          <th scope="col" className="num">
            {t('app.mismatch.attemptsFound')}
          </th>
        </tr>
      </thead>
      <tbody>
        {mismatches.map((m) => (
          <tr key={`${m.date}-${m.platform ?? 'both'}`}>
            <td className="nowrap">{f.day(m.date)}</td>
            <td>{m.platform ? platformLabel(t, m.platform) : t('app.mismatch.both')}</td>
            <td className="num">{f.count(m.summaryIncomplete)}</td>
            <td className="num">{f.count(m.attemptsIncomplete)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
