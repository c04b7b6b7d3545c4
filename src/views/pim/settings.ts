import { bi } from '../../protocols/address/text';
import type { NetworkScenario } from '../../scenarios/schema';
import { checked, type EditOutcome } from '../network/edits';

/**
 * PIM settings as edits of the scenario (issue 5 sandbox): mode, rendezvous point, SPT switch,
 * a router's Assert preference and State Refresh. Each is a pure `scenario → outcome` like the
 * topology edits (../network/edits.ts): the lab hands a successful one to `store.edit`, so it
 * re-simulates, is undoable and travels in the share link; a refused one names what was wrong.
 */

type Pim = NonNullable<NetworkScenario['pim']>;
export type PimMode = Pim['mode'];
export type SptSwitch = NonNullable<Pim['sptSwitch']>;

/** An Assert's metric preference when a router has none set (network-schema.ts, `pim.preference`); lower wins. */
export const DEFAULT_PREFERENCE = 110;
const MAX_PREFERENCE = 255;
const MAX_SPT_PACKETS = 10_000;

const refuse = (en: string, zh: string): EditOutcome => ({ ok: false, problem: bi(en, zh) });

/** The settings that belong to both modes (classroom time, timers, Assert preferences) survive a mode switch. */
function common(p: Pim | undefined): Partial<Pim> {
  if (!p) return {};
  const { ticksPerSecond, timers, preference } = p;
  return {
    ...(ticksPerSecond !== undefined ? { ticksPerSecond } : {}),
    ...(timers !== undefined ? { timers } : {}),
    ...(preference !== undefined ? { preference } : {}),
  };
}

/**
 * Switch PIM off, to dense or to sparse mode. The other mode's settings go (the schema refuses an
 * RP in dense mode and State Refresh in sparse mode); sparse mode needs an RP, so it keeps the one
 * it had or takes `rp` (the selected router), else the first router.
 */
export function setPimMode(s: NetworkScenario, mode: PimMode | 'off', rp?: string | null): EditOutcome {
  if (mode === 'off') {
    if (!s.pim) return { ok: true, scenario: s };
    const { pim: _off, ...rest } = s;
    return checked(rest as NetworkScenario);
  }
  if (s.pim?.mode === mode) return { ok: true, scenario: s };
  if (mode === 'dense') return checked({ ...s, pim: { mode: 'dense', ...common(s.pim) } });
  const routers = s.topology.routers.map((r) => r.id);
  const chosen = (rp && routers.includes(rp) ? rp : undefined) ?? routers[0];
  if (chosen === undefined)
    return refuse(
      'Sparse mode needs a rendezvous point, and this network has no router to be one.',
      '稀疏模式需要一个汇聚点（RP），而这个网络里没有可以充当它的路由器。',
    );
  return checked({ ...s, pim: { mode: 'sparse', rp: chosen, ...common(s.pim) } });
}

/** Sparse mode: make `rp` the rendezvous point for every group. */
export function setRp(s: NetworkScenario, rp: string): EditOutcome {
  if (s.pim?.mode !== 'sparse')
    return refuse('Only sparse mode has a rendezvous point.', '只有稀疏模式才有汇聚点（RP）。');
  if (!s.topology.routers.some((r) => r.id === rp))
    return refuse(`There is no router called ${rp}.`, `没有名为 ${rp} 的路由器。`);
  return checked({ ...s, pim: { ...s.pim, rp } });
}

/** Sparse mode: when a last-hop router switches to the shortest-path tree (RFC 7761 §4.2.1). */
export function setSptSwitch(s: NetworkScenario, spt: SptSwitch): EditOutcome {
  if (s.pim?.mode !== 'sparse')
    return refuse('The SPT switch is a sparse-mode setting.', 'SPT 切换是稀疏模式的设置。');
  if (
    typeof spt === 'object' &&
    (!Number.isInteger(spt.packets) || spt.packets < 1 || spt.packets > MAX_SPT_PACKETS)
  )
    return refuse(
      `Switch after a whole number of packets from 1 to ${MAX_SPT_PACKETS}.`,
      `切换前的分组数须是 1 到 ${MAX_SPT_PACKETS} 之间的整数。`,
    );
  return checked({ ...s, pim: { ...s.pim, sptSwitch: spt } });
}

/** Dense mode: the first-hop router's State Refresh on or off (RFC 3973 §4.5). */
export function setStateRefresh(s: NetworkScenario, on: boolean): EditOutcome {
  if (s.pim?.mode !== 'dense')
    return refuse('State Refresh is a dense-mode setting.', '状态刷新是密集模式的设置。');
  return checked({ ...s, pim: { ...s.pim, stateRefresh: on } });
}

/** A router's Assert metric preference (lower wins an Assert); `null` returns it to the default. */
export function setPreference(s: NetworkScenario, router: string, value: number | null): EditOutcome {
  if (!s.pim) return refuse('This network runs no PIM.', '这个网络没有运行 PIM。');
  if (!s.topology.routers.some((r) => r.id === router))
    return refuse(`There is no router called ${router}.`, `没有名为 ${router} 的路由器。`);
  if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_PREFERENCE))
    return refuse(
      `An Assert preference is a whole number from 0 to ${MAX_PREFERENCE} (lower wins).`,
      `断言（Assert）优先级是 0 到 ${MAX_PREFERENCE} 之间的整数（越小越优先）。`,
    );
  const { [router]: _old, ...others } = s.pim.preference ?? {};
  const preference = value === null ? others : { ...others, [router]: value };
  const { preference: _p, ...pim } = s.pim;
  return checked({ ...s, pim: Object.keys(preference).length ? { ...pim, preference } : pim });
}

/** The preference a router asserts with: its own setting, else the default. */
export function preferenceOf(s: NetworkScenario, router: string): number {
  return s.pim?.preference?.[router] ?? DEFAULT_PREFERENCE;
}
