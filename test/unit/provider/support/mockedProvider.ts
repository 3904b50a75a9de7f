import { DescribeBlueGreenDeploymentsCommand, type RDSClient } from "@aws-sdk/client-rds";
import type { AwsClientStub } from "aws-sdk-client-mock";
import * as impl from "../../../../provider/dynamic/implementation";
import { FakeTime } from "./fakeTime";

/**
 * Before each test of the provider against a mocked RDS client: a fresh stub with no Blue/Green
 * deployment, an empty message list (progress, warnings prefixed `warning: `, and the kept lines unless `notes` is given), and a runtime on a fake clock with no jitter and no
 * environment.
 */
export function resetMockedProvider(
  rds: AwsClientStub<RDSClient>,
  messages: string[],
  notes: string[] = messages,
): void {
  rds.reset();
  rds.on(DescribeBlueGreenDeploymentsCommand).resolves({ BlueGreenDeployments: [] });
  messages.length = 0;
  notes.length = 0;
  const time = new FakeTime();
  impl.setRuntimeHooks({
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    progress: (m) => messages.push(m),
    warn: (m) => messages.push(`warning: ${m}`),
    note: (m) => notes.push(m),
    env: {},
  });
}
