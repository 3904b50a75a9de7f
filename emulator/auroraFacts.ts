import { createHash } from "node:crypto";

/** The account every emulated ARN, endpoint and key names. */
const ACCOUNT = "123456789012";

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** `length` characters of `alphabet` drawn deterministically from `seed`. */
function encode(seed: string, alphabet: string, length: number): string {
  const bytes = digest(seed);
  return Array.from(
    { length },
    (_, i) => alphabet[(bytes[i % bytes.length] ?? 0) % alphabet.length],
  ).join("");
}

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The default port of an engine: 5432 for PostgreSQL, 3306 for MySQL (CreateDBCluster, `Port`). */
export function defaultPort(engine: string): number {
  return engine.includes("postgres") ? 5432 : 3306;
}

/** The master user name RDS's console suggests for an engine. */
export function defaultMasterUsername(engine: string): string {
  return engine.includes("postgres") ? "postgres" : "admin";
}

/**
 * `default.<family>`: the default DB cluster parameter group, e.g. `default.aurora-postgresql16`,
 * `default.aurora-mysql8.0`, `default.mysql8.0` (RDS User Guide, "Parameter groups").
 */
export function defaultParameterGroup(engine: string, engineVersion: string): string {
  const [major = "1", minor = "0"] = engineVersion.split(".");
  const postgres = engine.includes("postgres");
  return `default.${engine}${postgres ? major : `${major}.${minor}`}`;
}

/**
 * `cluster-` and 26 upper-case letters or digits, RDS's immutable cluster resource id
 * (`DbClusterResourceId`), derived from the identifier and creation instant.
 */
export function clusterResourceId(id: string, createdAtMs: number): string {
  return `cluster-${encode(`${id}/${createdAtMs}`, UPPER_ALNUM, 26)}`;
}

/**
 * The cluster endpoint, `<id>.cluster-<hash>.<region>.rds.amazonaws.com`, or the reader endpoint
 * (`cluster-ro-`). The hash is one per account and Region in RDS, so it is here.
 */
export function clusterEndpoint(id: string, region: string, reader: boolean): string {
  const hash = encode(`${ACCOUNT}/${region}`, LOWER_ALNUM, 12);
  return `${id}.cluster-${reader ? "ro-" : ""}${hash}.${region}.rds.amazonaws.com`;
}

// Route 53 hosted zones of RDS endpoints in a few Regions (AWS General Reference, "Amazon RDS
// endpoints and quotas"); other Regions get a stable made-up id of the same shape.
const HOSTED_ZONES: Record<string, string> = {
  "us-east-1": "Z2R2ITUGPM61AM",
  "us-west-2": "Z1PVIF0B656C1W",
  "eu-west-1": "Z29XKXDKYMONMX",
  "eu-central-1": "Z1RLNUO7B9Q6NB",
};

/** The hosted zone id of RDS endpoints in `region`. */
export function hostedZoneId(region: string): string {
  return HOSTED_ZONES[region] ?? `Z${encode(region, UPPER_ALNUM, 13)}`;
}

/** Three Availability Zones of `region` (`<region>a`, `b`, `c`), where Aurora keeps six copies. */
export function availabilityZones(region: string): string[] {
  return ["a", "b", "c"].map((letter) => `${region}${letter}`);
}

/** The default VPC security group of the account and Region, `sg-` and 17 hex digits. */
export function defaultSecurityGroupId(region: string): string {
  return `sg-${digest(`sg/${ACCOUNT}/${region}`).toString("hex").slice(0, 17)}`;
}

/** The AWS managed key `aws/rds` of the Region, as an encrypted cluster's `KmsKeyId` shows it. */
export function managedKmsKeyArn(region: string): string {
  const hex = digest(`kms/${ACCOUNT}/${region}`).toString("hex");
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `arn:aws:kms:${region}:${ACCOUNT}:key/${uuid}`;
}
