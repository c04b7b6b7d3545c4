import { type AnyMachineSnapshot, initialTransition } from 'xstate';
import type { Effects } from '../../sim/engine';
import { nodeId } from '../../sim/ids';
import { formatIpv4 } from '../address/ipv4';
import { multicastMac } from '../address/mac';
import { drive, type MachineAction } from '../igmp/drive';
import type { RouterInfo } from '../net/topology';
import { type IpPacket, transmit, type World } from '../net/world';
import type { PimConfig } from './config';
import type { AssertWinner } from './dense-machines';
import { MACHINES, type MachineEvents, type MachineKind } from './machines';
import { ALL_PIM_ROUTERS, type PimMessage, pimCopyKind, pimFields, pimLabel } from './messages';
import { rpf } from './rpf';
import { type EntryState, entryKey, type IfaceState, type PimState, type RpfState } from './state';

/**
 * What a router's PIM does, whichever mode: it holds its machines (one per entry, and per
 * interface where the RFC has one), sets and cancels their timers through the engine, records
 * each transition as a `pim-state` trace event, and puts PIM messages and forwarded data on
 * links. Dense and sparse mode (dense.ts, sparse.ts) supply the rules.
 *
 * PIM neighbours are taken from the topology (every router at the other end of a link or on
 * the same LAN runs PIM); Hello messages are not sent.
 */

interface Slot {
  kind: MachineKind;
  source: string;
  group: number;
  link: string | null;
  snap: AnyMachineSnapshot;
}

export interface TimerData {
  name: string;
  slot: string;
}

const slotKey = (kind: MachineKind, source: string, group: number, link: string | null) =>
  `${kind}|${source}|${group}|${link ?? ''}`;

/** `(S1,G)`, `(*,G)`, `(S1,G,rpt)`: how the RFC writes an entry. */
export function entryLabel(source: string, group: string, rpt = false): string {
  return `(${source},${group}${rpt ? ',rpt' : ''})`;
}

export abstract class PimRouter {
  readonly id: string;
  protected readonly info: RouterInfo;
  protected readonly st: PimState;
  protected readonly entries = new Map<string, EntryState>();
  private readonly slots = new Map<string, Slot>();
  protected fx!: Effects;
  private sent = 0;

  constructor(
    protected readonly w: World,
    id: string,
    protected readonly cfg: PimConfig,
  ) {
    this.id = id;
    this.info = w.net.routers.get(id)!;
    const ifaces: IfaceState[] = this.info.ifaces.map((i) => {
      const lan = w.net.lans.get(i.peer);
      const routers = lan ? lan.stations.filter((s) => w.net.kind.get(s) === 'router') : [];
      const neighbours = lan
        ? routers.filter((r) => r !== id).sort()
        : w.net.kind.get(i.peer) === 'router'
          ? [i.peer]
          : [];
      // RFC 7761 §4.3.2: with equal DR priorities the highest address is the DR.
      const best = Math.max(
        ...routers.map((r) => w.net.routers.get(r)!.ifaces.find((x) => x.peer === i.peer)!.ip),
      );
      return {
        link: i.link,
        peer: i.peer,
        lan: !!lan,
        neighbours,
        ip: formatIpv4(i.ip),
        dr: !!lan && best === i.ip,
      };
    });
    this.st = {
      mode: cfg.mode,
      router: id,
      rp: cfg.rp,
      ifaces,
      members: {},
      entries: [],
      rpf: {},
      timers: {},
    };
    // Without IGMP a LAN's members are the scenario's static members.
    if (!w.igmp)
      for (const g of w.groups)
        for (const h of g.members) {
          const lan = w.net.hosts.get(h)?.lan;
          const i = this.info.ifaces.find((x) => x.peer === lan);
          if (i) this.setMember(g.address, i.link, true);
        }
  }

  // ─── The router node's calls ──────────────────────────────────────────────────────────

  /** At time 0. */
  start(fx: Effects): void {
    this.fx = fx;
    this.started();
  }

  /** A multicast data packet arrived from `came` (a LAN or a neighbouring router). */
  data(p: IpPacket, came: string, fx: Effects): void {
    this.fx = fx;
    const iface = this.ifaceTo(came);
    if (!iface) return;
    if (p.ttl <= 1) {
      this.discard(p, 'ttl-expired');
      return;
    }
    this.onData(p, iface.link);
  }

  /** A PIM packet arrived from `came`. */
  receive(p: IpPacket, came: string, fx: Effects): void {
    this.fx = fx;
    const m = p.pim;
    const iface = this.ifaceTo(came);
    if (!m || !iface) return;
    if ((m.type === 'register' || m.type === 'register-stop') && m.to !== this.id) {
      this.relay(p, m);
      return;
    }
    this.onMessage(m, iface.link, p.src);
  }

  timer(data: TimerData, fx: Effects): void {
    this.fx = fx;
    const key = `${data.name}|${data.slot}`;
    delete this.st.timers[key];
    this.onTimer(data.name, data.slot);
  }

  /** IGMP's "notify routing +/-" (RFC 2236 §7), or a static member. */
  membership(lan: string, group: number, present: boolean, fx: Effects): void {
    this.fx = fx;
    const i = this.info.ifaces.find((x) => x.peer === lan);
    if (!i) return;
    this.onMembership(group, () => this.setMember(group, i.link, present));
  }

  /** The plain state, for the trace (copied so later steps do not change it). */
  view(): PimState {
    const entries = [...this.entries.values()].sort((a, b) =>
      a.group !== b.group
        ? a.group - b.group
        : a.source === '*'
          ? -1
          : b.source === '*'
            ? 1
            : a.source < b.source
              ? -1
              : 1,
    );
    return structuredClone({ ...this.st, entries });
  }

  // ─── What each mode supplies ──────────────────────────────────────────────────────────

  protected abstract started(): void;
  protected abstract onData(p: IpPacket, iif: string): void;
  protected abstract onMessage(m: PimMessage, link: string, srcIp: number): void;
  /** A timer that is not a machine's own (the Keepalive Timer, PLT). */
  protected abstract onEntryTimer(name: string, slot: string): void;
  /** Local membership of `group` is about to change: `apply` changes it. */
  protected abstract onMembership(group: number, apply: () => void): void;
  /** A machine asked for an action that is not a timer. */
  protected abstract act(kind: MachineKind, e: EntryState, link: string | null, a: MachineAction): void;

  // ─── Helpers for the modes ────────────────────────────────────────────────────────────

  private setMember(group: number, link: string, present: boolean): void {
    const k = String(group);
    const list = new Set(this.st.members[k] ?? []);
    if (present) list.add(link);
    else list.delete(link);
    if (list.size > 0) this.st.members[k] = [...list].sort();
    else delete this.st.members[k];
  }

  protected ifaceTo(peer: string): IfaceState | undefined {
    return this.st.ifaces.find((i) => i.peer === peer);
  }

  protected iface(link: string): IfaceState {
    return this.st.ifaces.find((i) => i.link === link)!;
  }

  protected rpf(target: string): RpfState {
    const memo = this.st.rpf[target];
    if (memo) return memo;
    const r = rpf(this.w.net, this.w.routing, this.id, target);
    const out: RpfState = {
      iface: r.iface,
      neighbour: r.neighbour,
      metric: r.metric,
      directlyConnected: r.directlyConnected,
      self: r.self,
    };
    this.st.rpf[target] = out;
    return out;
  }

  protected groupLabel(group: number): string {
    return this.w.groupLabel(group);
  }

  /** The entry for (S,G) or (*,G), made on first use with its upstream machine's initial state. */
  protected entry(source: string, group: number): EntryState {
    const k = entryKey(source, group);
    const have = this.entries.get(k);
    if (have) return have;
    const e: EntryState = {
      source,
      group,
      groupLabel: this.groupLabel(group),
      up: this.cfg.mode === 'dense' ? 'Forwarding' : 'NotJoined',
      down: {},
      assert: {},
      winners: {},
      rptDown: {},
    };
    this.entries.set(k, e);
    return e;
  }

  protected findEntry(source: string, group: number): EntryState | undefined {
    return this.entries.get(entryKey(source, group));
  }

  /** Give a machine an event; returns whether it had a transition for it. */
  protected fire<K extends MachineKind>(
    kind: K,
    e: EntryState,
    link: string | null,
    event: MachineEvents[K],
  ): boolean {
    const key = slotKey(kind, e.source, e.group, link);
    const info = MACHINES[kind];
    let slot = this.slots.get(key);
    if (!slot) {
      const [snap] = initialTransition(info.machine, info.timed ? { timers: this.cfg.timers } : undefined);
      slot = { kind, source: e.source, group: e.group, link, snap: snap as AnyMachineSnapshot };
      this.slots.set(key, slot);
    }
    const from = slot.snap.value as string;
    const r = drive(info.machine, slot.snap, event);
    if (!r.handled) return false;
    slot.snap = r.snap;
    const to = r.snap.value as string;
    this.store(kind, e, link, to, r.snap.context as { winner?: AssertWinner | null });
    const actions = r.actions.filter((a) => !a.type.startsWith('store '));
    this.fx.record({
      type: 'pim-state',
      detail: {
        machine: kind,
        entry: entryLabel(e.source === '*' ? '*' : e.source, e.groupLabel, kind.startsWith('sm-rpt')),
        ...(link ? { iface: link } : {}),
        from,
        to,
        event: event.type,
        actions: actions.map((a) => a.type),
      },
    });
    const now: string[] = [];
    for (const a of actions) {
      const m = /^(set|cancel) ([A-Z]+)/.exec(a.type);
      const after = (a.params as { after?: number } | undefined)?.after ?? 0;
      if (!m) this.act(kind, e, link, a);
      else if (m[1] === 'cancel') this.cancelTimer(m[2]!, key);
      // RFC 3973 §4.4.2, RFC 7761 §4.5.2: a timer set to zero expires immediately.
      else if (after <= 0) {
        this.cancelTimer(m[2]!, key);
        now.push(m[2]!);
      } else this.setTimer(m[2]!, key, after);
    }
    for (const name of now) {
      const event = info.expiry[name];
      if (event) this.onExpiry(kind, e, link, event);
    }
    return true;
  }

  /** Keep the plain state in step with a machine that moved. */
  private store(
    kind: MachineKind,
    e: EntryState,
    link: string | null,
    to: string,
    ctx: { winner?: AssertWinner | null },
  ): void {
    switch (kind) {
      case 'dm-upstream':
      case 'sm-upstream-star':
      case 'sm-upstream-sg':
        e.up = to;
        return;
      case 'dm-downstream':
      case 'sm-downstream-star':
      case 'sm-downstream-sg':
        e.down[link!] = to;
        return;
      case 'dm-assert':
        e.assert[link!] = to;
        if (ctx.winner) e.winners[link!] = ctx.winner;
        else delete e.winners[link!];
        return;
      case 'dm-originator':
        e.originator = to;
        return;
      case 'sm-rpt-downstream':
        e.rptDown[link!] = to;
        return;
      case 'sm-rpt-upstream':
        e.rptUp = to;
        return;
      case 'sm-register':
        e.register = to;
        return;
    }
  }

  protected machineState(kind: MachineKind, e: EntryState, link: string | null): string | undefined {
    return this.slots.get(slotKey(kind, e.source, e.group, link))?.snap.value as string | undefined;
  }

  protected slotOf(kind: MachineKind, e: EntryState, link: string | null): string {
    return slotKey(kind, e.source, e.group, link);
  }

  // ─── Timers ──────────────────────────────────────────────────────────────────────────

  protected setTimer(name: string, slot: string, after: number): void {
    const key = `${name}|${slot}`;
    this.st.timers[key] = this.fx.now + after;
    this.fx.setTimer(`pim:${key}`, after, { name, slot } satisfies TimerData);
  }

  protected cancelTimer(name: string, slot: string): void {
    const key = `${name}|${slot}`;
    if (!(key in this.st.timers)) return;
    delete this.st.timers[key];
    this.fx.cancelTimer(`pim:${key}`);
  }

  protected running(name: string, slot: string): boolean {
    return `${name}|${slot}` in this.st.timers;
  }

  protected remaining(name: string, slot: string): number {
    const at = this.st.timers[`${name}|${slot}`];
    return at === undefined ? 0 : at - this.fx.now;
  }

  private onTimer(name: string, slot: string): void {
    const s = this.slots.get(slot);
    const event = s ? MACHINES[s.kind].expiry[name] : undefined;
    if (s && event) this.onExpiry(s.kind, this.entry(s.source, s.group), s.link, event);
    else this.onEntryTimer(name, slot);
  }

  /** A machine's timer expired: give the machine its event (modes add what follows from it). */
  protected onExpiry(kind: MachineKind, e: EntryState, link: string | null, event: string): void {
    this.fire(kind, e, link, { type: event } as MachineEvents[MachineKind]);
  }

  /** A random draw in [lo, hi] ticks from the run's seeded generator, keyed by what it decides. */
  protected draw(what: string, lo: number, hi: number): number {
    return this.w.rnd.int(`pim:${this.id}:${what}:${this.fx.now}`, Math.max(1, lo), Math.max(1, hi));
  }

  // ─── Sending ─────────────────────────────────────────────────────────────────────────

  private packet(dst: number, src: number, ttl: number, m: PimMessage): IpPacket {
    return { id: `pim.${this.id}.${++this.sent}`, origin: this.id, src, dst, ttl, proto: 'pim', pim: m };
  }

  private put(
    link: string,
    packet: IpPacket,
    dstMac: string,
    m: PimMessage,
    role: 'originate' | 'forward',
  ): void {
    const i = this.info.ifaces.find((x) => x.link === link)!;
    const lan = this.w.net.kind.get(i.peer) === 'lan';
    transmit(this.fx, {
      to: i.peer,
      on: lan ? i.peer : i.link,
      role,
      packet,
      l2: lan ? { src: i.mac, dst: dstMac } : null,
      kind: pimCopyKind(m),
      label: pimLabel(m, this.groupLabel(m.group)),
      detail: {
        group: this.groupLabel(m.group),
        pim: m.type,
        ...('source' in m ? { source: m.source } : {}),
        fields: pimFields(m, this.groupLabel(m.group)),
      },
    });
  }

  /** Multicast a message to ALL-PIM-ROUTERS on one interface (TTL 1). */
  protected sendOn(link: string, m: PimMessage): void {
    const i = this.info.ifaces.find((x) => x.link === link)!;
    this.put(link, this.packet(ALL_PIM_ROUTERS, i.ip, 1, m), multicastMac(ALL_PIM_ROUTERS), m, 'originate');
  }

  /** Unicast a message to a neighbour on one interface (Graft, Graft-Ack: RFC 3973 §4.7.6). */
  protected sendTo(link: string, neighbour: string, m: PimMessage): void {
    const i = this.info.ifaces.find((x) => x.link === link)!;
    const n = this.w.net.routers.get(neighbour)?.ifaces.find((x) => x.peer === i.peer || x.link === link);
    if (!n) return;
    this.put(link, this.packet(n.ip, i.ip, 1, m), n.mac, m, 'originate');
  }

  /** The address of a router (its first interface), the destination of Register and Register-Stop. */
  protected routerAddress(router: string): number {
    return this.w.net.routers.get(router)!.ifaces[0]?.ip ?? 0;
  }

  /** Unicast a Register or Register-Stop toward its router, hop by hop along the unicast routes. */
  protected sendRouted(m: PimMessage & { to: string }): void {
    const own = this.info.ifaces[0]?.ip ?? 0;
    this.hop(this.packet(this.routerAddress(m.to), own, this.w.ttl, m), m, 'originate');
  }

  private relay(p: IpPacket, m: PimMessage & { to: string }): void {
    if (p.ttl <= 1) {
      this.discard(p, 'ttl-expired');
      return;
    }
    this.hop({ ...p, ttl: p.ttl - 1 }, m, 'forward');
  }

  private hop(packet: IpPacket, m: PimMessage & { to: string }, role: 'originate' | 'forward'): void {
    const h = this.w.routing.hop(this.id, m.to);
    if (!h) {
      this.discard(packet, 'no-route');
      return;
    }
    const next = this.w.net.kind.get(h.via) === 'lan' ? h.frameTo : h.via;
    const i = this.info.ifaces.find((x) => x.link === h.link)!;
    const mac = next
      ? this.w.net.routers.get(next)?.ifaces.find((x) => x.peer === i.peer || x.link === i.link)?.mac
      : undefined;
    this.put(h.link, packet, mac ?? multicastMac(ALL_PIM_ROUTERS), m, role);
  }

  /** Forward a data packet onto interfaces; `tree` says which tree carried it (views label links by it). */
  protected forward(p: IpPacket, links: readonly string[], tree: 'source' | 'shared'): void {
    const label = this.groupLabel(p.dst);
    for (const link of links) {
      const i = this.info.ifaces.find((x) => x.link === link)!;
      const lan = this.w.net.kind.get(i.peer) === 'lan';
      transmit(this.fx, {
        to: i.peer,
        on: lan ? i.peer : i.link,
        role: 'forward',
        packet: { ...p, ttl: p.ttl - 1 },
        l2: lan ? { src: i.mac, dst: multicastMac(p.dst) } : null,
        kind: 'data',
        label,
        detail: { group: label, source: p.origin, tree },
      });
    }
  }

  /** RFC 3973 §4.2, RFC 7761 §4.2: a packet that did not arrive on RPF_interface(S) (or the RP's) is dropped. */
  protected rpfFail(p: IpPacket, iif: string, expected: string | null, toward: string): void {
    this.fx.record({
      type: 'rpf-fail',
      msg: p.id as never,
      from: nodeId(p.origin),
      detail: { iface: iif, expected, toward, source: p.origin, group: this.groupLabel(p.dst) },
    });
  }

  protected discard(p: IpPacket, reason: string): void {
    this.fx.record({
      type: 'discard',
      msg: p.id as never,
      from: nodeId(p.origin),
      detail: { stage: 'pim', reason, ...(p.proto === 'data' ? { group: this.groupLabel(p.dst) } : {}) },
    });
  }
}
