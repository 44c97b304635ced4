/**
 * Masking in the view: when the app's masking is on (the setting the drill-down,
 * exports and Print to PDF share), the examples of skipped rows are shown with the same keyed
 * pseudonyms as everywhere else: the same function (shared/mask.ts) and the case's own key.
 */
import { useCallback } from 'react';
import { maskImportRecord } from '../src-main/shared/mask';
import type { ImportRecord } from '../src-main/shared/report-types';
import { useApp } from './store';

/** The record as the view shows it: masked when masking is on and the case has a key. */
export function useMaskRecord(): (record: ImportRecord) => ImportRecord {
  const mask = useApp((s) => s.maskUsers);
  const key = useApp((s) => s.caseInfo?.maskKey);
  return useCallback((record: ImportRecord) => (mask && key ? maskImportRecord(record, key) : record), [mask, key]);
}
