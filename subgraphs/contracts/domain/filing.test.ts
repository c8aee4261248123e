import {
  canonicalDigest,
  checkIdempotentRetry,
  filingRecordNumber,
  judgeReviewDecision,
  nextFilingStatus,
  validateDocuments,
  validateIdempotencyKey,
  validateReturnReasons,
} from './filing';

const sha = 'a'.repeat(64);

describe('filing life cycle', () => {
  it.each([
    ['SUBMITTED', 'ACCEPT', 'ACCEPTED'],
    ['SUBMITTED', 'RETURN', 'RETURNED'],
    ['RETURNED', 'RESUBMIT', 'SUBMITTED'],
    ['ACCEPTED', 'SUPERSEDE', 'SUPERSEDED'],
    ['ACCEPTED', 'TERMINATE', 'TERMINATED'],
    ['RETURNED', 'TERMINATE', 'TERMINATED'],
    // An amendment under review ends with its preliminary contract (Civil Code art. 940).
    ['SUBMITTED', 'SUPERSEDE', 'SUPERSEDED'],
    ['RETURNED', 'SUPERSEDE', 'SUPERSEDED'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextFilingStatus(from, action)).toBe(to);
  });

  it.each([
    ['ACCEPTED', 'ACCEPT'],
    ['RETURNED', 'ACCEPT'],
    ['SUPERSEDED', 'TERMINATE'],
    ['TERMINATED', 'RESUBMIT'],
    ['SUPERSEDED', 'SUPERSEDE'],
    ['TERMINATED', 'SUPERSEDE'],
  ] as const)('a %s filing cannot be %s-ed', (from, action) => {
    expect(() => nextFilingStatus(from, action)).toThrow(
      expect.objectContaining({
        code: 'INVALID_FILING_TRANSITION',
        details: expect.objectContaining({ status: from, action }),
      }),
    );
  });
});

describe('review decisions', () => {
  it.each([
    [
      'the current version under review',
      { status: 'SUBMITTED', currentVersion: 2 },
      { version: 2, outcome: 'ACCEPT' },
      null,
      'APPLY',
    ],
    [
      'the same decision again',
      { status: 'ACCEPTED', currentVersion: 2 },
      { version: 2, outcome: 'ACCEPT' },
      { outcome: 'ACCEPT' },
      'ALREADY_APPLIED',
    ],
    [
      'the opposite decision after one was made',
      { status: 'ACCEPTED', currentVersion: 2 },
      { version: 2, outcome: 'RETURN' },
      { outcome: 'ACCEPT' },
      'STALE',
    ],
    [
      'a decision on an older version',
      { status: 'SUBMITTED', currentVersion: 2 },
      { version: 1, outcome: 'ACCEPT' },
      { outcome: 'RETURN' },
      'STALE',
    ],
    [
      'a decision on a version not yet submitted',
      { status: 'SUBMITTED', currentVersion: 2 },
      { version: 3, outcome: 'ACCEPT' },
      null,
      'STALE',
    ],
    [
      'a decision on a terminated filing',
      { status: 'TERMINATED', currentVersion: 1 },
      { version: 1, outcome: 'ACCEPT' },
      null,
      'STALE',
    ],
  ] as const)('%s is %s', (_label, filing, decision, decided, expected) => {
    expect(judgeReviewDecision(filing, decision, decided)).toBe(expected);
  });

  it('needs a field and words for every return reason', () => {
    expect(() => validateReturnReasons([])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => validateReturnReasons([{ field: 'feeSchedule', reason: ' ' }])).toThrow(
      expect.objectContaining({ details: { fields: { 'reasons[0]': expect.any(String) } } }),
    );
    expect(validateReturnReasons([{ field: ' feeSchedule ', reason: ' 测算报告缺失 ' }])).toEqual([
      { field: 'feeSchedule', reason: '测算报告缺失' },
    ]);
    const reason = { field: 'terms', reason: '不一致' };
    expect(validateReturnReasons(Array(100).fill(reason))).toHaveLength(100);
    expect(() => validateReturnReasons(Array(101).fill(reason))).toThrow(
      expect.objectContaining({ details: { fields: { reasons: 'at most 100 reasons' } } }),
    );
  });
});

describe('filing records', () => {
  it('numbers accepted filings by district, year and sequence', () => {
    expect(filingRecordNumber('110108', 2021, 1)).toBe('110108-2021-0001');
    expect(filingRecordNumber('110102', 2026, 12345)).toBe('110102-2026-12345');
    expect(() => filingRecordNumber('110108009', 2021, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses more than 50 documents by their count alone, not one problem per document', () => {
    const many = Array.from({ length: 5000 }, () => ({ name: '', type: 'OTHER', sizeBytes: 0, sha256: 'abc' }));
    expect(() => validateDocuments(many as never)).toThrow(
      expect.objectContaining({ details: { fields: { documents: 'at most 50 documents' } } }),
    );
  });

  it('keeps documents by name, type, size and lower-case SHA-256', () => {
    expect(
      validateDocuments([{ name: ' 合同.pdf ', type: 'CONTRACT_TEXT', sizeBytes: 1024, sha256: sha.toUpperCase() }]),
    ).toEqual([{ name: '合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1024, sha256: sha }]);
    expect(() => validateDocuments([{ name: 'x', type: 'OTHER', sizeBytes: 0, sha256: 'abc' }])).toThrow(
      expect.objectContaining({
        details: {
          fields: {
            'documents[0].sizeBytes': expect.any(String),
            'documents[0].sha256': expect.any(String),
          },
        },
      }),
    );
  });

  it('digests JSON the same whatever the key order, and refuses a reused idempotency key with another request', () => {
    expect(canonicalDigest({ a: 1, b: [{ y: 2, x: 1 }] })).toBe(canonicalDigest({ b: [{ x: 1, y: 2 }], a: 1 }));
    expect(canonicalDigest({ a: 1 })).not.toBe(canonicalDigest({ a: 2 }));
    expect(() => checkIdempotentRetry('d1', 'd1', 'key-00001')).not.toThrow();
    expect(() => checkIdempotentRetry('d1', 'd2', 'key-00001')).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
    expect(() => validateIdempotencyKey('short')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(validateIdempotencyKey('7f0c2a7e-5d1b-4c1e-9a57-0c5b6c1f2e3d')).toBe('7f0c2a7e-5d1b-4c1e-9a57-0c5b6c1f2e3d');
  });
});
