/**
 * Click to filter, as on dashboards: a plain click on a chart point or a table row's count opens
 * its attempts; the same click with Shift (or Ctrl, or ⌘) filters the report to it instead. The
 * drill-down dialog offers the same as a visible button, for the keyboard.
 */
export const isFilterClick = (event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean =>
  event.shiftKey || event.ctrlKey || event.metaKey;

import type { MessageId } from '../../src-main/shared/i18n/messages';

/** The hint shown where a click can filter: `t(FILTER_CLICK_HINT_ID)` in the user's language. */
export const FILTER_CLICK_HINT_ID: MessageId = 'app.filterClick.hint';
/** The same hint in English. */
export const FILTER_CLICK_HINT = 'Shift+click to filter the report to it';
