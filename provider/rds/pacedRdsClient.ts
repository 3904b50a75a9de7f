import type { RDSClient } from "@aws-sdk/client-rds";
import { isThrottling } from "./classifyRdsError";
import type { RdsRateLimiter } from "./rdsRateLimiter";

/** What `client.send` is called with here: a command and the per-call HTTP options. */
type Send = (command: unknown, options?: { abortSignal?: unknown }) => Promise<unknown>;

/**
 * Puts every request of `client` behind the process's {@link RdsRateLimiter}: each `send` (each
 * page of a describe, each filter of a Blue/Green lookup) waits for a token and a free in-flight
 * slot first, with the call's `abortSignal`, and frees the slot when its answer arrives. A
 * `Throttling` answer is reported to the limiter with the time its token was granted (which tells
 * a new signal from the answers to requests already in flight at the last cut); the limiter cuts
 * the rate for every caller of the process, and the request is sent again for a new token, up to
 * `maxAttempts` times in all (`AWS_MAX_ATTEMPTS`, 8): the SDK does not retry throttling itself
 * (./failFastRetryStrategy), so every attempt that reaches RDS is paced, and a call given up while
 * waiting for its token (`RequestNotSentError`) never reaches RDS. Past `maxAttempts` the
 * throttling error goes to the caller (the poller and the reconciler then wait and try again,
 * until `timeoutMinutes`). Pacing the client rather than the calls keeps any RDS action added
 * later paced too. Only the promise form of `send` is used by the provider; the callback form is
 * not paced.
 */
export function paceRdsClient(
  client: RDSClient,
  limiter: RdsRateLimiter,
  maxAttempts: number,
): RDSClient {
  const send = client.send.bind(client) as unknown as Send;
  const paced: Send = async (command, options) => {
    if (typeof options === "function") return send(command, options);
    const signal = options?.abortSignal as AbortSignal | undefined;
    for (let attempt = 1; ; attempt++) {
      const grantedAt = await limiter.acquire(signal);
      try {
        return await send(command, options);
      } catch (error) {
        if (!isThrottling(error)) throw error;
        limiter.recordThrottle(grantedAt); // before release(): the next request sees the cut
        if (attempt >= maxAttempts) throw error;
      } finally {
        limiter.release();
      }
    }
  };
  client.send = paced as unknown as RDSClient["send"];
  return client;
}
