/**
 * Property bags as the engine hands them to a dynamic provider: inputs, or stored outputs of any
 * state format so far. Anything may be anything, and at preview a value may be the unknown sentinel.
 */
import { UNKNOWN_VALUE } from "../aurora/unknownValue";

/** Raw properties as the engine sends them. */
export type RawProperties = Record<string, unknown>;

/** True for the preview sentinel of an unknown value. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}

/** `props[key]` when it is a non-empty string. */
export function textOf(props: RawProperties, key: string): string | undefined {
  const value = props[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** True for a plain object (a nested property bag). */
export function isBag(value: unknown): value is RawProperties {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
