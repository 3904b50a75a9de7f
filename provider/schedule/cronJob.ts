/** The one place croner is constructed, with the options that match EventBridge semantics. */
import { Cron } from "croner";

/**
 * A paused croner job for a translated pattern in `timeZone`. `domAndDow: true` because EventBridge
 * puts `?` (croner `*`) in one of the two day fields, so AND gives exactly the other field's days;
 * croner's default OR would match every day. `mode: "7-part"` pins seconds + year.
 */
export function cronJob(cronerPattern: string, timeZone: string): Cron {
  return new Cron(cronerPattern, {
    timezone: timeZone,
    domAndDow: true,
    mode: "7-part",
    paused: true,
  });
}

/** The instant of a wall-clock `yyyy-mm-ddThh:mm:ss` in `timeZone` if after `from`, else null. */
export function onceAfter(localDateTime: string, timeZone: string, from: Date): Date | null {
  return new Cron(localDateTime, { timezone: timeZone, paused: true }).nextRun(from);
}
