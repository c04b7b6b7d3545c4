import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../i18n';
import { ORDERING_DEFS } from '../protocols/ordering';
import { ORDERINGS, type Ordering } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import { useLab, useLabStore } from '../store/react';
import { AddressLabButton, ExamplesPicker } from '../views/network';
import { setOrdering } from './edits';
import { fileNameFor, MAX_FILE_BYTES, readScenarioText } from './fileio';
import { Icon } from './Icon';
import { safeLoad } from './load';
import { MenuButton } from './MenuButton';
import { SharePopover } from './SharePopover';
import { useShell } from './shell';
import { shownTitle } from './title';

const LANG_LABEL = { en: 'EN', zh: '中文' } as const;

/** Only orderings the engine implements can be chosen (an unimplemented one cannot be simulated). */
const AVAILABLE: readonly Ordering[] = ORDERINGS.filter((o) => o in ORDERING_DEFS);

/** App name, scenario title, lessons, ordering switch, language, presenter, share, files, help. */
export function Header() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  /** A load error's sentence, now and as a key the banner re-words when the language changes. */
  const said = (key: string, args?: Record<string, string | number>) => ({
    summary: t(key, args),
    message: args ? { key, args } : { key },
  });
  const title = useLab(shownTitle) ?? t('untitled');
  const ordering = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.ordering : null));
  const lang = useLab((s) => s.lang);
  const presenter = useLab((s) => s.presenter);
  const overlay = useShell((s) => s.overlay);
  const open = useShell((s) => s.open);
  const shareButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const openFile = async (file: File) => {
    const st = store.getState();
    let text: string;
    try {
      text = file.size > MAX_FILE_BYTES ? '' : await file.text();
    } catch {
      return st.setLoadError({ source: 'file', ...said('errors.unreadable'), errors: [] });
    }
    const r = readScenarioText(text, file.size);
    if (r.ok) {
      if (!safeLoad(store, r.value, 0, 'file')) return;
      st.setLesson(null);
      st.setLoadError(null);
      return;
    }
    switch (r.reason) {
      case 'tooBig':
        return st.setLoadError({
          source: 'file',
          ...said('errors.tooBig', { size: Math.ceil(r.size / 1000), max: MAX_FILE_BYTES / 1000 }),
          errors: [],
        });
      case 'notJson':
        return st.setLoadError({
          source: 'file',
          ...said('errors.notJson', { detail: r.detail }),
          errors: [],
        });
      case 'invalid':
        return st.setLoadError({ source: 'file', ...said('errors.invalid'), errors: r.errors });
    }
  };

  // A built-in example is validated and loaded like a file: a broken one reports, never blanks the page.
  const openExample = (data: unknown) => {
    const st = store.getState();
    const v = validateScenario(data);
    if (!v.ok) return st.setLoadError({ source: 'file', ...said('errors.invalid'), errors: v.errors });
    if (!safeLoad(store, v.value, 0, 'file')) return;
    st.setLesson(null);
    st.setLoadError(null);
  };

  const saveFile = () => {
    const s = store.getState().scenario;
    const blob = new Blob([`${JSON.stringify(s, null, 2)}\n`], { type: 'application/json' });
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = fileNameFor(s, store.getState().lang);
    a.click();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  };

  return (
    <header className="header">
      <div className="brand">
        <span className="app-name">{t('appName')}</span>
        <h1 className="scenario-title" title={title}>
          {title}
        </h1>
      </div>
      <nav className="tools" aria-label={t('appName')}>
        <button type="button" onClick={() => open('toc')} aria-haspopup="dialog">
          <Icon name="book" />
          {t('header.lessons')}
        </button>
        <ExamplesPicker onOpen={openExample} />
        <AddressLabButton />
        {ordering !== null && (
          <label className="field">
            <span>{t('header.ordering')}</span>
            <select
              value={ordering}
              // Presenter mode hides the visible label, so the select names itself.
              aria-label={t('header.ordering')}
              data-testid="ordering"
              onChange={(e) => store.getState().edit(setOrdering(e.currentTarget.value as Ordering))}
            >
              {AVAILABLE.map((o) => (
                <option key={o} value={o}>
                  {t(`orderings.${o}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="segmented" aria-label={t('header.language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l === 'zh' ? 'zh-CN' : 'en'}
              aria-pressed={lang === l}
              onClick={() => store.getState().setLang(l)}
            >
              {LANG_LABEL[l]}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          aria-pressed={presenter}
          onClick={() => store.getState().setPresenter(!presenter)}
          title={`${t(presenter ? 'header.presenterOn' : 'header.presenterOff')} (P)`}
        >
          <Icon name="screen" />
          {t('header.presenter')}
        </button>
        <span className="share-anchor">
          <button
            ref={shareButton}
            type="button"
            aria-expanded={overlay === 'share'}
            aria-haspopup="dialog"
            onClick={() => open(overlay === 'share' ? null : 'share')}
          >
            <Icon name="link" />
            {t('header.copyLink')}
          </button>
          <SharePopover anchor={shareButton} />
        </span>
        <span className="secondary file-tools">
          <MenuButton
            label={t('header.file')}
            items={[
              {
                id: 'open',
                label: t('header.open'),
                title: t('header.openTitle'),
                run: () => fileInput.current?.click(),
              },
              { id: 'save', label: t('header.save'), title: t('header.saveTitle'), run: saveFile },
            ]}
          />
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="open-file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) void openFile(f);
            }}
          />
        </span>
        <button
          type="button"
          className="icon-btn"
          onClick={() => open(overlay === 'help' ? null : 'help')}
          aria-label={t('header.help')}
          title={`${t('header.help')} (?)`}
        >
          ?
        </button>
      </nav>
    </header>
  );
}
