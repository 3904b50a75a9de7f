/**
 * The start workflow's StartDBCluster Task run locally: a handler calling the RDS endpoint through
 * `@aws-sdk/client-rds`, its answer and errors shaped as the Step Functions SDK integration gives
 * them, for `runLocally`'s `extraTasks` (the Describe handler is `runLocally`'s own).
 */
import { StartDBClusterCommand, type RDSClient } from "@aws-sdk/client-rds";
import { sfnErrorNameOf, toSfnShape } from "../../provider/workflow/sdkIntegrationShape";

/** Overrides for the start workflow: StartCluster calls the endpoint, waits take `pollMs`. */
export function localStartTasks(rds: RDSClient, pollMs = 20) {
  const startCluster = async (input: unknown): Promise<never> => {
    const id = (input as { DbClusterIdentifier: string }).DbClusterIdentifier;
    try {
      return toSfnShape(
        await rds.send(new StartDBClusterCommand({ DBClusterIdentifier: id })),
      ) as never;
    } catch (caught) {
      const error = new Error((caught as Error).message);
      error.name = sfnErrorNameOf(caught);
      throw error;
    }
  };
  return {
    taskResourceLocalHandlers: { StartCluster: startCluster },
    retryIntervalOverrides: { StartCluster: 5 },
    waitTimeOverrides: { WaitAndDescribe: pollMs },
  };
}
