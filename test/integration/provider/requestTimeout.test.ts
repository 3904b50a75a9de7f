import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createClusterApi } from "../../../provider/rds/clusterApi";
import { createRdsClient } from "../../../provider/rds/createRdsClient";
import { FAST_ENV } from "./support";

// An endpoint that accepts requests and never answers (B1): the real SDK over HTTP must give up.
let server: http.Server;
let received = 0;
let url = "";

beforeAll(async () => {
  server = http.createServer(() => {
    received += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, FAST_ENV, { AWS_ENDPOINT_URL_RDS: url });
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

describe("the RDS client against a silent endpoint", () => {
  it("B1 regression: each attempt ends after AURORA_POWER_REQUEST_TIMEOUT_MS", async () => {
    const env = { ...process.env, AURORA_POWER_REQUEST_TIMEOUT_MS: "300", AWS_MAX_ATTEMPTS: "2" };
    const api = createClusterApi(createRdsClient({ region: "eu-west-1" }, env));
    const startedAt = Date.now();
    const error = await api.describeClusters(["silent"]).catch((e: unknown) => e);
    const elapsedMs = Date.now() - startedAt;
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(received).toBe(2);
    // Two attempts of 300 ms plus the SDK's back-off between them, far from "never".
    expect(elapsedMs).toBeGreaterThanOrEqual(600);
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it("an abort signal ends the call, retries included", async () => {
    const api = createClusterApi(createRdsClient({ region: "eu-west-1" }, process.env));
    const startedAt = Date.now();
    const error = await api
      .stopCluster("silent", AbortSignal.timeout(200))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });
});
