import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  endpointLabel,
  requestTimeoutMsFromEnv,
  retryModeFromEnv,
} from "../../../provider/rds/createRdsClient";

describe("RDS client knobs", () => {
  it("reads AURORA_POWER_REQUEST_TIMEOUT_MS, keeping the 30 s default for a bad value", () => {
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(requestTimeoutMsFromEnv({})).toBe(30_000);
    expect(requestTimeoutMsFromEnv({ AURORA_POWER_REQUEST_TIMEOUT_MS: "1000" })).toBe(1000);
    for (const bad of ["0", "-5", "soon", ""])
      expect(requestTimeoutMsFromEnv({ AURORA_POWER_REQUEST_TIMEOUT_MS: bad })).toBe(30_000);
  });

  it("retries in `standard` mode unless AWS_RETRY_MODE asks for `adaptive`", () => {
    expect(retryModeFromEnv({})).toBe("standard");
    expect(retryModeFromEnv({ AWS_RETRY_MODE: "legacy" })).toBe("standard");
    expect(retryModeFromEnv({ AWS_RETRY_MODE: "adaptive" })).toBe("adaptive");
  });

  it("shows the endpoint without user info or query", () => {
    expect(endpointLabel("default", "eu-west-1")).toBe("the default RDS endpoint of eu-west-1");
    expect(endpointLabel("http://user:secret@127.0.0.1:4566/?token=x", "eu-west-1")).toBe(
      "`http://127.0.0.1:4566`",
    );
    expect(endpointLabel("not a url", "eu-west-1")).toBe(
      "the endpoint in `AWS_ENDPOINT_URL_RDS` (not a URL)",
    );
  });
});
