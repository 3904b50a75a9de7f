import type { ActionHandler } from "./actionContext";
import { taggedResource } from "./taggedResource";

/**
 * AddTagsToResource, as RDS answers it (an empty result): a cluster ARN's tags are added, a key
 * already there takes the new value ("Tagging Amazon RDS resources", RDS User Guide); a member
 * instance's ARN is accepted and its tags are not kept (ListTagsForResource lists none for
 * instances). This is how a test, or `aws rds add-tags-to-resource` against the local endpoint,
 * sets the keep-running tag without a Pulumi run.
 */
export const addTagsToResource: ActionHandler = (context) => {
  const record = taggedResource(context);
  if (!record) return {};
  for (const tag of context.params.tags()) {
    record.tags = [...record.tags.filter((t) => t.Key !== tag.Key), tag];
  }
  return {};
};
