import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { LESSONS } from './scenarios/lessons';
import { createLabStore, type LabStore } from './store/lab';
import { LabContext } from './store/react';
import { App } from './ui/App';
import './ui/app.css';
import { browserLang, startFromHash } from './ui/boot';
import { DEFAULT_SCENARIO } from './ui/defaultScenario';
import { simulationError } from './ui/load';

/**
 * Boot: the store starts from the link in the hash if it decodes, else from the default scenario
 * with the link's error on screen. Nothing here may throw to a blank page.
 */
function boot(): LabStore {
  const start = startFromHash(window.location.hash, DEFAULT_SCENARIO, browserLang(navigator.languages ?? []));
  initI18n(start.lang);
  document.documentElement.lang = start.lang === 'zh' ? 'zh-CN' : 'en';
  let store: LabStore;
  try {
    store = createLabStore(start.scenario, {
      cursor: start.cursor,
      lang: start.lang,
      presenter: start.presenter,
    });
  } catch (e) {
    store = createLabStore(DEFAULT_SCENARIO, { lang: start.lang });
    store.getState().setLoadError(simulationError(e, 'link'));
    return store;
  }
  const s = store.getState();
  if (start.lesson && LESSONS.some((l) => l.id === start.lesson?.id)) s.setLesson(start.lesson);
  s.setNetView(start.view);
  if (start.loadError) s.setLoadError(start.loadError);
  return store;
}

const store = boot();
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <LabContext.Provider value={store}>
        <App fallback={DEFAULT_SCENARIO} />
      </LabContext.Provider>
    </StrictMode>,
  );
