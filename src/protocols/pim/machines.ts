import type { AnyStateMachine } from 'xstate';
import { type Bilingual, bi } from '../address/text';
import {
  type AssertEvent,
  type DownstreamEvent,
  dmAssertMachine,
  dmDownstreamMachine,
  dmOriginatorMachine,
  dmUpstreamMachine,
  type OriginatorEvent,
  type UpstreamEvent,
} from './dense-machines';
import {
  type RegisterEvent,
  type RptDownstreamEvent,
  type RptUpstreamEvent,
  registerMachine,
  type SmDownstreamEvent,
  type SmUpstreamEvent,
  smDownstreamMachine,
  smRptDownstreamMachine,
  smRptUpstreamMachine,
  smUpstreamMachine,
} from './sparse-machines';

/**
 * Every PIM machine a router runs, by the code the trace's `pim-state` events carry in
 * `detail.machine`, with its RFC name and section, and which timer expiry is which event.
 */
export type MachineKind =
  | 'dm-upstream'
  | 'dm-downstream'
  | 'dm-assert'
  | 'dm-originator'
  | 'sm-upstream-star'
  | 'sm-upstream-sg'
  | 'sm-downstream-star'
  | 'sm-downstream-sg'
  | 'sm-rpt-downstream'
  | 'sm-rpt-upstream'
  | 'sm-register';

/** The events each kind of machine takes. */
export interface MachineEvents {
  'dm-upstream': UpstreamEvent;
  'dm-downstream': DownstreamEvent;
  'dm-assert': AssertEvent;
  'dm-originator': OriginatorEvent;
  'sm-upstream-star': SmUpstreamEvent;
  'sm-upstream-sg': SmUpstreamEvent;
  'sm-downstream-star': SmDownstreamEvent;
  'sm-downstream-sg': SmDownstreamEvent;
  'sm-rpt-downstream': RptDownstreamEvent;
  'sm-rpt-upstream': RptUpstreamEvent;
  'sm-register': RegisterEvent;
}

export interface MachineInfo {
  machine: AnyStateMachine;
  /** Needs the timers as input. */
  timed: boolean;
  name: Bilingual;
  rfc: string;
  /** Timer name → the event its expiry is. */
  expiry: Record<string, string>;
}

export const MACHINES: Record<MachineKind, MachineInfo> = {
  'dm-upstream': {
    machine: dmUpstreamMachine,
    timed: true,
    name: bi('Upstream(S,G)', '上游(S,G)'),
    rfc: 'RFC 3973 §4.4.1',
    expiry: { GRT: 'GRT(S,G) expires', OT: 'OT(S,G) expires' },
  },
  'dm-downstream': {
    machine: dmDownstreamMachine,
    timed: false,
    name: bi('Downstream Prune(S,G,I)', '下游剪枝(S,G,I)'),
    rfc: 'RFC 3973 §4.4.2',
    expiry: { PPT: 'PPT(S,G,I) expires', PT: 'PT(S,G,I) expires' },
  },
  'dm-assert': {
    machine: dmAssertMachine,
    timed: true,
    name: bi('Assert(S,G,I)', '断言(S,G,I)'),
    rfc: 'RFC 3973 §4.6',
    expiry: { AT: 'AT(S,G,I) expires' },
  },
  'dm-originator': {
    machine: dmOriginatorMachine,
    timed: true,
    name: bi('State Refresh originator(S,G)', '状态刷新发起者(S,G)'),
    rfc: 'RFC 3973 §4.5.2',
    expiry: { SRT: 'SRT(S,G) expires', SAT: 'SAT(S,G) expires' },
  },
  'sm-upstream-star': {
    machine: smUpstreamMachine,
    timed: true,
    name: bi('Upstream(*,G)', '上游(*,G)'),
    rfc: 'RFC 7761 §4.5.6',
    expiry: { JT: 'Join Timer expires' },
  },
  'sm-upstream-sg': {
    machine: smUpstreamMachine,
    timed: true,
    name: bi('Upstream(S,G)', '上游(S,G)'),
    rfc: 'RFC 7761 §4.5.7',
    expiry: { JT: 'Join Timer expires' },
  },
  'sm-downstream-star': {
    machine: smDownstreamMachine,
    timed: false,
    name: bi('Downstream(*,G,I)', '下游(*,G,I)'),
    rfc: 'RFC 7761 §4.5.2',
    expiry: { ET: 'Expiry Timer expires', PPT: 'Prune-Pending Timer expires' },
  },
  'sm-downstream-sg': {
    machine: smDownstreamMachine,
    timed: false,
    name: bi('Downstream(S,G,I)', '下游(S,G,I)'),
    rfc: 'RFC 7761 §4.5.3',
    expiry: { ET: 'Expiry Timer expires', PPT: 'Prune-Pending Timer expires' },
  },
  'sm-rpt-downstream': {
    machine: smRptDownstreamMachine,
    timed: false,
    name: bi('Downstream(S,G,rpt,I)', '下游(S,G,rpt,I)'),
    rfc: 'RFC 7761 §4.5.4',
    expiry: { ET: 'Expiry Timer expires', PPT: 'Prune-Pending Timer expires' },
  },
  'sm-rpt-upstream': {
    machine: smRptUpstreamMachine,
    timed: false,
    name: bi('Upstream(S,G,rpt)', '上游(S,G,rpt)'),
    rfc: 'RFC 7761 §4.5.9',
    expiry: { OT: 'Override Timer expires' },
  },
  'sm-register': {
    machine: registerMachine,
    timed: true,
    name: bi('Register(S,G) at the DR', 'DR 上的注册(S,G)'),
    rfc: 'RFC 7761 §4.4.1',
    expiry: { RST: 'Register-Stop Timer expires' },
  },
};
