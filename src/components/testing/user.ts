import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

/**
 * user-event for Grafana UI pages in jsdom. The default pointer-events check calls getComputedStyle on the
 * target and every ancestor, and jsdom re-matches every emotion rule (and, for inherited properties, every
 * ancestor's rules) on each call: on the SLO editor that was about 55 ms a call and over half of the test time,
 * which is what timed tests out on a busy machine. The app never disables a control with `pointer-events`, and
 * disabled controls are still checked with `toBeDisabled()`. `delay: null` skips the timer between keystrokes.
 */
export function setupUser() {
  return userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}
