import type { EmulatorState } from "./emulatorState";
import { emptyCounters, reseedFaults } from "./emulatorState";
import { isFaultSeed, MAX_FAULT_SEED } from "./faultSeed";
import type { SeedCluster } from "./types";
import { mergeConfig } from "./config";
import { clusterView } from "./serialize";
import { RdsApiError } from "./errors";

/** The path prefix of the admin API; RDS never uses it. */
export const ADMIN_PREFIX = "/_emulator/";

/** An admin answer: HTTP status and a JSON-serialisable body (undefined = no content). */
export interface AdminReply {
  status: number;
  json?: unknown;
}

type Route = (state: EmulatorState, body: unknown, id: string) => AdminReply;

function asSeeds(body: unknown): SeedCluster[] {
  const seeds = Array.isArray(body) ? body : [body];
  for (const seed of seeds) {
    const id = (seed as { DBClusterIdentifier?: unknown } | null)?.DBClusterIdentifier;
    if (typeof id !== "string") throw RdsApiError.missingParameter("DBClusterIdentifier");
  }
  return seeds as SeedCluster[];
}

function view(state: EmulatorState, id: string): AdminReply {
  return { status: 200, json: clusterView(state.store, state.store.get(id)) };
}

function statusOf(body: unknown): string {
  const status = (body as { status?: unknown } | null)?.status;
  if (typeof status !== "string" || status === "") throw RdsApiError.missingParameter("status");
  return status;
}

function faultSeedOf(body: unknown): number {
  const seed = (body as { faultSeed?: unknown } | null)?.faultSeed;
  if (seed === undefined) throw RdsApiError.missingParameter("faultSeed");
  if (!isFaultSeed(seed)) {
    const message = `\`faultSeed\` must be an integer from 0 to ${MAX_FAULT_SEED}.`;
    throw RdsApiError.invalidParameter(message);
  }
  return seed;
}

// "METHOD path-pattern" → handler; `:id` matches one path segment.
const ROUTES: Record<string, Route> = {
  "GET clusters": (s) => ({
    status: 200,
    json: s.store.list().map((r) => clusterView(s.store, r)),
  }),
  "POST clusters": (s, body) => ({
    status: 200,
    json: asSeeds(body).map((seed) => clusterView(s.store, s.store.seed(seed))),
  }),
  "GET clusters/:id": (s, _b, id) => view(s, id),
  "DELETE clusters/:id": (s, _b, id) => ({ status: s.store.remove(id) ? 204 : 404 }),
  "POST clusters/:id/status": (s, body, id) => {
    s.store.forceStatus(id, statusOf(body));
    return view(s, id);
  },
  "POST clusters/:id/auto-restart": (s, _b, id) => {
    s.store.triggerAutoRestart(id);
    return view(s, id);
  },
  "GET config": (s) => ({ status: 200, json: s.config }),
  "PATCH config": (s, body) => {
    s.config = mergeConfig(s.config, (body ?? {}) as Record<string, unknown>);
    return { status: 200, json: s.config };
  },
  "GET fault-seed": (s) => ({ status: 200, json: { faultSeed: s.faultSeed } }),
  "PUT fault-seed": (s, body) => {
    reseedFaults(s, faultSeedOf(body));
    return { status: 200, json: { faultSeed: s.faultSeed } };
  },
  "GET counters": (s) => ({ status: 200, json: s.counters }),
  "DELETE counters": (s) => {
    s.counters = emptyCounters();
    return { status: 204 };
  },
  "GET events": (s) => ({ status: 200, json: s.store.events() }),
  "GET rds-events": (s) => ({ status: 200, json: s.store.rdsEvents() }),
};

/** Serves one admin request; `path` is the part after `/_emulator/`. */
export function handleAdminRequest(
  state: EmulatorState,
  method: string,
  path: string,
  body: unknown,
): AdminReply {
  try {
    const segments = path
      .split("/")
      .filter((s) => s !== "")
      .map(decodeURIComponent);
    const id = segments[1] ?? "";
    const pattern = segments.map((seg, i) => (i === 1 && segments[0] === "clusters" ? ":id" : seg));
    const route = ROUTES[`${method} ${pattern.join("/")}`];
    if (!route) {
      const message = `No admin route ${method} /_emulator/${path}`;
      return { status: 404, json: { error: "NotFound", message } };
    }
    return route(state, body, id);
  } catch (error) {
    if (error instanceof RdsApiError) {
      return { status: error.httpStatus, json: { error: error.code, message: error.message } };
    }
    if (error instanceof URIError) {
      const message = `Bad percent-escape in \`/_emulator/${path}\`.`;
      return { status: 400, json: { error: "MalformedPath", message } };
    }
    throw error;
  }
}
