import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AssertionSigner } from '../platform/auth/tokens';
import { identityKeyVariables, newIdentityKeyPair, publicKeyOf } from '../platform/config';

export interface TopologySecretVariables {
  HUB_JWT_SECRET: string;
  HUB_IDENTITY_PRIVATE_KEY: string;
  HUB_IDENTITY_PUBLIC_KEY: string;
  HUB_LITIGATION_IDENTITY_PRIVATE_KEY: string;
  HUB_LITIGATION_IDENTITY_PUBLIC_KEY: string;
  OWNER_DATA_KEY: string;
  WEBHOOK_SECRET_KEY: string;
}

/**
 * The secrets of the local topology: HUB_JWT_SECRET, the identity key pairs of the gateway and litigation
 * (HUB_IDENTITY_*_KEY, HUB_LITIGATION_IDENTITY_*_KEY; a public key is always its private key's), OWNER_DATA_KEY and
 * WEBHOOK_SECRET_KEY from the environment (never written to disk), else random ones generated once into .local/topology.env (mode 0600),
 * never the development defaults (the processes run with NODE_ENV=production and would refuse them). `set -a; . .local/topology.env` before
 * `npm run token` mints tokens it accepts.
 */
export function topologySecrets(root: string, env: NodeJS.ProcessEnv = process.env) {
  const file = path.join(root, '.local', 'topology.env');
  const stored = fs.existsSync(file)
    ? Object.fromEntries(
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      )
    : {};
  // One test of what the environment gives, for the value and for the file: an empty variable gives nothing (before, it
  // was taken as the secret here, while the file, testing it as given nowhere, was written with the empty value and
  // lost the stored one).
  const given = (name: string) => env[name] || undefined;
  const value = (name: string) => given(name) ?? stored[name] ?? randomBytes(32).toString('base64');
  // Each signer's key pair: its private key as given, stored or new, and the public key of that private key.
  const keyPair = (signer: AssertionSigner) => {
    const names = identityKeyVariables(signer);
    const privateKey = given(names.privateKey) ?? stored[names.privateKey];
    const pair = privateKey ? { privateKey, publicKey: publicKeyOf(privateKey) } : newIdentityKeyPair();
    return { [names.privateKey]: pair.privateKey, [names.publicKey]: pair.publicKey };
  };
  const secrets: TopologySecretVariables = {
    HUB_JWT_SECRET: value('HUB_JWT_SECRET'),
    ...keyPair('gateway'),
    ...keyPair('litigation'),
    OWNER_DATA_KEY: value('OWNER_DATA_KEY'),
    WEBHOOK_SECRET_KEY: value('WEBHOOK_SECRET_KEY'),
  } as TopologySecretVariables;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // What the environment gave stays there: the file keeps the generated (or earlier generated) ones, and its stored
  // value of a name the environment overrides this time (before, a secret passed in the environment was written into
  // the file; then, for a while, the stored one was dropped, so the next run without it made a new owner data key and
  // the owners' data sealed in the kept database could no longer be read).
  // A public key goes with its private key: one derived from a private key the environment gave is not written either
  // (helper-209: the file held the stored private key beside the given one's public key, a pair that is none).
  const pairOf = Object.fromEntries(
    (['gateway', 'litigation'] as const).map((signer) => {
      const names = identityKeyVariables(signer);
      return [names.publicKey, names.privateKey];
    }),
  );
  const fromEnvironment = (k: string) =>
    given(k) !== undefined || (pairOf[k] !== undefined && given(pairOf[k]) !== undefined);
  const text = Object.keys(secrets)
    .map((k) => [k, fromEnvironment(k) ? stored[k] : secrets[k as keyof typeof secrets]])
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { file, secrets };
}
