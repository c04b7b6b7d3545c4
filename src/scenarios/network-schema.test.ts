import { describe, expect, it } from 'vitest';
import modes from './examples/network-modes.json';
import { validateScenario } from './validate';

type Json = Record<string, unknown>;
const clone = (): Json => JSON.parse(JSON.stringify(modes)) as Json;
const errorsOf = (data: unknown) => {
  const v = validateScenario(data);
  return v.ok ? [] : v.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('network scenario validation: every error names its field', () => {
  it('accepts the example', () => {
    expect(errorsOf(modes)).toEqual([]);
  });

  it.each<[string, (s: Json) => void, string]>([
    [
      'an unknown node in a link',
      (s) => (s.topology as { links: Json[] }).links.push({ a: 'R1', b: 'R7', latency: 1 }),
      'topology.links[12].b: "R7" is not a host, router or LAN',
    ],
    [
      'a duplicate id',
      (s) => (s.topology as { routers: Json[] }).routers.push({ id: 'H1', x: 0, y: 0 }),
      'topology.hosts[1].id: duplicate id "H1" (also routers[3])',
    ],
    [
      'a host on two LANs',
      (s) => (s.topology as { links: Json[] }).links.push({ a: 'H1', b: 'L2', latency: 1 }),
      'topology.links[12]: host "H1" is already on LAN "L1"',
    ],
    [
      'a latency of 0',
      (s) => ((s.topology as { links: Json[] }).links[0]!.latency = 0),
      'topology.links[0].latency',
    ],
    [
      'a group address that is not class D',
      (s) => ((s.groups as Json[])[0]!.address = '10.1.1.1'),
      'groups[0].address: 10.1.1.1 is not a class D address',
    ],
    [
      'a bad octet',
      (s) => ((s.groups as Json[])[0]!.address = '239.1.1.256'),
      'groups[0].address: 256 is not an octet',
    ],
    [
      'a member that is not a host',
      (s) => ((s.groups as Json[])[0]!.members = ['R1']),
      'groups[0].members[0]: "R1" is not one of topology.hosts',
    ],
    [
      'a unicast without `to`',
      (s) => delete (s.actions as Json[])[0]!.to,
      'actions[0].to: a unicast send needs `to`',
    ],
    [
      'a field a mode does not use',
      (s) => ((s.actions as Json[])[4]!.group = 'G'),
      'actions[4].group: a broadcast send has no `group`',
    ],
    [
      'an unknown group',
      (s) => ((s.actions as Json[])[3]!.group = 'Z'),
      'actions[3].group: "Z" is not one of groups',
    ],
    [
      'a repeated message id',
      (s) => ((s.actions as Json[])[1]!.msg = 'uni'),
      'actions[1].msg: message id "uni" is used twice',
    ],
    [
      'a message id IGMP keeps for itself',
      (s) => ((s.actions as Json[])[1]!.msg = 'query.x'),
      'kept for IGMP messages',
    ],
    [
      'an anycast sender that is a replica',
      (s) => ((s.actions as Json[])[1]!.from = 'H3'),
      'actions[1].from: "H3" is itself a replica of DNS',
    ],
    ['an unknown mode', (s) => ((s.actions as Json[])[0]!.mode = 'shout'), 'actions[0].mode'],
    [
      'a hierarchy without subgroups',
      (s) => {
        (s.groups as Json[])[0]!.coordinator = 'H2';
        (s.actions as Json[])[3]!.mode = 'hierarchy';
      },
      'actions[3].group: group "G" has no subgroups',
    ],
    [
      'a hierarchy that misses a member',
      (s) => {
        (s.groups as Json[])[0]!.coordinator = 'H2';
        (s.groups as Json[])[0]!.subgroups = [{ coordinator: 'H3', members: [] }];
      },
      'groups[0].members[2]: "H4" is in no subgroup',
    ],
    [
      'IGMP timers out of range',
      (s) => (s.igmp = { queryResponseInterval: 30 }),
      'igmp.queryResponseInterval',
    ],
  ])('rejects %s', (_, edit, message) => {
    const s = clone();
    edit(s);
    expect(errorsOf(s).join('\n')).toContain(message);
  });
});
