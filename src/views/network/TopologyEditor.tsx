import { useId, useState } from 'react';
import type { NetworkScenario } from '../../scenarios/schema';
import {
  addLink,
  addNode,
  type EditOutcome,
  freshId,
  moveNode,
  type NodeKind,
  nodeIds,
  removeLink,
  removeNode,
  setLatency,
} from './edits';
import { linkId } from './layout';
import { fill, useNetText } from './strings';

/**
 * The topology editor (issue 4 §1): add a host, router or LAN; link two nodes with a latency;
 * move or remove a node; change or remove a link. It is also the keyboard's way to do what
 * dragging does. Every action is an edit function from edits.ts; `apply` hands its outcome to the
 * store (or shows why it was refused) and reports back in the panel's status line.
 */
export interface TopologyEditorProps {
  scenario: NetworkScenario;
  /** The node selected on the topology: the move/remove form starts on it. */
  selected: string | null;
  apply(outcome: EditOutcome, done: string): void;
  canUndo: boolean;
  onUndo(): void;
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  testId,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
}) {
  const id = useId();
  return (
    <span className="ne-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={value}
        min={min}
        max={max}
        step={step}
        data-testid={testId}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </span>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: { value: string; text: string }[];
  onChange(v: string): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <span className="ne-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Which nodes a new node of a kind may be linked to (topology rules: host–LAN, router–LAN, router–router). */
function attachable(s: NetworkScenario, kind: NodeKind): string[] {
  const all = nodeIds(s.topology);
  if (kind === 'host') return all.filter((n) => n.kind === 'lan').map((n) => n.id);
  if (kind === 'lan') return all.filter((n) => n.kind === 'router').map((n) => n.id);
  return all.filter((n) => n.kind !== 'host').map((n) => n.id);
}

export function TopologyEditor({ scenario, selected, apply, canUndo, onUndo }: TopologyEditorProps) {
  const t = useNetText();
  const e = t.edit;
  const nodes = nodeIds(scenario.topology);
  const ids = nodes.map((n) => n.id);

  const [kind, setKind] = useState<NodeKind>('host');
  const [newId, setNewId] = useState('');
  const targets = attachable(scenario, kind);
  const [attach, setAttach] = useState('');
  const attachTo = targets.includes(attach) ? attach : kind === 'host' ? (targets[0] ?? '') : '';
  const [latency, setLatencyText] = useState('1');

  const [la, setLa] = useState('');
  const [lb, setLb] = useState('');
  const [linkLatency, setLinkLatency] = useState('2');
  const a = ids.includes(la) ? la : (ids[0] ?? '');
  const b = ids.includes(lb) ? lb : (ids[1] ?? '');

  const [picked, setPicked] = useState<string | null>(null);
  const node =
    picked && ids.includes(picked) ? picked : selected && ids.includes(selected) ? selected : (ids[0] ?? '');
  const geom = [...scenario.topology.lans, ...scenario.topology.routers, ...scenario.topology.hosts].find(
    (n) => n.id === node,
  );
  const [pos, setPos] = useState<{ node: string; x: string; y: string } | null>(null);
  const x = pos?.node === node ? pos.x : String(geom?.x ?? 0);
  const y = pos?.node === node ? pos.y : String(geom?.y ?? 0);

  const [latencies, setLatencies] = useState<Record<string, string>>({});
  const idField = useId();
  const kindText = (k: NodeKind) => e.kinds[k];
  const nodeOptions = nodes.map((n) => ({ value: n.id, text: `${n.id} (${kindText(n.kind)})` }));

  return (
    <section className="nl-editor" aria-labelledby="nl-editor-title" data-testid="topology-editor">
      <div className="nl-details-head">
        <h2 id="nl-editor-title">{e.title}</h2>
        <button type="button" onClick={onUndo} disabled={!canUndo} data-testid="topology-undo">
          {e.undo}
        </button>
      </div>
      <p className="nl-dim">{e.intro}</p>

      <form
        className="ne-form"
        aria-label={e.add}
        onSubmit={(ev) => {
          ev.preventDefault();
          const id = newId.trim() || freshId(scenario, kind);
          const lat = Number(latency);
          apply(
            addNode(scenario, { kind, id, ...(attachTo ? { attachTo, latency: lat } : {}) }),
            fill(e.whatAdd, { id }),
          );
          setNewId('');
        }}
      >
        <h3>{e.add}</h3>
        <Select
          label={e.kind}
          value={kind}
          testId="edit-kind"
          options={(['host', 'router', 'lan'] as const).map((k) => ({ value: k, text: kindText(k) }))}
          onChange={(v) => setKind(v as NodeKind)}
        />
        <span className="ne-field">
          <label htmlFor={idField}>{e.id}</label>
          <input
            id={idField}
            type="text"
            value={newId}
            placeholder={freshId(scenario, kind)}
            spellCheck={false}
            autoComplete="off"
            data-testid="edit-id"
            onChange={(ev) => setNewId(ev.currentTarget.value)}
          />
        </span>
        <Select
          label={e.attachTo}
          value={attachTo}
          testId="edit-attach"
          options={[
            ...(kind === 'host' ? [] : [{ value: '', text: e.noAttach }]),
            ...targets.map((id) => ({ value: id, text: id })),
          ]}
          onChange={setAttach}
        />
        {attachTo && (
          <NumberField
            label={e.latency}
            value={latency}
            min={1}
            max={1000}
            step={1}
            onChange={setLatencyText}
          />
        )}
        <button type="submit" data-testid="edit-add">
          {e.addButton}
        </button>
      </form>

      <form
        className="ne-form"
        aria-label={e.link}
        onSubmit={(ev) => {
          ev.preventDefault();
          apply(addLink(scenario, a, b, Number(linkLatency)), fill(e.whatLink, { a, b }));
        }}
      >
        <h3>{e.link}</h3>
        <Select label={e.from} value={a} options={nodeOptions} onChange={setLa} testId="link-a" />
        <Select label={e.to} value={b} options={nodeOptions} onChange={setLb} testId="link-b" />
        <NumberField
          label={e.latency}
          value={linkLatency}
          min={1}
          max={1000}
          step={1}
          onChange={setLinkLatency}
          testId="link-latency"
        />
        <button type="submit" data-testid="link-add">
          {e.linkButton}
        </button>
      </form>

      <form
        className="ne-form"
        aria-label={e.node}
        onSubmit={(ev) => {
          ev.preventDefault();
          apply(moveNode(scenario, node, Number(x), Number(y)), fill(e.whatMove, { id: node }));
          setPos(null);
        }}
      >
        <h3>{e.node}</h3>
        <Select label={e.pick} value={node} options={nodeOptions} onChange={setPicked} testId="move-node" />
        <NumberField
          label={e.x}
          value={x}
          step={1}
          onChange={(v) => setPos({ node, x: v, y })}
          testId="move-x"
        />
        <NumberField
          label={e.y}
          value={y}
          step={1}
          onChange={(v) => setPos({ node, x, y: v })}
          testId="move-y"
        />
        <button type="submit" data-testid="move-apply">
          {e.move}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="remove-node"
          onClick={() => apply(removeNode(scenario, node), fill(e.whatRemove, { id: node }))}
        >
          {e.remove}
        </button>
      </form>

      <h3>{e.links}</h3>
      <table className="nl-table ne-links" data-testid="edit-links">
        <thead>
          <tr>
            <th scope="col">{e.linkCol}</th>
            <th scope="col">{e.latency}</th>
            <th scope="col">
              <span className="mv-sr">{e.remove}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {scenario.topology.links.map((l) => {
            const id = linkId(l);
            const text = latencies[id] ?? String(l.latency);
            const commit = () => {
              if (Number(text) !== l.latency)
                apply(setLatency(scenario, id, Number(text)), fill(e.whatLatency, { id, n: text }));
              setLatencies(({ [id]: _, ...rest }) => rest);
            };
            return (
              <tr key={id}>
                <th scope="row">{id}</th>
                <td>
                  <form
                    className="ne-inline"
                    onSubmit={(ev) => {
                      ev.preventDefault();
                      commit();
                    }}
                  >
                    <input
                      type="number"
                      min={1}
                      max={1000}
                      step={1}
                      value={text}
                      aria-label={fill(e.latencyOf, { id })}
                      onChange={(ev) => {
                        const v = ev.currentTarget.value;
                        setLatencies((m) => ({ ...m, [id]: v }));
                      }}
                    />
                    <button type="submit" className="ghost" disabled={text === String(l.latency)}>
                      {e.setLatency}
                    </button>
                  </form>
                </td>
                <td>
                  <button
                    type="button"
                    className="ghost"
                    aria-label={fill(e.removeLink, { id })}
                    title={fill(e.removeLink, { id })}
                    onClick={() => apply(removeLink(scenario, id), fill(e.whatRemoveLink, { id }))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
