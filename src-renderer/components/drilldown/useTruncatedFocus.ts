/**
 * Cells that truncate their text (`.cell-text`, an ellipsis) become focusable while they are cut,
 * so the keyboard can reach the full value (focus unfolds it; the cell's title shows it on hover).
 * Checked after each render and whenever the table box changes size.
 */
import { useLayoutEffect, type RefObject } from 'react';

export function useTruncatedFocus(box: RefObject<HTMLElement | null>, renderKey: unknown): void {
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const mark = (): void => {
      for (const cell of element.querySelectorAll<HTMLElement>('.cell-text')) {
        // A focused cell is unfolded: it keeps its focus until it is left.
        if (cell === document.activeElement) continue;
        if (cell.scrollWidth > cell.clientWidth + 1) cell.tabIndex = 0;
        else cell.removeAttribute('tabindex');
      }
    };
    mark();
    const observer = new ResizeObserver(mark);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, renderKey]);
}
