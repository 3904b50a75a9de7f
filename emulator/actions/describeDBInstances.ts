import type { ActionHandler } from "./actionContext";
import { clusterIdFromReference } from "./actionContext";
import { paginate } from "./pagination";
import { instanceXml } from "../serialize";
import { RdsApiError } from "../errors";
import type { ClusterRecord } from "../clusterRecord";

interface InstanceRef {
  record: ClusterRecord;
  instanceId: string;
}

function instanceIdFromReference(reference: string): string {
  return (/^arn:[^:]+:rds:[^:]*:[^:]*:db:(.+)$/.exec(reference)?.[1] ?? reference).toLowerCase();
}

/** DescribeDBInstances: member instances, by identifier or `db-cluster-id`/`db-instance-id`. */
export const describeDBInstances: ActionHandler = ({ params, store, region }) => {
  const filters = params.filters();
  const unknown = filters.find((f) => f.Name !== "db-cluster-id" && f.Name !== "db-instance-id");
  if (unknown) throw RdsApiError.invalidParameter(`Unrecognized filter name: ${unknown.Name}`);
  let all: InstanceRef[] = store
    .list()
    .flatMap((record) => record.instanceIds.map((instanceId) => ({ record, instanceId })));
  for (const filter of filters) {
    const wanted =
      filter.Name === "db-cluster-id"
        ? filter.Values.map(clusterIdFromReference)
        : filter.Values.map(instanceIdFromReference);
    all = all.filter((i) =>
      wanted.includes(filter.Name === "db-cluster-id" ? i.record.id : i.instanceId),
    );
  }
  const reference = params.get("DBInstanceIdentifier");
  if (reference) {
    const id = instanceIdFromReference(reference);
    all = all.filter((i) => i.instanceId === id);
    if (all.length === 0) throw RdsApiError.instanceNotFound(id);
  }
  const page = paginate(params, all, (i) => i.instanceId);
  return {
    DBInstances: {
      DBInstance: page.items.map((i) => instanceXml(store, i.record, i.instanceId, region)),
    },
    Marker: page.marker,
  };
};
