import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokerCaFile, ensureBrokerTls } from './broker-tls';

describe("a local broker's TLS material (made with the JDK's keytool)", () => {
  it('is made once for 127.0.0.1 and localhost, its key and password the owner’s alone, and kept across starts', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-tls-'));
    // The keystore and its password go with the test's folder, whatever happens.
    try {
      const dir = path.join(scratch, 'tls');
      const made = ensureBrokerTls(dir);
      expect(made.caFile).toBe(brokerCaFile(dir));
      const certificate = new X509Certificate(fs.readFileSync(made.caFile));
      expect(certificate.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
      expect(Date.parse(certificate.validTo) - Date.now()).toBeGreaterThan(800 * 86_400_000);
      for (const secret of [made.keystoreFile, path.join(dir, 'keystore-password')])
        expect(fs.statSync(secret).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(path.join(dir, 'keystore-password'), 'utf8').trim()).toBe(made.keystorePassword);
      // A second start keeps it (clients go on trusting the same certificate) ...
      expect(ensureBrokerTls(dir)).toEqual(made);
      // ... and one whose certificate cannot be read is made afresh, with a new password, leaving no scratch behind.
      fs.writeFileSync(made.caFile, 'garbled');
      const remade = ensureBrokerTls(dir);
      expect(remade.keystorePassword).not.toBe(made.keystorePassword);
      expect(new X509Certificate(fs.readFileSync(remade.caFile)).fingerprint256).not.toBe(certificate.fingerprint256);
      expect(fs.readdirSync(path.dirname(dir))).toEqual(['tls']);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
