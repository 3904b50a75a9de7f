import type { QueryParams } from "../queryParams";
import { RdsApiError } from "../errors";

/** One page of a Describe result and the `Marker` of the next page, if any. */
export interface Page<T> {
  items: T[];
  marker?: string;
}

/**
 * `MaxRecords` (default 100, allowed 20–100) and `Marker` paging, as the Describe* actions of the
 * RDS API reference define them. The marker is opaque to callers: the key of the last item
 * returned, so paging stays stable when items are added or removed between calls.
 */
export function paginate<T>(params: QueryParams, items: T[], keyOf: (item: T) => string): Page<T> {
  const maxRecords = params.integer("MaxRecords") ?? 100;
  if (maxRecords < 20 || maxRecords > 100) {
    throw RdsApiError.invalidParameter(
      `Invalid value ${maxRecords} for MaxRecords. Must be between 20 and 100`,
    );
  }
  const marker = params.get("Marker");
  let start = 0;
  if (marker !== undefined && marker !== "") {
    const after = decodeMarker(marker);
    start = items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + maxRecords);
  const last = page[page.length - 1];
  const more = start + maxRecords < items.length && last !== undefined;
  return { items: page, marker: more ? Buffer.from(keyOf(last)).toString("base64url") : undefined };
}

function decodeMarker(marker: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(marker)) {
    throw RdsApiError.invalidParameter(`Invalid value ${marker} for parameter Marker.`);
  }
  return Buffer.from(marker, "base64url").toString("utf8");
}
