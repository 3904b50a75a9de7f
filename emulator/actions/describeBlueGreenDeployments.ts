import type { ActionHandler } from "./actionContext";
import { paginate } from "./pagination";
import { blueGreenDeployments, type BlueGreenDeploymentView } from "../blueGreenDeployments";
import { RdsApiError } from "../errors";

// Filters of the RDS API reference (DescribeBlueGreenDeployments, Filters); values of different
// names are combined with AND, values of one name with OR.
const FILTERS: Record<string, (d: BlueGreenDeploymentView) => string> = {
  "blue-green-deployment-identifier": (d) => d.BlueGreenDeploymentIdentifier,
  "blue-green-deployment-name": (d) => d.BlueGreenDeploymentName,
  source: (d) => d.Source,
  target: (d) => d.Target,
};

/**
 * DescribeBlueGreenDeployments over the seeded deployments (`BlueGreenDeployment` of a seed): by
 * identifier (`BlueGreenDeploymentNotFoundFault`, 404) or filters, paginated.
 */
export const describeBlueGreenDeployments: ActionHandler = ({ params, store, region }) => {
  const filters = params.filters();
  const unknown = filters.find((f) => !(f.Name in FILTERS));
  if (unknown) throw RdsApiError.invalidParameter(`Unrecognized filter name: ${unknown.Name}`);
  const wanted = params.get("BlueGreenDeploymentIdentifier");
  const all = blueGreenDeployments(store.list(), region);
  const matching = all.filter(
    (d) =>
      (wanted === undefined || d.BlueGreenDeploymentIdentifier === wanted) &&
      filters.every((f) => f.Values.includes(FILTERS[f.Name]?.(d) ?? "")),
  );
  if (wanted !== undefined && matching.length === 0) {
    const message = `BlueGreenDeploymentIdentifier ${wanted} not found.`;
    throw new RdsApiError("BlueGreenDeploymentNotFoundFault", message, 404);
  }
  const page = paginate(params, matching, (d) => d.BlueGreenDeploymentIdentifier);
  return {
    BlueGreenDeployments: {
      member: page.items.map((d) => ({ ...d, CreateTime: new Date(0).toISOString() })),
    },
    Marker: page.marker,
  };
};
