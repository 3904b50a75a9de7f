import * as http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the hostile endpoint answers. Each is something a broken proxy, a captive portal, an
 * overloaded load balancer or a dying process really sends back.
 */
export const HOSTILE_MODES = [
  /** 200 with XML that never closes its elements. */
  "malformed-xml",
  /** 200 announcing a Content-Length, then half the body and a closed socket. */
  "truncated",
  /** Accepts the request and never answers (the socket stays open). */
  "silent",
  /** 200 with headers and a first XML fragment, then one byte a second, forever. */
  "drip",
  /** 200 with 16 MiB of text that is not XML. */
  "oversized",
  /** 200 with an HTML page (a proxy's login page). */
  "html",
  /** 200 with an empty body. */
  "empty",
  /** Closes the connection without any answer. */
  "reset",
  /** 500 with a body that is not an RDS ErrorResponse. */
  "garbage-500",
  /** 400 with a well-formed ErrorResponse whose code and message carry markup and control characters. */
  "hostile-error",
] as const;

/** One way of answering, see {@link HOSTILE_MODES}. */
export type HostileMode = (typeof HOSTILE_MODES)[number];

/** A running hostile endpoint. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Requests received, per mode. */
  requests: Record<HostileMode, number>;
  /** Ends every open connection (including the silent and dripping ones) and closes the server. */
  stop(): Promise<void>;
}

const OVERSIZED_BYTES = 16 * 1024 * 1024;

/**
 * The mode a request asks for: the first mode name found in its (form-encoded) body. Cluster
 * identifiers are named after modes, so one server serves every scenario of a test file.
 */
function modeOf(body: string): HostileMode | undefined {
  const decoded = decodeURIComponent(body.replace(/\+/g, " "));
  return HOSTILE_MODES.find((mode) => decoded.includes(mode));
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const RESPONSES: Record<
  HostileMode,
  (req: http.IncomingMessage, res: http.ServerResponse, timers: Set<NodeJS.Timeout>) => void
> = {
  "malformed-xml": (_req, res) =>
    send(
      res,
      200,
      "text/xml",
      "<DescribeDBClustersResponse><DescribeDBClustersResult><DBClusters><DBCluster><Status>stopp",
    ),
  truncated: (req, res) => {
    const body = `<DescribeDBClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBClustersResult><DBClusters>${"<DBCluster></DBCluster>".repeat(200)}</DBClusters></DescribeDBClustersResult></DescribeDBClustersResponse>`;
    res.writeHead(200, { "content-type": "text/xml", "content-length": Buffer.byteLength(body) });
    res.write(body.slice(0, body.length / 2), () => req.socket.destroy());
  },
  silent: () => undefined,
  drip: (_req, res, timers) => {
    res.writeHead(200, { "content-type": "text/xml" });
    res.write("<DescribeDBClustersResponse><DescribeDBClustersResult>");
    const timer = setInterval(() => res.write(" "), 1000);
    timers.add(timer);
    res.on("close", () => clearInterval(timer));
  },
  oversized: (_req, res) => send(res, 200, "text/xml", Buffer.alloc(OVERSIZED_BYTES, "A")),
  html: (_req, res) =>
    send(
      res,
      200,
      "text/html",
      "<!DOCTYPE html><html><body><form>Sign in to continue</form></body></html>",
    ),
  empty: (_req, res) => send(res, 200, "text/xml", ""),
  reset: (req) => req.socket.destroy(),
  "garbage-500": (_req, res) =>
    send(res, 500, "text/plain", "upstream connect error or disconnect/reset before headers"),
  "hostile-error": (_req, res) =>
    send(
      res,
      400,
      "text/xml",
      `<ErrorResponse><Error><Type>Sender</Type><Code>Evil&lt;script&gt;</Code><Message>line1&#10;line2 &lt;b&gt;&quot;';--</Message></Error><RequestId>x</RequestId></ErrorResponse>`,
    ),
};

/**
 * Starts an HTTP server on 127.0.0.1 that answers RDS Query requests with broken responses, chosen
 * per request by the mode name found in the request body (e.g. a cluster identifier `silent`).
 * A request naming no mode gets a 400 `InvalidAction`.
 */
export async function startHostileServer(): Promise<HostileServer> {
  const requests = Object.fromEntries(HOSTILE_MODES.map((mode) => [mode, 0])) as Record<
    HostileMode,
    number
  >;
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const mode = modeOf(Buffer.concat(chunks).toString("utf8"));
      if (!mode) {
        send(
          res,
          400,
          "text/xml",
          "<ErrorResponse><Error><Code>InvalidAction</Code><Message>no hostile mode named</Message></Error></ErrorResponse>",
        );
        return;
      }
      requests[mode] += 1;
      RESPONSES[mode](req, res, timers);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        timers.forEach((timer) => clearInterval(timer));
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
