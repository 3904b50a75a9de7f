/**
 * What the integration tests of the notifying workflows share: the topic, the local RDS endpoint
 * booted per test (and stopped after it), the fixtures of `test/fixtures/notifications/` and the
 * recorded publishes in the fixtures' shape.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RDSClient } from "@aws-sdk/client-rds";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "aurora-power/emulator";
import { localRdsClient } from "../../scripts/keeper/localExecution";
import type { SnsRecorder } from "../../scripts/keeper/snsRecorder";

/** The topic every notifying workflow of these tests publishes to (the fixtures' `topicArn`). */
export const TOPIC = "arn:aws:sns:eu-west-1:123456789012:aurora-ops";

/** One fixture: the publish a run must make, its message as an object. */
export interface NotificationFixture {
  topicArn: string;
  subject?: string;
  message: Record<string, string>;
}

/** The fixture `test/fixtures/notifications/<name>.json`. */
export function notificationFixture(name: string): NotificationFixture {
  const file = path.join(__dirname, "../fixtures/notifications", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as NotificationFixture;
}

/** What the recorder must have received for `name`: the fixture, the message as exact JSON text. */
export function expectedPublishes(name: string) {
  const { topicArn, subject, message } = notificationFixture(name);
  return [{ topicArn, subject, message: JSON.stringify(message) }];
}

/** The recorder's publishes without the publishing state, as `expectedPublishes` states them. */
export function publishedBy(sns: SnsRecorder) {
  return sns.published.map(({ topicArn, subject, message }) => ({ topicArn, subject, message }));
}

/** The local endpoint of the running test and an SDK client to it. */
export interface LocalEndpoint {
  emu: RunningEmulator;
  rds: RDSClient;
}

/**
 * Boots a local endpoint per call of the returned function, and stops it (and destroys its
 * client) after each test; `current()` is the endpoint the running test booted.
 */
export function localEndpointPerTest(): {
  boot: (options: EmulatorOptions) => Promise<LocalEndpoint>;
  current: () => LocalEndpoint;
} {
  let endpoint: LocalEndpoint | undefined;
  afterEach(async () => {
    endpoint?.rds.destroy();
    await endpoint?.emu.stop();
    endpoint = undefined;
  });
  return {
    boot: async (options) => {
      const emu = await startEmulator(options);
      endpoint = { emu, rds: localRdsClient(emu.url) };
      return endpoint;
    },
    current: () => {
      if (!endpoint) throw new Error("no local endpoint booted in this test");
      return endpoint;
    },
  };
}
