import type { Mode } from './vocabulary';

/** What a scenario asks a host or router to do, as the engine hands it over. */
export type NetAction =
  | { type: 'send'; msg: string; mode: Mode; to?: string; group?: string; anycast?: string; lan?: string }
  | { type: 'join'; group: string }
  | { type: 'leave'; group: string }
  /** Send raw IGMP bytes (valid or not) to an address, to see how receivers treat them. */
  | { type: 'igmp-raw'; msg: string; bytes: number[]; dst: number }
  /** A router starts IGMP on its LANs. */
  | { type: 'start' };
