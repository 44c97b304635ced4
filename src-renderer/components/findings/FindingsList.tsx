/**
 * The findings as a list: the sentences about the enrollments, numbered, then the caveats. The
 * app's card and the PDF's executive summary draw the same list; in the app (`onOpen`) each
 * finding that has attempts behind it opens them.
 */
import { findingText } from '../../../src-main/shared/findings-text';
import { isCaveat, type Finding } from '../../../src-main/shared/findings-types';
import type { Translator } from '../../../src-main/shared/i18n/translator';
import { useT } from '../../i18n/I18nProvider';
import '../../styles/findings.css';

/**
 * A finding as the reader sees it: in English the JSON's own sentence (the command line's text
 * says the same words), in another language the translated sentence with its formats.
 */
const sentence = (tr: Translator, finding: Finding): string =>
  tr.language === 'en' ? finding.text : findingText(tr, finding);

export function FindingsList({
  findings,
  onOpen,
  idPrefix,
}: {
  findings: readonly Finding[];
  onOpen?: (finding: Finding) => void;
  /** Makes the list's element ids unique on the page. */
  idPrefix: string;
}) {
  const tr = useT();
  const { t } = tr;
  const said = findings.filter((f) => !isCaveat(f));
  const caveats = findings.filter(isCaveat);
  return (
    <>
      {said.length === 0 ? (
        <p className="muted" data-testid="findings-none">
          {t('app.findings.none')}
        </p>
      ) : (
        <ol className="findings-list" data-testid="findings-list">
          {said.map((finding, index) => (
            <li key={index} data-testid="finding" data-kind={finding.kind}>
              <FindingText finding={finding} onOpen={onOpen} />
            </li>
          ))}
        </ol>
      )}
      {caveats.length > 0 && (
        <>
          {/* Not a heading: the PDF's outline lists sections, and this belongs to the findings above. */}
          <p className="findings-caveats-title" id={`${idPrefix}-caveats`}>
            {t('app.findings.caveats')}
          </p>
          <ul className="findings-caveats" data-testid="findings-caveats" aria-labelledby={`${idPrefix}-caveats`}>
            {caveats.map((finding, index) => (
              <li key={index} data-testid="finding-caveat" data-kind={finding.kind}>
                {sentence(tr, finding)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function FindingText({ finding, onOpen }: { finding: Finding; onOpen?: (finding: Finding) => void }) {
  const tr = useT();
  const { t } = tr;
  if (!onOpen) return <>{sentence(tr, finding)}</>;
  return (
    <button
      type="button"
      className="link-button finding-button"
      onClick={() => onOpen(finding)}
      title={t('app.findings.open')}
      data-testid="finding-open"
    >
      {sentence(tr, finding)}
    </button>
  );
}
