/** Small line icons drawn inline (emoji glyphs for ⏮ ⏯ differ between systems and fonts). */
const PATHS = {
  first: 'M5 4v16M19 4 8 12l11 8z',
  back: 'M19 4 8 12l11 8zM6 4v16',
  play: 'M7 4l13 8-13 8z',
  pause: 'M7 4h3v16H7zM14 4h3v16h-3z',
  forward: 'M5 4l11 8-11 8zM18 4v16',
  last: 'M19 4v16M5 4l11 8-11 8z',
  undo: 'M9 5 4 10l5 5M4 10h10a6 6 0 0 1 0 12h-3',
  reset: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  book: 'M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2zM4 21V5',
  screen: 'M3 4h18v12H3zM8 20h8M12 16v4',
  send: 'M4 12 20 4l-6 16-3-7z',
  close: 'M6 6l12 12M18 6 6 18',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  const filled = name === 'play' || name === 'pause' || name === 'back' || name === 'forward';
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={filled ? 1 : 2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
