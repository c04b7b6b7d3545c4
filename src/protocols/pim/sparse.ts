import type { MachineAction } from '../igmp/drive';
import type { IpPacket } from '../net/world';
import type { MachineKind } from './machines';
import type { JoinPruneMsg, JpSource, PimMessage, RegisterMsg } from './messages';
import { inheritedOlist, inheritedOlistRpt, joins, pimInclude, starImmediateOlist } from './olist';
import { entryLabel, PimRouter } from './router';
import type { EntryState } from './state';

/**
 * PIM sparse mode (RFC 7761): receivers' DRs join (*,G) hop by hop toward the rendezvous
 * point, building the RP tree; the source's DR registers data to the RP; the RP joins (S,G)
 * toward the source and sends Register-Stop once native packets arrive; a last-hop router may
 * switch to the source's shortest-path tree and prune the source off the RP tree with an
 * (S,G,rpt) Prune. Lecture: "Sparse Mode Multicast (PIM-SM)".
 */

const TMP = new Set(['PruneTmp', 'Prune-Pending-Tmp']);

export class SparseRouter extends PimRouter {
  /** Ids of the data packets each (S,G) entry has seen come down the RP tree; forgotten with the entry. */
  private readonly rptSeen = new WeakMap<EntryState, Set<string>>();

  private get rp(): string {
    return this.cfg.rp ?? '';
  }

  private iAmRp(): boolean {
    return this.id === this.rp;
  }

  private sgEntries(group: number): EntryState[] {
    return [...this.entries.values()].filter((e) => e.group === group && e.source !== '*');
  }

  private star(group: number): EntryState | undefined {
    return this.findEntry('*', group);
  }

  /** RPF'(*,G) and RPF'(S,G): the unicast RPF neighbours toward the RP and toward S (no SM Asserts here). */
  private rpfPrimeStar(): string | null {
    return this.rpf(this.rp).neighbour;
  }

  private rpfPrimeSG(e: EntryState): string | null {
    return this.rpf(e.source).neighbour;
  }

  // ─── The RFC's macros (§4.1.6, §4.5) ─────────────────────────────────────────────────

  /** JoinDesired(*,G): immediate_olist(*,G) is not NULL, and the RP is another router. */
  private joinDesiredStar(group: number): boolean {
    const r = this.rpf(this.rp);
    return !r.self && r.iface !== null && starImmediateOlist(this.st, this.star(group), group).length > 0;
  }

  /** JoinDesired(S,G) = immediate_olist(S,G) != NULL OR (KeepaliveTimer running AND inherited_olist(S,G) != NULL). */
  private joinDesiredRaw(e: EntryState): boolean {
    return (
      joins(e).length > 0 || (!!e.kat && inheritedOlist(this.st, this.star(e.group), e, e.group).length > 0)
    );
  }

  /** Only a router with an upstream neighbour toward S can act on it. */
  private joinDesiredSG(e: EntryState): boolean {
    const r = this.rpf(e.source);
    return r.iface !== null && !r.directlyConnected && this.joinDesiredRaw(e);
  }

  /** PruneDesired(S,G,rpt) = RPTJoinDesired(G) AND (inherited_olist(S,G,rpt) == NULL OR (SPTbit AND RPF'(*,G) != RPF'(S,G))). */
  private pruneDesired(e: EntryState, rptJoinDesired: boolean): boolean {
    if (!rptJoinDesired) return false;
    const rpt = inheritedOlistRpt(this.st, this.star(e.group), e, e.group);
    return rpt.length === 0 || (!!e.spt && this.rpfPrimeStar() !== this.rpfPrimeSG(e));
  }

  /** CouldRegister(S,G) = I_am_DR(RPF_interface(S)) AND KeepaliveTimer(S,G) running AND DirectlyConnected(S). */
  private couldRegister(e: EntryState): boolean {
    const r = this.rpf(e.source);
    return !this.iAmRp() && r.directlyConnected && !!r.iface && this.iface(r.iface).dr && !!e.kat;
  }

  /**
   * Bring every upstream machine of the group in line with the macros after anything changed.
   * The (S,G) and (S,G,rpt) machines go first, so a (*,G) Join sent now carries the (S,G,rpt)
   * Prunes that belong in it (§4.5.6).
   */
  private evaluate(group: number): void {
    const jd = this.joinDesiredStar(group);
    for (const e of this.sgEntries(group)) {
      const j = this.joinDesiredSG(e);
      if (j && e.up === 'NotJoined') this.fire('sm-upstream-sg', e, null, { type: 'JoinDesired -> TRUE' });
      else if (!j && e.up === 'Joined')
        this.fire('sm-upstream-sg', e, null, { type: 'JoinDesired -> FALSE' });
      const pd = this.pruneDesired(e, jd);
      const ru = e.rptUp ?? 'RPTNotJoined';
      if (pd && ru !== 'Pruned')
        this.fire('sm-rpt-upstream', e, null, { type: 'PruneDesired(S,G,rpt) -> TRUE' });
      else if (!pd && ru === 'Pruned')
        this.fire('sm-rpt-upstream', e, null, {
          type: jd ? 'PruneDesired(S,G,rpt) -> FALSE' : 'RPTJoinDesired(G) -> FALSE',
        });
      else if (!jd && ru === 'NotPruned')
        this.fire('sm-rpt-upstream', e, null, { type: 'RPTJoinDesired(G) -> FALSE' });
      else if (
        jd &&
        ru === 'RPTNotJoined' &&
        inheritedOlistRpt(this.st, this.star(group), e, group).length > 0
      )
        this.fire('sm-rpt-upstream', e, null, { type: 'inherited_olist(S,G,rpt) -> non-NULL' });
      const could = this.couldRegister(e);
      const reg = e.register ?? 'NoInfo';
      if (could && reg === 'NoInfo') this.fire('sm-register', e, null, { type: 'CouldRegister -> TRUE' });
      else if (!could && reg !== 'NoInfo')
        this.fire('sm-register', e, null, { type: 'CouldRegister -> FALSE' });
    }
    if (jd || this.star(group)) {
      const s = this.entry('*', group);
      if (jd && s.up === 'NotJoined') this.fire('sm-upstream-star', s, null, { type: 'JoinDesired -> TRUE' });
      else if (!jd && s.up === 'Joined')
        this.fire('sm-upstream-star', s, null, { type: 'JoinDesired -> FALSE' });
    }
  }

  private restartKat(e: EntryState, period: number): void {
    e.kat = true;
    this.setTimer('KAT', `entry|${e.source}|${e.group}`, period);
  }

  private setSpt(e: EntryState): void {
    if (e.spt) return;
    e.spt = true;
    this.fx.record({
      type: 'pim-state',
      detail: {
        machine: 'sm-sptbit',
        entry: entryLabel(e.source, e.groupLabel),
        from: 'FALSE',
        to: 'TRUE',
        event: 'Update_SPTbit',
        actions: [],
      },
    });
  }

  /**
   * RFC 7761 §4.2.1 SwitchToSptDesired(S,G), by the scenario's policy ("after n packets"): counts
   * distinct data packets down the RP tree, since during the Register phase the RP may send the
   * same packet twice, once decapsulated and once natively.
   */
  private switchDesired(e: EntryState, p: IpPacket): boolean {
    const policy = this.cfg.spt;
    if (policy.kind === 'never') return false;
    const seen = this.rptSeen.get(e) ?? new Set<string>();
    this.rptSeen.set(e, seen);
    seen.add(p.id);
    e.rptPackets = seen.size;
    return policy.kind === 'immediate' || e.rptPackets >= policy.count;
  }

  protected started(): void {
    for (const g of Object.keys(this.st.members)) this.evaluate(Number(g));
  }

  protected override onExpiry(kind: MachineKind, e: EntryState, link: string | null, event: string): void {
    super.onExpiry(kind, e, link, event);
    this.evaluate(e.group);
  }

  protected onEntryTimer(name: string, slot: string): void {
    if (name !== 'KAT') return;
    const [, source, group] = slot.split('|');
    const e = this.findEntry(source!, Number(group));
    if (!e) return;
    e.kat = false;
    this.evaluate(e.group);
  }

  protected onMembership(group: number, apply: () => void): void {
    apply();
    this.evaluate(group);
  }

  // ─── Data (RFC 7761 §4.2) ────────────────────────────────────────────────────────────

  protected onData(p: IpPacket, iif: string): void {
    const g = p.dst;
    if (!this.cfg.rp) {
      this.discard(p, 'no-rp');
      return;
    }
    const e = this.entry(p.origin, g);
    const rs = this.rpf(p.origin);
    const rr = this.rpf(this.rp);
    const fromSource = rs.directlyConnected && iif === rs.iface;
    const dr = fromSource && this.iface(iif).dr;
    const t = this.cfg.timers;
    if (dr) this.restartKat(e, t.keepalivePeriod);
    if (iif === rs.iface && e.up === 'Joined' && inheritedOlist(this.st, this.star(g), e, g).length > 0)
      this.restartKat(e, t.keepalivePeriod);
    this.evaluate(g);
    // Update_SPTbit (§4.2.2).
    if (
      iif === rs.iface &&
      this.joinDesiredRaw(e) &&
      (rs.directlyConnected ||
        rs.iface !== rr.iface ||
        inheritedOlistRpt(this.st, this.star(g), e, g).length === 0 ||
        (this.rpfPrimeSG(e) !== null && this.rpfPrimeSG(e) === this.rpfPrimeStar()))
    )
      this.setSpt(e);
    let oil: string[] = [];
    let tree: 'source' | 'shared' = 'source';
    if (iif === rs.iface && e.spt) oil = inheritedOlist(this.st, this.star(g), e, g);
    else if (iif === rr.iface && !e.spt) {
      oil = inheritedOlistRpt(this.st, this.star(g), e, g);
      tree = 'shared';
      // CheckSwitchToSpt (§4.2.1): a last-hop router with members restarts KAT, so JoinDesired(S,G) turns TRUE.
      if (pimInclude(this.st, g).length > 0 && this.switchDesired(e, p))
        this.restartKat(e, t.keepalivePeriod);
    } else if (!fromSource) {
      this.rpfFail(p, iif, e.spt ? rs.iface : rr.iface, e.spt ? p.origin : this.rp);
      return;
    }
    oil = oil.filter((l) => l !== iif);
    if (dr && e.register === 'Join')
      this.sendRouted({
        type: 'register',
        group: g,
        source: p.origin,
        nullRegister: false,
        inner: p,
        from: this.id,
        to: this.rp,
      });
    if (oil.length > 0) this.forward(p, oil, tree);
    else if (!(dr && e.register === 'Join')) this.discard(p, 'no-downstream');
    this.evaluate(g);
  }

  // ─── Control messages ────────────────────────────────────────────────────────────────

  protected onMessage(m: PimMessage, link: string): void {
    switch (m.type) {
      case 'join-prune':
        if (m.upstreamId === this.id) this.joinPruneToMe(m, link);
        else this.joinPruneSeen(m, link);
        this.evaluate(m.group);
        return;
      case 'register':
        if (this.iAmRp()) this.register(m);
        return;
      case 'register-stop': {
        const e = this.findEntry(m.source, m.group);
        const t = this.cfg.timers;
        const rst = this.draw(
          'RST',
          0.5 * t.registerSuppressionTime - t.registerProbeTime,
          1.5 * t.registerSuppressionTime - t.registerProbeTime,
        );
        if (e) this.fire('sm-register', e, null, { type: 'Register-Stop received', rst });
        return;
      }
      default:
        return;
    }
  }

  /** §4.5.2–4.5.4: the downstream machines of the interface the message arrived on. */
  private joinPruneToMe(m: JoinPruneMsg, link: string): void {
    const many = this.iface(link).neighbours.length > 1;
    const overrideAfter = many ? this.cfg.timers.jpOverrideInterval : 0;
    const g = m.group;
    for (const j of m.joins) {
      if (j.source !== '*') continue;
      this.fire('sm-downstream-star', this.entry('*', g), link, {
        type: 'Receive Join',
        holdtime: m.holdtime,
      });
      // A (*,G) Join undoes (S,G,rpt) prunes not repeated in the same message.
      for (const e of this.sgEntries(g))
        if (e.rptDown[link] === 'Prune' || e.rptDown[link] === 'Prune-Pending')
          this.fire('sm-rpt-downstream', e, link, { type: 'Receive Join(*,G)' });
    }
    for (const j of m.joins) {
      if (j.source === '*') continue;
      const e = this.entry(j.source, g);
      if (j.rpt) this.fire('sm-rpt-downstream', e, link, { type: 'Receive Join(S,G,rpt)' });
      else this.fire('sm-downstream-sg', e, link, { type: 'Receive Join', holdtime: m.holdtime });
    }
    for (const j of m.prunes) {
      if (j.source === '*') {
        const s = this.star(g);
        if (s) this.fire('sm-downstream-star', s, link, { type: 'Receive Prune', overrideAfter });
        continue;
      }
      const e = this.entry(j.source, g);
      if (j.rpt)
        this.fire('sm-rpt-downstream', e, link, {
          type: 'Receive Prune(S,G,rpt)',
          holdtime: m.holdtime,
          overrideAfter,
        });
      else this.fire('sm-downstream-sg', e, link, { type: 'Receive Prune', overrideAfter });
    }
    for (const e of this.sgEntries(g))
      if (TMP.has(e.rptDown[link] ?? '')) this.fire('sm-rpt-downstream', e, link, { type: 'End of Message' });
  }

  /** §4.5.6, §4.5.7, §4.5.9: another router's message to our upstream neighbour on our RPF LAN. */
  private joinPruneSeen(m: JoinPruneMsg, link: string): void {
    const t = this.cfg.timers;
    const g = m.group;
    const seen = (e: EntryState, kind: 'sm-upstream-star' | 'sm-upstream-sg', join: boolean) => {
      if (e.up !== 'Joined') return;
      const remaining = this.remaining('JT', this.slotOf(kind, e, null));
      if (join) {
        // t_joinsuppress = min(t_suppressed, the Join's Holdtime); t_suppressed = rand(1.1, 1.4) × t_periodic.
        const suppress = Math.min(
          this.draw('t_suppressed', 1.1 * t.tPeriodic, 1.4 * t.tPeriodic),
          m.holdtime,
        );
        this.fire(kind, e, null, { type: "See Join to RPF'", remaining, suppress });
      } else
        this.fire(kind, e, null, {
          type: "See Prune to RPF'",
          remaining,
          override: this.draw('t_override', 1, t.overrideInterval),
        });
    };
    const onRptPath = link === this.rpf(this.rp).iface && m.upstreamId === this.rpfPrimeStar();
    for (const [list, join] of [
      [m.joins, true],
      [m.prunes, false],
    ] as const)
      for (const j of list as JpSource[]) {
        if (j.source === '*') {
          const s = this.star(g);
          if (s && onRptPath) seen(s, 'sm-upstream-star', join);
          continue;
        }
        if (j.rpt) {
          const s = this.star(g);
          if (!onRptPath || s?.up !== 'Joined') continue;
          const e = this.entry(j.source, g);
          this.evaluate(g);
          this.fire(
            'sm-rpt-upstream',
            e,
            null,
            join
              ? { type: "See Join(S,G,rpt) to RPF'(S,G,rpt)" }
              : {
                  type: "See Prune(S,G,rpt) to RPF'(S,G,rpt)",
                  override: this.draw('t_override', 1, t.overrideInterval),
                },
          );
          continue;
        }
        const e = this.findEntry(j.source, g);
        if (e && link === this.rpf(e.source).iface && m.upstreamId === this.rpfPrimeSG(e))
          seen(e, 'sm-upstream-sg', join);
      }
  }

  /** At the RP (§4.4.2, packet_arrives_on_rp_tunnel). The RP always wants the source's tree. */
  private register(m: RegisterMsg): void {
    const g = m.group;
    const e = this.entry(m.source, g);
    const t = this.cfg.timers;
    const olist = inheritedOlist(this.st, this.star(g), e, g);
    let stopped = false;
    if (e.spt || olist.length === 0) {
      this.sendRouted({ type: 'register-stop', group: g, source: m.source, from: this.id, to: m.from });
      stopped = true;
    }
    this.restartKat(e, stopped ? t.rpKeepalivePeriod : t.keepalivePeriod);
    if (!e.spt && !m.nullRegister && m.inner) {
      const oil = inheritedOlistRpt(this.st, this.star(g), e, g);
      if (oil.length > 0) this.forward(m.inner, oil, 'shared');
    }
    this.evaluate(g);
  }

  // ─── The machines' actions ───────────────────────────────────────────────────────────

  private jp(
    link: string,
    to: string,
    joinsList: JpSource[],
    prunes: JpSource[],
    group: number,
  ): JoinPruneMsg {
    const n = this.w.net.routers
      .get(to)!
      .ifaces.find((x) => x.peer === this.iface(link).peer || x.link === link);
    return {
      type: 'join-prune',
      group,
      upstream: n?.ip ?? 0,
      upstreamId: to,
      holdtime: this.cfg.timers.jpHoldTime,
      joins: joinsList,
      prunes,
    };
  }

  protected act(kind: MachineKind, e: EntryState, _link: string | null, a: MachineAction): void {
    const g = e.group;
    const toRp = () => {
      const r = this.rpf(this.rp);
      return r.iface && r.neighbour ? { link: r.iface, to: r.neighbour } : null;
    };
    const toS = () => {
      const r = this.rpf(e.source);
      return r.iface && r.neighbour ? { link: r.iface, to: r.neighbour } : null;
    };
    if (kind === 'sm-upstream-star') {
      const u = toRp();
      if (!u) return;
      // Periodic and triggered (*,G) Joins carry the (S,G,rpt) Prunes of sources this router has pruned (§4.5.6, §4.5.9).
      const rptPrunes = this.sgEntries(g)
        .filter((x) => x.rptUp === 'Pruned')
        .map((x) => ({ source: x.source, rpt: true }));
      if (a.type === 'send Join') this.sendOn(u.link, this.jp(u.link, u.to, [{ source: '*' }], rptPrunes, g));
      else if (a.type === 'send Prune') this.sendOn(u.link, this.jp(u.link, u.to, [], [{ source: '*' }], g));
      return;
    }
    if (kind === 'sm-upstream-sg') {
      const u = toS();
      if (!u) return;
      if (a.type === 'send Join') this.sendOn(u.link, this.jp(u.link, u.to, [{ source: e.source }], [], g));
      else if (a.type === 'send Prune')
        this.sendOn(u.link, this.jp(u.link, u.to, [], [{ source: e.source }], g));
      return;
    }
    if (kind === 'sm-rpt-upstream') {
      const u = toRp();
      if (!u) return;
      const s = [{ source: e.source, rpt: true }];
      if (a.type === 'send Prune(S,G,rpt)') this.sendOn(u.link, this.jp(u.link, u.to, [], s, g));
      else if (a.type === 'send Join(S,G,rpt)') this.sendOn(u.link, this.jp(u.link, u.to, s, [], g));
      return;
    }
    if (kind === 'sm-register' && a.type === 'send Null-Register')
      this.sendRouted({
        type: 'register',
        group: g,
        source: e.source,
        nullRegister: true,
        inner: null,
        from: this.id,
        to: this.rp,
      });
  }
}
