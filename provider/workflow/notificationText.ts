/**
 * Every user-facing word of the workflows' notifications: the outcome names, the Subject line and
 * the reason of an unexpected error. Kept here so a change of wording is one edit (and one fixture
 * update in `test/fixtures/notifications/`).
 */

/** The `source` field of every notification, so a subscriber can filter on it. */
export const NOTIFICATION_SOURCE = "aurora-power";

/** What a workflow run was asked to do. */
export type NotifiedAction = "stop" | "start";

/** The outcome word of a run that ended in a Fail state. */
export const FAILED_OUTCOME = "failed";

/**
 * The Subject of a notification (e-mail subscribers see it; other protocols get it in the JSON
 * envelope). Amazon SNS accepts ASCII text without line breaks, under 100 characters ("Publish",
 * Amazon SNS API Reference, `Subject`): it fits for any identifier of up to 45 characters (RDS
 * allows 63) in any Region; for a longer one the workflow publishes without a Subject.
 */
export function notificationSubject(
  cluster: string,
  region: string,
  action: NotifiedAction,
  outcome: string,
): string {
  return `aurora-power: ${cluster} (${region}) ${action}: ${outcome}`;
}

/**
 * The reason of a run ended by an error no state of the definition handles (throttling or 5xx
 * after every retry, a task timeout, a permission missing from the workflow's role). `error` and
 * `cause` are the error's name and message.
 */
export function unexpectedErrorReason(error: string, cause: string): string {
  return (
    `unexpected error \`${error}\`: ${cause}; the workflow retried what it could retry, ` +
    "see the execution's events in the Step Functions console"
  );
}
