import type { ClusterStore } from "../clusterStore";
import type { QueryParams } from "../queryParams";
import type { XmlObject } from "../xml";
import type { EmulatorCounters } from "../types";

/** What an action handler gets for one request. */
export interface ActionContext {
  params: QueryParams;
  store: ClusterStore;
  /** Region from the request's SigV4 credential scope, when signed. */
  region?: string;
  counters: EmulatorCounters;
}

/** One RDS action: reads parameters, acts on the store, returns the `<XResult>` body. */
export type ActionHandler = (context: ActionContext) => XmlObject;

/** Accepts a cluster identifier or a cluster ARN and returns the identifier part. */
export function clusterIdFromReference(reference: string): string {
  const match = /^arn:[^:]+:rds:[^:]*:[^:]*:cluster:(.+)$/.exec(reference);
  return (match?.[1] ?? reference).toLowerCase();
}
