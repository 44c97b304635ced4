/** Light or dark, following the system (prefers-color-scheme), for what CSS cannot reach (the chart canvas). */
import { useSyncExternalStore } from 'react';

// One list for the window's life: its `matches` follows the system, and React reads the snapshot
// on every render of a chart (a new matchMedia each time cost about 1 ms per filter change).
let darkQuery: MediaQueryList | undefined;
const query = (): MediaQueryList => (darkQuery ??= window.matchMedia('(prefers-color-scheme: dark)'));

export type Scheme = 'light' | 'dark';

export function useColorScheme(): Scheme {
  return useSyncExternalStore(
    (notify) => {
      const list = query();
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => (query().matches ? 'dark' : 'light'),
  );
}

/** The chart's neutral colours per scheme (kept in step with styles/app.css). */
export const CHART_THEME = {
  light: {
    text: '#3d4450',
    grid: '#e2e5ea',
    axis: '#c9ced6',
    tooltipBg: '#1d2129',
    tooltipText: '#ffffff',
    gap: 'rgba(120,130,145,0.10)',
    marker: '#6b4fa0',
    markerBg: 'rgba(255,255,255,0.92)',
    /** Partial days: the band's hatch, and the fill of their open markers (the card's background). */
    hatch: 'rgba(90,100,115,0.30)',
    openPoint: '#ffffff',
  },
  dark: {
    text: '#c5cad3',
    grid: '#2c313a',
    axis: '#3b424d',
    tooltipBg: '#f3f4f6',
    tooltipText: '#14171c',
    gap: 'rgba(160,170,185,0.10)',
    marker: '#c3a8f0',
    markerBg: 'rgba(28,32,39,0.92)',
    hatch: 'rgba(170,180,195,0.30)',
    openPoint: '#1c2027',
  },
} as const;
