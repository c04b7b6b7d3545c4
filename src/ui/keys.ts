/**
 * The keyboard map (one place, so the help overlay and the handler cannot disagree).
 * PageUp/PageDown are what presentation clickers send; ←/→ and Space are what a lecturer
 * reaches for on a laptop.
 */
export type KeyAction =
  | 'back'
  | 'forward'
  | 'play'
  | 'first'
  | 'last'
  | 'faster'
  | 'slower'
  | 'presenter'
  | 'language'
  | 'undo'
  | 'help'
  | 'escape';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function keyAction(e: KeyInput): KeyAction | null {
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) return e.key === 'z' || e.key === 'Z' ? 'undo' : null;
  switch (e.key) {
    case 'ArrowLeft':
    case 'PageUp':
      return 'back';
    case 'ArrowRight':
    case 'PageDown':
      return 'forward';
    case ' ':
      return 'play';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'p':
    case 'P':
      return 'presenter';
    case 'l':
    case 'L':
      return 'language';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    default:
      return null;
  }
}

/**
 * Whether the key belongs to the focused element instead: typing in a field, a select's own
 * arrows, a range input's own arrows, Space/Enter pressing a focused button.
 */
export function ownedByTarget(
  key: string,
  target: { tagName: string; isContentEditable?: boolean } | null,
): boolean {
  if (!target) return false;
  if (key === 'Escape') return false;
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable) return true;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && (key === ' ' || key === 'Enter')) return true;
  return false;
}

/** Rows of the help overlay: the keys as shown, and the i18n key of what they do. */
export const KEY_HELP: readonly { keys: string[]; what: string }[] = [
  { keys: ['←', '→'], what: 'step' },
  { keys: ['PageUp', 'PageDown'], what: 'clicker' },
  { keys: ['Space'], what: 'play' },
  { keys: ['Home', 'End'], what: 'ends' },
  { keys: ['+', '−'], what: 'speed' },
  { keys: ['P'], what: 'presenter' },
  { keys: ['L'], what: 'language' },
  { keys: ['Ctrl+Z', '⌘Z'], what: 'undo' },
  { keys: ['?'], what: 'help' },
  { keys: ['Esc'], what: 'escape' },
];
