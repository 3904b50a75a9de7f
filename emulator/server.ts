import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { EmulatorState } from "./emulatorState";
import { ADMIN_PREFIX, handleAdminRequest } from "./admin";
import { handleRdsRequest } from "./rdsRequest";
import { RdsApiError } from "./errors";
import { errorXml } from "./xml";

/** Largest request body accepted; bigger ones get a 400 (RDS requests are a few KiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  requestId?: string,
): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
  };
  // RDS names every answer's request id in this header too; the JS and Go SDKs read it from here.
  if (requestId !== undefined) headers["x-amzn-RequestId"] = requestId;
  res.writeHead(status, headers);
  res.end(body);
}

function sendXmlError(res: ServerResponse, error: RdsApiError): void {
  const requestId = randomUUID();
  res.setHeader("connection", "close");
  send(res, error.httpStatus, "text/xml", errorXml(error, requestId), requestId);
}

async function serveAdmin(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const text = await readBody(req);
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    send(
      res,
      400,
      "application/json",
      JSON.stringify({ error: "MalformedJson", message: "Request body is not JSON." }),
    );
    return;
  }
  const reply = handleAdminRequest(
    state,
    req.method ?? "GET",
    url.pathname.slice(ADMIN_PREFIX.length),
    body,
  );
  if (reply.json === undefined) {
    res.writeHead(reply.status).end();
  } else {
    send(res, reply.status, "application/json", JSON.stringify(reply.json));
  }
}

async function serve(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname.startsWith(ADMIN_PREFIX)) return serveAdmin(state, req, res, url);
  // The Query protocol accepts a form-encoded POST body or, for GET, the query string.
  const body = req.method === "GET" ? url.search.slice(1) : await readBody(req);
  const reply = await handleRdsRequest(state, body, req.headers, url.searchParams);
  send(res, reply.status, "text/xml", reply.body, reply.requestId);
}

/** An HTTP server for the RDS Query protocol plus the `/_emulator/` admin API. It never throws. */
export function createEmulatorServer(state: EmulatorState): Server {
  const server = createServer((req, res) => {
    serve(state, req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        sendXmlError(
          res,
          new RdsApiError(
            "RequestEntityTooLarge",
            `Request body exceeds ${MAX_BODY_BYTES} bytes.`,
            400,
          ),
        );
      } else {
        process.stderr.write(`aurora-power-emulator: ${String(error)}\n`);
        sendXmlError(res, RdsApiError.internalFailure());
      }
    });
  });
  // Garbage that is not HTTP at all: answer 400 and close instead of crashing.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  });
  return server;
}
