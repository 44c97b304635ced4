/**
 * The legend entry of partial days (the chart's hatched band and open markers), in the app and in
 * the PDF: a hatched square with an open circle, and what it means.
 */
import { useId } from 'react';
import { useT } from '../i18n/I18nProvider';

export function PartialDayLegend({ className, swatchClassName }: { className: string; swatchClassName: string }) {
  const { t } = useT();
  const id = useId().replace(/:/g, '');
  return (
    <span className={className} data-testid="legend-partial">
      <svg className={swatchClassName} viewBox="0 0 28 12" aria-hidden="true">
        <defs>
          <pattern id={`hatch-${id}`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" stroke="currentColor" strokeWidth="1.2" opacity="0.55" />
          </pattern>
        </defs>
        <rect x="1" y="0" width="26" height="12" fill={`url(#hatch-${id})`} />
        <circle cx="14" cy="6" r="3.2" fill="#fff" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      {t('app.legend.partialDay')}
    </span>
  );
}
