import type { NodeId } from './ids';
import type { Trace, TraceEvent } from './trace';

/**
 * A trace around events written by hand (for the checkers' tests): steps and times are the
 * events' own, the end time is one past the last, and there are no copies or per-step states
 * (the checkers read only events).
 */
export function handTrace(nodes: readonly NodeId[], events: TraceEvent[]): Trace {
  return {
    format: 1,
    nodes: [...nodes],
    events,
    copies: [],
    states: [],
    initial: {},
    endTime: events.length,
    truncated: false,
  };
}
