/**
 * "Methods and definitions" on paper: how the attempts are built and counted, in plain words, for
 * a reader who did not see the exports. The facts are those of docs/report-rules.md; the figures
 * that depend on this report (its partial days, unknown days, observed rows) are said with it.
 */
import type { Report } from '../../src-main/shared/report-types';
import { formatCount, formatDayRuns, plural } from '../format';

export function PrintMethods({ report }: { report: Report }) {
  const { coverage } = report;
  const observed = report.sections.reduce((sum, table) => sum + table.rows.filter((row) => !row.catalog).length, 0);
  return (
    <section className="print-block print-methods" aria-labelledby="print-methods" data-testid="print-methods">
      <h2 id="print-methods">Methods and definitions</h2>
      <dl className="print-definitions">
        <dt>Attempt</dt>
        <dd>
          One user&apos;s enrollment on one device platform, from its first event to the event that ends it. Events are
          taken in time order, per user and platform.
        </dd>
        <dt>The 30-minute rule</dt>
        <dd>
          When more than 30 minutes pass between two events of an attempt, it ends as incomplete with the user action
          &quot;Exceeded 30 minutes&quot;, at the step it had reached; the later event opens a new attempt.
        </dd>
        <dt>A restart counts as Closed app</dt>
        <dd>
          When the user starts enrollment again while an attempt is open, the open attempt ends as incomplete with
          &quot;Closed app&quot;, and the new start opens a new attempt.
        </dd>
        <dt>Incomplete, and where</dt>
        <dd>
          An attempt that ended by cancel, postpone, ignore, decline, closing the app or the 30-minute rule. It counts
          on the step (action name and screen) it had reached, in that step&apos;s section, on the day it started in the
          report&apos;s time zone ({report.range.tz}). One that ended before any step was known is unclassified.
        </dd>
        <dt>Initiated, and Initiated unknown</dt>
        <dd>
          Enrollments begun, per day and platform: Intune&apos;s summary count where a summary covers that day,
          otherwise the attempts that started that day, on days the event logs cover. An export of abandoned enrollments
          alone cannot say how many began: Initiated is then unknown and printed &quot;—&quot; (never 0), and no rate is
          given for those days.
          {coverage.unknownInitiatedDays.length > 0 &&
            ` In this report: ${plural(coverage.unknownInitiatedDays.length, 'day')} with attempts but no known initiated count (${formatDayRuns(coverage.unknownInitiatedDays)}).`}
        </dd>
        <dt>Incomplete rate</dt>
        <dd>Incomplete enrollments of the days whose initiated count is known, divided by Initiated.</dd>
        <dt>Share</dt>
        <dd>
          In a section table, a row&apos;s share of that section&apos;s incomplete enrollments (a section&apos;s rows
          add up to 100%). In the section headings and the guidance, a share of all incomplete enrollments of the
          report.
        </dd>
        <dt>Partial day</dt>
        <dd>
          A day of which more than one hour lies outside the data (the export starts or ends during it): its counts are
          real but cover only part of the day. Partial days are hatched on the chart and marked in the daily table, and
          a comparison says when either period holds one.
          {coverage.partialDays.length > 0 && ` In this report: ${formatDayRuns(coverage.partialDays)}.`}
        </dd>
        <dt>Observed rows and other wordings</dt>
        <dd>
          Each section table lists Intune&apos;s known rows first (zero counts included). A row marked
          &quot;observed&quot; is a step the data names that is not one of those known rows, for example a screen text
          of its own; it is listed with its own wording. Beyond 50 observed rows in a section, the rest are folded into
          one &quot;Other wordings&quot; row so that the table still adds up to its total; the section tables export
          lists each.
          {observed > 0 && ` This report holds ${formatCount(observed)} observed ${observed === 1 ? 'row' : 'rows'}.`}
        </dd>
      </dl>
    </section>
  );
}
