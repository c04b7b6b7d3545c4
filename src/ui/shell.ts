import { create } from 'zustand';

/**
 * The shell's own view state: which overlay is open, whether the log is shown, whether a lesson
 * is paused for free exploration. It is not part of a shared screen, so it is not in the lab store
 * (whose state the URL carries).
 */
export type Overlay = 'help' | 'toc' | 'share' | null;

export interface ShellState {
  overlay: Overlay;
  logOpen: boolean;
  /** VisuAlgo's "exploration mode": the lesson is kept but its narration and highlight step aside. */
  exploring: boolean;
  open(o: Overlay): void;
  toggleLog(): void;
  setExploring(e: boolean): void;
}

export const useShell = create<ShellState>()((set) => ({
  overlay: null,
  // The text twin is shown from the start: it fills the room a small group's diagram leaves.
  logOpen: true,
  exploring: false,
  open(overlay) {
    set({ overlay });
  },
  toggleLog() {
    set((s) => ({ logOpen: !s.logOpen }));
  },
  setExploring(exploring) {
    set({ exploring });
  },
}));
