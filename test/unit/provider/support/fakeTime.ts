import type { Clock, Sleep } from "../../../../provider/poller/clusterPoller";

/**
 * A fake clock whose sleep advances time at once and records every delay, so tests assert the
 * exact sleep sequence with no real waiting.
 */
export class FakeTime {
  nowMs = 0;
  readonly sleeps: number[] = [];
  readonly clock: Clock = { now: () => this.nowMs };
  readonly sleep: Sleep = async (ms) => {
    this.sleeps.push(ms);
    this.nowMs += ms;
    await Promise.resolve();
  };
}
