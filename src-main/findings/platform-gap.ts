/**
 * Platform gap: iOS/iPadOS against Android on the incomplete rate, said only when a two-proportion
 * z-test finds it significant and it is large enough to act on. Never when either platform's
 * initiated count is unknown (no rate to compare).
 */
import type { PlatformGapFinding } from '../shared/findings-types';
import type { Report } from '../shared/report-types';
import { reportFilterOf, withText } from './finding';
import type { FindingsInput } from './input';
import { twoProportionTest } from './stats';
import { ALPHA, MIN_GAP_INCOMPLETE, MIN_PLATFORM_INITIATED, MIN_RATE_GAP } from './thresholds';

/** The incomplete the rate counts (those in known cells) and its base; null without a rate. */
export function rateParts(
  report: Report | null | undefined,
): { incomplete: number; initiated: number; rate: number } | null {
  if (!report) return null;
  const { initiated, incompleteRate } = report.rollup;
  if (initiated === null || initiated <= 0 || incompleteRate === null) return null;
  return { incomplete: Math.round(incompleteRate * initiated), initiated, rate: incompleteRate };
}

export function platformGap(input: FindingsInput): PlatformGapFinding[] {
  const ios = rateParts(input.byPlatform['iOS/iPadOS']);
  const android = rateParts(input.byPlatform.Android);
  if (!ios || !android) return [];
  if (ios.initiated < MIN_PLATFORM_INITIATED || android.initiated < MIN_PLATFORM_INITIATED) return [];
  if (ios.incomplete + android.incomplete < MIN_GAP_INCOMPLETE) return [];
  const test = twoProportionTest(ios.incomplete, ios.initiated, android.incomplete, android.initiated);
  if (!test || test.pValue >= ALPHA || Math.abs(test.difference) < MIN_RATE_GAP) return [];
  const worse = test.difference > 0 ? 'iOS/iPadOS' : 'Android';
  const quality = input.report.dataQuality;
  return [
    withText<PlatformGapFinding>({
      kind: 'platform-gap',
      worse,
      numbers: {
        iosIncomplete: ios.incomplete,
        iosInitiated: ios.initiated,
        iosRate: ios.rate,
        androidIncomplete: android.incomplete,
        androidInitiated: android.initiated,
        androidRate: android.rate,
        difference: ios.rate - android.rate,
        z: test.z,
        pValue: test.pValue,
        knownDays: quality.knownInitiatedDays,
        rangeDays: quality.rangeDays,
      },
      filter: { ...reportFilterOf(input.report), platform: worse },
    }),
  ];
}
