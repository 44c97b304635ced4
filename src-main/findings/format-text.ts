/**
 * The findings block of `report --format text`, right after the report's title block: numbered
 * sentences, then the caveats, each on one line (a terminal, a log or an e-mail wraps them as it
 * likes), in the translator's language (English by default, the findings' JSON text word for word).
 */
import { findingText, renderFindingText } from '../shared/findings-text';
import { isCaveat, type Finding } from '../shared/findings-types';
import { translator, type Translator } from '../shared/i18n/translator';
import { displayWidth } from '../report/format-text';

export function formatFindingsText(findings: readonly Finding[], tr: Translator = translator('en')): string {
  // English: the JSON's sentences (fixed formats), so the text and the JSON say the same words.
  const sentence = (finding: Finding): string =>
    tr.language === 'en' ? renderFindingText(finding) : findingText(tr, finding);
  const said = findings.filter((f) => !isCaveat(f));
  const caveats = findings.filter(isCaveat);
  const title = tr.t('cli.text.findings');
  const out = [title, '-'.repeat(displayWidth(title))];
  if (said.length === 0) out.push(tr.t('cli.text.findingsNone'));
  said.forEach((finding, index) => out.push(`${index + 1}. ${sentence(finding)}`));
  if (caveats.length > 0) {
    out.push('', tr.t('cli.text.caveats'));
    for (const caveat of caveats) out.push(`- ${sentence(caveat)}`);
  }
  return `${out.join('\n')}\n`;
}
