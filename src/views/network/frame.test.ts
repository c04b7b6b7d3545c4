import { describe, expect, it } from 'vitest';
import type { Trace } from '../../sim/trace';
import { hostTallies, linkCounts, membersAt, packetClass, packetsAt, treeLinks } from './frame';
import { linkBetween, topologyLayout } from './layout';

const layout = topologyLayout({
  lans: [{ id: 'L1', subnet: '10.0.1.0/24', x: 0, y: 0 }],
  routers: [{ id: 'R1', x: 200, y: 0 }],
  hosts: [
    { id: 'H1', x: 0, y: 100 },
    { id: 'H2', x: 60, y: 100 },
  ],
  links: [
    { a: 'R1', b: 'L1', latency: 4 },
    { a: 'H1', b: 'L1', latency: 1 },
    { a: 'H2', b: 'L1', latency: 1 },
  ],
});

/** R1 sends m onto L1 (time 0 → 4); the LAN relays it to H1 and H2 (4 → 5); H1 delivers, H2's card filters. */
const trace = {
  format: 1,
  nodes: ['L1', 'R1', 'H1', 'H2'],
  initial: {
    L1: { kind: 'lan' },
    R1: { kind: 'router' },
    H1: { kind: 'host', joined: [] },
    H2: { kind: 'host', joined: [] },
  },
  events: [
    { step: 0, time: 0, type: 'send', node: 'R1', msg: 'm', from: 'R1', kind: 'data' },
    { step: 1, time: 2, type: 'join', node: 'H1' },
    { step: 2, time: 4, type: 'send', node: 'L1', msg: 'm', from: 'R1', kind: 'data' },
    { step: 3, time: 5, type: 'deliver', node: 'H1', msg: 'm', from: 'R1' },
    { step: 4, time: 5, type: 'filter', node: 'H2', msg: 'm', from: 'R1' },
  ],
  copies: [
    {
      id: 'm@L1',
      msg: 'm',
      kind: 'data',
      from: 'R1',
      src: 'R1',
      to: 'L1',
      sentAt: 0,
      sentStep: 0,
      arriveAt: 4,
      arriveStep: 2,
      lost: null,
    },
    {
      id: 'm@H1',
      msg: 'm',
      kind: 'data',
      from: 'R1',
      src: 'L1',
      to: 'H1',
      sentAt: 4,
      sentStep: 2,
      arriveAt: 5,
      arriveStep: 3,
      lost: null,
    },
    {
      id: 'm@H2',
      msg: 'm',
      kind: 'data',
      from: 'R1',
      src: 'L1',
      to: 'H2',
      sentAt: 4,
      sentStep: 2,
      arriveAt: 5,
      arriveStep: 4,
      lost: null,
    },
  ],
  states: [{ step: 1, node: 'H1', state: { kind: 'host', joined: ['G'] } }],
  endTime: 5,
  truncated: false,
} as unknown as Trace;

describe('packetsAt', () => {
  it('draws a copy at (now − sentAt)/(arriveAt − sentAt) along its link, forwards and back', () => {
    // Cursor 2 shows the join at time 2: R1's copy is half way (2 of 4 ticks) toward L1.
    const [p] = packetsAt(trace, 2, layout);
    const link = linkBetween(layout, 'R1', 'L1')!;
    expect(p!.copy).toBe('m@L1');
    expect(p!.f).toBeCloseTo(0.5, 6);
    expect(p!.x).toBeCloseTo((link.pax + link.pbx) / 2, 6);
    // Before the send is shown, nothing is on the wire; after every arrival, nothing either.
    expect(packetsAt(trace, 0, layout)).toEqual([]);
    expect(packetsAt(trace, 5, layout)).toEqual([]);
  });
  it('keeps an arrived-but-not-yet-shown copy at the far end', () => {
    const ps = packetsAt(trace, 4, layout);
    expect(ps.map((p) => p.copy)).toEqual(['m@H2']);
    expect(ps[0]!.f).toBe(1);
  });
});

describe('linkCounts, hostTallies, membersAt, treeLinks', () => {
  it('count the copies each link carried up to the cursor', () => {
    expect(linkCounts(trace, 1, layout)).toEqual({ 'R1-L1': { data: 1, control: 0 } });
    expect(linkCounts(trace, 5, layout)).toEqual({
      'R1-L1': { data: 1, control: 0 },
      'H1-L1': { data: 1, control: 0 },
      'H2-L1': { data: 1, control: 0 },
    });
  });
  it('mark which hosts delivered and which filtered, as of the cursor', () => {
    expect(hostTallies(trace, 4)).toEqual({
      H1: { received: 1, discarded: 0, filtered: 0, last: 'received' },
    });
    expect(hostTallies(trace, 5).H2).toEqual({ received: 0, discarded: 0, filtered: 1, last: 'filtered' });
  });
  it('read group membership from the snapshots before the cursor', () => {
    expect(membersAt(trace, 1)).toEqual({});
    expect(membersAt(trace, 2)).toEqual({ H1: ['G'] });
  });
  it('map tree edges onto links, by link id or by the sender’s link to a LAN', () => {
    expect(treeLinks(layout, [{ on: 'L1', from: 'R1' }])).toEqual(['R1-L1']);
    expect(treeLinks(layout, [{ on: 'H2-L1', from: 'L1' }])).toEqual(['H2-L1']);
  });
  it('class packets by kind for their colour', () => {
    expect(packetClass('query')).toBe('igmp-query');
    expect(packetClass('pim-graft-ack')).toBe('pim-graft-ack');
    expect(packetClass('pim-join-prune')).toBe('pim-join');
    expect(packetClass('xyz')).toBe('other');
  });
});
