import {
  claimCluster,
  displayNameOf,
  resetHolders,
  takeHandover,
  takenOverBy,
  type Holder,
} from "../../../provider/core/holders";

const single = (name: string): Holder => ({ kind: "ClusterPowerState", name });
const fleet = (name: string): Holder => ({ kind: "ClusterFleetPowerState", name });

describe("holders: one resource per cluster in a run", () => {
  beforeEach(() => resetHolders());

  it("lets the same resource claim its cluster again", () => {
    expect(claimCluster("eu-west-1", "dev", single("a"))).toBeUndefined();
    expect(claimCluster("eu-west-1", "dev", single("a"))).toBeUndefined();
  });

  it("returns the first holder to a second one, case-insensitively, per Region", () => {
    expect(claimCluster("eu-west-1", "MIX-A", fleet("f"))).toBeUndefined();
    expect(claimCluster("eu-west-1", "mix-a", single("s"))).toEqual(fleet("f"));
    expect(claimCluster("us-east-1", "mix-a", single("s"))).toBeUndefined();
  });

  it("tells a release that another resource holds the cluster now, and hands initialState over", () => {
    claimCluster("eu-west-1", "dev", single("new-name"));
    expect(takenOverBy("eu-west-1", "DEV", single("old-name"), "running")).toEqual(
      single("new-name"),
    );
    expect(takeHandover("eu-west-1", "dev")).toBe("running");
    expect(takeHandover("eu-west-1", "dev")).toBeUndefined();
  });

  it("lets a release proceed when nobody else claimed the cluster (a plain removal, a destroy)", () => {
    expect(takenOverBy("eu-west-1", "dev", single("a"), "running")).toBeUndefined();
    claimCluster("eu-west-1", "dev", single("a"));
    expect(takenOverBy("eu-west-1", "dev", single("a"), "running")).toBeUndefined();
    expect(takeHandover("eu-west-1", "dev")).toBeUndefined();
  });

  it("names a secret cluster by its resource (and place in a fleet), never by the identifier", () => {
    expect(displayNameOf("dev", single("a"))).toBe("dev");
    expect(displayNameOf("zeta", { ...single("a"), secret: true })).toBe("(secret: a)");
    expect(displayNameOf("eta", { ...fleet("f"), secret: true }, 2)).toBe("(secret: f[2])");
  });
});
