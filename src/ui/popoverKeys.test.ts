import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { popoverKeys } from './popoverKeys';

/** A key event that records what the handler did with it. */
function press(key: string) {
  const did = { stopped: false, prevented: false };
  const e = {
    key,
    stopPropagation: () => {
      did.stopped = true;
    },
    preventDefault: () => {
      did.prevented = true;
    },
  } as unknown as KeyboardEvent;
  return { e, did };
}

describe('popoverKeys', () => {
  it('keeps every key from the shell, and closes on Escape only', () => {
    let closed = 0;
    const onKey = popoverKeys(() => {
      closed++;
    });
    for (const key of ['ArrowRight', ' ', 'Home', 'Enter']) {
      const { e, did } = press(key);
      onKey(e);
      expect([key, did.stopped, did.prevented]).toEqual([key, true, false]);
    }
    expect(closed).toBe(0);
    const { e, did } = press('Escape');
    onKey(e);
    expect([did.stopped, did.prevented, closed]).toEqual([true, true, 1]);
  });
});
