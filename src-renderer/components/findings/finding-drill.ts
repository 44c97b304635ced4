/**
 * The drill-down that shows a finding's attempts: a table row, a section's day, or the incomplete
 * attempts (of one platform). Caveats and findings without attempts of their own open nothing.
 */
import type { Finding } from '../../../src-main/shared/findings-types';
import type { Translator } from '../../../src-main/shared/i18n/translator';
import type { Platform } from '../../../src-main/shared/taxonomy';
import { platformLabel, sectionLabel } from '../../../src-main/shared/i18n/vocabulary';
import type { DrillTarget } from '../../store/drilldown-slice';

export interface FindingDrill {
  readonly target: DrillTarget;
  readonly title: string;
  /** The count the finding states for these attempts (null: it states none the list can match). */
  readonly expected: number | null;
  readonly platform?: Platform;
}

export function drillOf(finding: Finding, { t, f: formats }: Translator): FindingDrill | null {
  const f = finding.filter;
  const row =
    f.section && f.actionName !== undefined && f.screen !== undefined && f.userAction
      ? ({
          kind: 'row',
          section: f.section,
          actionName: f.actionName,
          screen: f.screen,
          userAction: f.userAction,
        } as const)
      : null;
  const rowTitle = row ? `${sectionLabel(t, row.section)} · ${row.actionName} · ${row.userAction}` : '';
  const incomplete = t('app.rollup.incomplete');
  switch (finding.kind) {
    case 'where-users-stop':
      return row && { target: row, title: rowTitle, expected: finding.numbers.count };
    case 'row-change':
      return row && { target: row, title: rowTitle, expected: finding.numbers.current };
    case 'count-change':
      return row
        ? { target: row, title: rowTitle, expected: finding.numbers.current }
        : { target: { kind: 'incomplete' }, title: incomplete, expected: finding.numbers.current };
    case 'rate-change':
      return { target: { kind: 'incomplete' }, title: incomplete, expected: null };
    case 'platform-gap':
      return {
        target: { kind: 'incomplete' },
        title: t('app.findings.incompleteOn', { platform: platformLabel(t, finding.worse) }),
        expected: null,
        platform: finding.worse,
      };
    case 'unusual-day':
      return f.section && f.date
        ? {
            target: { kind: 'day', section: f.section, date: f.date },
            title: t('app.drill.sectionOnDay', { section: sectionLabel(t, f.section), day: formats.day(f.date) }),
            expected: finding.numbers.count,
          }
        : null;
    default:
      return null;
  }
}
