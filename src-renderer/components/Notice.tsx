/** A dismissable message about the last action (a case that could not be opened, a refused call). */
import { useT } from '../i18n/I18nProvider';
import { messageText } from '../i18n/user-message';
import { useApp } from '../store';

export function Notice() {
  const { t } = useT();
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span>{messageText(t, notice)}</span>
      <button className="button ghost small" onClick={dismiss} aria-label={t('app.notice.dismissMessage')}>
        {t('app.notice.dismiss')}
      </button>
    </div>
  );
}
