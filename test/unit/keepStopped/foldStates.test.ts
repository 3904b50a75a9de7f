/** `npm start` shows the keeper's run folded: the describe-plan-wait loop once, with its count. */
import { foldStates } from "../../../scripts/demo/keeperDemo";

test("the describe–plan–wait loop is shown once, with the number of waits", () => {
  const loop = ["Describe", "HasReplicas", "NoReplicas", "HasGlobalCluster", "Plan"];
  const states = [
    "Init",
    ...loop,
    "WaitForAvailable",
    ...loop,
    "WaitForAvailable",
    ...loop,
    "OverrideTags",
    "StopCluster",
    "StopRequested",
  ];
  expect(foldStates(states)).toBe(
    "Init → Describe → HasReplicas → NoReplicas → HasGlobalCluster → Plan → " +
      "waited 2× for `available` → Describe → Plan → OverrideTags → StopCluster → StopRequested",
  );
});
