import { EXAMPLES, type Example } from '../../scenarios/examples';

export type { Example };

/**
 * The network lab's built-in examples, in the menu's order: the entries of the shared Examples
 * list (src/scenarios/examples/index.ts, every lab's menu) whose scenario is a network-lab one.
 */
export const NETWORK_EXAMPLES: readonly Example[] = EXAMPLES.filter(
  (e) => (e.data as { lab?: unknown }).lab === 'network',
);
