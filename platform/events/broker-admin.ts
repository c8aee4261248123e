import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  KafkaJSDeleteGroupsError,
  ResourcePatternTypes,
} from 'kafkajs';
import type { AclEntry } from 'kafkajs';
import { KafkaSettings, SaslCredential, createKafka, ensureTopics, topicName } from './kafka';

/**
 * The broker's own administration, used with the super-user principal only: SCRAM credentials (Kafka's Admin API
 * AlterUserScramCredentials, KIP-554), ACLs (kafkajs createAcls / deleteAcls against KRaft's StandardAuthorizer)
 * and client quotas (AlterClientQuotas, KIP-546).
 * The broker is the authority on who may read and write what; the hub keeps no list of its own that it trusts.
 */

export type AclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE' | 'ALTER' | 'IDEMPOTENT_WRITE';

/** One permission: the principal may do `operation` on the topic, consumer group or the cluster named. */
export interface Grant {
  principal: string;
  resource: 'TOPIC' | 'GROUP' | 'CLUSTER';
  /** A full topic or group name; with `prefixed` every name that starts with it. */
  name: string;
  prefixed?: boolean;
  operation: AclOperation;
}

export const principalOf = (username: string) => `User:${username}`;

const grantKey = (g: Grant) =>
  `${g.principal}|${g.resource}|${g.resource === 'CLUSTER' ? 'kafka-cluster' : g.name}|${!!g.prefixed}|${g.operation}`;

const toAclEntry = (grant: Grant): AclEntry => ({
  principal: grant.principal,
  host: '*',
  operation: AclOperationTypes[grant.operation],
  permissionType: AclPermissionTypes.ALLOW,
  resourceType: AclResourceTypes[grant.resource],
  resourceName: grant.resource === 'CLUSTER' ? 'kafka-cluster' : grant.name,
  resourcePatternType: grant.prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
});

/**
 * How long createGrants waits for the broker to report the ACLs it was given: on a 2-core machine at load 27 the
 * topology's broker-setup step missed 10 s twice in a row.
 */
const GRANTS_VISIBLE_WITHIN_MS = 30_000;

type Admin = ReturnType<Kafka['admin']>;

/**
 * Runs `work` over one admin connection: every request of a step (create, then look until the broker reports it)
 * goes over it, where a new connection per look cost a SASL/SCRAM handshake each (a test hub's start looked once or
 * more for each of its up to six principals).
 */
async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Asks again every 50 ms until `done` holds or the deadline passes (then throws `failure`). */
async function lookUntil(done: () => Promise<boolean>, failure: string): Promise<void> {
  const deadline = Date.now() + GRANTS_VISIBLE_WITHIN_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Creates the ACLs and returns once the broker reports every one of them: the controller accepts an ACL before the
 * broker's authorizer holds it, so without the wait a party could be refused (or its access read back empty) for a
 * moment after it was registered.
 */
export async function createGrants(kafka: Kafka, grants: readonly Grant[]): Promise<void> {
  if (grants.length === 0) return;
  await withAdmin(kafka, async (admin) => {
    await admin.createAcls({ acl: grants.map(toAclEntry) });
    await awaitGrantsHeld(admin, grants, true);
  });
}

/**
 * Looks until the broker's authorizer holds every one of the grants (`held`), or none of them: the controller accepts
 * a creation or deletion before the authorizer applies it. The principals are checked side by side: one after
 * another, a test hub's six took a second of its start.
 */
async function awaitGrantsHeld(admin: Admin, grants: readonly Grant[], held: boolean): Promise<void> {
  await Promise.all(
    [...new Set(grants.map((g) => g.principal))].map((principal) => {
      const keys = grants.filter((g) => g.principal === principal).map(grantKey);
      return lookUntil(
        async () => {
          const holds = new Set((await describeGrants(admin, principal)).map(grantKey));
          return keys.every((k) => holds.has(k) === held);
        },
        held
          ? `the broker did not report the ACLs of ${principal} in time`
          : `the broker still reported ACLs of ${principal} after their deletion`,
      );
    }),
  );
}

/**
 * Deletes every ACL naming the principal and returns, with how many, once the broker reports none left: as with
 * createGrants, the controller accepts the deletion before the broker's authorizer has applied it, so without the
 * wait a revoked party's fetch just after the answer could still be served.
 */
export async function deleteGrantsOf(kafka: Kafka, principal: string): Promise<number> {
  return withAdmin(kafka, async (admin) => {
    const response = await admin.deleteAcls({
      filters: [
        {
          resourceType: AclResourceTypes.ANY,
          resourcePatternType: ResourcePatternTypes.ANY,
          principal,
          host: '*',
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ANY,
        },
      ],
    });
    await lookUntil(
      async () => (await describeGrants(admin, principal)).length === 0,
      `the broker still reported ACLs of ${principal} after their deletion`,
    );
    return response.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0);
  });
}

/** kafkajs' enums are plain objects at runtime (no reverse mapping). */
const nameOf = (values: object, code: number) => Object.entries(values).find(([, value]) => value === code)?.[0];

/** The ACLs naming the principal, as the broker holds them. */
export const grantsOf = (kafka: Kafka, principal: string): Promise<Grant[]> =>
  withAdmin(kafka, (admin) => describeGrants(admin, principal));

async function describeGrants(admin: Admin, principal: string): Promise<Grant[]> {
  const response = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    principal,
    host: '*',
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ALLOW,
  });
  return response.resources.flatMap((resource) =>
    resource.acls.map((acl) => ({
      principal: acl.principal,
      resource: nameOf(AclResourceTypes, resource.resourceType) as Grant['resource'],
      name: resource.resourceName,
      prefixed: resource.resourcePatternType === ResourcePatternTypes.PREFIXED,
      operation: nameOf(AclOperationTypes, acl.operation) as AclOperation,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// SCRAM credentials: kafkajs has no call for AlterUserScramCredentials (API key 51), so it is sent as a raw request
// over a kafkajs broker connection (already authenticated as the admin). The request is a "flexible" one (compact
// strings and arrays, tagged fields); kafkajs writes request header v1, and the empty tagged-field byte that begins
// the body makes it header v2.

const SCRAM_SHA_512 = 2;
/** Kafka's minimum for SCRAM-SHA-512 is 4096 iterations. */
export const SCRAM_ITERATIONS = 8192;
const pbkdf2Async = promisify(pbkdf2);

const uvarint = (value: number): Buffer => {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  bytes.push(value);
  return Buffer.from(bytes);
};
const compactBytes = (value: Buffer) => Buffer.concat([uvarint(value.length + 1), value]);
const compactString = (value: string) => compactBytes(Buffer.from(value, 'utf8'));
const int8 = (value: number) => Buffer.from([value]);
const int32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
};
const NO_TAGS = Buffer.from([0]);

function readUVarint(buf: Buffer, at: { offset: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at.offset++];
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return value;
    shift += 7;
  }
}

function readCompactString(buf: Buffer, at: { offset: number }): string | null {
  const length = readUVarint(buf, at) - 1;
  if (length < 0) return null;
  const value = buf.toString('utf8', at.offset, at.offset + length);
  at.offset += length;
  return value;
}

function skipTags(buf: Buffer, at: { offset: number }): void {
  const count = readUVarint(buf, at);
  for (let i = 0; i < count; i++) {
    readUVarint(buf, at);
    at.offset += readUVarint(buf, at);
  }
}

export interface ScramChange {
  username: string;
  /** The new password; omitted to delete the user's SCRAM-SHA-512 credential. */
  password?: string;
}

async function alterUserScramCredentialsRequest(changes: readonly ScramChange[]): Promise<Buffer> {
  const deletions = changes.filter((c) => c.password === undefined);
  const upsertions = await Promise.all(
    changes
      .filter((c): c is Required<ScramChange> => c.password !== undefined)
      .map(async ({ username, password }) => {
        const salt = randomBytes(32);
        // SCRAM's SaltedPassword = Hi(password, salt, i), which is PBKDF2 with HMAC-SHA-512 (RFC 5802 § 2.2).
        const salted = await pbkdf2Async(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 64, 'sha512');
        return Buffer.concat([
          compactString(username),
          int8(SCRAM_SHA_512),
          int32(SCRAM_ITERATIONS),
          compactBytes(salt),
          compactBytes(salted),
          NO_TAGS,
        ]);
      }),
  );
  return Buffer.concat([
    NO_TAGS, // request header v2's tagged fields
    uvarint(deletions.length + 1),
    ...deletions.map((d) => Buffer.concat([compactString(d.username), int8(SCRAM_SHA_512), NO_TAGS])),
    uvarint(upsertions.length + 1),
    ...upsertions,
    NO_TAGS,
  ]);
}

interface ScramResult {
  user: string;
  errorCode: number;
  errorMessage: string | null;
}

function decodeAlterUserScramCredentialsResponse(payload: Buffer): ScramResult[] {
  const at = { offset: 0 };
  skipTags(payload, at); // response header v1's tagged fields
  at.offset += 4; // throttle_time_ms
  const results: ScramResult[] = [];
  const count = readUVarint(payload, at) - 1;
  for (let i = 0; i < count; i++) {
    const user = readCompactString(payload, at) ?? '';
    const errorCode = payload.readInt16BE(at.offset);
    at.offset += 2;
    const errorMessage = readCompactString(payload, at);
    skipTags(payload, at);
    results.push({ user, errorCode, errorMessage });
  }
  return results;
}

interface RawBroker {
  connectionPool: { send(request: unknown): Promise<unknown> };
}
interface RawCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findControllerBroker(): Promise<RawBroker>;
}

/** kafkajs' own cluster client (a private factory of the Kafka object): broker connections with its SASL and retries. */
function rawCluster(kafka: Kafka): RawCluster {
  const factory = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  if (!factory) throw new Error('kafkajs changed: no cluster factory on the Kafka client');
  return (kafka as unknown as Record<symbol, (options: object) => RawCluster>)[factory]({});
}

/**
 * Creates or replaces (password given) and deletes (password omitted) SCRAM-SHA-512 credentials. The change is
 * written to the cluster's metadata log; a connection authenticated before keeps working until it re-authenticates
 * (`connections.max.reauth.ms`), which is why revocation also deletes the principal's ACLs.
 */
export async function alterScramCredentials(kafka: Kafka, changes: readonly ScramChange[]): Promise<void> {
  if (changes.length === 0) return;
  const body = await alterUserScramCredentialsRequest(changes);
  const results = await sendRaw(kafka, 51, 'AlterUserScramCredentials', body, decodeAlterUserScramCredentialsResponse);
  const failed = results.filter((r) => r.errorCode !== 0);
  if (failed.length > 0) {
    throw new Error(
      `AlterUserScramCredentials failed: ${failed.map((f) => `${f.user}: ${f.errorCode} ${f.errorMessage ?? ''}`).join('; ')}`,
    );
  }
}

/** Sends one request of an Admin API kafkajs lacks (version 0) to the controller and decodes its answer. */
async function sendRaw<T>(
  kafka: Kafka,
  apiKey: number,
  apiName: string,
  body: Buffer,
  decode: (payload: Buffer) => T,
): Promise<T> {
  const cluster = rawCluster(kafka);
  await cluster.connect();
  try {
    await cluster.refreshMetadata();
    const broker = await cluster.findControllerBroker();
    return (await broker.connectionPool.send({
      request: { apiKey, apiVersion: 0, apiName, encode: async () => ({ buf: body, buffer: body }) },
      response: { decode: async (payload: Buffer) => decode(payload), parse: async (r: T) => r },
    })) as T;
  } finally {
    await cluster.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Client quotas (KIP-546): kafkajs has no AlterClientQuotas (API key 49) nor DescribeClientQuotas (48), so they are
// sent raw too, as version 0: not flexible (strings with an int16 length, -1 for null; arrays with an int32 count).

/** What the broker lets one principal use: bytes a second it may write and read, and its share of request threads. */
export interface UserQuotas {
  /** `producer_byte_rate`: bytes per second written; past it the broker delays the principal's answers. */
  producerByteRate: number;
  /** `consumer_byte_rate`: bytes per second fetched. */
  consumerByteRate: number;
  /** `request_percentage`: time on the broker's request threads, in percent of one thread. */
  requestPercentage: number;
}

const QUOTA_KEYS: Record<keyof UserQuotas, string> = {
  producerByteRate: 'producer_byte_rate',
  consumerByteRate: 'consumer_byte_rate',
  requestPercentage: 'request_percentage',
};

const int16 = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(value);
  return b;
};
const float64 = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(value);
  return b;
};
const string16 = (value: string | null) => {
  if (value === null) return int16(-1);
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([int16(bytes.length), bytes]);
};
const array32 = (items: Buffer[]) => Buffer.concat([int32(items.length), ...items]);

function readString16(buf: Buffer, at: { offset: number }): string | null {
  const length = buf.readInt16BE(at.offset);
  at.offset += 2;
  if (length < 0) return null;
  const value = buf.toString('utf8', at.offset, at.offset + length);
  at.offset += length;
  return value;
}
function readInt32(buf: Buffer, at: { offset: number }): number {
  const value = buf.readInt32BE(at.offset);
  at.offset += 4;
  return value;
}
function readQuotaEntity(buf: Buffer, at: { offset: number }): string {
  const parts: string[] = [];
  for (let n = readInt32(buf, at); n > 0; n--) parts.push(`${readString16(buf, at)}=${readString16(buf, at)}`);
  return parts.join(',');
}

const userEntity = (username: string) => array32([Buffer.concat([string16('user'), string16(username)])]);

/** Sets the user's quotas (replacing the values of these keys; others it has are left). */
export async function setUserQuotas(kafka: Kafka, username: string, quotas: UserQuotas): Promise<void> {
  const ops = (Object.keys(QUOTA_KEYS) as (keyof UserQuotas)[]).map((key) =>
    Buffer.concat([string16(QUOTA_KEYS[key]), float64(quotas[key]), int8(0)]),
  );
  const body = Buffer.concat([array32([Buffer.concat([userEntity(username), array32(ops)])]), int8(0)]);
  const failed = await sendRaw(kafka, 49, 'AlterClientQuotas', body, (payload) => {
    const at = { offset: 4 }; // throttle_time_ms
    const errors: string[] = [];
    for (let n = readInt32(payload, at); n > 0; n--) {
      const code = payload.readInt16BE(at.offset);
      at.offset += 2;
      const message = readString16(payload, at);
      const entity = readQuotaEntity(payload, at);
      if (code !== 0) errors.push(`${entity}: ${code} ${message ?? ''}`);
    }
    return errors;
  });
  if (failed.length > 0) throw new Error(`AlterClientQuotas failed: ${failed.join('; ')}`);
}

/** The quotas the broker holds for exactly this user (an empty object when none). */
export async function userQuotas(kafka: Kafka, username: string): Promise<Partial<UserQuotas>> {
  const MATCH_EXACT = 0;
  const body = Buffer.concat([
    array32([Buffer.concat([string16('user'), int8(MATCH_EXACT), string16(username)])]),
    int8(1), // strict: entities with exactly this component
  ]);
  return sendRaw(kafka, 48, 'DescribeClientQuotas', body, (payload) => {
    const at = { offset: 4 }; // throttle_time_ms
    const code = payload.readInt16BE(at.offset);
    at.offset += 2;
    const message = readString16(payload, at);
    if (code !== 0) throw new Error(`DescribeClientQuotas failed: ${code} ${message ?? ''}`);
    const quotas: Partial<UserQuotas> = {};
    for (let entries = readInt32(payload, at); entries > 0; entries--) {
      readQuotaEntity(payload, at);
      for (let values = readInt32(payload, at); values > 0; values--) {
        const key = readString16(payload, at);
        const value = payload.readDoubleBE(at.offset);
        at.offset += 8;
        const ours = (Object.keys(QUOTA_KEYS) as (keyof UserQuotas)[]).find((k) => QUOTA_KEYS[k] === key);
        if (ours) quotas[ours] = value;
      }
    }
    return quotas;
  });
}

/**
 * An admin client that only connects, to see whether a credential authenticates. Quiet: a new principal is refused
 * until the broker has applied it, and a hub's start asks for each of its principals before setting them, so kafkajs
 * logged a start's expected refusals as a dozen authentication errors.
 */
const credentialCheck = (settings: KafkaSettings, sasl: SaslCredential) =>
  createKafka({ ...settings, clientId: 'credential-check', sasl }, { quiet: true }).admin();

/**
 * Waits until each credential authenticates: the broker applies a SCRAM change from the cluster's metadata log a
 * moment after the controller accepted it, and a principal handed out (a subgraph starting, a party's password
 * returned) must work at once.
 */
export async function awaitCredentials(
  settings: KafkaSettings,
  credentials: readonly SaslCredential[],
  timeoutMs = 15_000,
): Promise<void> {
  await Promise.all(
    credentials.map(async (sasl) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const admin = credentialCheck(settings, sasl);
        try {
          await admin.connect();
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      }
    }),
  );
}

/** Whether a credential authenticates now (one attempt). */
export async function authenticates(settings: KafkaSettings, sasl: SaslCredential): Promise<boolean> {
  const admin = credentialCheck(settings, sasl);
  try {
    await admin.connect();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A new random password for a SCRAM principal (URL-safe, 32 characters). */
export const newPassword = () => randomBytes(24).toString('base64url');

/** Deletes exactly these ACLs (e.g. a test hub's, under its topic prefix, when it stops), returning once none is held. */
export async function deleteGrants(kafka: Kafka, grants: readonly Grant[]): Promise<void> {
  if (grants.length === 0) return;
  await withAdmin(kafka, async (admin) => {
    await admin.deleteAcls({ filters: grants.map(toAclEntry) });
    // Without the wait a fetch just after the answer could still be served (a CI run read a topic whose READ had
    // just been deleted).
    await awaitGrantsHeld(admin, grants, false);
  });
}

/**
 * Of the ACLs a principal holds, those not wanted among the topics and groups `owns` names: what a deployment no
 * longer producing or reading a topic still held. A cluster grant, and a name it does not own (another hub's on the
 * same broker, under its own prefix), is never its to revoke.
 */
export function staleGrants(
  held: readonly Grant[],
  wanted: readonly Grant[],
  owns: (name: string) => boolean,
): Grant[] {
  const keep = new Set(wanted.map(grantKey));
  return held.filter((g) => !keep.has(grantKey(g)) && g.resource !== 'CLUSTER' && owns(g.name));
}

/**
 * Revokes, for each principal the grants name, the ACLs it holds on names it owns beyond them (staleGrants), and
 * returns them once the broker reports them gone. Before, provisioning only ever added: a subgraph that stopped
 * reading or writing a topic kept its access to it for good (a helper's audit of 2026-12-06).
 */
export async function revokeStaleGrants(
  kafka: Kafka,
  wanted: readonly Grant[],
  owns: (name: string) => boolean,
): Promise<Grant[]> {
  return withAdmin(kafka, async (admin) => {
    const principals = [...new Set(wanted.map((g) => g.principal))];
    const held = (await Promise.all(principals.map((p) => describeGrants(admin, p)))).flat();
    const stale = staleGrants(held, wanted, owns);
    if (stale.length === 0) return [];
    await admin.deleteAcls({ filters: stale.map(toAclEntry) });
    const gone = new Set(stale.map(grantKey));
    await lookUntil(async () => {
      const still = (await Promise.all(principals.map((p) => describeGrants(admin, p)))).flat();
      return still.every((g) => !gone.has(grantKey(g)));
    }, 'the broker still reported revoked ACLs after their deletion');
    return stale;
  });
}

/**
 * Deletes every consumer group and topic whose name starts with the prefix (a test hub's, once its consumers have
 * left their groups). The broker removes a deleted topic's files a minute later (`file.delete.delay.ms`). A group
 * still holding members (another client reading the prefix's topics) is left; the topics go all the same.
 */
export async function deletePrefixed(kafka: Kafka, prefix: string): Promise<void> {
  if (!prefix) throw new Error('deletePrefixed needs a prefix: an empty one names every topic and group');
  await withAdmin(kafka, async (admin) => {
    const [{ groups }, topics] = await Promise.all([admin.listGroups(), admin.listTopics()]);
    const ours = groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    const doomed = topics.filter((t) => t.startsWith(prefix));
    await Promise.all([
      ours.length > 0 &&
        admin.deleteGroups(ours).catch((error: unknown) => {
          if (!(error instanceof KafkaJSDeleteGroupsError)) throw error;
        }),
      doomed.length > 0 && admin.deleteTopics({ topics: doomed }),
    ]);
  });
}

/**
 * The broker's administration as a subgraph that registers parties uses it (feeds): principals, ACLs and topics,
 * with the super user's client and the hub's topic prefix. Nothing is cached: the broker answers every question.
 */
export class BrokerAdministration {
  constructor(
    private readonly kafka: Kafka,
    private readonly settings: KafkaSettings,
  ) {}

  /** The broker's name of a logical topic (with the deployment's prefix). */
  topic = (logical: string) => topicName(this.settings, logical);

  /** Sets the password and returns once it authenticates (so the one it replaced no longer does). */
  setPasswordAndWait = async (username: string, password: string) => {
    await alterScramCredentials(this.kafka, [{ username, password }]);
    await awaitCredentials(this.settings, [{ username, password }]);
  };
  grant = (grants: readonly Grant[]) => createGrants(this.kafka, grants);
  setQuotas = (username: string, quotas: UserQuotas) => setUserQuotas(this.kafka, username, quotas);
  /**
   * Deletes every ACL of the principal and returns once the broker's authorizer no longer holds any (it applies the
   * change from the metadata log a moment after the controller accepted it): from then on every request is refused.
   */
  revokeAll = async (principal: string, timeoutMs = 15_000): Promise<void> => {
    await deleteGrantsOf(this.kafka, principal);
    const deadline = Date.now() + timeoutMs;
    while ((await grantsOf(this.kafka, principal)).length > 0) {
      if (Date.now() > deadline) throw new Error(`the broker still holds ACLs of ${principal}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  grantsOf = (principal: string) => grantsOf(this.kafka, principal);
  createTopics = (logical: string[]) => ensureTopics(this.kafka, this.settings, logical);
}
