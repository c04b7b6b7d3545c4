import type { Trace } from '../../sim/trace';

/**
 * The failures and views of a run as the diagram draws them (lecture, "Failure considerations"
 * and "Virtual synchrony"), read from the trace's fault and view events alone.
 */
export interface Outage {
  node: string;
  /** Crash time and step; the restart's, or null if the process stays down. */
  t0: number;
  step0: number;
  t1: number | null;
  step1: number | null;
  /** Whether the restart kept the persistent log. */
  log: boolean | null;
}

export interface OmissionWindow {
  node: string;
  dir: 'send' | 'receive';
  t0: number;
  step0: number;
  /** End of the window, or null for ever (or a single copy: `copy`). */
  t1: number | null;
  copy: string | null;
}

/** A window in which a byzantine process lies: garbles its messages or tells members different things. */
export interface ByzantineWindow {
  node: string;
  mode: 'corrupt' | 'equivocate';
  t0: number;
  step0: number;
  /** End of the window, or null for ever. */
  t1: number | null;
  /** Only this message, or null for all. */
  msg: string | null;
}

export interface PartitionBand {
  t0: number;
  step0: number;
  t1: number | null;
  step1: number | null;
  groups: string[][];
}

export interface ViewMark {
  t: number;
  step: number;
  id: number;
  members: string[];
}

export interface FaultModel {
  outages: Outage[];
  omissions: OmissionWindow[];
  byzantine: ByzantineWindow[];
  partitions: PartitionBand[];
  views: ViewMark[];
  /** `node msg` pairs whose sends a byzantine process garbled or equivocated. */
  corrupt: Set<string>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function faultModel(trace: Trace): FaultModel {
  const outages: Outage[] = [];
  const down = new Map<string, Outage>();
  const omissions: OmissionWindow[] = [];
  const byzantine: ByzantineWindow[] = [];
  const partitions: PartitionBand[] = [];
  let open: PartitionBand | null = null;
  const views: ViewMark[] = [];
  const viewSeen = new Set<number>();
  const corrupt = new Set<string>();
  for (const e of trace.events) {
    const d = e.detail ?? {};
    switch (e.type) {
      case 'crash': {
        const o: Outage = { node: e.node, t0: e.time, step0: e.step, t1: null, step1: null, log: null };
        outages.push(o);
        down.set(e.node, o);
        break;
      }
      case 'restart': {
        const o = down.get(e.node);
        if (o) {
          o.t1 = e.time;
          o.step1 = e.step;
          o.log = d.log !== false;
          down.delete(e.node);
        }
        break;
      }
      case 'omit':
        omissions.push({
          node: e.node,
          dir: d.dir === 'send' ? 'send' : 'receive',
          t0: e.time,
          step0: e.step,
          t1: typeof d.until === 'number' ? d.until : null,
          copy: typeof d.copy === 'string' ? d.copy : null,
        });
        break;
      case 'byzantine':
        byzantine.push({
          node: e.node,
          mode: d.mode === 'equivocate' ? 'equivocate' : 'corrupt',
          t0: e.time,
          step0: e.step,
          t1: typeof d.until === 'number' ? d.until : null,
          msg: typeof d.msg === 'string' ? d.msg : null,
        });
        break;
      // Every node records the partition and the heal: the first record of each opens or closes the band.
      case 'partition':
        if (!open || open.t0 !== e.time) {
          if (open && open.t1 === null) {
            open.t1 = e.time;
            open.step1 = e.step;
          }
          open = {
            t0: e.time,
            step0: e.step,
            t1: null,
            step1: null,
            groups: (d.groups as unknown[]).map(strings),
          };
          partitions.push(open);
        }
        break;
      case 'heal':
        if (open && open.t1 === null) {
          open.t1 = e.time;
          open.step1 = e.step;
        }
        break;
      case 'view':
        // Every member records each view; the diagram marks it once, where the first installs it.
        if (typeof d.id === 'number' && !viewSeen.has(d.id)) {
          viewSeen.add(d.id);
          views.push({ t: e.time, step: e.step, id: d.id, members: strings(d.members) });
        }
        break;
      case 'corrupt':
        if (e.msg !== undefined) corrupt.add(`${e.node} ${e.msg}`);
        break;
    }
  }
  return { outages, omissions, byzantine, partitions, views, corrupt };
}

const models = new WeakMap<Trace, FaultModel>();

export function faultModelFor(trace: Trace): FaultModel {
  let m = models.get(trace);
  if (!m) {
    m = faultModel(trace);
    models.set(trace, m);
  }
  return m;
}
