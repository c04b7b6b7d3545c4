import { bisector } from 'd3-array';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import type { Tx } from '../text';
import { type LogLine, type ProcessIndex, processIndex, type ReliabilityAt, reliabilityAt } from './derive';

/**
 * A process's reliability state at the cursor (lecture, "Reliability of multicasts"): its
 * retransmission buffer and whose ACKs each message still waits for, what waits for the
 * pipelining window, atomic multicast's persistent log and the messages held until "go"
 * (example 1), and under virtual synchrony the current view and what is held until stable
 * (example 2). Read from the trace's state records alone.
 */

const indexes = new WeakMap<Trace, ProcessIndex>();
const memos = new WeakMap<ProcessIndex, Map<string, ReliabilityAt | null>>();
const byStep = bisector((x: { step: number }) => x.step).left;

/** The same object for every cursor between two of the node's state records, so the view skips re-rendering. */
function reliabilityAtMemo(trace: Trace, node: string, cursor: number): ReliabilityAt | null {
  let index = indexes.get(trace);
  if (!index) {
    index = processIndex(trace);
    indexes.set(trace, index);
  }
  let m = memos.get(index);
  if (!m) {
    m = new Map();
    memos.set(index, m);
  }
  const key = `${node}\u0000${byStep(index.states.get(node) ?? [], cursor)}`;
  if (!m.has(key)) m.set(key, reliabilityAt(index, node, cursor));
  return m.get(key) ?? null;
}

function logText(t: Tx, l: LogLine): string {
  switch (l.t) {
    case 'msg':
      return l.role === 'sender'
        ? t('panel.rel.logSent', { msg: l.msg, to: l.to.join(', ') })
        : t('panel.rel.logReceived', { msg: l.msg, from: l.from });
    case 'ack':
      return t('panel.rel.logAck', { id: l.id, by: l.by });
    case 'go':
      return t('panel.rel.logGo', { id: l.id });
    case 'done':
      return t('panel.rel.logDone', { id: l.id, by: l.by });
  }
}

const list = (xs: readonly string[]) => xs.join(', ');

const RelView = memo(function RelView({ rel, highlighted }: { rel: ReliabilityAt; highlighted: boolean }) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const buffered = rel.scheme !== null && rel.scheme !== 'unreliable';
  return (
    <div className={`mv-rel${highlighted ? ' hl' : ''}`} data-testid="rel-state">
      <h4>{t('panel.rel.title')}</h4>
      <dl>
        {rel.view && (
          <div>
            <dt>{t('panel.rel.view', { id: rel.view.id })}</dt>
            <dd>
              {list(rel.view.members)}
              {!rel.view.member && ` (${t('panel.rel.notMember')})`}
              {rel.view.flushing && ` (${t('panel.rel.flushing')})`}
            </dd>
          </div>
        )}
        {buffered && (
          <div data-rel="buffer">
            <dt>{t('panel.rel.buffer', { n: rel.buffer.length })}</dt>
            <dd>{rel.buffer.length > 0 ? list(rel.buffer) : t('panel.empty')}</dd>
          </div>
        )}
        {rel.pending
          .filter((p) => p.waiting.length > 0)
          .map((p) => (
            <div key={p.msg} data-rel="pending">
              <dt>{t(p.afterGo ? 'panel.rel.pendingGo' : 'panel.rel.pending', { msg: p.msg })}</dt>
              <dd>{list(p.waiting)}</dd>
            </div>
          ))}
        {rel.queued.length > 0 && (
          <div>
            <dt>{t('panel.rel.queued')}</dt>
            <dd>{list(rel.queued)}</dd>
          </div>
        )}
        {rel.log !== null && (
          <div data-rel="held">
            <dt>{t('panel.rel.held')}</dt>
            <dd>{rel.held.length > 0 ? list(rel.held) : t('panel.empty')}</dd>
          </div>
        )}
        {rel.view && rel.stableHeld.length > 0 && (
          <div>
            <dt>{t('panel.rel.stableHeld')}</dt>
            <dd>{list(rel.stableHeld)}</dd>
          </div>
        )}
      </dl>
      {rel.log !== null && (
        <>
          <h4>{t('panel.rel.log')}</h4>
          {rel.log.length === 0 ? (
            <p className="mv-muted">{t('panel.empty')}</p>
          ) : (
            <ol className="mv-rel-log" data-testid="rel-log">
              {rel.log.map((l, i) => (
                // A log only grows: a line's place is its identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only
                <li key={i}>{logText(tx, l)}</li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
});

export function ReliabilitySection({ node, highlighted }: { node: string; highlighted: boolean }) {
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const rel = reliabilityAtMemo(trace, node, cursor);
  return rel ? <RelView rel={rel} highlighted={highlighted} /> : null;
}
