/**
 * A small Chart.js plugin: partial days (the data covers only part of them) drawn as hatched
 * bands behind the lines on a category (day) axis, so a low count there reads as "less data", not
 * as a drop. Per chart (react-chartjs-2's `plugins` prop), options under
 * `options.plugins.partialDays`. The points of those days are drawn open by the datasets
 * (`partialPointColors`); the legend entry is HTML (PartialDayLegend).
 */
import type { Chart, ChartType, Plugin } from 'chart.js';

export interface PartialDaysOptions {
  /** `YYYY-MM-DD` days among the chart's labels. */
  readonly days: readonly string[];
  /** The hatch lines' colour. */
  readonly color: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface's own parameter
  interface PluginOptionsByType<TType extends ChartType> {
    partialDays?: PartialDaysOptions | false;
  }
}

/** The hatch's tile size in CSS pixels (lines every HATCH_STEP pixels, at 45°). */
const HATCH_STEP = 6;

function hatchPattern(ctx: CanvasRenderingContext2D, color: string, ratio: number): CanvasPattern | string {
  const size = Math.max(1, Math.round(HATCH_STEP * ratio));
  const tile = globalThis.document?.createElement('canvas');
  const tileCtx = tile?.getContext('2d');
  if (!tile || !tileCtx) return color;
  tile.width = size;
  tile.height = size;
  tileCtx.strokeStyle = color;
  tileCtx.lineWidth = Math.max(1, ratio);
  tileCtx.beginPath();
  // One diagonal and the two corner pieces, so tiles join into continuous lines.
  tileCtx.moveTo(0, size);
  tileCtx.lineTo(size, 0);
  tileCtx.moveTo(-size / 2, size / 2);
  tileCtx.lineTo(size / 2, -size / 2);
  tileCtx.moveTo(size / 2, size + size / 2);
  tileCtx.lineTo(size + size / 2, size / 2);
  tileCtx.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  // The pattern is in device pixels: draw it at CSS scale.
  pattern?.setTransform(new DOMMatrix().scale(1 / ratio));
  return pattern ?? color;
}

export const partialDaysPlugin: Plugin<'line'> = {
  id: 'partialDays',
  beforeDatasetsDraw(chart: Chart<'line'>, _args, raw) {
    const options = raw as PartialDaysOptions | false | undefined;
    if (!options || options.days.length === 0) return;
    const labels = (chart.data.labels ?? []) as string[];
    const scale = chart.scales['x'];
    if (!scale || labels.length === 0) return;
    const { top, bottom, left, right } = chart.chartArea;
    // One day's width: the distance between two labels (the whole plot for a single day).
    const step = labels.length > 1 ? Math.abs(scale.getPixelForValue(1) - scale.getPixelForValue(0)) : right - left;
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = hatchPattern(ctx, options.color, chart.currentDevicePixelRatio || 1);
    for (const day of options.days) {
      const index = labels.indexOf(day);
      if (index < 0) continue;
      const x = scale.getPixelForValue(index);
      const x0 = Math.max(left, x - step / 2);
      const x1 = Math.min(right, x + step / 2);
      ctx.fillRect(x0, top, x1 - x0, bottom - top);
    }
    ctx.restore();
  },
};

/**
 * Point fill colours of a line: the line's colour, and `open` (the chart's background) on partial
 * days, so their markers are drawn hollow.
 */
export function partialPointColors(
  days: readonly string[],
  partial: ReadonlySet<string>,
  color: string,
  open: string,
): string[] {
  return days.map((day) => (partial.has(day) ? open : color));
}

/**
 * A line's segment style: the segments that meet a partial day are drawn faded, so the step into
 * (or out of) a part-day count does not read as a change of the same weight as the others.
 */
export function partialSegment(
  days: readonly string[],
  partial: ReadonlySet<string>,
  faded: string,
): { borderColor: (ctx: { p0DataIndex: number; p1DataIndex: number }) => string | undefined } {
  return {
    borderColor: ({ p0DataIndex, p1DataIndex }) =>
      partial.has(days[p0DataIndex] ?? '') || partial.has(days[p1DataIndex] ?? '') ? faded : undefined,
  };
}
