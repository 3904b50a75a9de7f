import type { PollerSettings } from "./pollerSettings";

/** What the schedule knows about one wait. */
export interface PollTiming {
  /** Milliseconds since the current status began (or was first seen). */
  sinceStatusMs: number;
  /** Expected total duration of the current status. */
  expectedMs: number;
  /** Whether `expectedMs` was learned in this process (else it is only a default). */
  learned: boolean;
}

/**
 * Delay before the next describe for one wait. Pure (randomness passed in) so tests assert the
 * exact sequence.
 *
 * - Before the expected completion: half the remaining time, so polls converge on the expected end
 *   and reach the minimum interval just around it (a completion is seen within about one minimum
 *   interval) while a transition with minutes left is polled rarely.
 * - After it: a quarter of the overdue time, backing off slowly.
 * - While the duration is only a default (nothing learned yet): also at most a fifth of the time
 *   spent so far, so an unexpectedly fast transition is seen within ~20% of its duration.
 *
 * The result gets ± `jitterRatio` jitter and is clamped to [`minIntervalMs`, `maxIntervalMs`].
 */
export function nextPollDelayMs(
  timing: PollTiming,
  settings: PollerSettings,
  random: number,
): number {
  const remainingMs = timing.expectedMs - timing.sinceStatusMs;
  let targetMs = remainingMs > 0 ? remainingMs / 2 : -remainingMs / 4;
  if (!timing.learned) targetMs = Math.min(targetMs, timing.sinceStatusMs / 5);
  const jitter = 1 + settings.jitterRatio * (2 * random - 1);
  const delayMs = Math.round(targetMs * jitter);
  return Math.min(settings.maxIntervalMs, Math.max(settings.minIntervalMs, delayMs));
}
