import type { AnyMachineSnapshot } from 'xstate';
import { initialTransition } from 'xstate';
import type { Effects, NodeHost, NodeInput } from '../../sim/engine';
import { type NodeId, nodeId } from '../../sim/ids';
import { formatIpv4, isClassD, LIMITED_BROADCAST } from '../address/ipv4';
import { BROADCAST_MAC, isGroupMac, multicastMac } from '../address/mac';
import { drive, type MachineAction } from '../igmp/drive';
import { decodeIgmp, encodeIgmp, type IgmpMessage, igmpDestination } from '../igmp/packets';
import { type GroupEvent, igmpGroupMachine, igmpQuerierMachine, type QuerierEvent } from '../igmp/router';
import { maxRespTicks } from '../igmp/timers';
import { createPimRouter } from '../pim';
import type { PimRouter, TimerData } from '../pim/router';
import type { NetAction } from './actions';
import { IGMP_KIND_LABEL, igmpTraceKind } from './igmp-wire';
import { type Iface, type RouterInfo, stationOn } from './topology';
import type { Reason } from './vocabulary';
import { type IpPacket, transmit, type Wire, type World } from './world';

/**
 * A router: forwards unicast by its routing table (longest prefix match), multicast along the
 * source's tree, never forwards a limited broadcast or a 224.0.0.x group, turns a directed
 * broadcast into a LAN broadcast on its subnet, and runs IGMP on each LAN (RFC 2236 §7): a
 * querier machine per LAN and a membership machine per (LAN, group).
 *
 * Like every multicast router (RFC 1112 §7.2), its LAN interfaces take in every multicast frame.
 */
export class RouterNode implements NodeHost<NetAction> {
  readonly id: NodeId;
  private readonly info: RouterInfo;
  private readonly querier = new Map<string, AnyMachineSnapshot>();
  private readonly groups = new Map<string, Map<number, AnyMachineSnapshot>>();
  private sent = 0;
  private fx!: Effects;
  /** PIM dense or sparse mode (src/protocols/pim), when the scenario runs it. */
  private readonly pim: PimRouter | null;

  constructor(
    private readonly w: World,
    id: string,
  ) {
    this.id = nodeId(id);
    this.info = w.net.routers.get(id)!;
    this.pim = createPimRouter(w, id);
  }

  private lanIfaces(): Iface[] {
    return this.info.ifaces.filter((i) => this.w.net.kind.get(i.peer) === 'lan');
  }

  handle(input: NodeInput<NetAction>, fx: Effects): void {
    this.fx = fx;
    if (input.type === 'action') {
      if (input.action.type === 'start') {
        if (this.w.igmp) for (const i of this.lanIfaces()) this.querierEvent(i.peer, { type: 'start' });
        this.pim?.start(fx);
      }
      return;
    }
    if (input.type === 'timer') {
      this.timer(input.id, input.data as { lan: string; group?: number });
      return;
    }
    const wire = input.payload as Wire;
    const came = input.copy.src as string;
    const iface = this.info.ifaces.find((i) => i.peer === came)!;
    const p = wire.packet;
    const msg = input.copy.msg as string;
    if (wire.l2) {
      const dst = wire.l2.dst;
      if (dst !== iface.mac && dst !== BROADCAST_MAC && !isGroupMac(dst)) {
        this.fx.record({
          type: 'filter',
          msg: input.copy.msg,
          from: input.copy.from,
          detail: { stage: 'nic', reason: 'not-for-this-card', dstMac: dst },
        });
        return;
      }
    }
    this.fx.record({
      type: 'receive',
      msg: input.copy.msg,
      from: input.copy.from,
      detail: { iface: iface.link, on: came },
    });
    if (p.proto === 'igmp') {
      if (wire.l2) this.igmpReceive(iface, p, msg);
      return;
    }
    if (p.proto === 'pim') {
      this.pim?.receive(p, came, this.fx);
      return;
    }
    if (this.info.ifaces.some((i) => i.ip === p.dst)) {
      this.fx.record({
        type: 'deliver',
        msg: input.copy.msg,
        from: input.copy.from,
        detail: { mode: p.mode },
      });
      return;
    }
    if (p.dst === LIMITED_BROADCAST) {
      this.discard(p, 'limited-broadcast');
      return;
    }
    if (isClassD(p.dst)) this.multicast(p, came);
    else this.unicast(p, came);
  }

  private discard(p: IpPacket, reason: Reason): void {
    this.fx.record({
      type: 'discard',
      msg: p.id as never,
      from: nodeId(p.origin),
      detail: { stage: 'router', reason },
    });
  }

  /** Send on one interface: a copy over a point-to-point link, or a frame on a LAN. */
  private out(
    iface: Iface,
    p: IpPacket,
    dstMac: string | null,
    label: string,
    detail: Record<string, unknown> = {},
  ): void {
    const lan = this.w.net.kind.get(iface.peer) === 'lan';
    transmit(this.fx, {
      to: iface.peer,
      on: lan ? iface.peer : iface.link,
      role: 'forward',
      packet: p,
      l2: lan ? { src: iface.mac, dst: dstMac ?? BROADCAST_MAC } : null,
      kind: 'data',
      label,
      detail,
    });
  }

  private unicast(p: IpPacket, came: string): void {
    const w = this.w;
    // RFC 1812 §5.3.5.2: a directed broadcast for an attached subnet goes out as a link-layer
    // broadcast there, unless it was heard on that subnet already.
    const subnet = this.lanIfaces().find((i) => w.net.lans.get(i.peer)!.broadcast === p.dst);
    if (subnet) {
      if (came === subnet.peer) {
        this.discard(p, 'on-its-subnet');
        return;
      }
      if (p.ttl <= 1) {
        this.discard(p, 'ttl-expired');
        return;
      }
      this.out(subnet, { ...p, ttl: p.ttl - 1 }, BROADCAST_MAC, formatIpv4(p.dst));
      return;
    }
    const route = w.routing.lookup(this.id, p.dst);
    if (!route) {
      this.discard(p, 'no-route');
      return;
    }
    const iface = this.info.ifaces.find((i) => i.link === route.iface)!;
    const lan = w.net.lans.get(iface.peer);
    if (lan && route.nextHop === null) {
      const target = route.replica ? w.net.hosts.get(route.replica)?.iface : stationOn(w.net, lan.id, p.dst);
      if (!target) {
        this.discard(p, 'no-such-host');
        return;
      }
      if (p.ttl <= 1) {
        this.discard(p, 'ttl-expired');
        return;
      }
      this.out(iface, { ...p, ttl: p.ttl - 1 }, target.mac, `→${target.node}`);
      return;
    }
    if (p.ttl <= 1) {
      this.discard(p, 'ttl-expired');
      return;
    }
    const nh = route.nextHop
      ? w.net.routers.get(route.nextHop)?.ifaces.find((i) => i.peer === iface.peer || i.link === iface.link)
      : null;
    this.out(iface, { ...p, ttl: p.ttl - 1 }, nh?.mac ?? null, route.replica ?? `→${formatIpv4(p.dst)}`);
  }

  /** Forward along the source's tree; onto a leaf LAN only while it has members. */
  private multicast(p: IpPacket, came: string): void {
    // IANA's Local Network Control Block (224.0.0.0/24) is link-local: never forwarded.
    if (p.dst >>> 8 === 0xe00000) {
      this.discard(p, 'link-local-group');
      return;
    }
    // With PIM the router's own machines decide: RPF check, olist, prunes, asserts, registers.
    if (this.pim) {
      this.pim.data(p, came, this.fx);
      return;
    }
    const tree = this.w.tree(p.origin, p.dst);
    const parent = tree.parent.get(this.id);
    if (parent === undefined) {
      this.discard(p, 'not-on-tree');
      return;
    }
    if (parent !== came) {
      this.discard(p, 'wrong-interface');
      return;
    }
    if (p.ttl <= 1) {
      this.discard(p, 'ttl-expired');
      return;
    }
    const label = this.w.groupLabel(p.dst);
    let sent = 0;
    for (const child of tree.children.get(this.id) ?? []) {
      const iface = this.info.ifaces.find((i) => i.peer === child)!;
      const lan = this.w.net.kind.get(child) === 'lan';
      if (lan && !this.wanted(child, p.dst, tree.children.get(child) ?? [])) continue;
      this.out(iface, { ...p, ttl: p.ttl - 1 }, lan ? multicastMac(p.dst) : null, label, { group: label });
      sent++;
    }
    if (sent === 0) this.discard(p, 'no-members-downstream');
  }

  /** A LAN child of the tree gets the packet if routers beyond it need it, or (IGMP) members are present. */
  private wanted(lan: string, group: number, below: readonly string[]): boolean {
    if (!this.w.igmp) return true;
    if (below.some((v) => this.w.net.kind.get(v) === 'router')) return true;
    const s = this.groups.get(lan)?.get(group);
    return s !== undefined && s.value !== 'No Members Present';
  }

  // ─── IGMP (RFC 2236 §7) ────────────────────────────────────────────────────────────────

  private isQuerier(lan: string): boolean {
    return this.querier.get(lan)?.value === 'Querier';
  }

  private record(
    machine: string,
    lan: string,
    from: string,
    to: string,
    event: string,
    actions: MachineAction[],
    group?: number,
  ) {
    this.fx.record({
      type: 'transition',
      detail: {
        machine,
        lan,
        ...(group !== undefined ? { group: this.w.groupLabel(group) } : {}),
        from,
        to,
        event,
        actions: actions.map((a) => a.type),
      },
    });
  }

  private querierEvent(lan: string, e: QuerierEvent): void {
    const iface = this.info.ifaces.find((i) => i.peer === lan)!;
    const snap =
      this.querier.get(lan) ??
      (initialTransition(igmpQuerierMachine, {
        self: iface.ip,
        version: this.info.igmp,
        timers: this.w.igmp!,
      })[0] as AnyMachineSnapshot);
    const r = drive(igmpQuerierMachine, snap, e);
    if (!r.handled) return;
    this.querier.set(lan, r.snap);
    this.record('querier', lan, snap.value as string, r.snap.value as string, e.type, r.actions);
    const t = this.w.igmp!;
    for (const a of r.actions) {
      const after = (a.params as { after?: number } | undefined)?.after ?? 0;
      if (a.type === 'send general query')
        this.sendIgmp(iface, {
          kind: 'query',
          layout: this.info.igmp === 1 ? 1 : 2,
          maxResp: this.info.igmp === 1 ? 0 : t.queryResponseTenths,
          group: 0,
        });
      else if (a.type === 'set gen. q. timer') this.fx.setTimer(`gq:${lan}`, after, { lan });
      else if (a.type === 'set other querier present timer') this.fx.setTimer(`oqp:${lan}`, after, { lan });
    }
  }

  private groupEvent(lan: string, group: number, e: GroupEvent): boolean {
    const map = this.groups.get(lan) ?? new Map<number, AnyMachineSnapshot>();
    this.groups.set(lan, map);
    const snap =
      map.get(group) ??
      (initialTransition(igmpGroupMachine, {
        group,
        version: this.info.igmp,
        timers: this.w.igmp!,
      })[0] as AnyMachineSnapshot);
    const r = drive(igmpGroupMachine, snap, e);
    if (!r.handled) return false;
    map.set(group, r.snap);
    this.record('group', lan, snap.value as string, r.snap.value as string, e.type, r.actions, group);
    const key = `${lan}:${group}`;
    const iface = this.info.ifaces.find((i) => i.peer === lan)!;
    for (const a of r.actions) {
      const after = (a.params as { after?: number } | undefined)?.after ?? 0;
      switch (a.type) {
        case 'notify routing +':
        case 'notify routing -':
          this.fx.record({
            type: 'notify',
            detail: { change: a.type.endsWith('+') ? '+' : '-', lan, group: this.w.groupLabel(group) },
          });
          this.pim?.membership(lan, group, a.type.endsWith('+'), this.fx);
          break;
        case 'start timer':
        case 'start timer*':
          this.fx.setTimer(`mem:${key}`, after, { lan, group });
          break;
        case 'start retransmit timer':
          this.fx.setTimer(`rxmt:${key}`, after, { lan, group });
          break;
        case 'clear retransmit timer':
          this.fx.cancelTimer(`rxmt:${key}`);
          break;
        case 'start v1 host timer':
          this.fx.setTimer(`v1h:${key}`, after, { lan, group });
          break;
        case 'send g-s query':
          this.sendIgmp(iface, {
            kind: 'query',
            layout: 2,
            maxResp: this.w.igmp!.lastMemberQueryTenths,
            group,
          });
          break;
      }
    }
    return true;
  }

  private timer(id: string, d: { lan: string; group?: number }): void {
    const kind = id.slice(0, id.indexOf(':'));
    if (kind === 'gq') this.querierEvent(d.lan, { type: 'gen. query timer expired' });
    else if (kind === 'oqp') this.querierEvent(d.lan, { type: 'other querier present timer expired' });
    else if (kind === 'mem') this.groupEvent(d.lan, d.group!, { type: 'timer expired' });
    else if (kind === 'rxmt') this.groupEvent(d.lan, d.group!, { type: 'retransmit timer expired' });
    else if (kind === 'v1h') this.groupEvent(d.lan, d.group!, { type: 'v1 host timer expired' });
    else if (kind === 'pim') this.pim?.timer(d as unknown as TimerData, this.fx);
  }

  private sendIgmp(iface: Iface, m: IgmpMessage): void {
    const bytes = encodeIgmp(m);
    const dst = igmpDestination(m);
    const packet: IpPacket = {
      id: `query.${this.id}.${++this.sent}`,
      origin: this.id,
      src: iface.ip,
      dst,
      ttl: 1,
      proto: 'igmp',
      igmp: bytes,
    };
    const label =
      m.group === 0 ? IGMP_KIND_LABEL.query : `${IGMP_KIND_LABEL.query} ${this.w.groupLabel(m.group)}`;
    transmit(this.fx, {
      to: iface.peer,
      on: iface.peer,
      role: 'originate',
      packet,
      l2: { src: iface.mac, dst: multicastMac(dst) },
      kind: igmpTraceKind(m),
      label,
      detail: { ...(m.group ? { group: this.w.groupLabel(m.group) } : {}), bytes, layout: m.layout },
    });
  }

  private igmpReceive(iface: Iface, p: IpPacket, msg: string): void {
    const d = decodeIgmp(p.igmp ?? [], this.info.igmp);
    if (!d.ok) {
      this.fx.record({
        type: 'ignored',
        msg: msg as never,
        from: nodeId(p.origin),
        detail: { reason: d.reason, why: d.why },
      });
      return;
    }
    if (!this.w.igmp) return;
    const m = d.msg;
    const lan = iface.peer;
    const now = this.fx.now;
    switch (m.kind) {
      case 'query':
        this.querierEvent(lan, { type: 'query received', from: p.src });
        if (m.group !== 0 && this.groups.get(lan)?.has(m.group))
          this.groupEvent(lan, m.group, {
            type: 'group-specific query received',
            now,
            maxResp: maxRespTicks(m.maxResp, this.w.igmp.ticksPerSecond),
            querier: this.isQuerier(lan),
          });
        return;
      case 'v2-report':
        this.groupEvent(lan, m.group, { type: 'v2 report received', now });
        return;
      case 'v1-report':
        this.groupEvent(lan, m.group, { type: 'v1 report received', now });
        return;
      case 'leave': {
        const querier = this.isQuerier(lan);
        if (this.groupEvent(lan, m.group, { type: 'leave received', now, querier })) return;
        const state = this.groups.get(lan)?.get(m.group)?.value;
        const reason: Reason = !querier
          ? 'non-querier-ignores-leave'
          : state === 'Version 1 Members Present'
            ? 'v1-members-present'
            : 'no-members';
        this.fx.record({
          type: 'discard',
          msg: msg as never,
          from: nodeId(p.origin),
          detail: { stage: 'igmp', reason },
        });
        return;
      }
    }
  }

  view(): unknown {
    const querier: Record<string, unknown> = {};
    for (const [lan, s] of this.querier) querier[lan] = s.value;
    const groups: Record<string, Record<string, unknown>> = {};
    for (const [lan, map] of this.groups) {
      groups[lan] = {};
      for (const [g, s] of map)
        groups[lan][this.w.groupLabel(g)] = {
          state: s.value,
          timer: (s.context as { deadline: number | null }).deadline,
        };
    }
    return {
      kind: 'router',
      ...(this.w.igmp ? { querier, groups } : {}),
      ...(this.pim ? { pim: this.pim.view() } : {}),
    };
  }
}
