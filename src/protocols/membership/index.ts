import type { AnyMachineSnapshot } from 'xstate';
import { layerMachine } from '../layer';
import { type MembershipContext, membership } from './membership';
import type { MembershipView } from './types';

export const membershipMachine = layerMachine('membership', membership);

/** The process panel's view of the membership layer. */
export function membershipView(snap: AnyMachineSnapshot): MembershipView {
  const c = snap.context as MembershipContext;
  return {
    group: c.cfg.group,
    view: c.view,
    member: c.view.members.includes(c.cfg.self),
    flushing: c.round?.flushing ?? false,
    requests: [...c.requests, ...(c.round?.requests ?? [])],
    queued: c.queued.map((q) => q.packet.msg),
    held: c.held.map((h) => h.packet.msg),
  };
}

export type { MembershipConfig, MembershipView, View } from './types';
