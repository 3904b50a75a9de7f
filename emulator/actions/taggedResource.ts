import type { ActionContext } from "./actionContext";
import type { ClusterRecord } from "../clusterRecord";
import { RdsApiError } from "../errors";

const RESOURCE_ARN = /^arn:[^:]+:rds:[^:]*:\d{12}:(cluster|db):([^:]+)$/;

/**
 * The resource a tagging action's `ResourceName` names: a cluster's record, or `undefined` for a
 * member instance (RDS lists no tags for the emulator's instances). An ARN that names neither is
 * refused as RDS refuses it; an unknown cluster or instance gets RDS's not-found error.
 */
export function taggedResource({ params, store }: ActionContext): ClusterRecord | undefined {
  const name = params.require("ResourceName");
  const match = RESOURCE_ARN.exec(name);
  if (!match?.[1] || !match[2]) {
    throw RdsApiError.invalidParameter(
      "The specified resource name does not match an RDS resource in this region.",
    );
  }
  const id = match[2].toLowerCase();
  if (match[1] === "cluster") return store.get(id);
  if (!store.list().some((r) => r.instanceIds.includes(id))) throw RdsApiError.instanceNotFound(id);
  return undefined;
}
