/**
 * The section funnel as plain text for a terminal (the report's table style), in the translator's
 * language (`--lang`); English, the default, is the text as it always was (plain digits).
 */
import { countIn, displayWidth, formatRate, textTable } from '../report/format-text';
import type { Funnel } from '../shared/funnel-types';
import { funnelCaveatTexts } from '../shared/i18n/engine-notes';
import { translator, type Translator } from '../shared/i18n/translator';
import { platformLabel, sectionLabel } from '../shared/i18n/vocabulary';

/** A duration for people: `45 s`, `12 min 5 s`, `2 h 3 min`, `n/a`. */
export function formatDuration(ms: number | null, { t }: Translator = translator('en')): string {
  if (ms === null) return t('cli.funnel.durationNone');
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('cli.funnel.seconds', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('cli.funnel.minutesSeconds', { m: minutes, s: seconds % 60 });
  const hours = Math.floor(minutes / 60);
  return t('cli.funnel.hoursMinutes', { h: hours, m: minutes % 60 });
}

export function formatFunnelText(funnel: Funnel, tr: Translator = translator('en')): string {
  const { t } = tr;
  const count = countIn(tr);
  const unknown = t('cli.funnel.unknown');
  const out: string[] = [];
  out.push(t('cli.funnel.title'));
  const heads = [t('cli.text.range'), t('cli.text.platforms')];
  const width = Math.max(...heads.map(displayWidth));
  const head = (label: string): string => label + ' '.repeat(width - displayWidth(label) + 1);
  const { range } = funnel;
  out.push(`${head(heads[0]!)}${t('cli.text.rangeValue', { from: range.from, to: range.to, zone: range.tz })}`);
  out.push(`${head(heads[1]!)}${funnel.platforms.map((p) => platformLabel(t, p)).join(', ')}`);
  out.push('');
  out.push(
    ...textTable(
      [t('cli.funnel.attempts'), t('cli.text.count')],
      [
        [t('cli.funnel.initiatedKnown'), funnel.initiated === null ? unknown : count(funnel.initiated)],
        [t('cli.funnel.attemptsCounted'), count(funnel.attempts)],
        [t('cli.funnel.completed'), count(funnel.completed)],
        [t('cli.funnel.completionRate'), funnel.initiated === null ? unknown : formatRate(funnel.completionRate, tr)],
        [t('cli.funnel.incomplete'), count(funnel.incomplete)],
        [t('cli.funnel.unclassified'), count(funnel.unclassified)],
        [t('cli.funnel.inProgress'), count(funnel.inProgress)],
      ],
      ['left', 'right'],
    ),
  );
  out.push('');
  out.push(
    ...textTable(
      [
        t('cli.funnel.section'),
        t('cli.funnel.reached'),
        t('cli.funnel.ofInitiated'),
        t('cli.funnel.stoppedHere'),
        t('cli.funnel.toNext'),
        t('cli.funnel.median'),
        t('cli.funnel.p75'),
      ],
      funnel.sections.map((s) => [
        sectionLabel(t, s.section),
        count(s.reached),
        funnel.initiated === null ? unknown : formatRate(s.overallConversion, tr),
        count(s.incomplete),
        s.stepConversion === null ? '-' : formatRate(s.stepConversion, tr),
        formatDuration(s.medianMs, tr),
        formatDuration(s.p75Ms, tr),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push('', t('cli.funnel.times'));
  for (const caveat of funnelCaveatTexts(tr, funnel)) out.push(`- ${caveat}`);
  return `${out.join('\n')}\n`;
}
