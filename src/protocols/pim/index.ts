import type { World } from '../net/world';
import { DenseRouter } from './dense';
import type { PimRouter } from './router';
import { SparseRouter } from './sparse';

/** The PIM a router runs in a world with `pim` set, or null without. */
export function createPimRouter(w: World, id: string): PimRouter | null {
  if (!w.pim) return null;
  return w.pim.mode === 'dense' ? new DenseRouter(w, id, w.pim) : new SparseRouter(w, id, w.pim);
}
