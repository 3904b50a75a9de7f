import type { ActionHandler } from "./actionContext";
import { RdsApiError } from "../errors";

const RESOURCE_ARN = /^arn:[^:]+:rds:[^:]*:\d{12}:(cluster|db):([^:]+)$/;

/**
 * AddTagsToResource, as RDS answers it (an empty result): a cluster ARN's tags are added, a key
 * already there takes the new value ("Tagging Amazon RDS resources", RDS User Guide); a member
 * instance's ARN is accepted and its tags are not kept (ListTagsForResource lists none for
 * instances). This is how a test, or `aws rds add-tags-to-resource` against the local endpoint,
 * sets the keep-running tag without a Pulumi run.
 */
export const addTagsToResource: ActionHandler = ({ params, store }) => {
  const name = params.require("ResourceName");
  const match = RESOURCE_ARN.exec(name);
  if (!match?.[1] || !match[2]) {
    throw RdsApiError.invalidParameter(
      "The specified resource name does not match an RDS resource in this region.",
    );
  }
  const id = match[2].toLowerCase();
  if (match[1] === "cluster") {
    const record = store.get(id);
    for (const tag of params.tags()) {
      record.tags = [...record.tags.filter((t) => t.Key !== tag.Key), tag];
    }
    return {};
  }
  if (!store.list().some((r) => r.instanceIds.includes(id))) throw RdsApiError.instanceNotFound(id);
  return {};
};
