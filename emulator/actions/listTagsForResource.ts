import type { ActionHandler } from "./actionContext";
import { taggedResource } from "./taggedResource";

/** ListTagsForResource for cluster ARNs (their tags) and member instance ARNs (no tags). */
export const listTagsForResource: ActionHandler = (context) => {
  const record = taggedResource(context);
  return { TagList: { Tag: (record?.tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })) } };
};
