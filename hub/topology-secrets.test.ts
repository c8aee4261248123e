import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newIdentityKeyPair, publicKeyOf, tokenSettings } from '../platform/config';
import { topologySecrets } from './topology-secrets';

describe("the local topology's secrets (.local/topology.env)", () => {
  it('keeps the generated ones, never writes the environment’s, and keeps a stored one the environment overrides once', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-secrets-'));
    try {
      const first = topologySecrets(root, {});
      const file = path.join(root, '.local', 'topology.env');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // A run given OWNER_DATA_KEY in the environment uses it and writes it nowhere, and the stored key stays.
      const given = topologySecrets(root, { OWNER_DATA_KEY: 'from-the-environment' });
      expect(given.secrets.OWNER_DATA_KEY).toBe('from-the-environment');
      expect(fs.readFileSync(file, 'utf8')).not.toContain('from-the-environment');
      // The next run without it gets the stored key back (before, a new one: the sealed owner data unreadable).
      expect(topologySecrets(root, {}).secrets).toEqual(first.secrets);
      // An empty variable gives nothing: the stored key is used, and kept in the file.
      expect(topologySecrets(root, { OWNER_DATA_KEY: '' }).secrets.OWNER_DATA_KEY).toBe(first.secrets.OWNER_DATA_KEY);
      expect(topologySecrets(root, {}).secrets).toEqual(first.secrets);
      // Each signer's key pair is one: the public key of its private key, given or stored; the two signers' differ.
      const { secrets } = first;
      expect(publicKeyOf(secrets.HUB_IDENTITY_PRIVATE_KEY)).toBe(secrets.HUB_IDENTITY_PUBLIC_KEY);
      expect(publicKeyOf(secrets.HUB_LITIGATION_IDENTITY_PRIVATE_KEY)).toBe(secrets.HUB_LITIGATION_IDENTITY_PUBLIC_KEY);
      expect(secrets.HUB_IDENTITY_PUBLIC_KEY).not.toBe(secrets.HUB_LITIGATION_IDENTITY_PUBLIC_KEY);
      const other = newIdentityKeyPair();
      const withKey = topologySecrets(root, { HUB_IDENTITY_PRIVATE_KEY: other.privateKey }).secrets;
      expect([withKey.HUB_IDENTITY_PRIVATE_KEY, withKey.HUB_IDENTITY_PUBLIC_KEY]).toEqual([
        other.privateKey,
        other.publicKey,
      ]);
      // The file keeps the stored pair whole: not the stored private key beside the given one's public key.
      expect(fs.readFileSync(file, 'utf8')).toContain(`HUB_IDENTITY_PUBLIC_KEY=${secrets.HUB_IDENTITY_PUBLIC_KEY}\n`);
      // and the processes take them as production does (the development keys refused there)
      expect(() => tokenSettings({ NODE_ENV: 'production', ...secrets }, 'hub')).not.toThrow();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
