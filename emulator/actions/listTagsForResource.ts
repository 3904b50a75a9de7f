import type { ActionHandler } from "./actionContext";
import { RdsApiError } from "../errors";

const RESOURCE_ARN = /^arn:[^:]+:rds:[^:]*:\d{12}:(cluster|db):([^:]+)$/;

/** ListTagsForResource for cluster ARNs (their tags) and member instance ARNs (no tags). */
export const listTagsForResource: ActionHandler = ({ params, store }) => {
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
    return { TagList: { Tag: record.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } };
  }
  const owner = store.list().find((r) => r.instanceIds.includes(id));
  if (!owner) throw RdsApiError.instanceNotFound(id);
  return { TagList: { Tag: [] } };
};
