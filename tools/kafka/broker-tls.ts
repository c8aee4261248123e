import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jdkBin } from './jdk';

/**
 * The TLS material of a local broker's SASL_SSL listener: a PKCS#12 keystore with its key and a self-signed
 * certificate for 127.0.0.1 and localhost, the keystore's password (the owner's alone), and the certificate in PEM,
 * which is what a client trusts (`KAFKA_TLS_CA_FILE`). Production brings its own keystore, signed by a CA the parties
 * trust (docker-compose.yml).
 */
export interface BrokerTls {
  keystoreFile: string;
  keystorePassword: string;
  /** The certificate in PEM: give it to clients as the CA to trust. */
  caFile: string;
}

/** A certificate that ends within this many days is made afresh at the next start. */
const RENEW_BEFORE_DAYS = 30;
const VALIDITY_DAYS = 825;

const filesIn = (dir: string) => ({
  keystoreFile: path.join(dir, 'broker.p12'),
  passwordFile: path.join(dir, 'keystore-password'),
  caFile: path.join(dir, 'ca.pem'),
});

/** Where the certificate of the broker whose TLS material is under `dir` is (what its clients trust). */
export const brokerCaFile = (dir: string) => filesIn(dir).caFile;

/** The certificate in `caFile` is readable and valid for more than RENEW_BEFORE_DAYS from now. */
function stillValid(caFile: string, now = Date.now()): boolean {
  try {
    const certificate = new crypto.X509Certificate(fs.readFileSync(caFile));
    return Date.parse(certificate.validTo) - now > RENEW_BEFORE_DAYS * 86_400_000;
  } catch {
    return false;
  }
}

/** Runs keytool with the keystore's password in the environment (`-storepass:env`), never on its command line. */
function keytool(args: string[], password: string): string {
  const bin = jdkBin('keytool');
  const result = spawnSync(bin, args, {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HUB_KEYSTORE_PASSWORD: password },
  });
  if (result.error) throw new Error(`cannot run ${bin}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${bin} ${args[0]} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/**
 * The broker's TLS material under `dir`, made with the JDK's keytool (the broker needs Java anyway) when missing,
 * unreadable or about to expire: an EC P-256 key, a certificate valid 825 days. Kept across starts, so clients keep
 * trusting the same certificate.
 */
export function ensureBrokerTls(dir: string): BrokerTls {
  const files = filesIn(dir);
  const password = fs.existsSync(files.passwordFile) ? fs.readFileSync(files.passwordFile, 'utf8').trim() : '';
  if (password && fs.existsSync(files.keystoreFile) && stillValid(files.caFile))
    return { keystoreFile: files.keystoreFile, keystorePassword: password, caFile: files.caFile };
  // Made in a folder of its own and swapped in whole, so an interrupted run never leaves a password beside another
  // keystore.
  const scratchDir = `${dir}.tmp-${process.pid}`;
  const scratch = filesIn(scratchDir);
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const fresh = crypto.randomBytes(24).toString('base64url');
  try {
    const store = [
      '-keystore',
      scratch.keystoreFile,
      '-storetype',
      'PKCS12',
      '-storepass:env',
      'HUB_KEYSTORE_PASSWORD',
    ];
    keytool(
      [
        '-genkeypair',
        '-alias',
        'broker',
        '-keyalg',
        'EC',
        '-groupname',
        'secp256r1',
        '-sigalg',
        'SHA256withECDSA',
        '-validity',
        String(VALIDITY_DAYS),
        '-dname',
        'CN=localhost',
        '-ext',
        'SAN=dns:localhost,ip:127.0.0.1',
        ...store,
        '-noprompt',
      ],
      fresh,
    );
    fs.writeFileSync(scratch.caFile, keytool(['-exportcert', '-rfc', '-alias', 'broker', ...store], fresh));
    fs.writeFileSync(scratch.passwordFile, `${fresh}\n`, { mode: 0o600 });
    fs.chmodSync(scratch.keystoreFile, 0o600);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(scratchDir, dir);
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
  return { keystoreFile: files.keystoreFile, keystorePassword: fresh, caFile: files.caFile };
}
