/**
 * The report on paper: a title block (report, customer, consultant, when, range and zone, filters,
 * data sources), the roll-up (the app's RollupHeader), the daily chart, one table per section, the
 * daily counts and the data-quality notes. Static: no buttons, nothing collapsed, nothing that
 * only a pointer reveals. The page breaks are print.css's: the chart and short tables are never
 * split, long tables repeat their heading and column header on every page, rows are never split.
 */
import { Fragment } from 'react';
import { printedDay, printedMoment, printedRange } from '../../src-main/shared/print-dates';
import { SECTION_STYLE } from '../../src-main/shared/section-style';
import {
  contentBox,
  REPORT_NAME,
  type PlatformRollup,
  type PrintJob,
  type PrintMeta,
} from '../../src-main/shared/print-types';
import type { ImportRecord, Report, SectionTable } from '../../src-main/shared/report-types';
import { PLATFORMS, SECTIONS, type Platform } from '../../src-main/shared/taxonomy';
import { RollupHeader, rollupCompare } from '../components/RollupHeader';
import {
  daysInRange,
  formatCount,
  formatDayRuns,
  formatLongDay,
  formatRange,
  formatRate,
  formatShare,
  plural,
  zoneOffsetsOver,
} from '../format';
import { SummaryMismatchTable } from '../components/SummaryMismatchTable';
import { CoverageNotes } from '../components/CoverageNotes';
import { partialDayLabels } from '../coverage';
import { PrintChart, PrintChartTitle, printGranularity } from './PrintChart';
import { PrintFindings } from './PrintFindings';
import { PrintFunnel } from './PrintFunnel';
import { PrintMethods } from './PrintMethods';
import { PrintGuidance, PrintNotes } from './PrintNotesGuidance';

/** Section tables up to this many rows are kept on one page; longer ones continue on the next. */
const KEEP_TOGETHER_ROWS = 10;
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

function skippedTotal(record: ImportRecord): number {
  return Object.values(record.skipped).reduce((sum, n) => sum + n, 0);
}

/** ` (UTC+02:00)`, or across a clock change ` (UTC+02:00; UTC+01:00 from Oct 26, 2025)`; '' for an unknown zone. */
function offsetsText(tz: string, from: string, to: string): string {
  const runs = zoneOffsetsOver(tz, from, to);
  if (runs.length === 0) return '';
  return ` (${runs.map((run, i) => (i === 0 ? run.offset : `${run.offset} from ${printedDay(run.from)}`)).join('; ')})`;
}

function TitleBlock({ report, meta }: { report: Report; meta: PrintMeta }) {
  const { from, to, tz } = report.range;
  const days = daysInRange(from, to);
  const allPlatforms = report.filters.platforms.length === PLATFORMS.length;
  const allSections = report.filters.sections.length === SECTIONS.length;
  // A name not given is left out (no "Customer —" before the customer's eyes).
  const rows: [string, string][] = [
    ...(meta.customer ? [['Customer', meta.customer] as [string, string]] : []),
    ...(meta.consultant ? [['Prepared by', meta.consultant] as [string, string]] : []),
    ['Generated', printedMoment(meta.generatedAt, tz)],
    ['Date range', `${printedRange(from, to)} (${meta.rangeNote || plural(days, 'day')})`],
    ['Time zone', `${tz}${offsetsText(tz, from, to)}: each attempt counts on the day it started there`],
    ['Operating systems', allPlatforms ? 'iOS/iPadOS and Android' : report.filters.platforms.join(', ')],
    [
      'Sections',
      allSections
        ? 'All four: Setup Checklist, Platform Screens, Terms of Use, Compliance/Activation'
        : report.filters.sections.join(', '),
    ],
  ];
  if (meta.caseName) rows.push(['Case', meta.caseName]);
  if (meta.maskUsers) rows.push(['User names', 'Masked: user names and device ids are replaced by stable pseudonyms']);
  return (
    <header className="print-title" data-testid="print-title">
      <p className="print-kicker">Microsoft Intune · Company Portal enrollment</p>
      <h1>{REPORT_NAME}</h1>
      {meta.customer && <p className="print-customer">{meta.customer}</p>}
      {meta.sampleData && (
        <p className="print-sample" role="note">
          Sample data: this case holds synthetic data made for demonstration, not a customer's.
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
  return (
    <section className="print-block print-sources" aria-labelledby="print-sources">
      <h2 id="print-sources">Data sources</h2>
      {imports.length === 0 ? (
        <p>No files have been imported.</p>
      ) : (
        <table className="print-table compact">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Imported
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((record) => (
              <tr key={record.id}>
                <td className="file">{record.file}</td>
                <td className="nowrap">{record.format}</td>
                <td className="num">{formatCount(record.rows)}</td>
                <td className="num">{formatCount(record.imported)}</td>
                <td className="num">{formatCount(record.duplicates)}</td>
                <td className="num">{formatCount(skippedTotal(record))}</td>
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
const platformRate = (count: number, rollup: PlatformRollup | undefined): string =>
  formatRate(rollup?.base ? count / rollup.base : null);

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
  const style = SECTION_STYLE[table.section];
  const id = idOf(table.section);
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
        <span className="print-section-name">{table.section}</span>
      </h3>
      <table className="print-table">
        <thead>
          <tr className="print-section-head">
            <th colSpan={columns} scope="colgroup">
              <div className="print-section-line">
                <span className="print-section-bar" style={{ background: style.color }} aria-hidden="true" />
                <span className="print-section-name" aria-hidden="true">
                  {table.section}
                </span>
                <span className="print-section-total">
                  {formatCount(table.incomplete)} incomplete
                  {incomplete > 0 ? ` · ${formatShare(table.incomplete, incomplete)} of all incomplete` : ''}
                </span>
              </div>
            </th>
          </tr>
          <tr>
            <th scope="col">Action name</th>
            <th scope="col">Screen or flow</th>
            <th scope="col">Platform</th>
            <th scope="col">User action</th>
            <th scope="col" className="num">
              Incomplete
            </th>
            <th scope="col" className="num">
              Share
            </th>
            {platforms.map((platform) => (
              <Fragment key={platform}>
                <th scope="col" className="num platform">
                  <SlashBreaks text={platform} />
                </th>
                {rollups && (
                  <th
                    scope="col"
                    className="num platform rate"
                    title={`${platform} incomplete ÷ ${platform} initiated`}
                  >
                    {shortPlatform(platform)} rate
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
                {row.otherWordings !== undefined ? 'Other wordings' : <CamelBreaks text={row.actionName} />}
                {!row.catalog && <span className="print-tag">observed</span>}
              </td>
              <td className="screen">
                {row.otherWordings !== undefined
                  ? `${plural(row.otherWordings, 'other observed row')}, folded into one (the section tables CSV export lists each)`
                  : row.screen || '—'}
              </td>
              <td className="nowrap">{row.platform}</td>
              <td className="nowrap">{row.userAction || '—'}</td>
              <td className="num strong">{formatCount(row.count)}</td>
              <td className="num">{formatShare(row.count, table.incomplete)}</td>
              {platforms.map((platform) => (
                <Fragment key={platform}>
                  <td className="num">{formatCount(row.byPlatform[platform] ?? 0)}</td>
                  {rollups && (
                    <td className="num rate">{platformRate(row.byPlatform[platform] ?? 0, rollups[platform])}</td>
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
  const gaps = new Set(report.dataQuality.daysWithoutData);
  const partial = partialDayLabels(report);
  const sections = report.filters.sections;
  return (
    <section
      className={`print-block${report.daily.length <= KEEP_TOGETHER_DAYS ? ' keep-together' : ''}`}
      aria-labelledby="print-daily"
    >
      <h2 id="print-daily">Daily counts</h2>
      <table className="print-table compact print-daily">
        <caption>
          Incomplete enrollments per day and section: the chart's data{gaps.size > 0 ? '; — : no data that day' : ''}
          {partial.size > 0
            ? `; (partial): the data covers only part of that day (${[...partial.entries()]
                .map(([day, extent]) => `${formatLongDay(day)}, ${extent}`)
                .join('; ')})`
            : ''}
          .
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {sections.map((section) => (
              <th scope="col" className="num" key={section}>
                {section}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.daily.map((point) => (
            <tr key={point.date} className={partial.has(point.date) ? 'partial-day' : undefined}>
              <th scope="row">
                {formatLongDay(point.date)}
                {partial.has(point.date) && <span className="print-partial"> (partial)</span>}
              </th>
              {sections.map((section) => (
                <td className="num" key={section}>
                  {gaps.has(point.date) ? '—' : formatCount(Number(point[section] ?? 0))}
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
function skippedByReason(imports: readonly ImportRecord[]): { reason: string; count: number; examples: string[] }[] {
  const byReason = new Map<string, { count: number; examples: string[] }>();
  for (const record of imports) {
    for (const [reason, count] of Object.entries(record.skipped)) {
      if (count <= 0) continue;
      const entry = byReason.get(reason) ?? { count: 0, examples: [] };
      entry.count += count;
      for (const example of record.examples) {
        if (example.reason === reason && entry.examples.length < 2) {
          entry.examples.push(`${record.file}, line ${example.line}${example.detail ? `: ${example.detail}` : ''}`);
        }
      }
      byReason.set(reason, entry);
    }
  }
  return [...byReason.entries()].map(([reason, value]) => ({ reason, ...value })).sort((a, b) => b.count - a.count);
}

function DataQuality({ report }: { report: Report }) {
  const dq = report.dataQuality;
  const skipped = skippedByReason(report.imports);
  return (
    <section className="print-block" aria-labelledby="print-dq" data-testid="print-data-quality">
      <h2 id="print-dq">Data quality</h2>
      {dq.notes.length === 0 ? (
        <p>
          No warnings: no rows skipped, no duplicates, no unclassified attempts, no summary disagreements, and data on
          every day of the range.
        </p>
      ) : (
        <ul className="print-notes">
          {dq.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {dq.daysWithoutData.length > 0 && (
        <p className="print-note">Days without data: {formatDayRuns(dq.daysWithoutData)}.</p>
      )}
      {dq.summaryMismatches.length > 0 && (
        <SummaryMismatchTable
          mismatches={dq.summaryMismatches}
          className="print-table compact"
          caption="Summary rows whose incomplete count disagrees with the attempts of the same day (the report counts the attempts)."
        />
      )}
      {skipped.length > 0 && (
        <table className="print-table compact">
          <caption>Rows skipped on import, by reason, with the first examples (file, line: content).</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
          <tbody>
            {skipped.map((entry) => (
              <tr key={entry.reason}>
                <td className="nowrap">{entry.reason}</td>
                <td className="num">{formatCount(entry.count)}</td>
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
  const line = (value: (rollup: PlatformRollup) => string) =>
    platforms.map((platform) => `${platform} ${rollups[platform] ? value(rollups[platform]) : '—'}`).join(' · ');
  return (
    <div className="print-split" data-testid="print-split">
      <span>{line((r) => (r.initiated === null ? '—' : formatCount(r.initiated)))}</span>
      <span>{line((r) => formatCount(r.incomplete))}</span>
      <span>{line((r) => formatRate(r.incompleteRate))}</span>
    </div>
  );
}

/** What the tables' rate columns are, and why a platform's rate is "—". */
function RatesNote({ platforms, rollups }: { platforms: readonly Platform[]; rollups: PlatformRollups }) {
  const unknown = platforms.filter((platform) => !rollups[platform]?.base);
  return (
    <p className="print-note" data-testid="print-rates-note">
      Rate: the row&apos;s incomplete enrollments on a platform ÷ the enrollments initiated on that platform in the
      range.
      {unknown.length > 0 &&
        ` — for ${unknown.join(' and ')}: ${unknown.length === 1 ? 'its' : 'their'} initiated count is not known for every day that holds attempts, so no rate is given.`}
    </p>
  );
}

export function PrintDocument({ job, onChartDrawn }: { job: PrintJob; onChartDrawn: () => void }) {
  const { report, meta } = job;
  const box = contentBox(meta.page);
  const chartHeight = Math.round(Math.min(box.width * 0.36, box.height * 0.4));
  const comparison = job.comparison ?? null;
  const previousLabel = comparison ? formatRange(comparison.previous.range.from, comparison.previous.range.to) : '';
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
        <h2 id="print-summary">Summary</h2>
        <RollupHeader report={report} compare={comparison ? rollupCompare(comparison, previousLabel) : null} />
        {job.platformRollups && report.filters.platforms.length > 1 && (
          <PlatformSplit platforms={report.filters.platforms} rollups={job.platformRollups} />
        )}
        <CoverageNotes report={report} caveats={comparison?.caveats ?? []} variant="print" />
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
        <h2 id="print-sections">Where users stopped, by section</h2>
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
