import type { KeyboardEvent } from 'react';

/**
 * The key handler of a popover or menu over the diagram: its keys are its own, so the shell's
 * step keys (arrows, space, Home/End) do not move the cursor under it; Escape closes it.
 */
export function popoverKeys(close: () => void) {
  return (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };
}
