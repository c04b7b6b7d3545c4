import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Highlight } from '../../scenarios/lessons/types';
import { useLab } from '../../store/react';
import { reasonText, type Tx } from '../text';
import {
  changedKeys,
  type DeliveredItem,
  type OrderingFacts,
  type ProcessAt,
  type ProcessIndex,
  processAtMemo,
  processIndex,
} from './derive';
import { ReliabilitySection } from './ReliabilitySection';

/**
 * One process at the cursor: its vector (causal: the precedence vector; FIFO: the last number
 * delivered from each sender), its hold-back queue with why each message waits, and its delivery
 * queue (lecture: "Sending, delivering, holding back").
 */
export interface ProcessPanelProps {
  node: string;
  highlight?: Highlight;
  className?: string;
}

/** The process lab's trace index, shared by every panel of one trace. */
const indexes = new WeakMap<object, ProcessIndex>();
function useIndex(): ProcessIndex {
  const trace = useLab((s) => s.trace);
  return useMemo(() => {
    let i = indexes.get(trace);
    if (!i) {
      i = processIndex(trace);
      indexes.set(trace, i);
    }
    return i;
  }, [trace]);
}

export function ProcessPanel(props: ProcessPanelProps) {
  const index = useIndex();
  const cursor = useLab((s) => s.cursor);
  const now = processAtMemo(index, props.node, cursor);
  const before = cursor > 0 ? processAtMemo(index, props.node, cursor - 1) : now;
  return <PanelView {...props} now={now} before={before} />;
}

/** The delivery queue is drawn in runs of this many: a delivery re-renders the last run, not the whole queue. */
const DELIVERED_RUN = 32;

interface DeliveredRunProps {
  items: readonly DeliveredItem[];
  hlMsgs: ReadonlySet<string>;
  /** " (own)" in the current language. */
  own: string;
}

/** A delivery's step names it: the same steps are the same deliveries (processAt makes new objects each time). */
const sameRun = (a: DeliveredRunProps, b: DeliveredRunProps) =>
  a.own === b.own &&
  a.hlMsgs === b.hlMsgs &&
  a.items.length === b.items.length &&
  a.items.every((d, i) => d.step === b.items[i]!.step);

const DeliveredRun = memo(function DeliveredRun({ items, hlMsgs, own }: DeliveredRunProps) {
  return items.map((d) => (
    <li key={d.step} className={hlMsgs.has(d.msg) ? 'hl' : undefined}>
      <span className="mv-msg">{d.msg}</span>
      <span className="mv-from">{d.own ? own : ` (${d.from})`}</span>
    </li>
  ));
}, sameRun);

function runs<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The panel itself: re-renders only when this process's state (or the previous step's) changed. */
const PanelView = memo(function PanelView({
  node,
  highlight,
  className,
  now,
  before,
}: ProcessPanelProps & { now: ProcessAt; before: ProcessAt }) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const ordering = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.ordering : ''));
  const selected = useLab((s) => s.selection.node === node);
  const headingId = useId();

  const changed = changedKeys(now.vector, before.vector);
  const hlPanel = highlight?.panel;
  const hlKey = (highlight?.msgs ?? []).join('\u0000');
  const hlMsgs = useMemo(() => new Set(hlKey === '' ? [] : hlKey.split('\u0000')), [hlKey]);
  const hlNode = highlight?.nodes?.includes(node) ?? false;
  const vectorTitle =
    ordering === 'causal' ? t('panel.vector') : ordering === 'fifo' ? t('panel.counters') : t('panel.values');
  // Once per render, not once per delivered message (a long run's queue lists hundreds).
  const own = ` (${t('panel.own')})`;
  const changedText = changed.size > 0 ? t('panel.changed') : '';

  return (
    <section
      className={['mv-process', selected ? 'selected' : '', hlNode ? 'hl' : '', className]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{node}</h3>
      {!now.hasQueues && <p className="mv-muted">{t('panel.noQueues')}</p>}
      <Facts facts={now.facts} t={tx} />
      {now.vector && (
        <div className={`mv-vector${hlPanel === 'vector' ? ' hl' : ''}`}>
          <h4>{vectorTitle}</h4>
          <table>
            <thead>
              <tr>
                {Object.keys(now.vector).map((k) => (
                  <th key={k} scope="col">
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {Object.entries(now.vector).map(([k, v]) => (
                  <td key={k} className={changed.has(k) ? 'changed' : undefined}>
                    {v}
                    {changed.has(k) && (
                      <span className="mv-changed" title={changedText}>
                        <span aria-hidden="true"> ▲</span>
                        <span className="mv-sr">{changedText}</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {now.hasQueues && (
        <>
          <div className={`mv-queue mv-holdback${hlPanel === 'holdback' ? ' hl' : ''}`}>
            <h4>{t('panel.holdback')}</h4>
            {now.holdback.length === 0 ? (
              <p className="mv-muted">{t('panel.empty')}</p>
            ) : (
              <ol>
                {now.holdback.map((h) => (
                  <li key={h.msg} className={hlMsgs.has(h.msg) ? 'hl' : undefined}>
                    <span className="mv-msg">{h.msg}</span> <span className="mv-from">({h.from})</span>{' '}
                    <span className="mv-reason">{reasonText(tx, h.reason)}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div className={`mv-queue mv-delivery${hlPanel === 'delivery' ? ' hl' : ''}`}>
            <h4>{t('panel.delivery')}</h4>
            {now.delivered.length === 0 ? (
              <p className="mv-muted">{t('panel.empty')}</p>
            ) : (
              <ol className="mv-delivered">
                {runs(now.delivered, DELIVERED_RUN).map((run) => (
                  <DeliveredRun key={run[0]!.step} items={run} hlMsgs={hlMsgs} own={own} />
                ))}
              </ol>
            )}
          </div>
        </>
      )}
      <ReliabilitySection node={node} highlighted={hlPanel === 'reliability'} />
    </section>
  );
});

/** Total order's numbers, sync's epochs, global time's clock: whatever the ordering's state shows. */
function Facts({ facts, t }: { facts: OrderingFacts; t: Tx }) {
  const lines: string[] = [];
  if (facts.role === 'sequencer' || facts.role === 'member+sequencer') lines.push(t('panel.sequencer'));
  if (facts.nextId !== undefined)
    lines.push(t(facts.role === 'sequencer' ? 'panel.assignNext' : 'panel.deliverNext', { n: facts.nextId }));
  if (facts.orders && facts.orders.length > 0)
    lines.push(t('panel.orders', { list: facts.orders.map((o) => `${o.msg} = #${o.id}`).join(', ') }));
  if (facts.epoch !== undefined) lines.push(t('panel.epoch', { n: facts.epoch }));
  if (facts.completeEpochs !== undefined) lines.push(t('panel.completeEpochs', { n: facts.completeEpochs }));
  if (facts.clock !== undefined) lines.push(t('panel.clock', { clock: facts.clock }));
  if (lines.length === 0) return null;
  return (
    <ul className="mv-facts">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** Shown all at once up to this many processes; beyond, one at a time with a picker. */
const ALL_LIMIT = 8;

export interface ProcessPanelsProps {
  highlight?: Highlight;
  className?: string;
}

/** Every process's panel (or, in a large group, the selected one with a picker). */
export function ProcessPanels({ highlight, className }: ProcessPanelsProps) {
  const { t } = useTranslation('views');
  const index = useIndex();
  const selectedNode = useLab((s) => s.selection.node);
  const select = useLab((s) => s.select);
  const pickId = useId();
  const nodes = useMemo(() => {
    const all = [...index.trace.nodes] as string[];
    for (const n of index.events.keys()) if (!all.includes(n)) all.push(n);
    return all;
  }, [index]);
  const many = nodes.length > ALL_LIMIT;
  const shown = many ? [selectedNode && nodes.includes(selectedNode) ? selectedNode : nodes[0]!] : nodes;
  const hl =
    highlight?.panel === 'holdback' || highlight?.panel === 'delivery' || highlight?.panel === 'vector';
  return (
    <section
      className={['mv-processes', hl ? 'hl' : '', className].filter(Boolean).join(' ')}
      aria-label={t('panel.title')}
    >
      {many && (
        <p className="mv-picker">
          <label htmlFor={pickId}>{t('panel.pick')}</label>{' '}
          <select id={pickId} value={shown[0]} onChange={(e) => select({ node: e.target.value })}>
            {nodes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </p>
      )}
      <div className="mv-process-grid">
        {shown.map((n) => (
          <ProcessPanel key={n} node={n} {...(highlight ? { highlight } : {})} />
        ))}
      </div>
    </section>
  );
}
