import { litigationError } from './errors';
import { InvalidInputError } from '../../../kernel/errors';
import { SHA256_HEX, canonicalJson, sha256Hex } from '../../../kernel/canonical-json';

/**
 * A tamper-evident log of what the hub sent to court: each entry records the digest of a payload (a case package
 * version, an evidence file, a demand, a court event) and the hash of the entry before it, so changing, removing or
 * reordering any entry breaks every link after it. The chain alone cannot show that entries were cut off the end,
 * or that the whole chain was rewritten from some point on: for that, verify against anchors, head hashes recorded
 * outside the hub's database (e.g. the head the court received with each package).
 */
export const GENESIS_PREVIOUS_HASH = '0'.repeat(64);

export const CHAIN_ENTRY_KINDS = ['CASE_PACKAGE', 'EVIDENCE_FILE', 'DEMAND', 'COURT_EVENT', 'COURT_DOCUMENT'] as const;
export type ChainEntryKind = (typeof CHAIN_ENTRY_KINDS)[number];

export interface ChainEntry {
  /** 1 for the genesis entry, then consecutive. */
  sequence: number;
  kind: ChainEntryKind;
  /** What the payload is about, e.g. the referral id of a case package. */
  subjectId: string;
  /** SHA-256 hex of the payload (for a case package: packageDigest). */
  payloadDigest: string;
  previousHash: string;
  entryHash: string;
}

export interface ChainAnchor {
  sequence: number;
  entryHash: string;
}

export type ChainBreak =
  'MALFORMED_ENTRY' | 'SEQUENCE_OUT_OF_ORDER' | 'PREVIOUS_HASH_MISMATCH' | 'ENTRY_HASH_MISMATCH' | 'ANCHOR_MISMATCH';

export interface ChainVerification {
  valid: boolean;
  /** The sequence the first broken entry should have had (its position, counting from 1). */
  firstBrokenSequence?: number;
  reason?: ChainBreak;
}

/** sha256 of the canonical JSON of every field but the hash itself. */
export function computeEntryHash(entry: Omit<ChainEntry, 'entryHash'>): string {
  const { sequence, kind, subjectId, payloadDigest, previousHash } = entry;
  return sha256Hex(canonicalJson({ sequence, kind, subjectId, payloadDigest, previousHash }));
}

/**
 * The entry after `previous` (null: the genesis entry). A previous entry that does not hash to itself is refused
 * (CHAIN_ENTRY_TAMPERED): appending to it would vouch for a forged link.
 */
export function appendEntry(
  previous: ChainEntry | null,
  input: { kind: ChainEntryKind; subjectId: string; payloadDigest: string },
): ChainEntry {
  const fields: Record<string, string> = {};
  if (!CHAIN_ENTRY_KINDS.includes(input.kind)) fields.kind = `kind must be one of ${CHAIN_ENTRY_KINDS.join(', ')}`;
  if (typeof input.subjectId !== 'string' || input.subjectId.trim() === '')
    fields.subjectId = 'name the subject of the entry';
  if (typeof input.payloadDigest !== 'string' || !SHA256_HEX.test(input.payloadDigest))
    fields.payloadDigest = 'the payload digest must be 64 lower-case hex digits';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The chain entry is invalid', { fields });
  if (previous !== null && (!wellFormed(previous) || computeEntryHash(previous) !== previous.entryHash)) {
    throw litigationError(
      'CHAIN_ENTRY_TAMPERED',
      `Entry ${String(previous.sequence)} does not match its hash; refusing to append to it`,
      {
        problems: ['CHAIN_ENTRY_TAMPERED'],
        sequence: previous.sequence,
      },
    );
  }
  const unhashed = {
    sequence: previous === null ? 1 : previous.sequence + 1,
    kind: input.kind,
    subjectId: input.subjectId,
    payloadDigest: input.payloadDigest,
    previousHash: previous === null ? GENESIS_PREVIOUS_HASH : previous.entryHash,
  };
  return { ...unhashed, entryHash: computeEntryHash(unhashed) };
}

/** Checks every link from genesis, then each anchor; reports the first break only, since all later links depend on it. */
export function verifyChain(entries: readonly ChainEntry[], anchors: readonly ChainAnchor[] = []): ChainVerification {
  let expectedPrevious = GENESIS_PREVIOUS_HASH;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i];
    const broken = (reason: ChainBreak): ChainVerification => ({ valid: false, firstBrokenSequence: i + 1, reason });
    if (!wellFormed(entry)) return broken('MALFORMED_ENTRY');
    if (entry.sequence !== i + 1) return broken('SEQUENCE_OUT_OF_ORDER');
    if (entry.previousHash !== expectedPrevious) return broken('PREVIOUS_HASH_MISMATCH');
    if (computeEntryHash(entry) !== entry.entryHash) return broken('ENTRY_HASH_MISMATCH');
    expectedPrevious = entry.entryHash;
  }
  for (const anchor of [...anchors].sort((a, b) => a.sequence - b.sequence)) {
    if (entries[anchor.sequence - 1]?.entryHash !== anchor.entryHash) {
      return {
        valid: false,
        firstBrokenSequence: Math.min(anchor.sequence, entries.length + 1),
        reason: 'ANCHOR_MISMATCH',
      };
    }
  }
  return { valid: true };
}

export type PackageCheckFailure =
  'PAYLOAD_NOT_JSON' | 'CHAIN_BROKEN' | 'PACKAGE_NOT_IN_CHAIN' | 'PREVIOUS_VERSION_NOT_IN_CHAIN';

export interface PackageVerification {
  valid: boolean;
  /** SHA-256 of the payload's canonical JSON; null when the payload is not JSON. */
  digest: string | null;
  /** The sequence of the CASE_PACKAGE entry that records this digest. */
  sequence?: number;
  version?: unknown;
  /** For version n > 1, the sequence of the entry recording version n − 1. */
  previousVersionSequence?: number;
  reason?: PackageCheckFailure;
  chain: ChainVerification;
}

/**
 * Shows where a stored package payload sits in a verified chain. The digest is taken over the payload's canonical
 * form, so re-indenting the stored text changes nothing while changing any value does. A later version must find
 * the version it replaces recorded earlier in the chain.
 */
export function verifyPackage(
  entries: readonly ChainEntry[],
  packageJson: string,
  anchors: readonly ChainAnchor[] = [],
): PackageVerification {
  const chain = verifyChain(entries, anchors);
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJson);
  } catch {
    return { valid: false, digest: null, reason: 'PAYLOAD_NOT_JSON', chain };
  }
  const digest = sha256Hex(canonicalJson(parsed));
  const record = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const entry = entries.find((e) => e.kind === 'CASE_PACKAGE' && e.payloadDigest === digest);
  const found = { digest, version: record.version, chain, ...(entry ? { sequence: entry.sequence } : {}) };
  if (!chain.valid) return { ...found, valid: false, reason: 'CHAIN_BROKEN' };
  if (!entry) return { ...found, valid: false, reason: 'PACKAGE_NOT_IN_CHAIN' };
  if (record.previousDigest !== null && record.previousDigest !== undefined) {
    const previous = entries.find(
      (e) => e.kind === 'CASE_PACKAGE' && e.payloadDigest === record.previousDigest && e.sequence < entry.sequence,
    );
    if (!previous) return { ...found, valid: false, reason: 'PREVIOUS_VERSION_NOT_IN_CHAIN' };
    return { ...found, valid: true, previousVersionSequence: previous.sequence };
  }
  return { ...found, valid: true };
}

function wellFormed(entry: ChainEntry): boolean {
  return (
    entry !== null &&
    typeof entry === 'object' &&
    Number.isSafeInteger(entry.sequence) &&
    entry.sequence >= 1 &&
    CHAIN_ENTRY_KINDS.includes(entry.kind) &&
    typeof entry.subjectId === 'string' &&
    entry.subjectId.trim() !== '' &&
    [entry.payloadDigest, entry.previousHash, entry.entryHash].every((h) => typeof h === 'string' && SHA256_HEX.test(h))
  );
}
