import { useMemo } from 'react';
import type { Trace, TraceEvent } from '../../sim/trace';
import { useLab, useLabStore } from '../../store/react';
import type { EventLogProps } from '../log/EventLog';

/**
 * The event log's side of the IGMP packet inspector. The shell calls `useLogInspect` on every
 * screen, so this module stays apart from the inspector itself: importing it must not pull the
 * network lab (loaded on demand) into the first download.
 */

/** Every IGMP message of a run (the ones whose send carries bytes): what the inspector can open. */
export function igmpMessageIds(trace: Trace): Set<string> {
  const ids = new Set<string>();
  for (const e of trace.events)
    if (e.type === 'send' && e.msg && Array.isArray((e.detail as { bytes?: unknown })?.bytes)) ids.add(e.msg);
  return ids;
}

/**
 * The event log's hook into the inspector (issue 4: a click on an IGMP message's row opens it):
 * opening selects the message in the store, and the network lab shows the selected IGMP message.
 */
export function useLogInspect(): NonNullable<EventLogProps['inspect']> {
  const store = useLabStore();
  const trace = useLab((s) => s.trace);
  return useMemo(() => {
    const ids = igmpMessageIds(trace);
    return {
      can: (e: TraceEvent) => e.msg !== undefined && ids.has(e.msg),
      open: (e: TraceEvent) => {
        if (e.msg) store.getState().select({ msg: e.msg });
      },
    };
  }, [trace, store]);
}
