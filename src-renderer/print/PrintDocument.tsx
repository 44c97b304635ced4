/**
 * The report on paper: a title block (report, customer, consultant, when, range and zone, filters,
 * data sources), the roll-up (the app's RollupHeader), the daily chart, one table per section, the
 * daily counts and the data-quality notes. Static: no buttons, nothing collapsed, nothing that
 * only a pointer reveals. The page breaks are print.css's: the chart and short tables are never
 * split, long tables repeat their heading and column header on every page, rows are never split.
 */
import { Fragment } from 'react';
import {
  dataQualityNoteTexts,
  platformLabel,
  screenLabel,
  sectionLabel,
  skipReasonLabel,
  userActionLabel,
  type Translator,
} from '../../src-main/shared/i18n';
import { printedDay, printedMoment, printedRange } from '../../src-main/shared/print-dates';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import { contentBox, type PlatformRollup, type PrintJob, type PrintMeta } from '../../src-main/shared/print-types';
import type { ImportRecord, Report, SectionTable } from '../../src-main/shared/report-types';
import { PLATFORMS, SECTIONS, type Platform } from '../../src-main/shared/taxonomy';
import { RollupHeader, rollupCompare } from '../components/RollupHeader';
import { daysInRange, zoneOffsetsOver } from '../format';
import { useT } from '../i18n/I18nProvider';
import { SummaryMismatchTable } from '../components/SummaryMismatchTable';
import { CoverageNotes } from '../components/CoverageNotes';
import { ImportCountCells, ImportCountHeaders } from '../components/ImportCounts';
import { partialDayLabels } from '../coverage';
import { PrintChart, PrintChartTitle, printGranularity } from './PrintChart';
import { PrintFindings } from './PrintFindings';
import { PrintFunnel } from './PrintFunnel';
import { PrintMethods } from './PrintMethods';
import { PrintGuidance, PrintNotes } from './PrintNotesGuidance';

/** Section tables up to this many rows are kept on one page; longer ones continue on the next. */
const KEEP_TOGETHER_ROWS = 5;
/** The daily table's rows are one line each: up to this many stay on one page. */
const KEEP_TOGETHER_DAYS = 16;

/** `iOS/iPadOS` may break after the slash (the narrow per-platform count columns' headers). */
function SlashBreaks({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && (
            <>
              /<wbr />
            </>
          )}
          {part}
        </span>
      ))}
    </>
  );
}

/** `PreEnrollmentWizard` may break as Pre·Enrollment·Wizard (word breaks where a lower-case pair meets a capital). */
function CamelBreaks({ text }: { text: string }) {
  const parts = text.split(/(?<=[a-z]{2})(?=[A-Z][a-z]{2})/);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && <wbr />}
          {part}
        </span>
      ))}
    </>
  );
}

const idOf = (text: string): string => `print-${text.replace(/\W+/g, '-').toLowerCase()}`;

export const shortSha = (sha256: string): string => sha256.slice(0, 12);

/** ` (UTC+02:00)`, or across a clock change ` (UTC+02:00; UTC+01:00 from Oct 26, 2025)`; '' for an unknown zone. */
function offsetsText(tr: Translator, tz: string, from: string, to: string): string {
  const runs = zoneOffsetsOver(tz, from, to);
  if (runs.length === 0) return '';
  const parts = runs.map((run, i) =>
    i === 0 ? run.offset : tr.t('pdf.meta.offsetFrom', { offset: run.offset, day: printedDay(tr, run.from) }),
  );
  return ` (${parts.join('; ')})`;
}

/** Names in the reader's language, joined as a list. */
const listOf = (
  tr: Translator,
  names: readonly string[],
  label: (t: Translator['t'], name: string) => string,
): string => names.map((name) => label(tr.t, name)).join(tr.t('pdf.list.separator'));

function TitleBlock({ report, meta }: { report: Report; meta: PrintMeta }) {
  const tr = useT();
  const { t } = tr;
  const { from, to, tz } = report.range;
  const days = daysInRange(from, to);
  const range = printedRange(tr, from, to);
  const allPlatforms = report.filters.platforms.length === PLATFORMS.length;
  const allSections = report.filters.sections.length === SECTIONS.length;
  // A name not given is left out (no "Customer —" before the customer's eyes).
  const rows: [string, string][] = [
    ...(meta.customer ? [[t('pdf.meta.customer'), meta.customer] as [string, string]] : []),
    ...(meta.consultant ? [[t('pdf.meta.preparedBy'), meta.consultant] as [string, string]] : []),
    [t('pdf.meta.generated'), printedMoment(tr, meta.generatedAt, tz)],
    [
      t('pdf.meta.dateRange'),
      meta.lastDays === undefined
        ? t('pdf.meta.rangeDays', { range, days })
        : t('pdf.meta.rangeLast', { range, days: meta.lastDays }),
    ],
    [t('pdf.meta.timeZone'), t('pdf.meta.timeZoneValue', { zone: tz, offsets: offsetsText(tr, tz, from, to) })],
    [
      t('pdf.meta.platforms'),
      allPlatforms ? t('pdf.meta.bothPlatforms') : listOf(tr, report.filters.platforms, platformLabel),
    ],
    [
      t('pdf.meta.sections'),
      allSections
        ? t('pdf.meta.allSections', { sections: listOf(tr, SECTIONS, sectionLabel) })
        : listOf(tr, report.filters.sections, sectionLabel),
    ],
  ];
  if (meta.caseName) rows.push([t('pdf.meta.case'), meta.caseName]);
  if (meta.maskUsers) rows.push([t('pdf.meta.userNames'), t('pdf.meta.masked')]);
  return (
    <header className="print-title" data-testid="print-title">
      <p className="print-kicker">{t('pdf.title.kicker')}</p>
      <h1>{t('pdf.reportName')}</h1>
      {meta.customer && <p className="print-customer">{meta.customer}</p>}
      {meta.sampleData && (
        <p className="print-sample" role="note">
          {t('pdf.title.sample')}
        </p>
      )}
      <dl className="print-meta">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

function Sources({ imports }: { imports: readonly ImportRecord[] }) {
  const { t } = useT();
  return (
    <section className="print-block print-sources" aria-labelledby="print-sources">
      <h2 id="print-sources">{t('pdf.sources.title')}</h2>
      {imports.length === 0 ? (
        <p>{t('pdf.sources.none')}</p>
      ) : (
        <table className="print-table compact">
          <thead>
            <tr>
              <th scope="col">{t('pdf.sources.file')}</th>
              <th scope="col">{t('pdf.sources.format')}</th>
              <ImportCountHeaders />
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((record) => (
              <tr key={record.id}>
                <td className="file">{record.file}</td>
                <td className="nowrap">{record.format}</td>
                <ImportCountCells record={record} />
                <td className="mono nowrap">{shortSha(record.sha256)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type PlatformRollups = Partial<Record<Platform, PlatformRollup>>;

const shortPlatform = (platform: Platform): string => (platform === 'iOS/iPadOS' ? 'iOS' : platform);

/** A row's count on a platform ÷ that platform's initiated enrollments; "—" when that base is unknown. */
const platformRate = (tr: Translator, count: number, rollup: PlatformRollup | undefined): string =>
  tr.f.rate(rollup?.base ? count / rollup.base : null);

function PrintSectionTable({
  table,
  platforms,
  incomplete,
  rollups,
}: {
  table: SectionTable;
  platforms: readonly Platform[];
  incomplete: number;
  rollups: PlatformRollups | undefined;
}) {
  const tr = useT();
  const { t, f } = tr;
  const style = SECTION_STYLE[table.section];
  const id = idOf(table.section);
  const name = sectionLabel(t, table.section);
  const columns = 6 + platforms.length * (rollups ? 2 : 1);
  return (
    <section
      className={`print-section${table.rows.length <= KEEP_TOGETHER_ROWS ? ' keep-together' : ''}`}
      aria-labelledby={id}
      data-testid="print-section"
      data-section={table.section}
    >
      {/*
        What the eye reads as the section's heading is the table's first header row, which repeats
        on every page the table spans. A heading inside it would be repeated into its outline entry
        ("Platform ScreensPlatform Screens…"), so the real heading (outline, screen readers) is
        drawn once, transparent, exactly over the first copy of that row's label; the label itself
        is hidden from the tags.
      */}
      <h3 id={id} className="print-section-line print-outline-heading">
        <span className="print-section-bar" aria-hidden="true" />
        <span className="print-section-name">{name}</span>
      </h3>
      <table className="print-table">
        <thead>
          <tr className="print-section-head">
            <th colSpan={columns} scope="colgroup">
              <div className="print-section-line">
                <span className="print-section-bar" style={{ background: style.color }} aria-hidden="true" />
                <span className="print-section-name" aria-hidden="true">
                  {name}
                </span>
                <span className="print-section-total">
                  {t('pdf.section.total', { count: f.count(table.incomplete) })}
                  {incomplete > 0 ? t('pdf.section.share', { share: f.share(table.incomplete, incomplete) }) : ''}
                </span>
              </div>
            </th>
          </tr>
          <tr>
            <th scope="col">{t('pdf.section.actionName')}</th>
            <th scope="col">{t('pdf.section.screen')}</th>
            <th scope="col">{t('pdf.section.platform')}</th>
            <th scope="col">{t('pdf.section.userAction')}</th>
            <th scope="col" className="num">
              {t('pdf.section.incomplete')}
            </th>
            <th scope="col" className="num">
              {t('pdf.section.shareColumn')}
            </th>
            {platforms.map((platform) => (
              <Fragment key={platform}>
                <th scope="col" className="num platform">
                  <SlashBreaks text={platformLabel(t, platform)} />
                </th>
                {rollups && (
                  <th
                    scope="col"
                    className="num platform rate"
                    title={t('pdf.section.rateTitle', { platform: platformLabel(t, platform) })}
                  >
                    {t('pdf.section.rate', { platform: shortPlatform(platform) })}
                  </th>
                )}
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr
              key={`${row.actionName}|${row.screen}|${row.userAction}|${row.platform}`}
              className={row.count === 0 ? 'zero' : undefined}
            >
              <td className="action">
                {row.otherWordings !== undefined ? (
                  t('pdf.section.otherWordings')
                ) : (
                  <CamelBreaks text={row.actionName} />
                )}
                {!row.catalog && <span className="print-tag">{t('common.row.observed')}</span>}
              </td>
              <td className="screen">
                {row.otherWordings !== undefined
                  ? t('pdf.section.folded', { rows: t('common.row.otherWordings', { count: row.otherWordings }) })
                  : screenLabel(t, row.screen) || '—'}
              </td>
              <td className="nowrap">{platformLabel(t, row.platform)}</td>
              <td className="nowrap">{userActionLabel(t, row.userAction) || '—'}</td>
              <td className="num strong">{f.count(row.count)}</td>
              <td className="num">{f.share(row.count, table.incomplete)}</td>
              {platforms.map((platform) => (
                <Fragment key={platform}>
                  <td className="num">{f.count(row.byPlatform[platform] ?? 0)}</td>
                  {rollups && (
                    <td className="num rate">{platformRate(tr, row.byPlatform[platform] ?? 0, rollups[platform])}</td>
                  )}
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DailyTable({ report }: { report: Report }) {
  const tr = useT();
  const { t, f } = tr;
  const gaps = new Set(report.dataQuality.daysWithoutData);
  const partial = partialDayLabels(report, tr);
  const sections = report.filters.sections;
  return (
    <section
      className={`print-block${report.daily.length <= KEEP_TOGETHER_DAYS ? ' keep-together' : ''}`}
      aria-labelledby="print-daily"
    >
      <h2 id="print-daily">{t('pdf.daily.title')}</h2>
      <table className="print-table compact print-daily">
        <caption>
          {t('pdf.daily.caption')}
          {gaps.size > 0 ? t('pdf.daily.gaps') : ''}
          {partial.size > 0
            ? t('pdf.daily.partial', {
                days: [...partial.entries()].map(([day, extent]) => `${f.longDay(day)}, ${extent}`).join('; '),
              })
            : ''}
          .
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('pdf.daily.day')}</th>
            {sections.map((section) => (
              <th scope="col" className="num" key={section}>
                {sectionLabel(t, section)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.daily.map((point) => (
            <tr key={point.date} className={partial.has(point.date) ? 'partial-day' : undefined}>
              <th scope="row">
                {f.longDay(point.date)}
                {partial.has(point.date) && <span className="print-partial">{t('pdf.daily.partialTag')}</span>}
              </th>
              {sections.map((section) => (
                <td className="num" key={section}>
                  {gaps.has(point.date) ? '—' : f.count(Number(point[section] ?? 0))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Skipped rows of every import by reason, with examples naming file and line. */
function skippedByReason(
  t: Translator['t'],
  imports: readonly ImportRecord[],
): { reason: string; count: number; examples: string[] }[] {
  const byReason = new Map<string, { count: number; examples: string[] }>();
  for (const record of imports) {
    for (const [reason, count] of Object.entries(record.skipped)) {
      if (count <= 0) continue;
      const entry = byReason.get(reason) ?? { count: 0, examples: [] };
      entry.count += count;
      for (const example of record.examples) {
        if (example.reason === reason && entry.examples.length < 2) {
          const where = t('pdf.dq.example', { file: record.file, line: example.line });
          entry.examples.push(`${where}${example.detail ? `: ${example.detail}` : ''}`);
        }
      }
      byReason.set(reason, entry);
    }
  }
  return [...byReason.entries()].map(([reason, value]) => ({ reason, ...value })).sort((a, b) => b.count - a.count);
}

function DataQuality({ report }: { report: Report }) {
  const tr = useT();
  const { t, f } = tr;
  const dq = report.dataQuality;
  const skipped = skippedByReason(t, report.imports);
  return (
    <section className="print-block" aria-labelledby="print-dq" data-testid="print-data-quality">
      <h2 id="print-dq">{t('pdf.dq.title')}</h2>
      {dq.notes.length === 0 ? (
        <p>{t('pdf.dq.none')}</p>
      ) : (
        <ul className="print-notes">
          {dataQualityNoteTexts(tr, dq).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {dq.daysWithoutData.length > 0 && (
        <p className="print-note">{t('pdf.dq.daysWithoutData', { days: f.dayRuns(dq.daysWithoutData) })}</p>
      )}
      {dq.summaryMismatches.length > 0 && (
        <SummaryMismatchTable
          mismatches={dq.summaryMismatches}
          className="print-table compact"
          caption={t('pdf.dq.mismatchCaption')}
        />
      )}
      {skipped.length > 0 && (
        <table className="print-table compact">
          <caption>{t('pdf.dq.skippedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pdf.dq.reason')}</th>
              <th scope="col" className="num">
                {t('pdf.dq.rows')}
              </th>
              <th scope="col">{t('pdf.dq.examples')}</th>
            </tr>
          </thead>
          <tbody>
            {skipped.map((entry) => (
              <tr key={entry.reason}>
                <td>{skipReasonLabel(t, entry.reason)}</td>
                <td className="num">{f.count(entry.count)}</td>
                <td className="examples">
                  {entry.examples.map((example) => (
                    <span key={example}>{example}</span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Under the tiles: each platform's initiated, incomplete and rate, in the tiles' columns. */
function PlatformSplit({ platforms, rollups }: { platforms: readonly Platform[]; rollups: PlatformRollups }) {
  const { t, f } = useT();
  const line = (value: (rollup: PlatformRollup) => string) =>
    platforms
      .map((platform) => `${platformLabel(t, platform)} ${rollups[platform] ? value(rollups[platform]) : '—'}`)
      .join(' · ');
  return (
    <div className="print-split" data-testid="print-split">
      <span>{line((r) => (r.initiated === null ? '—' : f.count(r.initiated)))}</span>
      <span>{line((r) => f.count(r.incomplete))}</span>
      <span>{line((r) => f.rate(r.incompleteRate))}</span>
    </div>
  );
}

/** What the tables' rate columns are, and why a platform's rate is "—". */
function RatesNote({ platforms, rollups }: { platforms: readonly Platform[]; rollups: PlatformRollups }) {
  const { t } = useT();
  const unknown = platforms.filter((platform) => !rollups[platform]?.base);
  return (
    <p className="print-note" data-testid="print-rates-note">
      {t('pdf.rates.note')}
      {unknown.length > 0 &&
        t('pdf.rates.unknown', {
          platforms: unknown.map((p) => platformLabel(t, p)).join(t('pdf.docTitle.and')),
          count: unknown.length,
        })}
    </p>
  );
}

export function PrintDocument({ job, onChartDrawn }: { job: PrintJob; onChartDrawn: () => void }) {
  const tr = useT();
  const { t } = tr;
  const { report, meta } = job;
  const box = contentBox(meta.page);
  const chartHeight = Math.round(Math.min(box.width * 0.36, box.height * 0.4));
  const comparison = job.comparison ?? null;
  const previousLabel = comparison
    ? printedRange(tr, comparison.previous.range.from, comparison.previous.range.to)
    : '';
  return (
    <article
      className="print-doc"
      data-paper={meta.page.paper}
      data-orientation={meta.page.orientation}
      data-testid="print-document"
    >
      <TitleBlock report={report} meta={meta} />
      {/* Page 1 tells the story: the numbers with what qualifies them, the findings, what to do. */}
      <section className="print-block keep-together" aria-labelledby="print-summary">
        <h2 id="print-summary">{t('pdf.heading.summary')}</h2>
        <RollupHeader report={report} compare={comparison ? rollupCompare(comparison, previousLabel) : null} />
        {job.platformRollups && report.filters.platforms.length > 1 && (
          <PlatformSplit platforms={report.filters.platforms} rollups={job.platformRollups} />
        )}
        <CoverageNotes report={report} comparison={comparison} variant="print" />
      </section>
      <PrintFindings findings={job.findings} />
      <PrintGuidance report={report} />
      {/* Not kept together as a whole: the charts (figures) are, and the weekly table may break. */}
      <section className="print-block" aria-labelledby="print-chart-title">
        <h2 id="print-chart-title">
          <PrintChartTitle job={job} />
        </h2>
        <PrintChart
          report={report}
          width={box.width}
          height={chartHeight}
          onDrawn={onChartDrawn}
          markers={(job.annotations ?? []).map((note) => ({ day: note.date, label: note.text }))}
          previous={comparison ? { report: comparison.previous, label: previousLabel } : null}
          granularity={printGranularity(job)}
        />
      </section>
      <PrintNotes annotations={job.annotations ?? []} />
      <section className="print-block" aria-labelledby="print-sections">
        <h2 id="print-sections">{t('pdf.heading.sections')}</h2>
        {job.platformRollups && <RatesNote platforms={report.filters.platforms} rollups={job.platformRollups} />}
        {report.sections.map((table) => (
          <PrintSectionTable
            key={table.section}
            table={table}
            platforms={report.filters.platforms}
            incomplete={report.rollup.incomplete}
            rollups={job.platformRollups}
          />
        ))}
      </section>
      {job.funnel && <PrintFunnel funnel={job.funnel} />}
      <PrintMethods report={report} />
      {/* The appendix: where the numbers come from, day by day, and how clean the data was. */}
      <Sources imports={report.imports} />
      <DailyTable report={report} />
      <DataQuality report={report} />
    </article>
  );
}
