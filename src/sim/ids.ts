/**
 * Branded identifiers, so a time cannot be passed where a step index is meant
 * (the habit Excalidraw uses for its point types; see STYLE.md).
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A process, host or router id chosen by the scenario's author: `P0`, `R3`, `S`. */
export type NodeId = Brand<string, 'NodeId'>;
/** A message id: `m1` for an application message, derived ids for protocol messages. */
export type MsgId = Brand<string, 'MsgId'>;
/** One copy of a message on the wire: `m1@P2`, `m1@P2#2` for the second transmission. */
export type CopyId = Brand<string, 'CopyId'>;
/** Integer virtual time. The simulation never reads a real clock. */
export type SimTime = Brand<number, 'SimTime'>;
/** Index of an event in the trace: 0, 1, 2, … */
export type Step = Brand<number, 'Step'>;

export const nodeId = (s: string) => s as NodeId;
export const msgId = (s: string) => s as MsgId;
export const simTime = (t: number) => t as SimTime;
export const step = (s: number) => s as Step;

/** The id of the `n`-th transmission (1-based) of `msg` to `to`. */
export function copyId(msg: MsgId | string, to: NodeId | string, n = 1): CopyId {
  return (n === 1 ? `${msg}@${to}` : `${msg}@${to}#${n}`) as CopyId;
}
