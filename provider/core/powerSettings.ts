import type { PowerState } from "../aurora/clusterStatus";
import { isUnknown, textOf, type RawProperties } from "../state/properties";
import {
  DEFAULT_ON_DELETE,
  DEFAULT_TIMEOUT_MINUTES,
  ON_DELETE_VALUES,
  type OnDelete,
} from "../types";

/**
 * What a `ClusterPowerState` and every member of a `ClusterFleetPowerState` are told to do:
 * inputs with defaults applied. `region` is undefined only when neither the input, the stored ID
 * nor the stack (`aws:region`, `AWS_REGION`) names one.
 */
export interface PowerSettings {
  state: PowerState;
  region: string | undefined;
  onDelete: OnDelete;
  timeoutMinutes: number;
  profile?: string;
  roleArn?: string;
}

/** The settings compared by `diff`, in the order the engine shows changes. */
export const SETTING_FIELDS = [
  "region",
  "state",
  "onDelete",
  "timeoutMinutes",
  "profile",
  "roleArn",
] as const;

/** One of {@link SETTING_FIELDS}. */
export type SettingField = (typeof SETTING_FIELDS)[number];

/**
 * The one place defaults are applied, for `check`, `diff` and every lifecycle call, to inputs and
 * to stored outputs of every state format so far (an older state may lack a default). Invalid
 * values fall back to the default too: `check` has refused them before any lifecycle call.
 */
export function normalizeSettings(
  props: RawProperties,
  defaultRegion: string | undefined,
  storedRegion?: string,
): PowerSettings {
  const onDelete = textOf(props, "onDelete");
  const timeout = props.timeoutMinutes;
  const settings: PowerSettings = {
    state: props.state === "stopped" ? "stopped" : "running",
    region: textOf(props, "region") ?? storedRegion ?? defaultRegion,
    onDelete: ON_DELETE_VALUES.find((v) => v === onDelete) ?? DEFAULT_ON_DELETE,
    timeoutMinutes: typeof timeout === "number" && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MINUTES,
  };
  const profile = textOf(props, "profile");
  const roleArn = textOf(props, "roleArn");
  if (profile) settings.profile = profile;
  if (roleArn) settings.roleArn = roleArn;
  return settings;
}

/**
 * The settings whose normalized value differs between the stored outputs and the new inputs; a
 * value unknown at preview counts as changed (the safe prediction).
 */
export function changedSettings(
  olds: RawProperties,
  news: RawProperties,
  defaultRegion: string | undefined,
): SettingField[] {
  const before = normalizeSettings(olds, defaultRegion);
  const after = normalizeSettings(news, defaultRegion);
  return SETTING_FIELDS.filter((field) => isUnknown(news[field]) || before[field] !== after[field]);
}

/**
 * `check`'s completed inputs: `onDelete`, `timeoutMinutes` and (when it resolves) `region`
 * filled in from {@link normalizeSettings}, so the defaults are echoed in the outputs and a later
 * explicit default causes no diff. A Region that was defaulted is recorded as such
 * (`regionDefaulted`) and kept: a change of `aws:region` or `AWS_REGION` must not move existing
 * resources to another Region (a replace), only an explicit `region` does. Unknown and invalid
 * values are left for `check` to judge.
 */
export function withDefaults(
  news: RawProperties,
  olds: RawProperties,
  defaultRegion: string | undefined,
  regionValid: (region: string) => boolean,
): RawProperties {
  const normalized = normalizeSettings(news, defaultRegion);
  const inputs: RawProperties = { ...news };
  inputs.onDelete ??= normalized.onDelete;
  inputs.timeoutMinutes ??= normalized.timeoutMinutes;
  delete inputs.regionDefaulted;
  if (inputs.region !== undefined) return inputs;
  const kept = olds.regionDefaulted === true ? textOf(olds, "region") : undefined;
  const region = kept ?? normalized.region;
  if (region !== undefined && regionValid(region)) {
    inputs.region = region;
    inputs.regionDefaulted = true;
  }
  return inputs;
}
