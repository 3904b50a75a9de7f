import type { ActionHandler } from "./actionContext";
import { clusterIdFromReference } from "./actionContext";
import { paginate } from "./pagination";
import { clusterView, clusterXml } from "../serialize";
import { RdsApiError } from "../errors";
import { applyStaleRead } from "../staleRead";
import type { ClusterRecord } from "../clusterRecord";
import type { QueryFilter } from "../queryParams";

// Filters the emulator understands (RDS API reference, DescribeDBClusters, Filters).
const FILTERS: Record<string, (record: ClusterRecord, values: string[]) => boolean> = {
  "db-cluster-id": (r, values) => values.map(clusterIdFromReference).includes(r.id),
  engine: (r, values) => values.includes(r.engine),
};

function matchesAll(record: ClusterRecord, filters: QueryFilter[]): boolean {
  return filters.every((f) => FILTERS[f.Name]?.(record, f.Values) ?? false);
}

/**
 * DescribeDBClusters: by identifier or ARN, `db-cluster-id`/`engine` filters, paginated. For
 * `staleReadSeconds` after an accepted stop or start it still shows the pre-call status.
 */
export const describeDBClusters: ActionHandler = ({ params, store, region, counters }) => {
  const filters = params.filters();
  const unknown = filters.find((f) => !(f.Name in FILTERS));
  if (unknown) throw RdsApiError.invalidParameter(`Unrecognized filter name: ${unknown.Name}`);
  const reference = params.get("DBClusterIdentifier");
  const idsAsked = filters
    .filter((f) => f.Name === "db-cluster-id")
    .reduce((sum, f) => sum + f.Values.length, 0);
  counters.describeClusterIdsPerCall.push(reference ? 1 : idsAsked);
  let clusters: ClusterRecord[];
  if (reference) {
    // A named cluster that does not exist is an error; a filter that matches nothing is not.
    clusters = [store.get(clusterIdFromReference(reference))];
  } else {
    clusters = store.list();
  }
  const page = paginate(
    params,
    clusters.filter((c) => matchesAll(c, filters)),
    (c) => c.id,
  );
  return {
    DBClusters: {
      DBCluster: page.items.map((c) =>
        clusterXml(applyStaleRead(clusterView(store, c, region), store.staleReadOf(c))),
      ),
    },
    Marker: page.marker,
  };
};
