/** The section funnel as plain text for a terminal (the report's table style). */
import { formatRate, textTable } from '../report/format-text';
import type { Funnel } from '../shared/funnel-types';

/** A duration for people: `45 s`, `12 min 5 s`, `2 h 3 min`, `n/a`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'n/a';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

export function formatFunnelText(funnel: Funnel): string {
  const out: string[] = [];
  out.push('Section funnel');
  out.push(`Range:     ${funnel.range.from} to ${funnel.range.to} (${funnel.range.tz})`);
  out.push(`Platforms: ${funnel.platforms.join(', ')}`);
  out.push('');
  out.push(
    ...textTable(
      ['Attempts', 'Count'],
      [
        ['Initiated (known)', funnel.initiated ?? 'unknown'],
        ['Attempts counted', funnel.attempts],
        ['Completed', funnel.completed],
        ['Completion rate', funnel.initiated === null ? 'unknown' : formatRate(funnel.completionRate)],
        ['Incomplete', funnel.incomplete],
        ['  before any section (unclassified)', funnel.unclassified],
        ['In progress', funnel.inProgress],
      ],
      ['left', 'right'],
    ),
  );
  out.push('');
  out.push(
    ...textTable(
      ['Section', 'Reached', 'Of initiated', 'Stopped here', 'To next', 'Median time', 'p75 time'],
      funnel.sections.map((s) => [
        s.section,
        s.reached,
        funnel.initiated === null ? 'unknown' : formatRate(s.overallConversion),
        s.incomplete,
        s.stepConversion === null ? '-' : formatRate(s.stepConversion),
        formatDuration(s.medianMs),
        formatDuration(s.p75Ms),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push('', 'Times: from the start of the attempt to its abandonment, nearest-rank median and 75th percentile.');
  for (const caveat of funnel.caveats) out.push(`- ${caveat}`);
  return `${out.join('\n')}\n`;
}
