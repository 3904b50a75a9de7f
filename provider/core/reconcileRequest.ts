/** What {@link reconcile} is asked to do for one cluster, and how it ended. */
import type { DBCluster } from "@aws-sdk/client-rds";
import type { PowerState } from "../aurora/clusterStatus";
import type { RetryCommand } from "./messages";
import type { ProgressSink } from "./statusTracker";

/** What one reconcile is asked to do. */
export interface ReconcileRequest {
  clusterIdentifier: string;
  /** How messages and progress name the cluster (a secret identifier is not shown). */
  displayName: string;
  region: string;
  desired: PowerState;
  timeoutMinutes: number;
  /** The cluster as just described, if the caller has it (saves one describe). */
  first?: DBCluster;
  /** A release treats a cluster that is gone (or being deleted) as done; others fail. */
  goneIsDone: boolean;
  /** The command that retries the operation, for messages. */
  retry: RetryCommand;
  /** Where this cluster's progress goes (a fleet summarizes its members). */
  progress: ProgressSink;
  /**
   * Called once, before the first StopDBCluster, with the cluster as last described (an update
   * has no describe of its own before the reconcile: this is where its tags are first seen).
   */
  beforeStop?: (cluster: DBCluster | undefined) => void;
}

/** How a reconcile ended: never thrown, always returned. */
export interface ReconcileResult {
  reached: boolean;
  /** The cluster as last seen; undefined when it does not exist or was never seen. */
  cluster: DBCluster | undefined;
  /** Whether a power call was (or may have been) carried out by RDS. */
  actionIssued: boolean;
  /** The status first observed; undefined when the cluster was not found. */
  firstStatus: string | undefined;
  /** Seconds from the start of the reconcile to its end. */
  elapsedSeconds: number;
  /** Why it failed, when it did. */
  error?: Error;
}
