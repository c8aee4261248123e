import { SHA256_HEX, canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import { InvalidInputError } from '../../../kernel/errors';
import { checkIdempotencyKey } from '../../../kernel/idempotency-key';
import { contractsError } from './errors';

/**
 * A filing (备案) of a service contract with the authority (Beijing art. 63), and its life cycle:
 *
 *   SUBMITTED ──accept──► ACCEPTED ──(amendment accepted)──► SUPERSEDED
 *       ▲  │                  │
 *       │  └──return──► RETURNED ──resubmit (new version)──┘ (back to SUBMITTED)
 *       └─────────────────────┘
 *   SUBMITTED / RETURNED / ACCEPTED ──terminate──► TERMINATED (with the handover date)
 *   ACCEPTED ──continue after the contract's term (Civil Code art. 948)──► ACCEPTED (with continuedFrom)
 *
 * An INITIAL filing files a contract; an AMENDMENT filing files a change to a contract whose filing was accepted
 * (art. 63 asks for a filing within 15 days of amending, too). Every submission is a numbered version whose terms
 * and documents never change afterwards, so the history can be audited.
 */
import { FILING_STATUSES, type FilingStatus } from '../../../catalog';

export { FILING_STATUSES, type FilingStatus };

import { FILING_KINDS, type FilingKind } from '../../../catalog';

export { FILING_KINDS, type FilingKind };

export type FilingAction = 'SUBMIT' | 'RESUBMIT' | 'ACCEPT' | 'RETURN' | 'SUPERSEDE' | 'TERMINATE' | 'CONTINUE';

const TRANSITIONS: Record<FilingAction, { from: readonly FilingStatus[]; to: FilingStatus }> = {
  SUBMIT: { from: [], to: 'SUBMITTED' },
  RESUBMIT: { from: ['RETURNED'], to: 'SUBMITTED' },
  ACCEPT: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED' },
  // From an open filing too: an amendment under review of a preliminary contract a regular one ends (Civil Code
  // art. 940) ends with it, where before it stayed open and could only be returned, at the company's cost.
  SUPERSEDE: { from: ['ACCEPTED', 'SUBMITTED', 'RETURNED'], to: 'SUPERSEDED' },
  TERMINATE: { from: ['SUBMITTED', 'RETURNED', 'ACCEPTED'], to: 'TERMINATED' },
  // The filing in force goes on after its contract's term (Civil Code art. 948): the status stays, the feed tells it.
  CONTINUE: { from: ['ACCEPTED'], to: 'ACCEPTED' },
};

/** A filing under review: submitted, or returned for correction. A contract has one at a time. */
export const OPEN_FILING_STATUSES: readonly FilingStatus[] = ['SUBMITTED', 'RETURNED'];

/** The filings a termination of their contract ends: those under review and the one in force. */
export const TERMINABLE_FILING_STATUSES: readonly FilingStatus[] = TRANSITIONS.TERMINATE.from;

/** The status after `action`; CONFLICT with code INVALID_FILING_TRANSITION when the filing is not in a state for it. */
export function nextFilingStatus(current: FilingStatus, action: Exclude<FilingAction, 'SUBMIT'>): FilingStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw contractsError('INVALID_FILING_TRANSITION', `A ${current.toLowerCase()} filing cannot be ${PAST[action]}`, {
      status: current,
      action,
      allowedFrom: transition.from,
    });
  }
  return transition.to;
}

const PAST: Record<FilingAction, string> = {
  SUBMIT: 'submitted',
  RESUBMIT: 'resubmitted',
  ACCEPT: 'accepted',
  RETURN: 'returned',
  SUPERSEDE: 'superseded',
  TERMINATE: 'terminated',
  CONTINUE: 'continued',
};

/** A reviewer accepts a version or returns it for correction, in the API or in a bureau's own system alike. */
import { MAX_RETURN_REASONS, REVIEW_DECISIONS, type ReviewDecision } from '../../../catalog';

export { REVIEW_DECISIONS };
export type ReviewOutcome = ReviewDecision;

/** How a transition reached the hub: a person through the API, or a bureau's own system through Kafka. */
export type Channel = 'API' | 'KAFKA';

export interface ReturnReason {
  /** The field of the terms, or the document, the reason is about (e.g. `feeSchedule.classes[0]`, `documents`). */
  field: string;
  reason: string;
}

/** A return must say what to correct, field by field; an empty or wordless reason is no use to the provider. */
export function validateReturnReasons(reasons: readonly ReturnReason[] | null | undefined): ReturnReason[] {
  const list = Array.isArray(reasons) ? reasons : [];
  if (list.length === 0)
    throw new InvalidInputError('A returned filing needs at least one reason', {
      fields: { reasons: 'give a field and a reason' },
    });
  if (list.length > MAX_RETURN_REASONS)
    throw new InvalidInputError(`A return gives at most ${MAX_RETURN_REASONS} reasons`, {
      fields: { reasons: `at most ${MAX_RETURN_REASONS} reasons` },
    });
  const bad = list.findIndex(
    (r) =>
      typeof r?.field !== 'string' || r.field.trim() === '' || typeof r.reason !== 'string' || r.reason.trim() === '',
  );
  if (bad >= 0)
    throw new InvalidInputError('Every return reason needs a field and words', {
      fields: { [`reasons[${bad}]`]: 'field and reason must not be empty' },
    });
  return list.map((r) => ({ field: r.field.trim(), reason: r.reason.trim() }));
}

/**
 * How a review decision relates to the filing as it stands. A decision names the version it was made on: a
 * decision on an older version, or on a filing no longer under review, is STALE and must not change anything; the
 * same decision arriving twice (a retry from a bureau's system) is ALREADY_APPLIED and changes nothing either.
 */
export type ReviewJudgement = 'APPLY' | 'ALREADY_APPLIED' | 'STALE';

export function judgeReviewDecision(
  filing: { status: FilingStatus; currentVersion: number },
  decision: { version: number; outcome: ReviewOutcome },
  decidedVersion: { outcome?: ReviewOutcome | null } | null,
): ReviewJudgement {
  if (decision.version === filing.currentVersion && filing.status === 'SUBMITTED') return 'APPLY';
  if (decidedVersion?.outcome === decision.outcome && decision.version === filing.currentVersion)
    return 'ALREADY_APPLIED';
  return 'STALE';
}

/**
 * The filing record number (备案编号) the hub gives an accepted filing: the district, the year of acceptance and a
 * sequence of that district and year, e.g. 110108-2021-0001. Unique, readable over the phone, and it tells a clerk
 * which authority holds the file.
 */
export function filingRecordNumber(districtCode: string, year: number, sequence: number): string {
  if (
    !/^[0-9]{6}$/.test(districtCode) ||
    !Number.isSafeInteger(year) ||
    !Number.isSafeInteger(sequence) ||
    sequence < 1
  ) {
    throw new InvalidInputError('A record number needs a six-digit district, a year and a positive sequence', {
      districtCode,
      year,
      sequence,
    });
  }
  return `${districtCode}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Documents attached to a filing version (the signed text, the fee assessment, an approval, minutes of a decision). */
export const DOCUMENT_TYPES = [
  'CONTRACT_TEXT',
  'FEE_ASSESSMENT',
  'SELECTION_APPROVAL',
  'JOINT_DECISION',
  'TENDER_RESULT',
  /** The signatories' authority to sign (授权委托书, a committee's resolution naming who signs). */
  'SIGNATORY_AUTHORITY',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface FilingDocument {
  /** The uploaded file this entry is (contracts.filing_document), which reviewers download; absent for a listed-only entry. */
  documentId?: string;
  name: string;
  type: DocumentType;
  sizeBytes: number;
  /** SHA-256 of the file's bytes, lower-case hex: what a court later checks the copy it receives against. */
  sha256: string;
}

/** 20 MiB a document and 100 MiB a filing version: a scanned contract is large, but a filing is not a video archive. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_FILING_BYTES = 100 * 1024 * 1024;
export const MAX_LISTED_DOCUMENTS = 50;

/**
 * Checks every document, reporting each problem by index. Which documents must be there is the city's materials
 * checklist (materials.ts), checked once the uploaded documents are added.
 */
export function validateDocuments(documents: readonly FilingDocument[] | null | undefined): FilingDocument[] {
  const list = Array.isArray(documents) ? documents : [];
  // Past the bound only the count is reported: a problem per document made the refusal as large as the request.
  if (list.length > MAX_LISTED_DOCUMENTS)
    throw new InvalidInputError('The filing documents are incomplete', {
      fields: { documents: `at most ${MAX_LISTED_DOCUMENTS} documents` },
    });
  const fields: Record<string, string> = {};
  list.forEach((d, i) => {
    if (typeof d.name !== 'string' || d.name.trim() === '') fields[`documents[${i}].name`] = 'name the document';
    if (!DOCUMENT_TYPES.includes(d.type))
      fields[`documents[${i}].type`] = `type must be one of ${DOCUMENT_TYPES.join(', ')}`;
    if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes < 1 || d.sizeBytes > MAX_DOCUMENT_BYTES)
      fields[`documents[${i}].sizeBytes`] = 'size must be 1 byte to 20 MiB';
    if (typeof d.sha256 !== 'string' || !SHA256_HEX.test(d.sha256.toLowerCase()))
      fields[`documents[${i}].sha256`] = 'sha256 must be 64 hex digits';
  });
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The filing documents are incomplete', { fields });
  return list.map((d) => ({
    name: d.name.trim(),
    type: d.type,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256.toLowerCase(),
  }));
}

/**
 * A digest of a JSON value with its object keys sorted, so the same request or the same terms always digest the
 * same whatever order a client sent the fields in.
 */
export const canonicalDigest = (value: unknown): string => sha256Hex(canonicalJson(value));

/**
 * An idempotency key names one request. Retrying with the same key and the same request returns what the first
 * attempt created; the same key with a different request is a client bug that must not be papered over.
 */
export function checkIdempotentRetry(storedDigest: string, requestDigest: string, key: string): void {
  if (storedDigest !== requestDigest) {
    throw contractsError('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${key} was already used for a different request`, {
      idempotencyKey: key,
    });
  }
}

/** The key of a submission: the hub's one rule for idempotency keys (kernel/idempotency-key.ts). */
export const validateIdempotencyKey = (key: string): string => checkIdempotencyKey(key);
