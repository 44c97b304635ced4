/**
 * The findings block of `report --format text`, right after the report's title block: numbered
 * sentences, then the caveats, each on one line (a terminal, a log or an e-mail wraps them as it
 * likes).
 */
import { isCaveat, type Finding } from '../shared/findings-types';

export function formatFindingsText(findings: readonly Finding[]): string {
  const said = findings.filter((f) => !isCaveat(f));
  const caveats = findings.filter(isCaveat);
  const out = ['Findings', '--------'];
  if (said.length === 0) out.push('Nothing stands out that the data supports (see the tables below).');
  said.forEach((finding, index) => out.push(`${index + 1}. ${finding.text}`));
  if (caveats.length > 0) {
    out.push('', 'Caveats');
    for (const caveat of caveats) out.push(`- ${caveat.text}`);
  }
  return `${out.join('\n')}\n`;
}
