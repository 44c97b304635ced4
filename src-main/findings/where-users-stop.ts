/** Where users stop: the top rows of the section tables, with their share and platform split. */
import type { StopFinding } from '../shared/findings-types';
import { withText } from './finding';
import type { FindingsInput } from './input';
import { platformBase, rankedRows, rowFilter } from './rows';
import { TOP_ROWS } from './thresholds';

export function whereUsersStop(input: FindingsInput): StopFinding[] {
  const { report } = input;
  const ios = platformBase(input, 'iOS/iPadOS');
  const android = platformBase(input, 'Android');
  return rankedRows(report)
    .slice(0, TOP_ROWS)
    .map((ranked, index) => {
      const { row } = ranked;
      return withText<StopFinding>({
        kind: 'where-users-stop',
        numbers: {
          rank: index + 1,
          count: row.count,
          incomplete: report.rollup.incomplete,
          share: report.rollup.incomplete > 0 ? row.count / report.rollup.incomplete : null,
          ios: row.byPlatform['iOS/iPadOS'],
          android: row.byPlatform.Android,
          iosInitiated: ios,
          androidInitiated: android,
          iosRate: ios === null ? null : row.byPlatform['iOS/iPadOS'] / ios,
          androidRate: android === null ? null : row.byPlatform.Android / android,
        },
        filter: rowFilter(report, ranked),
      });
    });
}
