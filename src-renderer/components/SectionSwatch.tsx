import { SECTION_STYLE } from '../../src-main/shared/section-style';
import type { Section } from '../../src-main/shared/taxonomy';

/** A section's line as the chart draws it (colour, dash, point shape): legends in the app and the PDF. */
export function SectionSwatch({ section, className }: { section: Section; className: string }) {
  const style = SECTION_STYLE[section];
  return (
    <svg className={className} viewBox="0 0 28 12" aria-hidden="true">
      <line
        x1="1"
        y1="6"
        x2="27"
        y2="6"
        stroke={style.color}
        strokeWidth="2.5"
        strokeDasharray={style.dash.join(' ') || undefined}
      />
      {style.point === 'circle' && <circle cx="14" cy="6" r="3.5" fill={style.color} />}
      {style.point === 'rect' && <rect x="10.5" y="2.5" width="7" height="7" fill={style.color} />}
      {style.point === 'triangle' && <path d="M14 1.5 L18.5 10 L9.5 10 Z" fill={style.color} />}
      {style.point === 'rectRot' && <path d="M14 1.5 L18.5 6 L14 10.5 L9.5 6 Z" fill={style.color} />}
    </svg>
  );
}
