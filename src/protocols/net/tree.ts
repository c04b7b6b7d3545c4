import type { Routing } from './routing';

/**
 * A source-rooted shortest-path tree: the union of the unicast shortest paths from the source
 * to each receiver. Routing's tie-breaking makes that union a tree (routing.ts), so a packet
 * is copied only where paths to receivers part: "packets are replicated only when necessary"
 * (lecture, "IP multicasting"). Multicast routing protocols (PIM, a later issue) build their
 * trees with messages; this is the tree they converge to in the simplest case.
 */
export interface SourceTree {
  source: string;
  /** Each vertex on the tree except the source, and the vertex it hears the packet from. */
  parent: Map<string, string>;
  /** Each vertex's children, in id order. */
  children: Map<string, string[]>;
}

export function sourceTree(routing: Routing, source: string, receivers: Iterable<string>): SourceTree {
  const parent = new Map<string, string>();
  for (const r of receivers) {
    if (r === source) continue;
    const p = routing.path(source, r);
    for (let i = 1; i < p.length; i++) parent.set(p[i]!, p[i - 1]!);
  }
  const children = new Map<string, string[]>();
  for (const [v, p] of parent) {
    const list = children.get(p) ?? [];
    list.push(v);
    children.set(p, list);
  }
  for (const list of children.values()) list.sort();
  return { source, parent, children };
}
