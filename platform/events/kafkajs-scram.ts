import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/** kafkajs' description of a SCRAM digest (src/broker/saslAuthenticator/scram.js DIGESTS). */
interface DigestDefinition {
  length: number;
  type: string;
}

/** SCRAM's Hi(): PBKDF2 of the password with the salt and iteration count the broker sent for the principal. */
export type SaltPassword = (
  password: string,
  salt: Buffer,
  iterations: number,
  digest: DigestDefinition,
) => Promise<Buffer>;

/** A principal's salted passwords kept per process: a few principals, the odd rotated password. */
const SALTED_PASSWORDS_KEPT = 64;
const MEMOIZED = Symbol('memoized salted passwords');

/**
 * Hi() answers the same for the same password, salt and iteration count, and the broker keeps one salt per
 * principal until its password changes; kafkajs computes it twice for every SASL/SCRAM handshake (client key and server
 * key), 8,192 rounds of SHA-512 each (about 4 ms of CPU), and every connection of every consumer, producer and admin
 * client shakes hands, and again at each re-authentication (`connections.max.reauth.ms`). Kept here, keyed by a hash
 * of the password (never the password itself): a test hub's start shook hands 30–120 times with at most seven
 * principals. A failed computation is not kept.
 */
export function memoizeSaltedPasswords(saltPassword: SaltPassword): SaltPassword {
  const salted = new Map<string, Promise<Buffer>>();
  const memoized: SaltPassword = (password, salt, iterations, digest) => {
    const key = createHash('sha256')
      .update(`${digest.type}:${digest.length}:${iterations}:${salt.toString('base64')}:`)
      .update(password)
      .digest('base64');
    let result = salted.get(key);
    if (!result) {
      result = saltPassword(password, salt, iterations, digest);
      result.catch(() => salted.delete(key));
      if (salted.size >= SALTED_PASSWORDS_KEPT) salted.delete(salted.keys().next().value!);
      salted.set(key, result);
    }
    return result;
  };
  return Object.assign(memoized, { [MEMOIZED]: true });
}

/** kafkajs' SCRAM class: the one every SASL/SCRAM handshake of this process takes Hi() from. */
export const kafkajsScram = (): { hi: SaltPassword & { [MEMOIZED]?: true } } =>
  createRequire(require.resolve('kafkajs'))('./src/broker/saslAuthenticator/scram').SCRAM;

/** Installs the memo in this process's kafkajs (once; platform/events/kafka.ts does on load). */
export function memoizeKafkajsSaltedPasswords(): void {
  const scram = kafkajsScram();
  if (!scram.hi[MEMOIZED]) scram.hi = memoizeSaltedPasswords(scram.hi.bind(scram));
}
