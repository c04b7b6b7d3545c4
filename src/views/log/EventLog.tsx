import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Highlight } from '../../scenarios/lessons/types';
import type { CopyRecord, TraceEvent } from '../../sim/trace';
import { useLab } from '../../store/react';
import { eventDetailText, type Tx, typeText } from '../text';
import { cursorAfter, LOG_BEFORE, LOG_ROOM, logChunks, logWindow, mayOverflow } from './rows';

/** The diagram's text twin: a table of the run's events up to the cursor, and a few beyond. */
export interface EventLogProps {
  highlight?: Highlight;
  className?: string;
  /**
   * A lab whose messages open in an inspector (the network lab's IGMP packets): which rows can,
   * and what opening one does. Such a row's message becomes a button, and clicking the row opens it too.
   */
  inspect?: { can(e: TraceEvent): boolean; open(e: TraceEvent): void };
}

interface RowProps {
  e: TraceEvent;
  state: 'past' | 'current' | 'future';
  highlighted: boolean;
  details: string;
  t: Tx;
  onGo(step: number): void;
  onInspect: ((e: TraceEvent) => void) | null;
}

/** Only a cell whose text may not fit clips it (views.css: each clip is painted on its own). */
const clip = (text: string, room: number) => (mayOverflow(text, room) ? 'mv-clip' : undefined);

const Row = memo(function Row({ e, state, highlighted, details, t, onGo, onInspect }: RowProps) {
  // A row re-renders as the cursor passes it: its words stay the same.
  const type = useMemo(() => typeText(t, e.type), [t, e.type]);
  const goTo = useMemo(() => t('log.goTo', { step: e.step }), [t, e.step]);
  const msg = e.msg ?? '';
  const from = e.from ?? '';
  return (
    <tr
      className={`mv-row ${state}${highlighted ? ' hl' : ''} t-${e.type}`}
      aria-current={state === 'current' ? 'step' : undefined}
      onClick={() => {
        onGo(e.step);
        onInspect?.(e);
      }}
    >
      <td className={clip(String(e.step), LOG_ROOM.step)}>
        <button
          type="button"
          onClick={(ev) => {
            ev.stopPropagation();
            onGo(e.step);
          }}
          aria-label={goTo}
        >
          {e.step}
        </button>
      </td>
      <td className={clip(String(e.time), LOG_ROOM.time)}>{e.time}</td>
      <td className={clip(e.node, LOG_ROOM.node)}>{e.node}</td>
      <td className={clip(type, LOG_ROOM.type)}>
        {type}
        {state === 'future' && <span className="mv-sr"> ({t('log.future')})</span>}
      </td>
      <td className={clip(msg, LOG_ROOM.msg)}>
        {onInspect && e.msg ? (
          <button
            type="button"
            className="mv-inspect"
            onClick={(ev) => {
              ev.stopPropagation();
              onInspect(e);
            }}
            aria-label={t('log.inspect', { msg: e.msg })}
          >
            {e.msg}
          </button>
        ) : (
          msg
        )}
      </td>
      <td className={clip(from, LOG_ROOM.from)}>{from}</td>
      <td>{details}</td>
    </tr>
  );
});

export function EventLog({ highlight, className, inspect }: EventLogProps) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const setCursor = useLab((s) => s.setCursor);
  const [before, setBefore] = useState(LOG_BEFORE);
  const scroller = useRef<HTMLDivElement>(null);
  const onGo = useCallback((step: number) => setCursor(cursorAfter(step)), [setCursor]);

  const copies = useMemo(() => new Map<string, CopyRecord>(trace.copies.map((c) => [c.id, c])), [trace]);
  const lanes = trace.nodes as readonly string[];
  // Details depend on the trace and the language only, so a cursor move re-renders two rows.
  const details = useMemo(() => {
    const cache = new Map<number, string>();
    return (e: TraceEvent) => {
      let d = cache.get(e.step);
      if (d === undefined) {
        d = eventDetailText(tx, e, copies, lanes);
        cache.set(e.step, d);
      }
      return d;
    };
  }, [tx, copies, lanes]);

  // The caption and column heads change with the language only.
  const head = useMemo(
    () => (
      <>
        <caption className="mv-sr">{t('log.caption')}</caption>
        <colgroup>
          <col className="mv-col-step" />
          <col className="mv-col-time" />
          <col className="mv-col-node" />
          <col className="mv-col-type" />
          <col className="mv-col-msg" />
          <col className="mv-col-from" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('log.step')}</th>
            <th scope="col">{t('log.time')}</th>
            <th scope="col">{t('log.node')}</th>
            <th scope="col">{t('log.type')}</th>
            <th scope="col">{t('log.msg')}</th>
            <th scope="col">{t('log.from')}</th>
            <th scope="col">{t('log.details')}</th>
          </tr>
        </thead>
      </>
    ),
    [t],
  );

  const w = logWindow(cursor, trace.events.length, before);
  // Both move in chunks of steps (rows.ts), so most steps reuse them.
  const later = trace.events.length - w.to;
  const earlierText = useMemo(() => t('log.earlier', { n: w.from }), [t, w.from]);
  const laterText = useMemo(() => t('log.more', { n: later }), [t, later]);
  const chunks = logChunks(trace.events.slice(w.from, w.to));
  const hlMsgs = new Set(highlight?.msgs ?? []);
  const hlNodes = new Set(highlight?.nodes ?? []);

  // Keep the current row in view inside the log's own scroll box (never scrolling the page). An
  // IntersectionObserver reports where the row is once the frame is laid out, so a step never
  // forces a layout of its own (reading offsetTop here cost a whole extra layout per step).
  const watcher = useRef<IntersectionObserver | null>(null);
  useEffect(() => {
    const box = scroller.current;
    if (!box || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1];
        if (!e?.rootBounds || e.intersectionRatio >= 1) return;
        const { top, height } = e.boundingClientRect;
        box.scrollTop += top + height / 2 - (e.rootBounds.top + e.rootBounds.height / 2);
      },
      { root: box, threshold: 1 },
    );
    watcher.current = io;
    return () => {
      io.disconnect();
      watcher.current = null;
    };
  }, []);
  useEffect(() => {
    const row = scroller.current?.querySelector<HTMLTableRowElement>('tr[aria-current="step"]');
    const io = watcher.current;
    if (!row || !io) return;
    io.disconnect();
    io.observe(row);
  });

  return (
    <section
      className={['mv-log', highlight?.panel === 'log' ? 'hl' : '', className].filter(Boolean).join(' ')}
      aria-label={t('log.title')}
    >
      {w.from > 0 && (
        <button type="button" className="mv-log-more" onClick={() => setBefore((b) => b + LOG_BEFORE * 5)}>
          {earlierText}
        </button>
      )}
      <div className="mv-log-scroll" ref={scroller}>
        <table>
          {head}
          {chunks.map((chunk) => (
            // One body per chunk of rows (views.css: each paints on its own, so a step repaints
            // the chunk with the current row and the others are reused as they were).
            <tbody key={chunk[0]!.step} className="mv-log-chunk">
              {chunk.map((e) => (
                <Row
                  key={e.step}
                  e={e}
                  state={e.step === w.current ? 'current' : e.step < w.current ? 'past' : 'future'}
                  highlighted={(e.msg !== undefined && hlMsgs.has(e.msg)) || hlNodes.has(e.node)}
                  details={details(e)}
                  t={tx}
                  onGo={onGo}
                  onInspect={inspect?.can(e) ? inspect.open : null}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {later > 0 && <p className="mv-muted mv-log-later">{laterText}</p>}
    </section>
  );
}
