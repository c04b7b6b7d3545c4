import type { IgmpKind, IgmpMessage } from '../igmp/packets';

/** The trace's `kind` of an IGMP copy: `query`, `report` or `leave` (views colour by it). */
export function igmpTraceKind(m: IgmpMessage): string {
  return m.kind === 'query' ? 'query' : m.kind === 'leave' ? 'leave' : 'report';
}

/** The short header drawn on an IGMP copy's arrow. */
export const IGMP_KIND_LABEL: Record<IgmpKind, string> = {
  query: 'Query',
  'v1-report': 'Report(v1)',
  'v2-report': 'Report',
  leave: 'Leave',
};
