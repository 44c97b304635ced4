/**
 * Files or folders dropped anywhere on the window are imported (a case file is opened). While
 * something is dragged over the window, a drop target covers it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

export function DropZone({ children }: { children: ReactNode }) {
  const { t } = useT();
  const importDropped = useApp((s) => s.importDropped);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent): void => {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) void importDropped(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importDropped]);

  return (
    <div className="app" data-dragging={dragging || undefined}>
      {children}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div className="drop-target">
            <svg viewBox="0 0 24 24" className="drop-icon" aria-hidden="true">
              <path d="M12 3v12m0 0-5-5m5 5 5-5M4 17v3h16v-3" />
            </svg>
            <strong>{t('app.drop.title')}</strong>
            <span>{t('app.drop.hint')}</span>
          </div>
        </div>
      )}
    </div>
  );
}
