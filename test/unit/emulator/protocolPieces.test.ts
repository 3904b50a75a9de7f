import { QueryParams } from "../../../emulator/queryParams";
import { paginate } from "../../../emulator/actions/pagination";
import { pickFault } from "../../../emulator/faults";
import { DEFAULT_CONFIG, mergeConfig } from "../../../emulator/config";
import { regionFromAuthorization } from "../../../emulator/rdsRequest";
import { errorXml, successXml } from "../../../emulator/xml";
import { RdsApiError } from "../../../emulator/errors";
import { parseCliArgs } from "../../../emulator/cli";

describe("QueryParams", () => {
  it("reads Query-protocol filter lists in numeric order", () => {
    const params = new QueryParams(
      "Filters.Filter.1.Name=db-cluster-id&Filters.Filter.1.Values.Value.2=b&Filters.Filter.1.Values.Value.10=c&Filters.Filter.1.Values.Value.1=a%20x",
    );
    expect(params.filters()).toEqual([{ Name: "db-cluster-id", Values: ["a x", "b", "c"] }]);
  });

  it("reads tags", () => {
    const params = new QueryParams("Tags.Tag.1.Key=env&Tags.Tag.1.Value=dev");
    expect(params.tags()).toEqual([{ Key: "env", Value: "dev" }]);
  });

  it("rejects bad percent-encoding with MalformedQueryString", () => {
    expect(() => new QueryParams("Action=%ZZ")).toThrow(
      "The query string contains a syntax error.",
    );
  });

  it("reports a missing parameter by name", () => {
    expect(() => new QueryParams("").require("DBClusterIdentifier")).toThrow(
      "The request must contain the parameter DBClusterIdentifier",
    );
  });

  it("rejects a non-integer", () => {
    expect(() => new QueryParams("MaxRecords=ten").integer("MaxRecords")).toThrow(
      "Invalid value ten for parameter MaxRecords.",
    );
  });
});

describe("paginate", () => {
  const ids = Array.from({ length: 45 }, (_, i) => `c${String(i).padStart(2, "0")}`);

  it("pages with MaxRecords and an opaque Marker", () => {
    const first = paginate(new QueryParams("MaxRecords=20"), ids, (x) => x);
    expect(first.items).toEqual(ids.slice(0, 20));
    const second = paginate(new QueryParams(`MaxRecords=20&Marker=${first.marker}`), ids, (x) => x);
    expect(second.items).toEqual(ids.slice(20, 40));
    const third = paginate(new QueryParams(`MaxRecords=20&Marker=${second.marker}`), ids, (x) => x);
    expect([third.items, third.marker]).toEqual([ids.slice(40), undefined]);
  });

  it.each(["19", "101"])("rejects MaxRecords=%s", (value) => {
    expect(() => paginate(new QueryParams(`MaxRecords=${value}`), ids, (x) => x)).toThrow(
      `Invalid value ${value} for MaxRecords. Must be between 20 and 100`,
    );
  });
});

describe("faults and config", () => {
  it("throttles before failing", () => {
    const config = { ...DEFAULT_CONFIG, throttleRate: 0.5, errorRate: 0.5 };
    expect(pickFault(config, () => 0.1)?.code).toBe("Throttling");
    expect(pickFault({ ...config, throttleRate: 0 }, () => 0.1)?.code).toBe("InternalFailure");
    expect(pickFault(config, () => 0.9)).toBeUndefined();
  });

  it("rejects unknown or out-of-range settings", () => {
    expect(() => mergeConfig(DEFAULT_CONFIG, { stopSecs: 1 })).toThrow(
      "Unknown emulator setting `stopSecs`.",
    );
    expect(() => mergeConfig(DEFAULT_CONFIG, { errorRate: 2 })).toThrow(
      "`errorRate` must be a number from 0 to 1 (a probability), got 2.",
    );
    expect(() => mergeConfig(DEFAULT_CONFIG, { latencyMs: -1 })).toThrow(
      "`latencyMs` must be a number from 0 to 2147483647 (milliseconds), got -1.",
    );
  });

  it("reads the region from a SigV4 credential scope", () => {
    const header =
      "AWS4-HMAC-SHA256 Credential=test/20261123/eu-west-1/rds/aws4_request, SignedHeaders=host, Signature=abc";
    expect(regionFromAuthorization(header)).toBe("eu-west-1");
    expect(regionFromAuthorization(undefined)).toBeUndefined();
  });
});

describe("xml", () => {
  it("renders the Query response envelope", () => {
    expect(successXml("StopDBCluster", { DBCluster: { Status: "stopping" } }, "r1")).toBe(
      '<StopDBClusterResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><StopDBClusterResult><DBCluster><Status>stopping</Status></DBCluster></StopDBClusterResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></StopDBClusterResponse>',
    );
  });

  it("renders and escapes an ErrorResponse", () => {
    expect(errorXml(RdsApiError.invalidParameter("a<b & c"), "r2")).toBe(
      '<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>a&lt;b &amp; c</Message></Error><RequestId>r2</RequestId></ErrorResponse>',
    );
  });
});

describe("parseCliArgs", () => {
  it("maps flags to options", () => {
    expect(
      parseCliArgs(["--port", "4566", "--stop-seconds", "0.5", "--throttle-rate", "0.1"]),
    ).toEqual({
      help: false,
      options: { port: 4566, stopSeconds: 0.5, throttleRate: 0.1 },
    });
  });

  it("rejects a bad number and an unknown flag", () => {
    expect(() => parseCliArgs(["--latency-ms", "soon"])).toThrow(
      "`--latency-ms` must be a number from 0 to 2147483647 (milliseconds), got `soon`",
    );
    expect(() => parseCliArgs(["--bogus"])).toThrow(/Unknown option '--bogus'/);
  });
});
