import type { TimeWindow } from './geometry';

/**
 * The time axis's zoom and pan, as plain window arithmetic. "Fit" shows the whole run; a large
 * run opens on a slice of it so only a few hundred shapes are drawn, and the window follows the
 * cursor when it would leave the screen.
 */

/** Above this many events a run opens zoomed in rather than fitted. */
export const FIT_LIMIT = 600;
export const MIN_SPAN = 4;

export function fitWindow(endTime: number): TimeWindow {
  const pad = Math.max(1, Math.ceil(endTime * 0.03));
  return { t0: -pad, t1: Math.max(endTime, 1) + pad };
}

export function initialWindow(endTime: number, events: number, tNow: number): TimeWindow {
  const fit = fitWindow(endTime);
  if (events <= FIT_LIMIT) return fit;
  const span = Math.max(MIN_SPAN, ((fit.t1 - fit.t0) * FIT_LIMIT) / (2 * events));
  return follow({ t0: fit.t0, t1: fit.t0 + span }, tNow);
}

/** Zoom by `factor` (< 1 zooms in) keeping time `at` where it is on screen. */
export function zoom(win: TimeWindow, factor: number, at: number, endTime: number): TimeWindow {
  const fit = fitWindow(endTime);
  const span = win.t1 - win.t0;
  const next = Math.max(MIN_SPAN, Math.min((fit.t1 - fit.t0) * 1.5, span * factor));
  const k = span > 0 ? (at - win.t0) / span : 0.5;
  return { t0: at - k * next, t1: at - k * next + next };
}

export function pan(win: TimeWindow, dt: number): TimeWindow {
  return { t0: win.t0 + dt, t1: win.t1 + dt };
}

/** Bring time `t` on screen: moving forward it lands 80 % across, moving back 20 %. */
export function follow(win: TimeWindow, t: number): TimeWindow {
  const span = win.t1 - win.t0;
  if (t > win.t1) return { t0: t - 0.8 * span, t1: t + 0.2 * span };
  if (t < win.t0) return { t0: t - 0.2 * span, t1: t + 0.8 * span };
  return win;
}
