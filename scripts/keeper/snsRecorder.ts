/**
 * A local stand-in for the Step Functions SNS integration (`arn:aws:states:::sns:publish`): every
 * publish Task of a definition gets a local handler that records the message instead of calling
 * AWS, and refuses what Amazon SNS refuses (a Subject of 100 characters or more, or not ASCII:
 * "Publish", Amazon SNS API Reference). It can also refuse the first publishes, as a throttled or
 * failing SNS would, to show a failed publish never changes how the run ends.
 */
import type { StateMachineDefinition } from "../../provider/workflow/aslTypes";
import { SNS_PUBLISH_RESOURCE } from "../../provider/workflow/notifications";

/** One message the workflow published. */
export interface PublishedMessage {
  /** The publish Task that sent it. */
  state: string;
  topicArn: string;
  subject?: string;
  /** The message body exactly as published (a JSON string). */
  message: string;
}

/** The error name the SNS integration raises: `SNS.` and the SNS API's exception name. */
function snsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = `SNS.${name}`;
  return error;
}

/** Records publishes; `refuseFirst` publishes fail with `SNS.ThrottledException`. */
export class SnsRecorder {
  readonly published: PublishedMessage[] = [];
  /** Publish attempts, refused ones included. */
  attempts = 0;

  constructor(private readonly refuseFirst = 0) {}

  /** Local handlers (and no retry pauses) for every SNS publish Task of `definition`. */
  overridesFor(definition: StateMachineDefinition) {
    const names = Object.entries(definition.States)
      .filter(([, state]) => state.Type === "Task" && state.Resource === SNS_PUBLISH_RESOURCE)
      .map(([name]) => name);
    return {
      taskResourceLocalHandlers: Object.fromEntries(
        names.map((name) => [name, (input: unknown) => this.publish(name, input)]),
      ),
      retryIntervalOverrides: Object.fromEntries(names.map((name) => [name, 1])),
    };
  }

  private publish(state: string, input: unknown): Promise<never> {
    this.attempts += 1;
    const { TopicArn, Subject, Message } = input as Record<string, string | undefined>;
    if (this.attempts <= this.refuseFirst)
      return Promise.reject(snsError("ThrottledException", "Rate exceeded"));
    if (Subject !== undefined && (Subject.length >= 100 || !/^[\x20-\x7e]+$/.test(Subject)))
      return Promise.reject(snsError("InvalidParameterException", "Invalid parameter: Subject"));
    if (typeof TopicArn !== "string" || typeof Message !== "string")
      return Promise.reject(snsError("InvalidParameterException", "Invalid parameter: Message"));
    const message: PublishedMessage = { state, topicArn: TopicArn, message: Message };
    if (Subject !== undefined) message.subject = Subject;
    this.published.push(message);
    return Promise.resolve({ MessageId: `local-${this.published.length}` } as never);
  }
}
