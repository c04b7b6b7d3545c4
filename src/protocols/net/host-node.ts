import type { AnyMachineSnapshot } from 'xstate';
import { initialTransition } from 'xstate';
import type { Effects, NodeHost, NodeInput } from '../../sim/engine';
import { type NodeId, nodeId } from '../../sim/ids';
import { formatIpv4, isClassD, LIMITED_BROADCAST } from '../address/ipv4';
import { BROADCAST_MAC, isGroupMac, type Mac, multicastMac } from '../address/mac';
import { driverWants, type NicState, nicFilter, programNic } from '../address/nic';
import { drive } from '../igmp/drive';
import { type HostGroupEvent, igmpHostMachine } from '../igmp/host';
import { ALL_SYSTEMS, decodeIgmp, encodeIgmp, type IgmpMessage, igmpDestination } from '../igmp/packets';
import { maxRespTicks } from '../igmp/timers';
import type { NetAction } from './actions';
import { IGMP_KIND_LABEL, igmpTraceKind } from './igmp-wire';
import type { HostInfo, LanInfo } from './topology';
import type { Reason } from './vocabulary';
import { type IpPacket, transmit, type Wire, type World } from './world';

/**
 * A host: an Ethernet card (exact table, hash filter, promiscuous modes), a driver that checks
 * what the card let through, IP, IGMP per joined group (RFC 2236 §6), and an application that
 * sends in every mode of the lecture and, as a coordinator, relays.
 */
export class HostNode implements NodeHost<NetAction> {
  readonly id: NodeId;
  private readonly info: HostInfo;
  private readonly lan: LanInfo;
  /** Groups the applications have joined, by address, in joining order. */
  private joined: number[] = [];
  private nic: NicState;
  private readonly igmp = new Map<number, AnyMachineSnapshot>();
  /** RFC 2236 §4: while an IGMPv1 query was heard recently, report as v1 and send no leave. */
  private v1RouterUntil: number | null = null;
  private readonly delivered = new Set<string>();
  private sent = 0;
  private fx!: Effects;

  constructor(
    private readonly w: World,
    id: string,
  ) {
    this.id = nodeId(id);
    this.info = w.net.hosts.get(id)!;
    this.lan = w.net.lans.get(this.info.lan)!;
    // Without IGMP the group members belong from the start; with it they join at time 0.
    if (!w.igmp) for (const g of w.groups) if (g.members.includes(id)) this.joined.push(g.address);
    this.nic = this.program();
  }

  /** The card listens for 224.0.0.1 (every IP multicast host belongs to it) and each joined group. */
  private program(): NicState {
    const macs = [multicastMac(ALL_SYSTEMS), ...this.joined.map(multicastMac)];
    return programNic(this.info.nic, this.info.iface.mac, macs);
  }

  private get v1Router(): boolean {
    return this.v1RouterUntil !== null && this.fx.now < this.v1RouterUntil;
  }

  handle(input: NodeInput<NetAction>, fx: Effects): void {
    this.fx = fx;
    if (input.type === 'action') this.act(input.action);
    else if (input.type === 'timer')
      this.igmpEvent(input.data as number, { type: 'timer expired', v1Router: this.v1Router });
    else this.receive(input.payload as Wire, input.copy.msg);
  }

  // ─── Application ──────────────────────────────────────────────────────────────────────────

  private act(a: NetAction): void {
    switch (a.type) {
      case 'send':
        this.send(a);
        return;
      case 'join':
      case 'leave':
        this.membership(a.type, this.w.groupById.get(a.group)!.address);
        return;
      case 'igmp-raw': {
        const packet = this.packet(a.msg, a.dst, 'igmp', { ttl: 1, igmp: a.bytes });
        this.frame(
          packet,
          isClassD(a.dst) ? multicastMac(a.dst) : BROADCAST_MAC,
          'originate',
          'igmp',
          'IGMP ?',
          {
            bytes: a.bytes,
          },
        );
        return;
      }
      case 'start':
        return;
    }
  }

  private packet(id: string, dst: number, proto: IpPacket['proto'], extra: Partial<IpPacket> = {}): IpPacket {
    return { id, origin: this.id, src: this.info.iface.ip, dst, ttl: this.w.ttl, proto, ...extra };
  }

  /** Put a packet on this host's LAN in a frame to `dstMac`. */
  private frame(
    packet: IpPacket,
    dstMac: Mac,
    role: 'originate' | 'relay',
    kind: string,
    label: string,
    detail: Record<string, unknown> = {},
  ): void {
    transmit(this.fx, {
      to: this.lan.id,
      on: this.lan.id,
      role,
      packet,
      l2: { src: this.info.iface.mac, dst: dstMac },
      kind,
      label,
      detail,
    });
  }

  /** A unicast to a host (or to an anycast address served by `target`), through a router if need be. */
  private unicastTo(packet: IpPacket, target: string, role: 'originate' | 'relay', label: string): void {
    const t = this.w.net.hosts.get(target);
    if (!t) return;
    if (t.lan === this.lan.id) {
      this.frame(packet, t.iface.mac, role, 'data', label);
      return;
    }
    const hop = this.w.routing.hop(this.id, target);
    const router = hop?.frameTo ? this.w.net.routers.get(hop.frameTo) : undefined;
    const mac = router?.ifaces.find((i) => i.peer === this.lan.id)?.mac;
    if (!mac) {
      this.discard(packet.id, packet.origin, 'app', 'no-route');
      return;
    }
    this.frame(packet, mac, role, 'data', label);
  }

  private send(a: Extract<NetAction, { type: 'send' }>): void {
    const w = this.w;
    const group = a.group ? w.groupById.get(a.group) : undefined;
    const others = (list: readonly string[]) => list.filter((m) => m !== this.id);
    switch (a.mode) {
      case 'unicast': {
        const t = w.net.hosts.get(a.to!)!;
        this.unicastTo(
          this.packet(a.msg, t.iface.ip, 'data', { mode: 'unicast' }),
          t.id,
          'originate',
          `→${t.id}`,
        );
        return;
      }
      case 'anycast': {
        const any = w.anycast.find((x) => x.id === a.anycast)!;
        const replica = w.routing.nearestReplica(this.id, any);
        const packet = this.packet(a.msg, any.address, 'data', { mode: 'anycast' });
        if (replica) this.unicastTo(packet, replica, 'originate', any.id);
        else this.discard(a.msg, this.id, 'app', 'no-route');
        return;
      }
      case 'netcast':
        for (const m of others(group!.members))
          this.unicastTo(
            this.packet(a.msg, w.net.hosts.get(m)!.iface.ip, 'data', { mode: 'netcast' }),
            m,
            'originate',
            `→${m}`,
          );
        return;
      case 'multicast':
        this.frame(
          this.packet(a.msg, group!.address, 'data', { mode: 'multicast' }),
          multicastMac(group!.address),
          'originate',
          'data',
          group!.id,
          {
            group: group!.id,
          },
        );
        return;
      case 'broadcast':
        this.frame(
          this.packet(a.msg, LIMITED_BROADCAST, 'data', { mode: 'broadcast' }),
          BROADCAST_MAC,
          'originate',
          'data',
          'bcast',
        );
        return;
      case 'broadcast-filter':
        this.frame(
          this.packet(a.msg, LIMITED_BROADCAST, 'data', { mode: 'broadcast-filter', gid: group!.id }),
          BROADCAST_MAC,
          'originate',
          'data',
          `bcast id=${group!.id}`,
          { group: group!.id },
        );
        return;
      case 'directed-broadcast': {
        const lan = w.net.lans.get(a.lan!)!;
        const packet = this.packet(a.msg, lan.broadcast, 'data', { mode: 'directed-broadcast' });
        if (lan.id === this.lan.id) {
          this.frame(packet, BROADCAST_MAC, 'originate', 'data', formatIpv4(lan.broadcast));
          return;
        }
        const hop = w.routing.hop(this.id, lan.id);
        const mac = hop?.frameTo
          ? w.net.routers.get(hop.frameTo)?.ifaces.find((i) => i.peer === this.lan.id)?.mac
          : undefined;
        if (mac) this.frame(packet, mac, 'originate', 'data', formatIpv4(lan.broadcast));
        else this.discard(a.msg, this.id, 'app', 'no-route');
        return;
      }
      case 'coordinator':
      case 'hierarchy': {
        const root = group!.coordinator!;
        const packet = this.packet(a.msg, w.net.hosts.get(root)!.iface.ip, 'data', {
          mode: a.mode,
          gid: group!.id,
          stage: 'to-root',
        });
        if (root === this.id) this.relay(packet);
        else this.unicastTo(packet, root, 'originate', `→${root}`);
        return;
      }
    }
  }

  /** A coordinator's work (lecture: "Coordinator iterates through group members"). */
  private relay(p: IpPacket): void {
    const g = this.w.groupById.get(p.gid!)!;
    const copy = (to: string, stage: IpPacket['stage']) => {
      if (to === p.origin || to === this.id) return;
      const packet: IpPacket = {
        ...p,
        src: this.info.iface.ip,
        dst: this.w.net.hosts.get(to)!.iface.ip,
        ttl: this.w.ttl,
        stage,
      };
      this.unicastTo(packet, to, 'relay', `→${to}`);
    };
    if (p.stage === 'to-root' && p.mode === 'hierarchy') {
      for (const sub of g.subgroups ?? []) {
        if (sub.coordinator === this.id) this.relay({ ...p, stage: 'to-sub' });
        else if (sub.coordinator !== p.origin) copy(sub.coordinator, 'to-sub');
        else for (const m of sub.members) copy(m, 'to-member');
      }
      return;
    }
    if (p.stage === 'to-sub') {
      const sub = (g.subgroups ?? []).find((s) => s.coordinator === this.id);
      for (const m of sub?.members ?? []) copy(m, 'to-member');
      return;
    }
    for (const m of g.members) copy(m, 'to-member');
  }

  // ─── Receiving: card, driver, IP ────────────────────────────────────────────────────────

  private receive(wire: Wire, msg: string): void {
    const p = wire.packet;
    const dstMac = wire.l2!.dst;
    const card = nicFilter(this.nic, dstMac);
    if (card.passed === null) {
      const reason: Reason = !isGroupMac(dstMac)
        ? 'not-for-this-card'
        : card.hashIndex !== undefined
          ? 'hash-miss'
          : 'not-listening';
      this.fx.record({
        type: 'filter',
        msg: msg as never,
        from: nodeId(p.origin),
        detail: {
          stage: 'nic',
          reason,
          dstMac,
          ...(card.hashIndex !== undefined ? { hashIndex: card.hashIndex } : {}),
        },
      });
      return;
    }
    this.fx.record({
      type: 'receive',
      msg: msg as never,
      from: nodeId(p.origin),
      detail: {
        by: card.passed,
        dstMac,
        ...(card.hashIndex !== undefined ? { hashIndex: card.hashIndex } : {}),
      },
    });
    if (!driverWants(this.nic, dstMac)) {
      this.discard(msg, p.origin, 'driver', 'mac-not-wanted');
      return;
    }
    if (isClassD(p.dst) && p.dst !== ALL_SYSTEMS && !this.joined.includes(p.dst)) {
      this.discard(msg, p.origin, 'ip', 'group-not-joined');
      return;
    }
    if (p.proto === 'igmp') {
      this.igmpReceive(p, msg);
      return;
    }
    const mine =
      p.dst === this.info.iface.ip ||
      p.dst === this.lan.broadcast ||
      p.dst === LIMITED_BROADCAST ||
      isClassD(p.dst) ||
      this.w.anycastByAddr.get(p.dst)?.replicas.includes(this.id);
    if (!mine) {
      this.discard(msg, p.origin, 'ip', 'not-for-me');
      return;
    }
    if (p.gid && p.mode === 'broadcast-filter' && !this.w.groupById.get(p.gid)?.members.includes(this.id)) {
      this.discard(msg, p.origin, 'app', 'not-in-group');
      return;
    }
    if (p.stage === 'to-root' || p.stage === 'to-sub') {
      this.deliverIfMember(p, msg);
      this.relay(p);
      return;
    }
    this.deliver(p, msg);
  }

  private deliverIfMember(p: IpPacket, msg: string): void {
    if (p.origin !== this.id && this.w.groupById.get(p.gid!)?.members.includes(this.id)) this.deliver(p, msg);
  }

  private deliver(p: IpPacket, msg: string): void {
    if (this.delivered.has(msg)) {
      this.discard(msg, p.origin, 'app', 'duplicate');
      return;
    }
    this.delivered.add(msg);
    this.fx.record({
      type: 'deliver',
      msg: msg as never,
      from: nodeId(p.origin),
      detail: { mode: p.mode, ...(isClassD(p.dst) ? { group: this.w.groupLabel(p.dst) } : {}) },
    });
  }

  private discard(msg: string, from: string, stage: string, reason: Reason): void {
    this.fx.record({ type: 'discard', msg: msg as never, from: nodeId(from), detail: { stage, reason } });
  }

  // ─── IGMP (RFC 2236 §6; RFC 1112 Appendix I) ───────────────────────────────────────────

  private membership(kind: 'join' | 'leave', addr: number): void {
    const label = this.w.groupLabel(addr);
    this.fx.record({ type: kind, detail: { group: label } });
    if (kind === 'join') {
      if (!this.joined.includes(addr)) this.joined.push(addr);
      this.nic = this.program();
      if (this.w.igmp) {
        const delay = this.draw(
          addr,
          'join',
          this.info.igmp === 1 ? this.w.igmp.v1ReportDelay : this.w.igmp.unsolicitedReportInterval,
        );
        this.igmpEvent(addr, { type: 'join group', now: this.fx.now, delay, v1Router: this.v1Router });
      }
      return;
    }
    // The Leave goes out before the card stops listening.
    if (this.w.igmp) this.igmpEvent(addr, { type: 'leave group', v1Router: this.v1Router });
    this.joined = this.joined.filter((g) => g !== addr);
    this.nic = this.program();
  }

  /** A random delay in (0, max] ticks from the run's seeded generator, keyed by what it decides. */
  private draw(addr: number, why: string, max: number): number {
    return this.w.rnd.int(`igmp:${this.id}:${addr}:${this.fx.now}:${why}`, 1, Math.max(1, max));
  }

  private igmpEvent(addr: number, e: HostGroupEvent): void {
    const snap =
      this.igmp.get(addr) ??
      (initialTransition(igmpHostMachine, { group: addr, version: this.info.igmp })[0] as AnyMachineSnapshot);
    const from = snap.value as string;
    const r = drive(igmpHostMachine, snap, e);
    if (!r.handled) return;
    this.igmp.set(addr, r.snap);
    this.fx.record({
      type: 'transition',
      detail: {
        machine: 'host',
        lan: this.lan.id,
        group: this.w.groupLabel(addr),
        from,
        to: r.snap.value as string,
        event: e.type,
        actions: r.actions.map((a) => a.type),
      },
    });
    for (const a of r.actions) {
      switch (a.type) {
        case 'send report': {
          const v1 = (a.params as { v1: boolean }).v1;
          this.sendIgmp({
            kind: v1 ? 'v1-report' : 'v2-report',
            layout: this.info.igmp === 1 ? 1 : 2,
            maxResp: 0,
            group: addr,
          });
          break;
        }
        case 'send leave':
          this.sendIgmp({ kind: 'leave', layout: 2, maxResp: 0, group: addr });
          break;
        case 'start timer':
        case 'reset timer':
          this.fx.setTimer(`report:${addr}`, (a.params as { after: number }).after, addr);
          break;
        case 'stop timer':
          this.fx.cancelTimer(`report:${addr}`);
          break;
      }
    }
  }

  private sendIgmp(m: IgmpMessage): void {
    const bytes = encodeIgmp(m);
    const dst = igmpDestination(m);
    const packet = this.packet(
      `${m.kind === 'leave' ? 'leave' : 'report'}.${this.id}.${++this.sent}`,
      dst,
      'igmp',
      {
        ttl: 1,
        igmp: bytes,
      },
    );
    this.frame(
      packet,
      multicastMac(dst),
      'originate',
      igmpTraceKind(m),
      `${IGMP_KIND_LABEL[m.kind]} ${this.w.groupLabel(m.group)}`,
      {
        group: this.w.groupLabel(m.group),
        bytes,
        layout: m.layout,
      },
    );
  }

  private igmpReceive(p: IpPacket, msg: string): void {
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
    const m = d.msg;
    const igmp = this.w.igmp;
    if (!igmp) return;
    if (m.kind === 'query') {
      if (this.info.igmp === 2 && m.maxResp === 0)
        this.v1RouterUntil = this.fx.now + igmp.version1RouterPresentTimeout;
      const max = this.info.igmp === 1 ? igmp.v1ReportDelay : maxRespTicks(m.maxResp, igmp.ticksPerSecond);
      // §6: 224.0.0.1 is never reported; a General Query asks about every other group.
      const targets = m.group === 0 ? this.joined : this.joined.filter((g) => g === m.group);
      for (const g of targets)
        if (this.igmp.has(g))
          this.igmpEvent(g, {
            type: 'query received',
            now: this.fx.now,
            maxResp: max,
            delay: this.draw(g, 'query', max),
          });
      return;
    }
    if ((m.kind === 'v1-report' || m.kind === 'v2-report') && this.igmp.has(m.group))
      this.igmpEvent(m.group, { type: 'report received' });
  }

  view(): unknown {
    const groups: Record<string, unknown> = {};
    for (const [addr, s] of this.igmp) {
      const c = s.context as { flag: boolean; deadline: number | null };
      groups[this.w.groupLabel(addr)] = { state: s.value, flag: c.flag, timer: c.deadline };
    }
    return {
      kind: 'host',
      joined: this.joined.map((g) => this.w.groupLabel(g)),
      ...(this.w.igmp ? { igmp: groups, v1RouterUntil: this.v1RouterUntil } : {}),
      nic: { exact: this.nic.exact, hashSet: this.nic.hashSet },
    };
  }
}
