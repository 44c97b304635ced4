/**
 * Click to filter, as on dashboards: a plain click on a chart point or a table row's count opens
 * its attempts; the same click with Shift (or Ctrl, or ⌘) filters the report to it instead. The
 * drill-down dialog offers the same as a visible button, for the keyboard.
 */
export const isFilterClick = (event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean =>
  event.shiftKey || event.ctrlKey || event.metaKey;

/** The words of the hint shown where a click can filter. */
export const FILTER_CLICK_HINT = 'Shift+click to filter the report to it';
