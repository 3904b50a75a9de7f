import type { RawProperties } from "../dynamic/checkInputs";
import { deleteResource } from "../dynamic/lifecycle";
import { defaultRegion } from "../dynamic/runtime";
import { FleetMembersError } from "./fleetErrors";
import { memberId, memberInputs, resolveFleetInputs } from "./fleetInputs";
import { fleetProgressFor } from "./fleetProgress";
import { storedMembers } from "./memberRecord";
import { failuresOf, runMembers } from "./runMembers";

/**
 * `delete`: `onDelete` for every recorded member at once, as `ClusterPowerState`'s delete does
 * (`restore` returns each to its own `initialState`; a member gone or being deleted is done;
 * `retain` makes no call). A listed identifier without a record was never reached: nothing to undo.
 * If members fail, the fleet stays in the stack and the error lists them; running `pulumi destroy`
 * again retries every member, which is harmless for those already done.
 */
export async function deleteFleet(id: string, props: RawProperties): Promise<void> {
  const inputs = resolveFleetInputs(props, defaultRegion(), id);
  if (inputs.onDelete === "retain") return;
  const previous = storedMembers(props);
  const ids = Object.keys(previous).sort();
  const progress = fleetProgressFor(
    inputs,
    new Map(ids.map((m) => [m, previous[m]?.status ?? ""])),
  );
  progress.start(`delete, \`onDelete: ${inputs.onDelete}\` for every member`);
  const results = await runMembers(
    ids,
    async (member, sink) => {
      const props = {
        ...memberInputs(inputs, member),
        initialState: previous[member]?.initialState,
      };
      await deleteResource(memberId(inputs, member), props, { progress: sink });
      return undefined;
    },
    progress,
  );
  const failures = failuresOf(results);
  if (failures.length === 0) return;
  throw new FleetMembersError(
    `${failures.length} of ${ids.length} clusters of the fleet (${inputs.region}) could not be given \`onDelete: ${inputs.onDelete}\`; the fleet stays in the stack. Fix each as its line says, then run \`pulumi destroy\` again (it retries every member):`,
    failures,
  );
}
