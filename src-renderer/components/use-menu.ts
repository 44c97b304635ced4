/**
 * A `<details>` drop-down menu's state: open while the user works in it; Escape (focus back on its
 * summary) or a press outside it closes it.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

export function useMenu(): {
  ref: RefObject<HTMLDetailsElement | null>;
  open: boolean;
  setOpen: (open: boolean) => void;
} {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent): void => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)) {
        setOpen(false);
        if (event instanceof KeyboardEvent) ref.current?.querySelector('summary')?.focus();
      }
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  return { ref, open, setOpen };
}
