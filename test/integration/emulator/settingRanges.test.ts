import { startEmulator, type RunningEmulator } from "aurora-power/emulator";

// Issue 19: a latencyMs beyond Node's timer range (2^31-1 ms) was accepted and answered at once.
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.stop();
});

async function patchConfig(body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${emu.url}/_emulator/config`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe("the admin API refuses out-of-range settings (issue 19)", () => {
  it.each([
    [
      { latencyMs: 2 ** 31 },
      "`latencyMs` must be a number from 0 to 2147483647 (milliseconds), got 2147483648.",
    ],
    [
      { throttleRate: 1.01 },
      "`throttleRate` must be a number from 0 to 1 (a probability), got 1.01.",
    ],
    [
      { autoRestartSeconds: 1e9 },
      "`autoRestartSeconds` must be a number from 0 to 2147483.647 (seconds), got 1000000000.",
    ],
    [
      { stopSeconds: -1 },
      "`stopSeconds` must be a number from 0 to 2147483.647 (seconds), got -1.",
    ],
  ])("PATCH %p answers 400 with the setting, value and range", async (body, message) => {
    expect(await patchConfig(body)).toEqual({
      status: 400,
      json: { error: "InvalidParameterValue", message },
    });
  });

  it("keeps the configuration it had, and takes the largest latency", async () => {
    await patchConfig({ stopSeconds: 0.5, latencyMs: 2 ** 31 });
    expect((await emu.admin.getConfig()).stopSeconds).toBe(5);
    expect((await emu.admin.setConfig({ latencyMs: 2 ** 31 - 1 })).latencyMs).toBe(2 ** 31 - 1);
    await emu.admin.setConfig({ latencyMs: 0 });
  });

  it("startEmulator refuses the same options before listening", async () => {
    await expect(startEmulator({ latencyMs: 2 ** 31 })).rejects.toThrow(
      "`latencyMs` must be a number from 0 to 2147483647 (milliseconds), got 2147483648.",
    );
    await expect(startEmulator({ port: 70_000 })).rejects.toThrow(
      "`port` must be an integer from 0 to 65535 (a TCP port), got 70000",
    );
  });
});
