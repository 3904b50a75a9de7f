import { connect } from "node:net";
import { startEmulator, type RunningEmulator } from "aurora-power/emulator";
import { DUMMY_AUTHORIZATION } from "./sdk";

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ seed: [{ DBClusterIdentifier: "c1" }] });
});
afterAll(async () => {
  await emu.stop();
});

async function post(body: string | Buffer, contentType = "application/x-www-form-urlencoded") {
  const response = await fetch(`${emu.url}/`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: DUMMY_AUTHORIZATION },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function codeOf(xml: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

describe("bad input over raw HTTP", () => {
  it.each([
    ["an unknown action", "Action=RebootDBCluster&Version=2014-10-31", "InvalidAction"],
    ["a wrong version", "Action=DescribeDBClusters&Version=2013-01-10", "InvalidAction"],
    ["no action", "Version=2014-10-31", "MissingAction"],
    ["no version", "Action=DescribeDBClusters", "MissingParameter"],
    ["a missing identifier", "Action=StopDBCluster&Version=2014-10-31", "MissingParameter"],
    [
      "a non-numeric MaxRecords",
      "Action=DescribeDBClusters&Version=2014-10-31&MaxRecords=lots",
      "InvalidParameterValue",
    ],
    [
      "a garbage Marker",
      "Action=DescribeDBClusters&Version=2014-10-31&Marker=%%%",
      "MalformedQueryString",
    ],
    [
      "a bad Marker",
      "Action=DescribeDBClusters&Version=2014-10-31&Marker=a.b",
      "InvalidParameterValue",
    ],
    [
      "a filter without a name",
      "Action=DescribeDBClusters&Version=2014-10-31&Filters.Filter.1.Values.Value.1=x",
      "MissingParameter",
    ],
    [
      "an invalid identifier",
      "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=9x&Engine=aurora-mysql",
      "InvalidParameterValue",
    ],
  ])("answers 400 with a Sender error for %s", async (_name, body, code) => {
    const reply = await post(body);
    expect([reply.status, codeOf(reply.text)]).toEqual([400, code]);
    expect(reply.text).toContain("<Type>Sender</Type>");
    expect(reply.text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId>/);
  });

  it("answers a JSON body with MissingAction", async () => {
    const reply = await post('{"Action":"DescribeDBClusters"}', "application/json");
    expect([reply.status, codeOf(reply.text)]).toEqual([400, "MissingAction"]);
  });

  it("answers an oversized body with 400 and keeps serving", async () => {
    const reply = await post(Buffer.alloc(2 * 1024 * 1024, "a"));
    expect([reply.status, codeOf(reply.text)]).toEqual([400, "RequestEntityTooLarge"]);
    expect((await post("Action=DescribeDBClusters&Version=2014-10-31")).status).toBe(200);
  });

  it("answers bytes that are not HTTP with 400 and keeps serving", async () => {
    const port = Number(new URL(emu.url).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("\x00\x01garbage\r\n\r\n"));
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await post("Action=DescribeDBClusters&Version=2014-10-31")).status).toBe(200);
  });

  it("accepts a GET with the query string, as the Query protocol allows", async () => {
    const response = await fetch(`${emu.url}/?Action=DescribeDBClusters&Version=2014-10-31`, {
      headers: { authorization: DUMMY_AUTHORIZATION },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<DBClusterIdentifier>c1</DBClusterIdentifier>");
  });

  it("answers malformed admin JSON with 400", async () => {
    const response = await fetch(`${emu.url}/_emulator/clusters`, {
      method: "POST",
      body: "{nope",
    });
    expect(response.status).toBe(400);
  });

  it("answers a bad percent-escape in an admin path with 400", async () => {
    const response = await fetch(`${emu.url}/_emulator/clusters/%E0%A4%A`);
    expect(response.status).toBe(400);
  });

  it("answers an admin seed without an identifier with 400", async () => {
    const response = await fetch(`${emu.url}/_emulator/clusters`, { method: "POST", body: "[{}]" });
    expect(response.status).toBe(400);
  });
});

describe("listening address and shutdown", () => {
  it("binds 127.0.0.1 by default", () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("stops idempotently and refuses connections afterwards", async () => {
    const other = await startEmulator();
    await other.stop();
    await other.stop();
    await expect(fetch(`${other.url}/_emulator/config`)).rejects.toThrow();
  });
});
