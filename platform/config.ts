import fs from 'node:fs';
import path from 'node:path';
import {
  KeyObject,
  X509Certificate,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import { SubgraphName } from '../catalog/subgraph-names';
import { commaList } from '../kernel/comma-list';
import { AssertionSigner, TokenSettings } from './auth/tokens';
import type { KafkaSettings, KafkaTls, SaslCredential } from './events/kafka';
import { FIELD_KEY_BYTES } from './crypto/field-cipher';
import { projectRoot } from './project-root';

export { SUBGRAPH_NAMES, type SubgraphName } from '../catalog/subgraph-names';

/**
 * Every setting comes from the environment with a development default; production (docker-compose.yml) sets the
 * secrets explicitly. The development secret and keys below are public by design and refused when NODE_ENV=production.
 */
const DEV_USER_SECRET = 'dev-only-user-token-secret-change-me-0123456789';
/** Development Ed25519 key pairs of the assertion signers (PKCS#8 and SPKI DER in base64): public, refused in production. */
const DEV_IDENTITY_KEYS: Record<AssertionSigner, IdentityKeyPair> = {
  gateway: {
    privateKey: 'MC4CAQAwBQYDK2VwBCIEIDlhC350tuuPh4swZ4yjBVWqN/VGAzn4977koJ9PXW0z',
    publicKey: 'MCowBQYDK2VwAyEA8RbrXNXG3Qu8g8RLXB36M4iJK7yTVxfTbRwDHtMvSTg=',
  },
  litigation: {
    privateKey: 'MC4CAQAwBQYDK2VwBCIEIIYvuX3gSz6USThIBllsMeBXnVMpG7FecoPtaZK+katY',
    publicKey: 'MCowBQYDK2VwAyEAPTghYPLWlnHHrw5+oqs6WDIzkSbrzthuKV0KjpuLSyY=',
  },
};
const developmentPublicKey = (signer: AssertionSigner): KeyObject =>
  createPublicKey({ key: Buffer.from(DEV_IDENTITY_KEYS[signer].publicKey, 'base64'), format: 'der', type: 'spki' });

/** Whether `secret` is the public development user-token secret (anyone can sign with it; a development hub only). */
export const isDevelopmentUserSecret = (secret: string): boolean => secret === DEV_USER_SECRET;

/** HS256 keys shorter than the hash output (RFC 7518 §3.2) are refused in production. */
const MIN_PRODUCTION_SECRET_BYTES = 32;

/**
 * The variables of each signer's keys: the gateway's `HUB_IDENTITY_PRIVATE_KEY` / `HUB_IDENTITY_PUBLIC_KEY`,
 * litigation's `HUB_LITIGATION_IDENTITY_PRIVATE_KEY` / `HUB_LITIGATION_IDENTITY_PUBLIC_KEY`.
 */
export const identityKeyVariables = (signer: AssertionSigner) => {
  const prefix = signer === 'gateway' ? 'HUB_IDENTITY' : `HUB_${signer.toUpperCase()}_IDENTITY`;
  return { privateKey: `${prefix}_PRIVATE_KEY`, publicKey: `${prefix}_PUBLIC_KEY` };
};

/** A signer's Ed25519 key pair as its two variables take them: PKCS#8 and SPKI DER in base64. */
export interface IdentityKeyPair {
  privateKey: string;
  publicKey: string;
}

/** A new key pair of a signer (hub/topology-secrets.ts; `npm run identity-keys` prints one). */
export function newIdentityKeyPair(): IdentityKeyPair {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** Fresh secrets of a topology of separate processes (hub/topology.ts; its test and benchmarks). */
export function randomTopologySecrets() {
  return {
    jwt: randomBytes(32).toString('base64'),
    gatewayKeys: newIdentityKeyPair(),
    litigationKeys: newIdentityKeyPair(),
    ownerDataKey: randomBytes(32).toString('base64'),
    webhookSecretKey: randomBytes(32).toString('base64'),
  };
}

/** The gateway's token settings of a topology's secrets (randomTopologySecrets), to mint callers' tokens it takes. */
export const topologyGatewayTokens = (secrets: { jwt: string }) =>
  tokenSettings({ NODE_ENV: 'production', HUB_JWT_SECRET: secrets.jwt }, 'token-minter');

/** The public key (SPKI DER in base64) of a signer's private key as its variable gives it (PKCS#8 DER in base64). */
export const publicKeyOf = (privateKey: string): string =>
  createPublicKey(identityKey('the private key', privateKey, 'private'))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');

function identityKey(name: string, value: string, kind: 'private' | 'public'): KeyObject {
  let parsed: KeyObject;
  try {
    const der = Buffer.from(value, 'base64');
    parsed =
      kind === 'private'
        ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
        : createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new Error(`${name} must be an Ed25519 ${kind === 'private' ? 'PKCS#8' : 'SPKI'} key, DER in base64`);
  }
  if (parsed.asymmetricKeyType !== 'ed25519') throw new Error(`${name} must be an Ed25519 key`);
  return parsed;
}

/**
 * Which process the settings are for, and so which keys it must hold in production: the gateway the callers' token
 * secret and its own private key; a subgraph the gateway's public key, litigation its private key too (it asks the
 * owners' register), areas litigation's public key (it answers that); `token-minter` (`npm run token`) the secret
 * alone; `hub` (one process running everything) all of them. No subgraph holds the callers' token secret or the
 * gateway's private key.
 */
export type KeyHolder = 'hub' | 'gateway' | 'token-minter' | SubgraphName;

const heldKeys = (holder: KeyHolder): { secret: boolean; signs: AssertionSigner[]; trusts: AssertionSigner[] } => {
  if (holder === 'hub') return { secret: true, signs: ['gateway', 'litigation'], trusts: ['gateway', 'litigation'] };
  if (holder === 'gateway') return { secret: true, signs: ['gateway'], trusts: [] };
  if (holder === 'token-minter') return { secret: true, signs: [], trusts: [] };
  return {
    secret: false,
    signs: holder === 'litigation' ? ['litigation'] : [],
    trusts: holder === 'areas' ? ['gateway', 'litigation'] : ['gateway'],
  };
};

/**
 * The settings as subgraph `name` takes assertions: from the signers it trusts in production only, also where one
 * process holds every key (`npm start`, the tests' hubs), so litigation's assertions reach areas alone there too.
 */
export function asSubgraph(tokens: TokenSettings, name: SubgraphName): TokenSettings {
  const trusted = heldKeys(name).trusts.flatMap((signer) => {
    const key = tokens.trustedKeys[signer];
    return key ? [[signer, key] as const] : [];
  });
  return { ...tokens, trustedKeys: Object.fromEntries(trusted) };
}

export function tokenSettings(env: NodeJS.ProcessEnv = process.env, holder: KeyHolder = 'hub'): TokenSettings {
  const production = env.NODE_ENV === 'production';
  const held = heldKeys(holder);
  const settings: TokenSettings = {
    userTokenSecret: env.HUB_JWT_SECRET ?? (production ? '' : DEV_USER_SECRET),
    userTokenIssuer: env.HUB_JWT_ISSUER ?? 'property-governance-hub',
    userTokenAudience: env.HUB_JWT_AUDIENCE ?? 'property-governance-hub',
    signingKeys: {},
    trustedKeys: {},
  };
  // A key as given, or the development one outside production. In production a development key is refused by what
  // it is, not how it is written: its text without the base64 padding or with a newline parsed as the same key.
  const keyOf = (signer: AssertionSigner, kind: 'private' | 'public'): KeyObject => {
    const name = identityKeyVariables(signer)[kind === 'private' ? 'privateKey' : 'publicKey'];
    const development = DEV_IDENTITY_KEYS[signer][kind === 'private' ? 'privateKey' : 'publicKey'];
    const value = env[name] || (production ? undefined : development);
    if (value === undefined) throw new Error(`${name} must be set in production`);
    const key = identityKey(name, value, kind);
    const publicOfKey = kind === 'private' ? createPublicKey(key) : key;
    if (production && publicOfKey.equals(developmentPublicKey(signer)))
      throw new Error(`${name} is a public development key: production refuses to start on it`);
    return key;
  };
  for (const signer of held.signs) settings.signingKeys[signer] = keyOf(signer, 'private');
  for (const signer of held.trusts) {
    const names = identityKeyVariables(signer);
    const signing = settings.signingKeys[signer];
    // A process that signs as this signer checks with the key it signs with; a public key given beside it must match.
    const publicKey = env[names.publicKey] || !signing ? keyOf(signer, 'public') : createPublicKey(signing);
    if (signing && !createPublicKey(signing).equals(publicKey))
      throw new Error(`${names.publicKey} is not the public key of ${names.privateKey}`);
    settings.trustedKeys[signer] = publicKey;
  }
  if (production) {
    if (held.secret) {
      if (!env.HUB_JWT_SECRET) throw new Error('HUB_JWT_SECRET must be set in production');
      if (env.HUB_JWT_SECRET === DEV_USER_SECRET)
        throw new Error('HUB_JWT_SECRET is a public development secret: production refuses to start on it');
      if (Buffer.byteLength(env.HUB_JWT_SECRET) < MIN_PRODUCTION_SECRET_BYTES)
        throw new Error(`HUB_JWT_SECRET must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`);
    }
    const publicOf = (signer: AssertionSigner) => {
      const signing = settings.signingKeys[signer];
      return settings.trustedKeys[signer] ?? (signing && createPublicKey(signing));
    };
    const [gateway, litigation] = [publicOf('gateway'), publicOf('litigation')];
    if (gateway && litigation && gateway.equals(litigation))
      throw new Error("the gateway's and litigation's identity keys must differ in production");
  }
  return settings;
}

/**
 * An AES-256-GCM key for values sealed at rest (32 bytes in base64 in the variable `name`), required when
 * NODE_ENV=production. A development machine without one gets a random key generated once under `.local/<file>`
 * (mode 0600), so its data stays readable across restarts; losing that file loses them.
 */
function fieldKey(name: string, file: string, env: NodeJS.ProcessEnv, root: string): Buffer {
  const given = env[name];
  if (given) {
    const key = Buffer.from(given, 'base64');
    if (key.length !== FIELD_KEY_BYTES) throw new Error(`${name} must be ${FIELD_KEY_BYTES} bytes in base64`);
    return key;
  }
  if (env.NODE_ENV === 'production') throw new Error(`${name} must be set in production`);
  const stored = path.join(root, '.local', file);
  fs.mkdirSync(path.dirname(stored), { recursive: true });
  try {
    fs.writeFileSync(stored, randomBytes(FIELD_KEY_BYTES).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fieldKey(name, file, { [name]: fs.readFileSync(stored, 'utf8').trim() }, root);
}

/** The key sealing owners' ID numbers and phones (`OWNER_DATA_KEY`; the areas subgraph's). */
export const ownerDataKey = (env: NodeJS.ProcessEnv = process.env, root: string = projectRoot()): Buffer =>
  fieldKey('OWNER_DATA_KEY', 'owner-data.key', env, root);

/**
 * The key sealing webhook subscriptions' signing secrets (`WEBHOOK_SECRET_KEY`; the feeds subgraph's, a key of its
 * own so that neither subgraph holds the other's): whoever reads the secret can sign events a court or bureau trusts.
 */
export const webhookSecretKey = (env: NodeJS.ProcessEnv = process.env, root: string = projectRoot()): Buffer =>
  fieldKey('WEBHOOK_SECRET_KEY', 'webhook-secret.key', env, root);

/**
 * The address a process listens on: HOST, else every interface in production (a container's port is published by
 * its runtime) and loopback elsewhere. Outside production the user-token secret is the public development one, so a
 * process listening on every interface by default accepted ADMIN tokens anyone could mint (`npm run token`) from the
 * network (a helper's audit of 2026-12-06).
 */
export function listenHost(env: NodeJS.ProcessEnv = process.env): string {
  // An empty HOST is unset (Node would listen on every interface).
  return env.HOST || (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
}

/** Default ports of the development hub; production sets PORT per container. */
export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  areas: 4001,
  contracts: 4002,
  arrears: 4003,
  litigation: 4004,
  feeds: 4005,
  complaints: 4006,
};

/**
 * A whole number from the environment, `fallback` when unset or empty; anything but a whole `min`–`max` is refused at
 * start, naming the variable (a typo became NaN: `:NaN` in a broker's listeners, a consumer timeout of NaN).
 */
export function wholeNumberFromEnv<F extends number | undefined>(
  name: string,
  fallback: F,
  bounds: { min: number; max: number; what?: string },
  env: NodeJS.ProcessEnv = process.env,
): number | F {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^[0-9]{1,15}$/.test(value) || Number(value) < bounds.min || Number(value) > bounds.max)
    throw new Error(
      `${name} must be ${bounds.what ? `${bounds.what}, ` : ''}${bounds.min} to ${bounds.max}, not ${value}`,
    );
  return Number(value);
}

/** A port from the environment (wholeNumberFromEnv, 1–65535). */
export const portFromEnv = <F extends number | undefined>(name: string, fallback: F, env?: NodeJS.ProcessEnv) =>
  wholeNumberFromEnv(name, fallback, { min: 1, max: 65_535, what: 'a port' }, env);

export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = commaList(env.KAFKA_BROKERS);
  return list.length > 0 ? list : undefined;
}

/**
 * A principal from the environment: `KAFKA_SASL_USERNAME` / `KAFKA_SASL_PASSWORD` (a subgraph container's own), or
 * with `KAFKA_ADMIN` the broker's super user (the feeds subgraph, which registers parties' principals). Both or none.
 */
export function kafkaSaslFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  prefix: 'KAFKA_SASL' | 'KAFKA_ADMIN' = 'KAFKA_SASL',
): SaslCredential | undefined {
  const username = env[`${prefix}_USERNAME`];
  const password = env[`${prefix}_PASSWORD`];
  if (!username && !password) return undefined;
  if (!username || !password) throw new Error(`set both ${prefix}_USERNAME and ${prefix}_PASSWORD`);
  return { username, password };
}

/**
 * TLS to the broker from the environment: `KAFKA_TLS_CA_FILE` (the PEM certificates the broker's must chain to; a
 * local broker's is `.local/kafka/data/tls/ca.pem`) or `KAFKA_TLS=true` (the system's CAs). Undefined when neither is
 * set or `KAFKA_TLS=false`; a CA file that cannot be read or holds no certificate stops the process at start.
 */
export function kafkaTlsFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaTls | undefined {
  const flag = env.KAFKA_TLS?.trim().toLowerCase();
  if (flag && !['true', 'false', '1', '0'].includes(flag))
    throw new Error(`KAFKA_TLS must be true or false, not ${flag}`);
  const caFile = env.KAFKA_TLS_CA_FILE?.trim();
  if (flag === 'false' || flag === '0') {
    if (caFile) throw new Error('KAFKA_TLS_CA_FILE is set but KAFKA_TLS is false');
    return undefined;
  }
  if (!caFile) return flag ? {} : undefined;
  let pem: string;
  try {
    pem = fs.readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new Error(`cannot read KAFKA_TLS_CA_FILE ${caFile}: ${(error as Error).message}`);
  }
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate);
    } catch (error) {
      throw new Error(
        `KAFKA_TLS_CA_FILE ${caFile} holds a certificate that cannot be read: ${(error as Error).message}`,
      );
    }
  }
  if (certificates.length === 0) throw new Error(`KAFKA_TLS_CA_FILE ${caFile} holds no PEM certificate`);
  return { ca: certificates };
}

/**
 * KAFKA_REPLICATION_FACTOR: the replicas of each topic a process creates, 1 to 32, 3 when unset (before, a typo became
 * NaN and reached the broker).
 */
export function replicationFactorFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumberFromEnv('KAFKA_REPLICATION_FACTOR', 3, { min: 1, max: 32 }, env);
}

/**
 * A subgraph container's broker from the environment: KAFKA_BROKERS, its principal (KAFKA_SASL_USERNAME and
 * KAFKA_SASL_PASSWORD, required in production), TLS and the topic prefix. Also what `npm run dead-letters` reads.
 */
export function subgraphKafkaFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<KafkaSettings, 'clientId'> {
  const brokers = kafkaBrokersFromEnv(env);
  if (!brokers) throw new Error('KAFKA_BROKERS must be set');
  const sasl = kafkaSaslFromEnv(env);
  if (!sasl && env.NODE_ENV === 'production')
    throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set in production');
  return {
    brokers,
    sasl,
    // Test and bench tuning (hub/topology.ts LOCAL_ONLY_ENV); kafkajs' defaults when unset.
    consumerSessionTimeoutMs: wholeNumberFromEnv(
      'KAFKA_CONSUMER_SESSION_TIMEOUT_MS',
      undefined,
      { min: 1_000, max: 3_600_000 },
      env,
    ),
    consumerMaxWaitMs: wholeNumberFromEnv('KAFKA_CONSUMER_MAX_WAIT_MS', undefined, { min: 1, max: 60_000 }, env),
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    replicationFactor: replicationFactorFromEnv(env),
    tls: kafkaTlsFromEnv(env),
  };
}

/**
 * HUB_DEMAND_PERIOD_DAYS: the hub's default reasonable period after a demand for payment (Civil Code art. 944
 * para. 2 fixes none), whole days 0–365, used where neither the contract nor the city's settings state one; undefined
 * when unset, so the litigation subgraph's default applies.
 */
export function demandPeriodDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  return wholeNumberFromEnv('HUB_DEMAND_PERIOD_DAYS', undefined, { min: 0, max: 365, what: 'whole days' }, env);
}
