/**
 * One stable look per section, used everywhere a section appears (chart lines, legend, filter
 * checkboxes, table headers, later the PDF). Colours are from the Okabe-Ito palette, safe for the
 * common colour-vision deficiencies, picked for at least 3:1 contrast on both the light and the
 * dark background; each section also has its own line dash and point shape, so the chart reads
 * without colour at all (and in black-and-white print).
 */
import type { Section } from './taxonomy';

export interface SectionStyle {
  readonly color: string;
  /** Canvas line dash (empty: solid). */
  readonly dash: readonly number[];
  /** Chart.js point style. */
  readonly point: 'circle' | 'rect' | 'triangle' | 'rectRot';
  /** A short name for narrow places. */
  readonly short: string;
}

export const SECTION_STYLE: Readonly<Record<Section, SectionStyle>> = {
  'Setup Checklist': { color: '#0072B2', dash: [], point: 'circle', short: 'Setup' },
  'Platform Screens': { color: '#D55E00', dash: [7, 4], point: 'rect', short: 'Platform' },
  'Terms of Use': { color: '#009E73', dash: [2, 3], point: 'triangle', short: 'Terms' },
  'Compliance/Activation': { color: '#CC79A7', dash: [9, 3, 2, 3], point: 'rectRot', short: 'Compliance' },
};
