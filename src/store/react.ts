import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './lab';

/** The store reaches components through context, so tests and e2e can mount with any store. */
export const LabContext = createContext<LabStore | null>(null);

export function useLabStore(): LabStore {
  const s = useContext(LabContext);
  if (!s) throw new Error('useLab outside <LabContext.Provider>');
  return s;
}

/** Select one value (zustand's advice: select single values; wrap object selectors in useShallow). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
