import { parseIpv4 } from '../address/ipv4';
import type { MachineAction } from '../igmp/drive';
import type { IpPacket } from '../net/world';
import { DEFAULT_PREFERENCE } from './config';
import type { AssertWinner } from './dense-machines';
import type { MachineKind } from './machines';
import type { AssertMsg, JoinPruneMsg, PimMessage, StateRefreshMsg } from './messages';
import { denseOlist } from './olist';
import { PimRouter } from './router';
import type { EntryState } from './state';

/**
 * PIM dense mode (RFC 3973): flood from the source's first-hop router along RPF, prune where
 * nobody downstream wants the data, graft back, override a prune on a LAN, keep prunes alive
 * with State Refresh, and elect one forwarder per LAN with Assert. Lecture: "Flooding: Dense
 * Mode Multicast (PIM-DM)".
 */

interface Metric {
  preference: number;
  metric: number;
  addr: number;
}

/** RFC 3973 §4.6.3 (as RFC 7761 §4.6.3): lower preference, then lower metric, then higher address wins. */
export function assertBetter(a: Metric, b: Metric): boolean {
  if (a.preference !== b.preference) return a.preference < b.preference;
  if (a.metric !== b.metric) return a.metric < b.metric;
  return a.addr > b.addr;
}

const ip = (text: string) => {
  const r = parseIpv4(text);
  return r.ok ? r.value : 0;
};

export class DenseRouter extends PimRouter {
  /** Who sent the Graft being answered (the Graft-Ack goes back to it). */
  private graftFrom: string | null = null;

  protected started(): void {}

  private olist(e: EntryState): string[] {
    return denseOlist(this.st, e);
  }

  /** RPF'(S): the Assert winner on the RPF interface if there is one, else the unicast RPF neighbour (RFC 3973 §4.1.3). */
  private rpfPrime(e: EntryState): string | null {
    return e.rpfWinner?.router ?? this.rpf(e.source).neighbour;
  }

  private metric(e: EntryState, link: string): Metric {
    return {
      preference: this.cfg.preference[this.id] ?? DEFAULT_PREFERENCE,
      metric: this.rpf(e.source).metric,
      addr: ip(this.iface(link).ip),
    };
  }

  /** Run a change and tell Upstream(S,G) when olist(S,G) became, or stopped being, NULL (§4.4.1). */
  private watch(e: EntryState, change: () => void): void {
    const before = this.olist(e).length === 0;
    change();
    const after = this.olist(e).length === 0;
    if (before !== after)
      this.fire('dm-upstream', e, null, {
        type: after ? 'olist(S,G) -> NULL' : 'olist(S,G) -> non-NULL',
        directlyConnected: this.rpf(e.source).directlyConnected,
      });
  }

  protected override onExpiry(kind: MachineKind, e: EntryState, link: string | null, event: string): void {
    this.watch(e, () => super.onExpiry(kind, e, link, event));
  }

  protected onEntryTimer(): void {}

  protected onMembership(group: number, apply: () => void): void {
    const mine = [...this.entries.values()].filter((e) => e.group === group);
    const before = mine.map((e) => this.olist(e).length === 0);
    apply();
    mine.forEach((e, k) => {
      const after = this.olist(e).length === 0;
      if (after !== before[k])
        this.fire('dm-upstream', e, null, {
          type: after ? 'olist(S,G) -> NULL' : 'olist(S,G) -> non-NULL',
          directlyConnected: this.rpf(e.source).directlyConnected,
        });
    });
  }

  // ─── Data (RFC 3973 §4.2) ────────────────────────────────────────────────────────────

  protected onData(p: IpPacket, iif: string): void {
    const r = this.rpf(p.origin);
    const e = this.entry(p.origin, p.dst);
    if (iif !== r.iface) {
      this.rpfFail(p, iif, r.iface, p.origin);
      // §4.6: data arriving on one of our downstream interfaces means another router forwards onto it too.
      if (this.olist(e).includes(iif))
        this.watch(e, () =>
          this.fire('dm-assert', e, iif, {
            type: 'An (S,G) data packet arrives on downstream interface I',
            couldAssert: true,
          }),
        );
      return;
    }
    if (r.directlyConnected && this.cfg.stateRefresh)
      this.fire('dm-originator', e, null, { type: 'Receive Data from S AND S directly connected' });
    const out = this.olist(e);
    this.fire('dm-upstream', e, null, {
      type: 'Data packet arrives on RPF_Interface(S)',
      olistNull: out.length === 0,
      pltRunning: this.running('PLT', this.slotOf('dm-upstream', e, null)),
      directlyConnected: r.directlyConnected,
    });
    if (out.length === 0) {
      this.discard(p, e.up === 'Pruned' ? 'pim-pruned' : 'no-downstream');
      return;
    }
    this.forward(p, out, 'source');
  }

  // ─── Control messages ────────────────────────────────────────────────────────────────

  protected onMessage(m: PimMessage, link: string, srcIp: number): void {
    const sender = this.w.net.byIp.get(srcIp)?.node ?? null;
    switch (m.type) {
      case 'join-prune':
        this.joinPrune(m, link);
        return;
      case 'graft':
        if (m.upstreamId !== this.id) return;
        for (const j of m.joins) {
          const e = this.entry(j.source, m.group);
          this.graftFrom = sender;
          this.watch(e, () => this.fire('dm-downstream', e, link, { type: 'Receive Graft(S,G)' }));
          this.graftFrom = null;
        }
        return;
      case 'graft-ack':
        for (const j of m.joins) {
          const e = this.findEntry(j.source, m.group);
          if (e && sender === this.rpfPrime(e))
            this.fire('dm-upstream', e, null, { type: "Graft-Ack received from RPF'(S)" });
        }
        return;
      case 'assert':
        if (sender) this.assertHeard(m, link, sender, this.cfg.timers.assertTime);
        return;
      case 'state-refresh':
        if (sender) this.stateRefresh(m, link, sender);
        return;
      default:
        return;
    }
  }

  private joinPrune(m: JoinPruneMsg, link: string): void {
    const toMe = m.upstreamId === this.id;
    const many = this.iface(link).neighbours.length > 1;
    for (const [list, join] of [
      [m.joins, true],
      [m.prunes, false],
    ] as const)
      for (const j of list) {
        if (toMe) {
          const e = this.entry(j.source, m.group);
          // §4.4.2: on a LAN the Prune waits J/P_Override_Interval for another router's Join.
          this.watch(e, () =>
            this.fire(
              'dm-downstream',
              e,
              link,
              join
                ? { type: 'Receive Join(S,G)' }
                : {
                    type: 'Receive Prune(S,G)',
                    holdtime: m.holdtime,
                    overrideAfter: many ? this.cfg.timers.jpOverrideInterval : 0,
                  },
            ),
          );
          continue;
        }
        const e = this.findEntry(j.source, m.group);
        if (!e || link !== this.rpf(e.source).iface || m.upstreamId !== this.rpfPrime(e)) continue;
        // §4.4.1: another router on our RPF LAN pruned what we still want: override it with a Join.
        if (join) this.fire('dm-upstream', e, null, { type: "See Join(S,G) to RPF'(S)" });
        else
          this.fire('dm-upstream', e, null, {
            type: "See Prune(S,G) to RPF'(S)",
            olistNull: this.olist(e).length === 0,
            otRunning: this.running('OT', this.slotOf('dm-upstream', e, null)),
            override: this.draw('t_override', 1, this.cfg.timers.overrideInterval),
          });
      }
  }

  /** An Assert, or the metric in a State Refresh, heard on interface `link` (§4.6). */
  private assertHeard(m: AssertMsg | StateRefreshMsg, link: string, sender: string, at: number): void {
    const e = this.entry(m.source, m.group);
    const theirs: AssertWinner = { router: sender, addr: m.addr, preference: m.preference, metric: m.metric };
    if (link === this.rpf(e.source).iface) {
      // A downstream router follows the winner: it becomes RPF'(S) (§4.1.3, §4.5.4).
      if (m.type !== 'assert') return;
      const before = this.rpfPrime(e);
      const cur = e.rpfWinner;
      if (!cur || cur.router === sender || assertBetter(theirs, cur)) e.rpfWinner = theirs;
      if (this.rpfPrime(e) !== before)
        this.fire('dm-upstream', e, null, {
          type: "RPF'(S) changes",
          olistNull: this.olist(e).length === 0,
          directlyConnected: this.rpf(e.source).directlyConnected,
        });
      return;
    }
    const preferred = assertBetter(theirs, this.metric(e, link));
    this.watch(e, () =>
      this.fire(
        'dm-assert',
        e,
        link,
        preferred
          ? { type: 'Receive Preferred Assert OR State Refresh', winner: theirs, at, couldAssert: true }
          : {
              type: 'Receive Inferior (Assert OR State Refresh)',
              couldAssert: true,
              fromWinner: e.winners[link]?.router === sender,
            },
      ),
    );
  }

  private stateRefresh(m: StateRefreshMsg, link: string, sender: string): void {
    const e = this.entry(m.source, m.group);
    if (link !== this.rpf(e.source).iface) {
      this.assertHeard(m, link, sender, 3 * m.interval);
      return;
    }
    if (sender !== this.rpfPrime(e)) return;
    const up = this.slotOf('dm-upstream', e, null);
    this.fire('dm-upstream', e, null, {
      type: "State Refresh(S,G) received from RPF'(S)",
      pruneIndicator: m.prune,
      olistNull: this.olist(e).length === 0,
      pltRunning: this.running('PLT', up),
      otRunning: this.running('OT', up),
      override: this.draw('t_override', 1, this.cfg.timers.overrideInterval),
    });
    // §4.5.1: forward the State Refresh downstream with this router's own Prune Indicator.
    if (m.ttl > 1) this.emitStateRefresh(e, link, { ...m, ttl: m.ttl - 1 });
  }

  /** Send State Refresh on every interface toward PIM neighbours but `except` (§4.5.1). */
  private emitStateRefresh(e: EntryState, except: string | null, base: StateRefreshMsg): void {
    for (const i of this.st.ifaces) {
      if (i.link === except || i.neighbours.length === 0 || e.assert[i.link] === 'I am Assert Loser')
        continue;
      const pruned = e.down[i.link] === 'Pruned';
      if (pruned) this.fire('dm-downstream', e, i.link, { type: 'Send State Refresh(S,G) out I' });
      if (e.assert[i.link] === 'I am Assert Winner')
        this.fire('dm-assert', e, i.link, { type: 'Send State Refresh' });
      const my = this.metric(e, i.link);
      this.sendOn(i.link, {
        ...base,
        prune: pruned,
        preference: my.preference,
        metric: my.metric,
        addr: my.addr,
      });
    }
  }

  // ─── The machines' actions ───────────────────────────────────────────────────────────

  private jp(
    e: EntryState,
    to: string,
    link: string,
    kind: 'join' | 'prune',
    holdtime: number,
  ): JoinPruneMsg {
    const n = this.w.net.routers
      .get(to)!
      .ifaces.find((x) => x.peer === this.iface(link).peer || x.link === link);
    const src = [{ source: e.source }];
    return {
      type: 'join-prune',
      group: e.group,
      upstream: n?.ip ?? 0,
      upstreamId: to,
      holdtime,
      joins: kind === 'join' ? src : [],
      prunes: kind === 'prune' ? src : [],
    };
  }

  protected act(_kind: MachineKind, e: EntryState, link: string | null, a: MachineAction): void {
    const t = this.cfg.timers;
    const rpfIface = this.rpf(e.source).iface;
    const up = this.rpfPrime(e);
    switch (a.type) {
      case 'send Prune(S,G)':
        if (up && rpfIface) this.sendOn(rpfIface, this.jp(e, up, rpfIface, 'prune', t.tLimit));
        return;
      case 'send Join(S,G)':
        if (up && rpfIface) this.sendOn(rpfIface, this.jp(e, up, rpfIface, 'join', t.tLimit));
        return;
      case 'send Graft(S,G)':
        if (up && rpfIface)
          this.sendTo(rpfIface, up, { ...this.jp(e, up, rpfIface, 'join', 0), type: 'graft' });
        return;
      case 'send Graft-Ack(S,G)':
        if (this.graftFrom && link)
          this.sendTo(link, this.graftFrom, { ...this.jp(e, this.id, link, 'join', 0), type: 'graft-ack' });
        return;
      case 'send Assert(S,G)': {
        const my = this.metric(e, link!);
        this.sendOn(link!, { type: 'assert', group: e.group, source: e.source, rpt: false, ...my });
        return;
      }
      case 'send Prune(S,G) to the Assert winner': {
        const winner = e.winners[link!];
        if (winner) this.sendOn(link!, this.jp(e, winner.router, link!, 'prune', t.assertTime));
        return;
      }
      case 'send State Refresh(S,G)':
        this.emitStateRefresh(e, rpfIface, {
          type: 'state-refresh',
          group: e.group,
          source: e.source,
          originator: ip(this.iface(rpfIface ?? this.st.ifaces[0]!.link).ip),
          preference: 0,
          metric: 0,
          ttl: this.w.ttl,
          prune: false,
          interval: t.refreshInterval,
          addr: 0,
        });
        return;
    }
  }
}
