import { DescribeDBClustersCommand } from "@aws-sdk/client-rds";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { DUMMY_AUTHORIZATION, rdsClient } from "./sdk";

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: [{ DBClusterIdentifier: "c1" }] });
});
afterAll(async () => {
  await emu.stop();
});

const DESCRIBE = "Action=DescribeDBClusters&Version=2014-10-31";
const FORM = "application/x-www-form-urlencoded";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function call(path: string, headers: Record<string, string>, body?: string) {
  const response = await fetch(`${emu.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
    requestId: response.headers.get("x-amzn-requestid"),
    xmlRequestId: /<RequestId>([^<]*)<\/RequestId>/.exec(text)?.[1],
  };
}

describe("unsigned requests are refused, as RDS does", () => {
  it("answers 403 MissingAuthenticationToken without an Authorization header", async () => {
    const reply = await call("/", { "content-type": FORM }, DESCRIBE);
    expect([reply.status, reply.code]).toEqual([403, "MissingAuthenticationToken"]);
    expect(reply.text).toContain(
      "<Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>" +
        "<Message>Request is missing Authentication Token</Message></Error>",
    );
  });

  it("refuses an unsigned GET and counts it as a request, not as a call", async () => {
    await emu.admin.resetCounters();
    const reply = await call(`/?${DESCRIBE}`, {});
    expect([reply.status, reply.code]).toEqual([403, "MissingAuthenticationToken"]);
    const counters = await emu.admin.counters();
    expect([counters.requests, counters.calls.DescribeDBClusters]).toEqual([1, 0]);
  });

  it("answers 400 IncompleteSignature for an Authorization header that is not SigV4", async () => {
    const reply = await call("/", { "content-type": FORM, authorization: "Bearer x" }, DESCRIBE);
    expect([reply.status, reply.code]).toEqual([400, "IncompleteSignature"]);
  });

  it("accepts any SigV4 header without checking the signature", async () => {
    const headers = { "content-type": FORM, authorization: DUMMY_AUTHORIZATION };
    expect((await call("/", headers, DESCRIBE)).status).toBe(200);
  });

  it("accepts the query-string form of SigV4 and takes the Region from its scope", async () => {
    const signed =
      `/?${DESCRIBE}&X-Amz-Algorithm=AWS4-HMAC-SHA256` +
      `&X-Amz-Credential=test%2F20260101%2Fap-south-1%2Frds%2Faws4_request` +
      `&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00`;
    const reply = await call(signed, {});
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("arn:aws:rds:ap-south-1:123456789012:cluster:c1");
    const unsigned = `/?${DESCRIBE}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x`;
    expect((await call(unsigned, {})).code).toBe("IncompleteSignature");
  });

  it("keeps the admin API unauthenticated", async () => {
    expect((await call("/_emulator/config", {})).status).toBe(200);
  });
});

describe("x-amzn-RequestId", () => {
  it("is a UUID on every answer and matches the XML RequestId", async () => {
    const ok = await call(
      "/",
      { "content-type": FORM, authorization: DUMMY_AUTHORIZATION },
      DESCRIBE,
    );
    const refused = await call("/", { "content-type": FORM }, DESCRIBE);
    const bad = await call(
      "/",
      { "content-type": FORM, authorization: DUMMY_AUTHORIZATION },
      "x=1",
    );
    for (const reply of [ok, refused, bad]) {
      expect(reply.requestId).toMatch(UUID);
      expect(reply.xmlRequestId).toBe(reply.requestId);
    }
    expect(new Set([ok.requestId, refused.requestId, bad.requestId]).size).toBe(3);
  });

  it("is what the JS SDK reports as the request id", async () => {
    const out = await rdsClient(emu.url).send(new DescribeDBClustersCommand({}));
    expect(out.$metadata.requestId).toMatch(UUID);
  });
});
