/**
 * The findings of a report, ranked: where users stop (largest first), the platform gap, changes
 * against the previous period (overall first), unusual days (highest score first), then the
 * caveats. Deterministic: the same reports give the same list, word for word.
 */
import { isCaveat, type Finding } from '../shared/findings-types';
import { caveats } from './caveats';
import { changeFindings } from './change';
import type { FindingsInput } from './input';
import { platformGap } from './platform-gap';
import { unusualDays } from './unusual-days';
import { whereUsersStop } from './where-users-stop';

export function computeFindings(input: FindingsInput): Finding[] {
  const changes = changeFindings(input);
  return [
    ...whereUsersStop(input),
    ...platformGap(input),
    ...changes.filter((f) => !isCaveat(f)),
    ...unusualDays(input),
    ...caveats(input.report),
    ...changes.filter(isCaveat),
  ];
}
