import type { PollerSettings } from "./pollerSettings";

/** Bounds of a learned duration: a glitch must not make the poller spin or sleep for hours. */
const MIN_LEARNED_MS = 100;
const MAX_LEARNED_MS = 4 * 60 * 60 * 1000;

/** Weight of the newest observation in the moving average. */
const SMOOTHING = 0.5;

/**
 * How long each transitional status lasts, learned from transitions this provider process saw from
 * their beginning (an action it issued, or an observed status change). Shared by every wait of a
 * poller, so the second cluster of a stack is polled at the right moments.
 */
export class DurationModel {
  private readonly learned = new Map<string, number>();

  constructor(
    private readonly settings: Pick<
      PollerSettings,
      "expectedStopMs" | "expectedStartMs" | "expectedOtherMs"
    >,
  ) {}

  /** Records that `status` lasted `durationMs`. */
  record(status: string, durationMs: number): void {
    const bounded = Math.min(MAX_LEARNED_MS, Math.max(MIN_LEARNED_MS, durationMs));
    const previous = this.learned.get(status);
    this.learned.set(
      status,
      previous === undefined ? bounded : previous + SMOOTHING * (bounded - previous),
    );
  }

  /** True once a full `status` was observed in this process. */
  isLearned(status: string): boolean {
    return this.learned.has(status);
  }

  /** Expected duration of `status`: learned, else the configured default. */
  expectedMs(status: string): number {
    const learned = this.learned.get(status);
    if (learned !== undefined) return learned;
    if (status === "stopping") return this.settings.expectedStopMs;
    if (status === "starting") return this.settings.expectedStartMs;
    return this.settings.expectedOtherMs;
  }
}
