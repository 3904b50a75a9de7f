import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { RdsAction } from "./types";
import type { EmulatorState } from "./emulatorState";
import { ACTION_HANDLERS } from "./actions";
import { QueryParams } from "./queryParams";
import { RdsApiError } from "./errors";
import { errorXml, successXml } from "./xml";
import { injectLatency, pickFault } from "./faults";
import { clusterIdFromReference } from "./actions/actionContext";
import { authenticateRequest } from "./authentication";

export { regionFromAuthorization } from "./authentication";

/** The RDS API version this endpoint speaks. */
export const RDS_API_VERSION = "2014-10-31";

/** An HTTP answer: status, XML body and the request id (also sent as `x-amzn-RequestId`). */
export interface RdsReply {
  status: number;
  body: string;
  requestId: string;
}

// Per-cluster power calls, so a test of many clusters can assert each cluster's own calls.
function countPowerCall(state: EmulatorState, action: RdsAction, params: QueryParams): void {
  if (action !== "StopDBCluster" && action !== "StartDBCluster") return;
  const reference = params.get("DBClusterIdentifier");
  if (!reference) return;
  const id = clusterIdFromReference(reference);
  const calls = (state.counters.powerCallsByCluster[id] ??= {
    StopDBCluster: 0,
    StartDBCluster: 0,
  });
  calls[action] += 1;
}

// Quota mode: RDS refuses a request over the account's and Region's bucket with `Throttling`
// (400, "Rate exceeded"); RDS User Guide, "Request throttling for the Amazon RDS API".
function takeQuotaToken(state: EmulatorState): void {
  if (!state.config.quotaMode) return;
  if (state.quota.take(state.clock.now(), state.config)) return;
  state.counters.quotaThrottled += 1;
  throw RdsApiError.throttling();
}

function resolveAction(params: QueryParams): RdsAction {
  const action = params.get("Action");
  if (!action) {
    throw new RdsApiError(
      "MissingAction",
      "The request is missing an action or a required parameter.",
      400,
    );
  }
  const version = params.get("Version");
  if (!version) throw RdsApiError.missingParameter("Version");
  if (!(action in ACTION_HANDLERS) || version !== RDS_API_VERSION) {
    throw new RdsApiError(
      "InvalidAction",
      `Could not find operation ${action} for version ${version}`,
      400,
    );
  }
  return action as RdsAction;
}

/**
 * Serves one RDS Query request: authenticate (SigV4 present, not verified), parse, count, take a
 * quota token, inject faults, run the action, render XML under a fresh request id.
 */
export async function handleRdsRequest(
  state: EmulatorState,
  body: string,
  headers: IncomingHttpHeaders,
  query: URLSearchParams = new URLSearchParams(),
): Promise<RdsReply> {
  const requestId = randomUUID();
  state.counters.requests += 1;
  try {
    const region = authenticateRequest(headers, query);
    const params = new QueryParams(body);
    const action = resolveAction(params);
    state.counters.calls[action] += 1;
    countPowerCall(state, action, params);
    takeQuotaToken(state);
    await injectLatency(state.config.latencyMs);
    const fault = pickFault(state.config, state.random);
    if (fault) {
      state.counters.errorsInjected[fault.code as "Throttling" | "InternalFailure"] += 1;
      throw fault;
    }
    const context = { params, store: state.store, region, counters: state.counters };
    const result = ACTION_HANDLERS[action](context);
    return { status: 200, body: successXml(action, result, requestId), requestId };
  } catch (error) {
    if (!(error instanceof RdsApiError)) {
      // A bug in the emulator, not an injected fault: answer like RDS would, but leave a trace.
      process.stderr.write(`aurora-power-emulator: internal error: ${String(error)}\n`);
    }
    const rdsError = error instanceof RdsApiError ? error : RdsApiError.internalFailure();
    return { status: rdsError.httpStatus, body: errorXml(rdsError, requestId), requestId };
  }
}
