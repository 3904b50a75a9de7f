import * as pulumi from "@pulumi/pulumi";
import * as fs from "node:fs";
import { withInlineStack } from "../../scripts/harness";
import { EchoResource, echoProgram } from "../support/echoProgram";

describe("inline-stack harness with the provisioned CLI", () => {
  it("runs a dynamic resource through up, preview, destroy and removes its directories", async () => {
    let workDir = "";
    const output: string[] = [];
    await withInlineStack(
      {
        program: echoProgram("hello"),
        endpointUrl: "http://127.0.0.1:9",
        onOutput: (text) => output.push(text),
      },
      async (run) => {
        workDir = run.workDir;
        const up = await run.up();
        expect(up.summary.resourceChanges).toEqual({ create: 2 });
        const preview = await run.preview();
        expect(preview.changeSummary).toEqual({ same: 2 });
        const destroy = await run.destroy();
        expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
      },
    );
    expect(output.join("")).toContain("pulumi-nodejs:dynamic:Resource");
    expect(fs.existsSync(workDir)).toBe(false);
  });

  it("removes the stack directory when an update fails", async () => {
    let workDir = "";
    const failingProvider: pulumi.dynamic.ResourceProvider = {
      create: () => Promise.reject(new Error("create failed on purpose")),
    };
    const failing = () => {
      new EchoResource("failing", {}, failingProvider);
      return Promise.resolve({});
    };
    await expect(
      withInlineStack({ program: failing, endpointUrl: "http://127.0.0.1:9" }, async (run) => {
        workDir = run.workDir;
        await run.up();
      }),
    ).rejects.toThrow(/create failed on purpose/);
    expect(workDir).not.toBe("");
    expect(fs.existsSync(workDir)).toBe(false);
  });
});
