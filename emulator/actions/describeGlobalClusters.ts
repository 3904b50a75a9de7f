import type { ActionHandler } from "./actionContext";
import { paginate } from "./pagination";
import { clusterArn, clusterRegion, type ClusterRecord } from "../clusterRecord";
import { RdsApiError } from "../errors";
import type { XmlObject } from "../xml";

function globalClusterXml(id: string, members: ClusterRecord[], region?: string): XmlObject {
  const primary = members[0];
  return {
    GlobalClusterIdentifier: id,
    GlobalClusterResourceId: `cluster-${Buffer.from(id).toString("hex").slice(0, 26)}`,
    GlobalClusterArn: `arn:aws:rds::123456789012:global-cluster:${id}`,
    Status: "available",
    Engine: primary?.engine,
    EngineVersion: primary?.engineVersion,
    StorageEncrypted: true,
    DeletionProtection: false,
    // The first seeded member is the writer (primary); the others are secondaries.
    GlobalClusterMembers: {
      GlobalClusterMember: members.map((member, i) => ({
        DBClusterArn: clusterArn(member, region),
        Readers: {
          member: i === 0 ? members.slice(1).map((m) => clusterArn(m, region)) : [],
        },
        IsWriter: i === 0,
        SynchronizationStatus: "connected",
      })),
    },
  };
}

/**
 * DescribeGlobalClusters: the global databases the seeded clusters name (`GlobalClusterIdentifier`),
 * each with every cluster naming it as a member; by identifier (`GlobalClusterNotFoundFault`, 404,
 * when no cluster names it) or all, paginated; the `region` filter keeps those with a member there.
 */
export const describeGlobalClusters: ActionHandler = ({ params, store, region }) => {
  const filters = params.filters();
  const unknown = filters.find((f) => f.Name !== "region");
  if (unknown) throw RdsApiError.invalidParameter(`Unrecognized filter name: ${unknown.Name}`);
  const groups = new Map<string, ClusterRecord[]>();
  for (const record of store.list()) {
    const id = record.globalClusterIdentifier;
    if (id) groups.set(id, [...(groups.get(id) ?? []), record]);
  }
  const wanted = params.get("GlobalClusterIdentifier");
  if (wanted !== undefined && !groups.has(wanted)) {
    throw new RdsApiError("GlobalClusterNotFoundFault", `Global cluster ${wanted} not found.`, 404);
  }
  const regions = filters.flatMap((f) => f.Values);
  const ids = [...groups.keys()]
    .filter((id) => wanted === undefined || id === wanted)
    .filter((id) => {
      const inRegion = (r: ClusterRecord) => regions.includes(clusterRegion(r, region));
      return regions.length === 0 || (groups.get(id) ?? []).some(inRegion);
    })
    .sort();
  const page = paginate(params, ids, (id) => id);
  return {
    GlobalClusters: {
      GlobalClusterMember: page.items.map((id) =>
        globalClusterXml(id, groups.get(id) ?? [], region),
      ),
    },
    Marker: page.marker,
  };
};
