/**
 * A local stand-in for EventBridge: it polls the local RDS endpoint's events
 * (`GET /_emulator/rds-events`, in the shape EventBridge delivers) and hands every event matching
 * a rule's pattern to that rule's target once.
 */
import type { EmulatorAdminClient, RdsEventBridgeEvent } from "aurora-power/emulator";

type Pattern = { [key: string]: readonly unknown[] | Pattern };

/**
 * EventBridge matching for the pattern forms the keeper uses ("Creating event patterns",
 * EventBridge User Guide): an array lists accepted values (for an array field, any element may
 * match); an object matches a nested object field by field.
 */
export function matchesPattern(pattern: Pattern, event: unknown): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = (event as Record<string, unknown> | null)?.[key];
    if (Array.isArray(expected)) {
      const values = Array.isArray(actual) ? (actual as unknown[]) : [actual];
      return values.some((v) => expected.includes(v));
    }
    return matchesPattern(expected as Pattern, actual);
  });
}

export interface Rule {
  pattern: Pattern;
  target: (event: RdsEventBridgeEvent) => Promise<unknown>;
}

/** Delivers matching events to targets until {@link EventBridgeHarness.stop}. */
export class EventBridgeHarness {
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private polling = Promise.resolve();
  readonly deliveries: Promise<unknown>[] = [];
  readonly delivered: RdsEventBridgeEvent[] = [];

  constructor(
    private readonly admin: EmulatorAdminClient,
    private readonly rules: Rule[],
    private readonly pollMs = 20,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll());
    }, this.pollMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await Promise.allSettled(this.deliveries);
  }

  private async poll(): Promise<void> {
    for (const event of await this.admin.rdsEvents()) {
      if (this.seen.has(event.id)) continue;
      this.seen.add(event.id);
      for (const rule of this.rules) {
        if (!matchesPattern(rule.pattern, event)) continue;
        this.delivered.push(event);
        this.deliveries.push(rule.target(event));
      }
    }
  }
}
