/**
 * A loopback HTTP proxy in front of the local RDS endpoint that records when each RDS call started
 * and ended and how many cluster ids a DescribeDBClusters carried. The provider process is
 * separate from the bench, so its calls can only be observed on the wire; grouping overlapping
 * describes into poll ticks needs their timing, which the emulator's counters do not keep.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One RDS call seen by the proxy. */
export interface RecordedCall {
  action: string;
  /** Values of the `db-cluster-id` filter (or 1 for `DBClusterIdentifier`, 0 for "all"). */
  idCount: number;
  /** `performance.now()` when the request reached the proxy (sub-millisecond, monotonic). */
  startMs: number;
  /** `performance.now()` when the answer was fully relayed. */
  endMs: number;
  /** The answer was RDS's `Throttling` refusal (HTTP 400, "Rate exceeded"). */
  throttled: boolean;
}

/** A running proxy: point `AWS_ENDPOINT_URL_RDS` at `url`. */
export interface RecordingProxy {
  url: string;
  /** Calls recorded since start or the last `reset`. */
  calls(): RecordedCall[];
  reset(): void;
  stop(): Promise<void>;
}

function parseCall(body: string): { action: string; idCount: number } {
  const params = new URLSearchParams(body);
  let idCount = 0;
  for (const key of params.keys()) if (/^Filters\.\w+\.\d+\.Values\./.test(key)) idCount += 1;
  if (idCount === 0 && params.has("DBClusterIdentifier")) idCount = 1;
  return { action: params.get("Action") ?? "unknown", idCount };
}

/** Starts a proxy on 127.0.0.1 forwarding every request to `targetUrl` unchanged. */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let recorded: RecordedCall[] = [];
  const server = http.createServer((req, res) => {
    const startMs = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          // Error answers are small: keep a 400's body to tell a throttling refusal.
          let errorBody = "";
          if (answer.statusCode === 400)
            answer.on("data", (chunk: Buffer) => (errorBody += chunk.toString("utf8")));
          answer.on("end", () => {
            if (!req.url?.startsWith("/_emulator/"))
              recorded.push({
                ...parseCall(body.toString("utf8")),
                startMs,
                endMs: performance.now(),
                throttled: errorBody.includes("<Code>Throttling</Code>"),
              });
          });
        },
      );
      upstream.on("error", (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => [...recorded],
    reset: () => {
      recorded = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
