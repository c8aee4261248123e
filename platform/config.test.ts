import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  demandPeriodDaysFromEnv,
  kafkaTlsFromEnv,
  listenHost,
  portFromEnv,
  wholeNumberFromEnv,
  ownerDataKey,
  replicationFactorFromEnv,
  tokenSettings,
  newIdentityKeyPair,
  type KeyHolder,
  webhookSecretKey,
} from './config';

describe('the owner data key', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'owner-key-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('comes from OWNER_DATA_KEY, 32 bytes in base64', () => {
    const key = randomBytes(32);
    expect(ownerDataKey({ OWNER_DATA_KEY: key.toString('base64'), NODE_ENV: 'production' }, root).equals(key)).toBe(
      true,
    );
    expect(() => ownerDataKey({ OWNER_DATA_KEY: randomBytes(16).toString('base64') }, root)).toThrow(/32 bytes/);
  });

  it('is required in production', () => {
    expect(() => ownerDataKey({ NODE_ENV: 'production' }, root)).toThrow(/OWNER_DATA_KEY must be set/);
    expect(fs.existsSync(path.join(root, '.local'))).toBe(false);
  });

  it('is generated once under .local/ on a development machine, readable only by its owner', () => {
    const first = ownerDataKey({}, root);
    const file = path.join(root, '.local', 'owner-data.key');
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ownerDataKey({}, root).equals(first)).toBe(true);
  });

  it("is not the webhook secrets' key, which has a variable and a development file of its own", () => {
    const owners = ownerDataKey({}, root);
    const webhooks = webhookSecretKey({}, root);
    expect(webhooks).toHaveLength(32);
    expect(webhooks.equals(owners)).toBe(false);
    expect(fs.statSync(path.join(root, '.local', 'webhook-secret.key')).mode & 0o777).toBe(0o600);
    expect(webhookSecretKey({}, root).equals(webhooks)).toBe(true);
    expect(() => webhookSecretKey({ NODE_ENV: 'production', OWNER_DATA_KEY: owners.toString('base64') }, root)).toThrow(
      /WEBHOOK_SECRET_KEY must be set/,
    );
  });
});

describe("the city's reasonable period after a demand (HUB_DEMAND_PERIOD_DAYS; Civil Code art. 944 para. 2 fixes none)", () => {
  it('is unset by default, so the stated default applies, and whole days 0–365 when set', () => {
    expect(demandPeriodDaysFromEnv({})).toBeUndefined();
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: ' ' })).toBeUndefined();
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: '30' })).toBe(30);
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: '0' })).toBe(0);
  });

  it.each(['-1', '1.5', '366', 'fifteen'])('refuses %s at start-up', (value) => {
    expect(() => demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: value })).toThrow(/HUB_DEMAND_PERIOD_DAYS/);
  });
});

describe('the token secret and identity keys in production', () => {
  const strong = () => randomBytes(32).toString('base64');
  const development = tokenSettings({});
  const [gatewayKeys, litigationKeys] = [newIdentityKeyPair(), newIdentityKeyPair()];
  const keyEnv = {
    HUB_IDENTITY_PRIVATE_KEY: gatewayKeys.privateKey,
    HUB_IDENTITY_PUBLIC_KEY: gatewayKeys.publicKey,
    HUB_LITIGATION_IDENTITY_PRIVATE_KEY: litigationKeys.privateKey,
    HUB_LITIGATION_IDENTITY_PUBLIC_KEY: litigationKeys.publicKey,
  };
  const production = (env: NodeJS.ProcessEnv, holder?: KeyHolder) => () =>
    tokenSettings({ NODE_ENV: 'production', HUB_JWT_SECRET: strong(), ...keyEnv, ...env }, holder);

  it('refuse to start without the secret, on the public development secret or a short one', () => {
    expect(production({ HUB_JWT_SECRET: undefined }, 'gateway')).toThrow(/HUB_JWT_SECRET must be set in production/);
    expect(production({ HUB_JWT_SECRET: development.userTokenSecret })).toThrow(
      /HUB_JWT_SECRET is a public development secret/,
    );
    expect(production({ HUB_JWT_SECRET: 'short-secret' })).toThrow(/at least 32 bytes/);
  });

  it('refuse to start without a key the process needs, on a development key, a key that is not Ed25519 or one key twice', () => {
    const dev = tokenSettings({ NODE_ENV: 'test' });
    const devPublic = dev.trustedKeys.gateway!.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(production({ HUB_IDENTITY_PRIVATE_KEY: undefined }, 'gateway')).toThrow(
      /HUB_IDENTITY_PRIVATE_KEY must be set in production/,
    );
    expect(production({ HUB_IDENTITY_PUBLIC_KEY: undefined }, 'contracts')).toThrow(
      /HUB_IDENTITY_PUBLIC_KEY must be set in production/,
    );
    expect(production({ HUB_LITIGATION_IDENTITY_PUBLIC_KEY: undefined }, 'areas')).toThrow(
      /HUB_LITIGATION_IDENTITY_PUBLIC_KEY must be set/,
    );
    expect(production({ HUB_IDENTITY_PUBLIC_KEY: devPublic }, 'arrears')).toThrow(/public development key/);
    // Refused by what it is, not how it is written: without its base64 padding, with a newline, or the private key
    // (helper-209: the text was compared, and these started, taking ADMIN assertions signed with the public key pair).
    const devPrivate = dev.signingKeys.gateway!.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    for (const variant of [devPublic.replace(/=+$/, ''), `${devPublic}\n`, ` ${devPublic}`])
      expect(production({ HUB_IDENTITY_PUBLIC_KEY: variant }, 'contracts')).toThrow(/public development key/);
    for (const variant of [devPrivate, `${devPrivate}\n`])
      expect(production({ HUB_IDENTITY_PRIVATE_KEY: variant }, 'gateway')).toThrow(
        /HUB_IDENTITY_PRIVATE_KEY is a public development key/,
      );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(
      production(
        { HUB_IDENTITY_PUBLIC_KEY: rsa.publicKey.export({ format: 'der', type: 'spki' }).toString('base64') },
        'feeds',
      ),
    ).toThrow(/must be an Ed25519 key/);
    expect(production({ HUB_IDENTITY_PUBLIC_KEY: 'not a key' }, 'feeds')).toThrow(/must be an Ed25519 SPKI key/);
    expect(production({ HUB_IDENTITY_PUBLIC_KEY: litigationKeys.publicKey }, 'hub')).toThrow(
      /HUB_IDENTITY_PUBLIC_KEY is not the public key of HUB_IDENTITY_PRIVATE_KEY/,
    );
    expect(
      production(
        { HUB_LITIGATION_IDENTITY_PRIVATE_KEY: gatewayKeys.privateKey, HUB_LITIGATION_IDENTITY_PUBLIC_KEY: undefined },
        'litigation',
      ),
    ).toThrow(/must differ/);
  });

  it("give each process only what it needs: no subgraph holds the callers' token secret or a key another takes", () => {
    const env = { NODE_ENV: 'production', ...keyEnv };
    const gateway = tokenSettings({ ...env, HUB_JWT_SECRET: strong() }, 'gateway');
    expect(Object.keys(gateway.signingKeys)).toEqual(['gateway']);
    expect(Object.keys(gateway.trustedKeys)).toEqual([]);
    // a subgraph's environment has neither HUB_JWT_SECRET nor any private key but its own
    const subgraph = (name: KeyHolder, privateKeys: Record<string, string>) =>
      tokenSettings(
        {
          NODE_ENV: 'production',
          HUB_IDENTITY_PUBLIC_KEY: gatewayKeys.publicKey,
          HUB_LITIGATION_IDENTITY_PUBLIC_KEY: litigationKeys.publicKey,
          ...privateKeys,
        },
        name,
      );
    const contracts = subgraph('contracts', {});
    expect(contracts.userTokenSecret).toBe('');
    expect(Object.keys(contracts.signingKeys)).toEqual([]);
    expect(Object.keys(contracts.trustedKeys)).toEqual(['gateway']);
    expect(Object.keys(subgraph('areas', {}).trustedKeys)).toEqual(['gateway', 'litigation']);
    const litigation = subgraph('litigation', {
      HUB_LITIGATION_IDENTITY_PRIVATE_KEY: litigationKeys.privateKey,
    });
    expect(Object.keys(litigation.signingKeys)).toEqual(['litigation']);
    expect(Object.keys(litigation.trustedKeys)).toEqual(['gateway']);
  });
});

describe('the address a process listens on', () => {
  it('is loopback outside production, where the public development secret signs tokens; HOST decides when set', () => {
    // Before, every interface by default: ADMIN tokens anyone could mint were taken from the network.
    expect(listenHost({})).toBe('127.0.0.1');
    expect(listenHost({ NODE_ENV: 'development' })).toBe('127.0.0.1');
    expect(listenHost({ NODE_ENV: 'production' })).toBe('0.0.0.0');
    expect(listenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(listenHost({ HOST: '' })).toBe('127.0.0.1');
    expect(listenHost({ NODE_ENV: 'production', HOST: '10.0.0.5' })).toBe('10.0.0.5');
  });
});

describe("a topic's replicas (KAFKA_REPLICATION_FACTOR)", () => {
  it('are 3 when unset, a whole number 1–32 when set, and anything else refused (it became NaN)', () => {
    expect(replicationFactorFromEnv({})).toBe(3);
    expect(replicationFactorFromEnv({ KAFKA_REPLICATION_FACTOR: '1' })).toBe(1);
    for (const bad of ['0', '33', 'three', '1.5', '-1'])
      expect(() => replicationFactorFromEnv({ KAFKA_REPLICATION_FACTOR: bad })).toThrow('must be 1 to 32');
  });
});

describe('TLS to the broker (KAFKA_TLS, KAFKA_TLS_CA_FILE)', () => {
  // A throwaway self-signed certificate for localhost / 127.0.0.1 (public; its key was never kept).
  const CERTIFICATE = [
    '-----BEGIN CERTIFICATE-----',
    'MIIBXDCCAQKgAwIBAgIJAKtEi1jNsvOlMAoGCCqGSM49BAMCMBQxEjAQBgNVBAMT',
    'CWxvY2FsaG9zdDAeFw0yNjEyMDYxOTA2MzBaFw0yOTAzMTAxOTA2MzBaMBQxEjAQ',
    'BgNVBAMTCWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABGY9WXtw',
    'F0652pPdXw97hs2+5eiNrRXd0sgycmnkGkcKg3QIOYaVayvxOEZ6mpyPxGfjVTaX',
    'lLhvL0VoX1XOo12jPTA7MB0GA1UdDgQWBBR2NhDVSwNSy4tu9fDQy5PRAe+SYTAa',
    'BgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZIzj0EAwIDSAAwRQIgYU2x',
    'Jo61Y4xXGXI9iMmKu/pb7mrP1I6bKs6IERMDNMMCIQDhlZbv872JhPSHzCTVmXNM',
    'hOIs6K/pzYBfsBEhVkU2Ow==',
    '-----END CERTIFICATE-----',
  ].join('\n');
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const file = (text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-tls-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'ca.pem'), text);
    return path.join(dir, 'ca.pem');
  };

  it('is off unless asked for, with the system CAs on KAFKA_TLS=true and the file’s certificates when given', () => {
    expect(kafkaTlsFromEnv({})).toBeUndefined();
    expect(kafkaTlsFromEnv({ KAFKA_TLS: 'false' })).toBeUndefined();
    expect(kafkaTlsFromEnv({ KAFKA_TLS: 'true' })).toEqual({});
    expect(kafkaTlsFromEnv({ KAFKA_TLS_CA_FILE: file(`${CERTIFICATE}\n${CERTIFICATE}\n`) })).toEqual({
      ca: [CERTIFICATE, CERTIFICATE],
    });
  });

  it('stops the process at start on a CA file it cannot use or settings that contradict each other', () => {
    expect(() => kafkaTlsFromEnv({ KAFKA_TLS: 'yes' })).toThrow(/KAFKA_TLS must be true or false/);
    expect(() => kafkaTlsFromEnv({ KAFKA_TLS_CA_FILE: '/nonexistent/ca.pem' })).toThrow(
      /cannot read KAFKA_TLS_CA_FILE/,
    );
    expect(() => kafkaTlsFromEnv({ KAFKA_TLS_CA_FILE: file('not a certificate') })).toThrow(/holds no PEM certificate/);
    const garbled = CERTIFICATE.replace('MIIBXDCCAQKg', 'MIIBXDCCAQKh');
    expect(() => kafkaTlsFromEnv({ KAFKA_TLS_CA_FILE: file(garbled) })).toThrow(/cannot be read/);
    expect(() => kafkaTlsFromEnv({ KAFKA_TLS: 'false', KAFKA_TLS_CA_FILE: file(CERTIFICATE) })).toThrow(
      /KAFKA_TLS is false/,
    );
  });
});

describe('ports from the environment', () => {
  it('take the fallback when unset, and refuse anything but 1–65535 (a typo became :NaN)', () => {
    expect(portFromEnv('KAFKA_TLS_PORT', 19094, {})).toBe(19094);
    expect(portFromEnv('METRICS_PORT', undefined, { METRICS_PORT: '' })).toBeUndefined();
    // The same rule for every whole number a process reads (a consumer timeout of NaN before).
    expect(() =>
      wholeNumberFromEnv(
        'KAFKA_CONSUMER_MAX_WAIT_MS',
        undefined,
        { min: 1, max: 60_000 },
        { KAFKA_CONSUMER_MAX_WAIT_MS: '5OO' },
      ),
    ).toThrow('KAFKA_CONSUMER_MAX_WAIT_MS must be 1 to 60000, not 5OO');
    expect(portFromEnv('KAFKA_TLS_PORT', 19094, { KAFKA_TLS_PORT: ' 29094 ' })).toBe(29094);
    for (const bad of ['19o94', '0', '65536', '-1'])
      expect(() => portFromEnv('KAFKA_TLS_PORT', 19094, { KAFKA_TLS_PORT: bad })).toThrow(
        /KAFKA_TLS_PORT must be a port/,
      );
  });
});
