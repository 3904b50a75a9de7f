import {
  UNKNOWN_VALUE,
  UnknownValue,
  buildStackModel,
  fleetMemberFacts,
  powerActionsOf,
} from "aurora-power/policy";
import { CLUSTER_FLEET_POWER_STATE_TYPE } from "../../../provider/aurora/typeTokens";
import { auroraCluster, fleet } from "./policyFixtures";

/** What each member action of a stack links to: `target -> declared cluster resource`. */
function links(resources: Parameters<typeof buildStackModel>[0]): string[] {
  return buildStackModel(resources).actions.map((action) => {
    const own = action.facts.targetIdentifier;
    const target = own instanceof UnknownValue ? `?${own.path}` : String(own);
    return `${action.owner.kind} ${action.owner.name}: ${target} -> ${action.cluster?.resource.name ?? "-"}`;
  });
}

describe("ClusterFleetPowerState members (facts)", () => {
  it("reads one stop per member with the fleet's state, each identifier once whatever its case", () => {
    const facts = fleetMemberFacts({
      clusterIdentifiers: ["dev-orders", "DEV-ORDERS", "qa-search"],
      state: "stopped",
    });
    expect(facts).toEqual([
      {
        kind: "ClusterFleetPowerState",
        action: "stop",
        targetIdentifier: "dev-orders",
        targetProperty: "clusterIdentifiers",
        enabled: true,
        holder: {
          region: undefined,
          onDelete: undefined,
          initialState: undefined,
          initialStatePath: "members.dev-orders.initialState",
        },
      },
      {
        kind: "ClusterFleetPowerState",
        action: "stop",
        targetIdentifier: "qa-search",
        targetProperty: "clusterIdentifiers",
        enabled: true,
        holder: {
          region: undefined,
          onDelete: undefined,
          initialState: undefined,
          initialStatePath: "members.qa-search.initialState",
        },
      },
    ]);
  });

  it("holds members running unless `state` is `stopped`", () => {
    expect(
      fleetMemberFacts({ clusterIdentifiers: ["dev-orders"], state: "running" }).map(
        (f) => f.action,
      ),
    ).toEqual(["hold-running"]);
  });

  it("names each element unknown at preview by its index, and a wholly unknown list by the input", () => {
    const perElement = fleetMemberFacts({
      clusterIdentifiers: ["dev-orders", UNKNOWN_VALUE],
      state: UNKNOWN_VALUE,
    });
    expect(perElement.map((f) => f.targetIdentifier)).toEqual([
      "dev-orders",
      new UnknownValue("clusterIdentifiers[1]"),
    ]);
    expect(perElement.map((f) => f.action)).toEqual([
      new UnknownValue("state"),
      new UnknownValue("state"),
    ]);
    const whole = fleetMemberFacts({ clusterIdentifiers: UNKNOWN_VALUE, state: "stopped" });
    expect(whole.map((f) => f.targetIdentifier)).toEqual([new UnknownValue("clusterIdentifiers")]);
  });

  it("gives no member for a missing or empty list, and is what `powerActionsOf` reads for the fleet type", () => {
    expect(fleetMemberFacts({ state: "stopped" })).toEqual([]);
    expect(
      powerActionsOf(CLUSTER_FLEET_POWER_STATE_TYPE, { clusterIdentifiers: [], state: "stopped" }),
    ).toEqual([]);
    expect(
      powerActionsOf(CLUSTER_FLEET_POWER_STATE_TYPE, { clusterIdentifiers: ["dev-orders"] }),
    ).toHaveLength(1);
  });
});

describe("ClusterFleetPowerState members (stack model)", () => {
  it("links each member to the cluster the stack declares with its identifier, case-insensitively", () => {
    const resources = [
      auroraCluster("dev-orders"),
      fleet("dev-fleet", ["DEV-ORDERS", "qa-search"]),
    ];
    expect(links(resources)).toEqual([
      "ClusterFleetPowerState dev-fleet: DEV-ORDERS -> dev-orders",
      "ClusterFleetPowerState dev-fleet: qa-search -> -",
    ]);
  });

  it("links an element unknown at preview (`cluster.clusterIdentifier`) to the cluster it depends on", () => {
    const orders = auroraCluster("dev-orders");
    const search = auroraCluster("dev-search", { clusterIdentifier: UNKNOWN_VALUE });
    const resources = [
      orders,
      search,
      fleet("dev-fleet", ["dev-orders", UNKNOWN_VALUE], "stopped", [orders, search]),
    ];
    expect(links(resources)).toEqual([
      "ClusterFleetPowerState dev-fleet: dev-orders -> dev-orders",
      "ClusterFleetPowerState dev-fleet: ?clusterIdentifiers[1] -> dev-search",
    ]);
  });

  it("leaves unknown the elements no dependency cluster accounts for", () => {
    const search = auroraCluster("dev-search", { clusterIdentifier: UNKNOWN_VALUE });
    const resources = [
      search,
      fleet("dev-fleet", [UNKNOWN_VALUE, UNKNOWN_VALUE], "stopped", [search]),
    ];
    expect(links(resources)).toEqual([
      "ClusterFleetPowerState dev-fleet: ?clusterIdentifiers[0] -> dev-search",
      "ClusterFleetPowerState dev-fleet: ?clusterIdentifiers[1] -> -",
    ]);
  });

  it("does not link a dependency cluster when every element is known", () => {
    const orders = auroraCluster("dev-orders");
    expect(links([orders, fleet("dev-fleet", ["qa-search"], "stopped", [orders])])).toEqual([
      "ClusterFleetPowerState dev-fleet: qa-search -> -",
    ]);
  });

  it("links a list unknown as a whole to every cluster it depends on, or leaves one unknown target", () => {
    const orders = auroraCluster("dev-orders");
    const search = auroraCluster("dev-search");
    expect(
      links([orders, search, fleet("dev-fleet", UNKNOWN_VALUE, "stopped", [orders, search])]),
    ).toEqual([
      "ClusterFleetPowerState dev-fleet: ?clusterIdentifiers -> dev-orders",
      "ClusterFleetPowerState dev-fleet: ?clusterIdentifiers -> dev-search",
    ]);
    expect(links([orders, fleet("dev-fleet", UNKNOWN_VALUE)])).toEqual([
      "ClusterFleetPowerState dev-fleet: ?clusterIdentifiers -> -",
    ]);
  });
});
