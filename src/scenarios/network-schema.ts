import { z } from 'zod';
import { isClassD, parseIpv4 } from '../protocols/address/ipv4';
import { type TopologyInput, topologyProblems } from '../protocols/net/topology';
import { MODES } from '../protocols/net/vocabulary';

/**
 * The network lab's scenario (`lab: "network"`): a topology of hosts, LANs, routers and links;
 * groups and anycast addresses; optional IGMP; and what the hosts do, when. Built by a function
 * of the shared pieces of schema.ts (ids, interventions) so the two files do not import each
 * other at run time.
 */

const Time = z.number().int().min(0).max(1_000_000);
const Coord = z.number().min(-10_000).max(10_000);

/** Message ids IGMP messages take for themselves (`query.R1.3`, `report.H2.1`, `leave.H2.2`). */
const IGMP_IDS = /^(query|report|leave|pim)\./;

export function networkScenario<I extends z.ZodType, T extends z.ZodType, V extends number>(shared: {
  Id: z.ZodString;
  Intervention: I;
  Title: T;
  version: V;
}) {
  const { Id } = shared;
  const Nic = z
    .object({
      exactEntries: z
        .number()
        .int()
        .min(1)
        .max(64)
        .optional()
        .describe('Exact-match entries of the card, its own address included. Default 16 (Intel 82546EB).'),
      hashBits: z
        .literal([64, 128, 256, 512, 1024, 2048, 4096])
        .optional()
        .describe('Bits of the multicast hash filter. Default 4096 (Intel 82546EB).'),
      promiscuous: z
        .enum(['off', 'multicast', 'all'])
        .optional()
        .describe('`multicast`: take in every multicast frame; `all`: every frame. Default `off`.'),
    })
    .strict();
  const IgmpVersion = z
    .literal([1, 2])
    .optional()
    .describe('IGMP version this node runs: 1 (RFC 1112) or 2 (RFC 2236). Default 2.');
  const Topology = z
    .object({
      lans: z
        .array(
          z
            .object({
              id: Id.describe('LAN id (`L1`).'),
              subnet: z.string().max(18).describe("The LAN's IPv4 subnet, `10.0.1.0/24`."),
              x: Coord.describe('Layout position.'),
              y: Coord,
            })
            .strict(),
        )
        .max(100)
        .describe('Ethernet segments: every frame sent on one reaches every station on it.'),
      routers: z
        .array(z.object({ id: Id, x: Coord, y: Coord, igmp: IgmpVersion }).strict())
        .max(250)
        .describe('Routers: forward by shortest paths; run IGMP on their LANs when the scenario has `igmp`.'),
      hosts: z
        .array(
          z
            .object({
              id: Id,
              x: Coord,
              y: Coord,
              igmp: IgmpVersion,
              nic: Nic.optional().describe("The Ethernet card's filters."),
            })
            .strict(),
        )
        .max(500)
        .describe('Hosts: each attached to exactly one LAN by a link.'),
      links: z
        .array(
          z
            .object({
              id: Id.optional().describe('Link id; default `a-b`.'),
              a: Id.describe('One end: a host, router or LAN.'),
              b: Id.describe('The other end. Allowed pairs: host–LAN, router–LAN, router–router.'),
              latency: z.number().int().min(1).max(1000).describe('Ticks a copy takes to cross.'),
              cost: z
                .number()
                .int()
                .min(1)
                .max(1_000_000)
                .optional()
                .describe('Routing cost; default the latency.'),
              ip: z
                .string()
                .max(15)
                .optional()
                .describe("Host–LAN or router–LAN: the station's address; default chosen from the subnet."),
              subnet: z
                .string()
                .max(18)
                .optional()
                .describe("Router–router: the link's /30 or /31; default from 172.16.0.0/12."),
              loss: z
                .number()
                .min(0)
                .max(1)
                .optional()
                .describe('Probability that a copy is lost. Default 0.'),
            })
            .strict(),
        )
        .max(1000),
    })
    .strict();

  const Group = z
    .object({
      id: Id.describe('Group id (`G1`, `ch1`).'),
      address: z.string().max(15).describe('Its class D address, `239.1.1.1`.'),
      members: z
        .array(Id)
        .max(500)
        .default([])
        .describe(
          'Hosts in the group: members from the start without IGMP; hosts that join at time 0 with IGMP.',
        ),
      coordinator: Id.optional().describe('The group coordinator (and root of a hierarchy of coordinators).'),
      subgroups: z
        .array(z.object({ coordinator: Id, members: z.array(Id).max(500) }).strict())
        .max(50)
        .optional()
        .describe("A hierarchy of coordinators: each subgroup's coordinator and its members."),
    })
    .strict();

  const Anycast = z
    .object({
      id: Id.describe('Anycast service id (`DNS`).'),
      address: z.string().max(15).describe('The address every replica answers to.'),
      replicas: z.array(Id).min(1).max(50).describe('Hosts that are identical replicas.'),
    })
    .strict();

  const Igmp = z
    .object({
      ticksPerSecond: z
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(8)
        .describe(
          "Classroom time: ticks per RFC second (default 8, 1 tick = 1/8 s). All timers keep the RFC's ratios.",
        ),
      robustness: z.number().int().min(1).max(10).optional().describe('RFC 2236 §8.1; default 2.'),
      queryInterval: z.number().min(1).max(3600).optional().describe('§8.2, seconds; default 125.'),
      queryResponseInterval: z.number().min(0.1).max(25.5).optional().describe('§8.3, seconds; default 10.'),
      lastMemberQueryInterval: z.number().min(0.1).max(25.5).optional().describe('§8.8, seconds; default 1.'),
      unsolicitedReportInterval: z
        .number()
        .min(0.1)
        .max(3600)
        .optional()
        .describe('§8.10, seconds; default 10.'),
      version1RouterPresentTimeout: z
        .number()
        .min(1)
        .max(3600)
        .optional()
        .describe('§8.11, seconds; default 400.'),
    })
    .strict();

  const Seconds = z.number().min(0.1).max(3600).optional();
  const Pim = z
    .object({
      mode: z
        .enum(['dense', 'sparse'])
        .describe(
          'PIM dense mode (RFC 3973: flood and prune) or sparse mode (RFC 7761: joins toward a rendezvous point).',
        ),
      rp: Id.optional().describe(
        'Sparse mode: the rendezvous point, one of topology.routers (for every group). Required in sparse mode.',
      ),
      sptSwitch: z
        .union([
          z.enum(['immediate', 'never']),
          z.object({ packets: z.number().int().min(1).max(10_000) }).strict(),
        ])
        .optional()
        .describe(
          "Sparse mode: when a last-hop router switches to the source's shortest-path tree: on the first packet (`immediate`, default), `never`, or after `{ packets: n }` down the RP tree.",
        ),
      stateRefresh: z
        .boolean()
        .optional()
        .describe(
          'Dense mode: the first-hop router sends State Refresh every RefreshInterval, keeping prunes alive (RFC 3973 §4.5). Default true.',
        ),
      ticksPerSecond: z
        .number()
        .int()
        .min(1)
        .max(1000)
        .optional()
        .describe(
          "Classroom time for PIM's timers: ticks per RFC second. Default the `igmp` section's, else 8.",
        ),
      timers: z
        .object({
          graftRetryPeriod: Seconds.describe('RFC 3973 §4.8; default 3 s.'),
          overrideInterval: Seconds.describe('Override_Interval; default 2.5 s.'),
          propagationDelay: Seconds.describe('Propagation_Delay; default 0.5 s.'),
          tLimit: Seconds.describe('RFC 3973 t_limit and Prune Hold Time; default 210 s.'),
          assertTime: Seconds.describe('Assert_Time; default 180 s.'),
          refreshInterval: Seconds.describe('RFC 3973 StateRefreshInterval; default 60 s.'),
          sourceLifetime: Seconds.describe('RFC 3973 SourceLifetime; default 210 s.'),
          tPeriodic: Seconds.describe('RFC 7761 t_periodic; default 60 s.'),
          jpHoldTime: Seconds.describe('RFC 7761 J/P_HoldTime; default 210 s.'),
          keepalivePeriod: Seconds.describe('RFC 7761 Keepalive_Period; default 210 s.'),
          registerSuppressionTime: Seconds.describe('RFC 7761 Register_Suppression_Time; default 60 s.'),
          registerProbeTime: Seconds.describe('RFC 7761 Register_Probe_Time; default 5 s.'),
        })
        .strict()
        .optional()
        .describe("Timer values in seconds; each defaults to the RFC's."),
      preference: z
        .record(Id, z.number().int().min(0).max(255))
        .optional()
        .describe('Assert metric preference per router id (lower wins an Assert); default 110.'),
    })
    .strict();

  const Send = z
    .object({
      type: z.literal('send').describe('Host `from` sends message `msg` in a communication mode.'),
      at: Time,
      from: Id,
      msg: Id.describe('Message id, unique in the scenario.'),
      mode: z.enum(MODES).describe('How it is sent: unicast, anycast, netcast, multicast, broadcast, …'),
      to: Id.optional().describe('unicast: the receiving host.'),
      group: Id.optional().describe(
        'netcast, multicast, broadcast-filter, coordinator, hierarchy: the group.',
      ),
      anycast: Id.optional().describe('anycast: the service.'),
      lan: Id.optional().describe('directed-broadcast: the LAN whose subnet it is for.'),
    })
    .strict();
  const Join = z
    .object({
      type: z.literal('join').describe('Host joins a group (IGMP reports it).'),
      at: Time,
      host: Id,
      group: Id,
    })
    .strict();
  const Leave = z
    .object({
      type: z.literal('leave').describe('Host leaves a group (IGMPv2 sends a Leave).'),
      at: Time,
      host: Id,
      group: Id,
    })
    .strict();
  const Stream = z
    .object({
      type: z
        .literal('stream')
        .describe('A multicast stream (an IPTV channel): `count` packets, one every `every` ticks.'),
      at: Time,
      from: Id,
      group: Id,
      id: Id.describe('Stream id; its packets are `id.1`, `id.2`, …'),
      every: z.number().int().min(1).max(100_000),
      count: z.number().int().min(1).max(2000),
    })
    .strict();
  const Raw = z
    .object({
      type: z.literal('igmp-raw').describe('A host sends raw IGMP bytes (valid or not) to `dst`.'),
      at: Time,
      node: Id,
      msg: Id,
      dst: z.string().max(15),
      bytes: z.array(z.number().int().min(0).max(255)).max(64),
    })
    .strict();
  const Action = z.discriminatedUnion('type', [Send, Join, Leave, Stream, Raw]);

  return z
    .object({
      version: z.literal(shared.version).describe('Format version.'),
      lab: z
        .literal('network')
        .describe('A network of hosts, LANs and routers: communication modes, addressing, IGMP.'),
      title: shared.Title.optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(4294967295)
        .describe("Seed of the simulation's only random generator."),
      topology: Topology,
      groups: z.array(Group).max(100).default([]),
      anycast: z.array(Anycast).max(20).default([]),
      igmp: Igmp.optional().describe(
        'Run IGMP: routers query their LANs, hosts report; without it membership is static.',
      ),
      ttl: z.number().int().min(1).max(255).optional().describe('TTL of data packets; default 32.'),
      pim: Pim.optional().describe(
        'Run PIM on every router (dense or sparse mode); without it routers forward along the converged source tree.',
      ),
      actions: z.array(Action).max(2000),
      interventions: z.array(shared.Intervention).max(1000).default([]),
      maxTime: Time.optional().describe(
        'Stop at this time. Default: when nothing is left; with IGMP, 2 Query Intervals after the last action.',
      ),
    })
    .strict()
    .superRefine((s, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      const t = s.topology as TopologyInput;
      for (const p of topologyProblems(t)) issue(p.path, p.message);
      const hosts = new Set(t.hosts.map((h) => h.id));
      const lans = new Set(t.lans.map((l) => l.id));
      const isHost = (id: string, path: (string | number)[]) => {
        if (!hosts.has(id)) issue(path, `"${id}" is not one of topology.hosts`);
      };
      if (s.pim) {
        const routers = new Set(t.routers.map((r) => r.id));
        const { mode, rp } = s.pim;
        if (mode === 'sparse' && rp === undefined)
          issue(
            ['pim', 'rp'],
            'no rendezvous point configured: sparse mode needs `pim.rp`, one of topology.routers',
          );
        if (rp !== undefined && mode === 'dense')
          issue(['pim', 'rp'], 'dense mode has no rendezvous point: remove `pim.rp`');
        if (rp !== undefined && !routers.has(rp))
          issue(['pim', 'rp'], `"${rp}" is not one of topology.routers`);
        if (mode === 'dense' && s.pim.sptSwitch !== undefined)
          issue(['pim', 'sptSwitch'], 'the SPT switch is a sparse-mode setting');
        if (mode === 'sparse' && s.pim.stateRefresh !== undefined)
          issue(['pim', 'stateRefresh'], 'State Refresh is a dense-mode setting');
        for (const r of Object.keys(s.pim.preference ?? {}))
          if (!routers.has(r)) issue(['pim', 'preference', r], `"${r}" is not one of topology.routers`);
      }

      const groups = new Map<string, (typeof s.groups)[number]>();
      const addrs = new Map<number, number>();
      s.groups.forEach((g, i) => {
        if (groups.has(g.id)) issue(['groups', i, 'id'], `duplicate group id "${g.id}"`);
        groups.set(g.id, g);
        const a = parseIpv4(g.address);
        if (!a.ok) issue(['groups', i, 'address'], a.error.en);
        else if (!isClassD(a.value))
          issue(
            ['groups', i, 'address'],
            `${g.address} is not a class D address: its first four bits must be 1110 (224.0.0.0/4)`,
          );
        else if (addrs.has(a.value))
          issue(['groups', i, 'address'], `groups[${addrs.get(a.value)}] has this address already`);
        else addrs.set(a.value, i);
        g.members.forEach((m, j) => {
          isHost(m, ['groups', i, 'members', j]);
        });
        if (g.coordinator) isHost(g.coordinator, ['groups', i, 'coordinator']);
        if (g.subgroups) {
          if (!g.coordinator) issue(['groups', i, 'subgroups'], 'a hierarchy needs a root `coordinator`');
          const covered = new Set<string>([g.coordinator ?? '']);
          g.subgroups.forEach((sub, k) => {
            isHost(sub.coordinator, ['groups', i, 'subgroups', k, 'coordinator']);
            covered.add(sub.coordinator);
            sub.members.forEach((m, j) => {
              isHost(m, ['groups', i, 'subgroups', k, 'members', j]);
              covered.add(m);
            });
          });
          g.members.forEach((m, j) => {
            if (!covered.has(m))
              issue(
                ['groups', i, 'members', j],
                `"${m}" is in no subgroup: the hierarchy of coordinators would never reach it`,
              );
          });
        }
      });

      const anycast = new Map<string, (typeof s.anycast)[number]>();
      s.anycast.forEach((a, i) => {
        if (anycast.has(a.id)) issue(['anycast', i, 'id'], `duplicate anycast id "${a.id}"`);
        anycast.set(a.id, a);
        const ip = parseIpv4(a.address);
        if (!ip.ok) issue(['anycast', i, 'address'], ip.error.en);
        else if (isClassD(ip.value) || ip.value === 0xffffffff)
          issue(
            ['anycast', i, 'address'],
            'an anycast address is a unicast address, not class D or broadcast',
          );
        a.replicas.forEach((r, j) => {
          isHost(r, ['anycast', i, 'replicas', j]);
        });
      });

      const msgs = new Map<string, string>();
      const claim = (id: string, path: (string | number)[]) => {
        if (IGMP_IDS.test(id))
          issue(
            path,
            `message ids starting with query., report. or leave. are kept for IGMP messages (and pim. for PIM messages)`,
          );
        else if (msgs.has(id)) issue(path, `message id "${id}" is used twice (also ${msgs.get(id)})`);
        else msgs.set(id, path.join('.'));
      };
      const groupOf = (id: string | undefined, path: (string | number)[]) => {
        const g = id === undefined ? undefined : groups.get(id);
        if (id !== undefined && !g) issue(path, `"${id}" is not one of groups`);
        return g;
      };
      const NEEDS: Record<(typeof MODES)[number], ('to' | 'group' | 'anycast' | 'lan')[]> = {
        unicast: ['to'],
        anycast: ['anycast'],
        netcast: ['group'],
        multicast: ['group'],
        broadcast: [],
        'directed-broadcast': ['lan'],
        'broadcast-filter': ['group'],
        coordinator: ['group'],
        hierarchy: ['group'],
      };
      s.actions.forEach((a, i) => {
        const p = (f: string) => ['actions', i, f];
        switch (a.type) {
          case 'send': {
            isHost(a.from, p('from'));
            claim(a.msg, p('msg'));
            const needs = NEEDS[a.mode];
            for (const f of ['to', 'group', 'anycast', 'lan'] as const) {
              if (needs.includes(f) && a[f] === undefined) issue(p(f), `a ${a.mode} send needs \`${f}\``);
              if (!needs.includes(f) && a[f] !== undefined) issue(p(f), `a ${a.mode} send has no \`${f}\``);
            }
            if (a.to !== undefined) {
              isHost(a.to, p('to'));
              if (a.to === a.from) issue(p('to'), 'a host does not send to itself');
            }
            if (a.lan !== undefined && !lans.has(a.lan))
              issue(p('lan'), `"${a.lan}" is not one of topology.lans`);
            if (a.anycast !== undefined) {
              const any = anycast.get(a.anycast);
              if (!any) issue(p('anycast'), `"${a.anycast}" is not one of anycast`);
              else if (any.replicas.includes(a.from))
                issue(p('from'), `"${a.from}" is itself a replica of ${any.id}`);
            }
            const g = groupOf(a.group, p('group'));
            if (g && (a.mode === 'coordinator' || a.mode === 'hierarchy') && !g.coordinator)
              issue(p('group'), `group "${g.id}" has no coordinator`);
            if (g && a.mode === 'hierarchy' && !g.subgroups)
              issue(p('group'), `group "${g.id}" has no subgroups`);
            break;
          }
          case 'join':
          case 'leave':
            isHost(a.host, p('host'));
            groupOf(a.group, p('group'));
            break;
          case 'stream':
            isHost(a.from, p('from'));
            groupOf(a.group, p('group'));
            for (let n = 1; n <= a.count; n++) claim(`${a.id}.${n}`, p('id'));
            break;
          case 'igmp-raw': {
            isHost(a.node, p('node'));
            claim(a.msg, p('msg'));
            const ip = parseIpv4(a.dst);
            if (!ip.ok) issue(p('dst'), ip.error.en);
            break;
          }
        }
      });
    });
}
