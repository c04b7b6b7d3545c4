import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { Tx } from '../text';
import { FaultLayer } from './FaultLayer';
import { faultModel } from './faults';
import { layout } from './geometry';
import { laneAtY, timeAtX } from './LaneMenu';
import { diagramModel } from './model';

/** One of each failure the lecture names ("Failure considerations"), at known times. */
function faulty(): ProcessScenario {
  const v = validateScenario({
    version: 1,
    lab: 'process',
    seed: 3,
    processes: ['P0', 'P1', 'P2', 'P3'],
    ordering: 'fifo',
    network: { latency: [2, 3], loss: 0 },
    reliability: { scheme: 'reliable', timeout: 6, tries: 3 },
    actions: [
      { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
      { type: 'multicast', at: 4, node: 'P3', msg: 'm2' },
      { type: 'multicast', at: 22, node: 'P2', msg: 'm3' },
    ],
    faults: [
      { type: 'byzantine', at: 2, node: 'P3', mode: 'corrupt', until: 8 },
      { type: 'send-omission', at: 3, node: 'P2', until: 9 },
      { type: 'crash', at: 5, node: 'P1', restart: { at: 15, log: false } },
      {
        type: 'partition',
        at: 20,
        groups: [
          ['P0', 'P1'],
          ['P2', 'P3'],
        ],
      },
      { type: 'heal', at: 30 },
    ],
  });
  if (!v.ok || v.value.lab !== 'process') throw new Error('invalid test scenario');
  return v.value;
}

const stepOf = (type: string, node?: string) => {
  const e = simulate(faulty()).events.find((x) => x.type === type && (node === undefined || x.node === node));
  if (!e) throw new Error(`no ${type} event`);
  return e.step;
};

describe('the fault model, read from a trace', () => {
  const fm = faultModel(simulate(faulty()));

  it('has each failure where and when the scenario put it', () => {
    expect(fm.outages).toEqual([
      { node: 'P1', t0: 5, step0: stepOf('crash'), t1: 15, step1: stepOf('restart'), log: false },
    ]);
    expect(fm.omissions).toEqual([
      { node: 'P2', dir: 'send', t0: 3, step0: stepOf('omit'), t1: 9, copy: null },
    ]);
    expect(fm.byzantine).toEqual([
      { node: 'P3', mode: 'corrupt', t0: 2, step0: stepOf('byzantine'), t1: 8, msg: null },
    ]);
    expect(fm.partitions).toEqual([
      {
        t0: 20,
        step0: stepOf('partition'),
        t1: 30,
        step1: stepOf('heal'),
        groups: [
          ['P0', 'P1'],
          ['P2', 'P3'],
        ],
      },
    ]);
  });

  it('marks the messages a byzantine process garbled', () => {
    // P3 multicasts m2 at time 4, inside its corrupt window (2 to 8).
    expect(fm.corrupt.has('P3 m2')).toBe(true);
  });
});

describe('faults on the diagram', () => {
  const trace = simulate(faulty());
  const model = diagramModel(trace);
  const size = { width: 800, laneGap: 60, mark: 15 };
  const geo = layout(model, size, { t0: 0, t1: 40 });
  const t: Tx = (key) => key;
  const draw = (cursor: number) =>
    renderToStaticMarkup(
      createElement(FaultLayer, {
        fm: faultModel(trace),
        geo,
        cursor,
        tNow: cursor === 0 ? 0 : trace.events[cursor - 1]!.time,
        gap: size.laneGap,
        t,
      }),
    );

  it('draws faults the run has not reached faded, and the reached ones plain', () => {
    const before = draw(0);
    expect(before).toContain('class="mv-outage future"');
    expect(before).toContain('class="mv-partition future"');
    const after = draw(trace.events.length);
    expect(after).toContain('class="mv-outage past"');
    expect(after).toContain('class="mv-byzantine corrupt past"');
    expect(after).toContain('class="mv-omission send past"');
    // Healed: the heal's edge and the restart's ↻ once the run has passed them.
    expect(after).toContain('class="mv-part-edge heal"');
    expect(after).toContain('diagram.fault.restartNoLog');
  });

  it('shades each lane by its sub-group from partition to heal', () => {
    const html = draw(trace.events.length);
    const x0 = geo.x(20);
    const width = geo.x(30) - x0;
    const bands = [
      ...html.matchAll(/<rect class="mv-part-band g(\d)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g),
    ];
    expect(bands.map((b) => b[1])).toEqual(['0', '0', '1', '1']);
    for (const b of bands) {
      expect(Number(b[2])).toBeCloseTo(x0, 5);
      expect(Number(b[3])).toBeCloseTo(width, 5);
    }
  });
});

describe('where a click on the diagram lands', () => {
  const geo = layout(
    diagramModel(simulate(faulty())),
    { width: 800, laneGap: 60, mark: 15 },
    { t0: 0, t1: 40 },
  );

  it('turns a pixel column into the nearest tick, never before 0', () => {
    expect(timeAtX(geo, geo.x(17))).toBe(17);
    expect(timeAtX(geo, geo.x(17.4))).toBe(17);
    expect(timeAtX(geo, geo.x(-6))).toBe(0);
  });

  it('finds the lane within a third of the lane gap, and nothing between lanes', () => {
    const [l0, l1] = geo.lanes;
    expect(laneAtY(geo, l1!.y + 15, 60)).toBe(l1!.node);
    expect(laneAtY(geo, l0!.y - 19, 60)).toBe(l0!.node);
    expect(laneAtY(geo, (l0!.y + l1!.y) / 2, 60)).toBeNull();
  });
});
