import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { initI18n } from '../i18n';
import { LESSONS } from '../scenarios/lessons';
import type { Highlight } from '../scenarios/lessons/types';
import type { Scenario } from '../scenarios/schema';
import { useLab, useLabStore } from '../store/react';
import {
  ChecksPanel,
  CopyMenu,
  EventLog,
  MetricsPanel,
  ProcessPanel,
  ProcessPanels,
  SpaceTimeDiagram,
} from '../views';
import { useLogInspect } from '../views/network';
import { EditBar } from './EditBar';
import { ErrorBanner } from './ErrorBanner';
import { GroupBar } from './GroupBar';
import { Header } from './Header';
import { HelpOverlay } from './HelpOverlay';
import { useKeyboard, usePlayLoop, useUrlSync } from './hooks';
import { LessonPanel } from './lesson/LessonPanel';
import { TocDialog } from './lesson/TocDialog';
import { Playback } from './Playback';
import { ReliabilityBar } from './ReliabilityBar';
import { useShell } from './shell';
import { shownTitle } from './title';
import { ViewBoundary } from './ViewBoundary';

/**
 * The network lab (topology, tables, modes compared, the PIM views) is its own chunk, fetched the
 * first time a network scenario is shown: the ordering lab, the default screen, does not need it.
 * Only the views are deferred; the network simulation stays in the main bundle and synchronous.
 */
const NetworkLab = lazy(() => import('../views/network/NetworkLab').then((m) => ({ default: m.NetworkLab })));

/** Shown in the diagram's place while the network lab's chunk loads. */
function NetworkLabLoading() {
  const { t } = useTranslation('ui');
  return (
    <p className="lab-loading" role="status" data-testid="network-loading">
      {t('panels.loadingNetwork')}
    </p>
  );
}

/** The highlight of the lesson step on screen, unless the student is exploring freely. */
function useHighlight(): Highlight | undefined {
  const position = useLab((s) => s.lesson);
  const exploring = useShell((s) => s.exploring);
  if (!position || exploring) return undefined;
  return LESSONS.find((l) => l.id === position.id)?.steps[position.step]?.highlight;
}

/**
 * Presenter mode shows only the process panels of interest, below the diagram where the room
 * is: the lesson step's highlighted processes, else the one the lecturer selected, else all.
 */
function PresenterPanels({ highlight }: { highlight: Highlight | undefined }) {
  const selected = useLab((s) => s.selection.node);
  const nodes = useLab((s) => s.trace.nodes as readonly string[]);
  const hl = highlight ? { highlight } : {};
  const focus = (highlight?.nodes?.length ? highlight.nodes : selected ? [selected] : []).filter((n) =>
    nodes.includes(n),
  );
  if (focus.length === 0) return <ProcessPanels {...hl} />;
  return (
    <div className="focus-panels">
      {focus.map((n) => (
        <ProcessPanel key={n} node={n} {...hl} />
      ))}
    </div>
  );
}

/**
 * The shell: header, diagram, side panels (lesson, processes, checks), playback and the event log.
 * Presenter mode is a class on the root; the views style themselves under `.presenter`.
 */
export function App({ fallback }: { fallback: Scenario }) {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const lang = useLab((s) => s.lang);
  const presenter = useLab((s) => s.presenter);
  const scenario = useLab((s) => s.scenario);
  const title = useLab(shownTitle);
  const inLesson = useLab((s) => s.lesson !== null);
  const logOpen = useShell((s) => s.logOpen);
  const toggleLog = useShell((s) => s.toggleLog);
  const highlight = useHighlight();
  const hl = highlight ? { highlight } : {};
  const hasReliability = scenario.lab === 'process' && scenario.reliability !== undefined;
  // The network lab has its own views (topology, tables, modes); the process lab's panels do not apply.
  const network = scenario.lab === 'network';
  // The network lab opens an IGMP message's row of the log in its packet inspector.
  const logInspect = useLogInspect();

  usePlayLoop(store);
  useKeyboard(store);
  useUrlSync(store, fallback);

  useEffect(() => {
    initI18n(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : t('appName');
  }, [title, t]);

  const checks = (
    <div className="panel checks">
      <ViewBoundary resetKey={scenario}>
        <ChecksPanel {...hl} />
      </ViewBoundary>
    </div>
  );
  const metrics = hasReliability && (
    <div className="panel metrics">
      <ViewBoundary resetKey={scenario}>
        <MetricsPanel />
      </ViewBoundary>
    </div>
  );
  // Presenter mode keeps a side column only for what the lesson needs: its narration and, when
  // the step points at them, the checks or the metrics.
  const presenterSide = inLesson || highlight?.panel === 'checks' || highlight?.panel === 'metrics';
  return (
    <div className={presenter ? 'app presenter' : 'app'} data-testid="app">
      <Header />
      <ErrorBanner />
      <div className={(presenter || network) && !presenterSide ? 'workspace no-side' : 'workspace'}>
        <div className="main-col">
          <main className="stage" aria-label={t('panels.diagram')}>
            <div className="stage-tools secondary">
              <EditBar />
              <ReliabilityBar />
              <GroupBar />
            </div>
            <div className="diagram">
              <ViewBoundary resetKey={scenario}>
                {network ? (
                  <Suspense fallback={<NetworkLabLoading />}>
                    <NetworkLab {...hl} />
                  </Suspense>
                ) : (
                  <SpaceTimeDiagram {...hl} />
                )}
              </ViewBoundary>
            </div>
            <ViewBoundary resetKey={scenario}>
              <CopyMenu />
            </ViewBoundary>
          </main>
          {presenter && !network ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable, WCAG 2.1.1).
            <section className="presenter-panels" aria-label={t('panels.side')} tabIndex={0}>
              <ViewBoundary resetKey={scenario}>
                <PresenterPanels highlight={highlight} />
              </ViewBoundary>
            </section>
          ) : (
            // Presenter mode on the network lab gives the room to the topology.
            !presenter &&
            logOpen && (
              <section className="log" aria-label={t('panels.log')} id="event-log">
                <ViewBoundary resetKey={scenario}>
                  <EventLog {...hl} {...(network ? { inspect: logInspect } : {})} />
                </ViewBoundary>
              </section>
            )
          )}
        </div>
        {presenter || network ? (
          presenterSide && (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable, WCAG 2.1.1).
            <aside className="side" aria-label={t('panels.side')} tabIndex={0}>
              <LessonPanel />
              {highlight?.panel === 'checks' && checks}
              {highlight?.panel === 'metrics' && metrics}
            </aside>
          )
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable, WCAG 2.1.1).
          <aside className="side" aria-label={t('panels.side')} tabIndex={0}>
            <LessonPanel />
            {/* The cost of reliability first: its implosion chart and comparison are what the setting changes. */}
            {metrics}
            {!network && (
              <div className="panel processes">
                <ViewBoundary resetKey={scenario}>
                  <ProcessPanels {...hl} />
                </ViewBoundary>
              </div>
            )}
            {!network && checks}
          </aside>
        )}
      </div>
      <footer className="dock">
        <Playback />
        <button
          type="button"
          className="log-toggle secondary"
          aria-expanded={logOpen}
          aria-controls="event-log"
          onClick={toggleLog}
        >
          {t(logOpen ? 'panels.hideLog' : 'panels.showLog')}
        </button>
      </footer>
      <HelpOverlay />
      <TocDialog />
    </div>
  );
}
