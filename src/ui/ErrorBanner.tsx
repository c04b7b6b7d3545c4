import { useTranslation } from 'react-i18next';
import { shareProblemText } from '../scenarios/url';
import { useLab } from '../store/react';

/** The last bad link or file: what is wrong, field by field, above a lab that still works. */
export function ErrorBanner() {
  const { t } = useTranslation('ui');
  const error = useLab((s) => s.loadError);
  const lang = useLab((s) => s.lang);
  const dismiss = useLab((s) => s.setLoadError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="load-error">
      <div className="error-text">
        <strong>{t(error.source === 'link' ? 'errors.link' : 'errors.file')}</strong>
        <p>
          {error.problem
            ? shareProblemText(error.problem, lang)
            : error.message
              ? t(error.message.key, error.message.args)
              : error.summary}
        </p>
        {error.errors.length > 0 && (
          <ul>
            {error.errors.map((e, i) => (
              // Errors have no ids; the same path may repeat with different messages.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list rendered once per error
              <li key={i}>
                <code>{e.path}</code>: {lang === 'zh' ? e.zh : e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="ghost" onClick={() => dismiss(null)}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
