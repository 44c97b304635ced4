/**
 * A small Chart.js plugin: dated notes drawn on a category (day) axis as dashed vertical lines,
 * each with a short label at the top of the plot. Labels that would overlap move down a row.
 * Per chart (react-chartjs-2's `plugins` prop), options under `options.plugins.annotationMarkers`.
 */
import type { Chart, ChartType, Plugin } from 'chart.js';

export interface ChartMarker {
  /** `YYYY-MM-DD`: one of the chart's labels (markers on other days are not drawn). */
  readonly day: string;
  readonly label: string;
}

export interface MarkerOptions {
  readonly markers: readonly ChartMarker[];
  readonly color: string;
  readonly textColor: string;
  readonly background: string;
  /** Longest label drawn, in characters (the full text is in the list and the tooltip-free table). */
  readonly maxChars?: number;
  readonly font?: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface's own parameter
  interface PluginOptionsByType<TType extends ChartType> {
    annotationMarkers?: MarkerOptions | false;
  }
}

/** Shortens a label to `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Where each marker is drawn: its x, and the label row (0 at the top) that keeps labels apart. */
export function layoutMarkers(items: readonly { x: number; width: number }[], gap = 6): number[] {
  const rowEnds: number[] = [];
  return items.map(({ x, width }) => {
    let row = rowEnds.findIndex((end) => end + gap <= x);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = x + width;
    return row;
  });
}

const ROW_HEIGHT = 16;

export const markerPlugin: Plugin<'line'> = {
  id: 'annotationMarkers',
  afterDatasetsDraw(chart: Chart<'line'>, _args, raw) {
    const options = raw as MarkerOptions | false | undefined;
    if (!options || options.markers.length === 0) return;
    const labels = (chart.data.labels ?? []) as string[];
    const scale = chart.scales['x'];
    if (!scale) return;
    const { top, bottom, left, right } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = options.font ?? '600 11px system-ui, sans-serif';
    const max = options.maxChars ?? 28;

    // Several notes on one day share one line; their labels are joined.
    const byDay = new Map<string, string[]>();
    for (const marker of options.markers) {
      if (!labels.includes(marker.day)) continue;
      byDay.set(marker.day, [...(byDay.get(marker.day) ?? []), marker.label]);
    }
    const placed = [...byDay.entries()]
      .map(([day, texts]) => {
        const x = scale.getPixelForValue(labels.indexOf(day));
        const text = shorten(texts.length > 1 ? `${texts[0]} (+${texts.length - 1})` : texts[0]!, max);
        const width = ctx.measureText(text).width + 8;
        // Labels open to the right of their line, or to the left near the right edge.
        const start = x + width > right ? x - width : x;
        return { x, start, text, width };
      })
      .sort((a, b) => a.start - b.start);
    const rows = layoutMarkers(placed.map((p) => ({ x: p.start, width: p.width })));

    placed.forEach((marker, index) => {
      if (marker.x < left - 0.5 || marker.x > right + 0.5) return;
      const y = top + rows[index]! * ROW_HEIGHT;
      ctx.strokeStyle = options.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(marker.x, y);
      ctx.lineTo(marker.x, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = options.background;
      ctx.fillRect(marker.start, y, marker.width, ROW_HEIGHT - 2);
      ctx.strokeStyle = options.color;
      ctx.lineWidth = 1;
      ctx.strokeRect(marker.start + 0.5, y + 0.5, marker.width - 1, ROW_HEIGHT - 3);
      ctx.fillStyle = options.textColor;
      ctx.textBaseline = 'middle';
      ctx.fillText(marker.text, marker.start + 4, y + (ROW_HEIGHT - 2) / 2);
    });
    ctx.restore();
  },
};
