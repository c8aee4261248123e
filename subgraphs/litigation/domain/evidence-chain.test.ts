import { rejection } from '../../../test/support/rejection';
import {
  CasePackage,
  CasePackageContent,
  canonicalJson,
  firstPackage,
  nextPackage,
  packageClaims,
  packageDigest,
} from './case-package';
import { buildComplaintClaims } from './claim';
import { sha256Hex } from '../../../kernel/canonical-json';
import {
  ChainEntry,
  GENESIS_PREVIOUS_HASH,
  appendEntry,
  computeEntryHash,
  verifyChain,
  verifyPackage,
} from './evidence-chain';

const claims = buildComplaintClaims({
  arrears: [{ month: '2023-01', floorAreaCentiM2: 5_678, rateFenPerM2Month: 167, paidFen: 0 }],
  penalties: [],
  costs: [],
});
const content: CasePackageContent = {
  referralId: 'ref-1',
  parties: [
    {
      role: 'PLAINTIFF',
      kind: 'COMPANY',
      name: '某物业服务有限公司',
      identifier: '91110108MA00000000',
      address: '北京市海淀区',
    },
    { role: 'DEFENDANT', kind: 'PERSON', name: '张某', identifier: '110108199001010000', address: '3号楼101' },
  ],
  claims: packageClaims(claims),
  contract: { name: '物业服务合同', number: 'HT-1', signedOn: '2021-12-10', filingRecordNumber: '110108-2021-0001' },
  property: { address: '3号楼101', floorAreaCentiM2: 5_678, owner: '张某' },
  feeStandard: { rateFenPerM2Month: 167, description: '¥1.67 per m² per month' },
  serviceTerm: { startsOn: '2022-01-01', endsOn: '2024-12-31' },
  arrearsLines: claims.feeLines,
  penaltyLines: [],
  demands: [{ date: '2024-03-01', channel: 'LETTER' }],
  evidence: [{ name: 'contract.pdf', type: 'CONTRACT', sha256: 'a'.repeat(64) }],
};
const v1: CasePackage = firstPackage(content);
const v2: CasePackage = nextPackage(v1, {
  ...content,
  demands: [...content.demands, { date: '2024-04-01', channel: 'VISIT' }],
});

/** genesis (evidence file), package v1, a court event, package v2. */
function chain(): ChainEntry[] {
  const e1 = appendEntry(null, { kind: 'EVIDENCE_FILE', subjectId: 'contract.pdf', payloadDigest: 'a'.repeat(64) });
  const e2 = appendEntry(e1, { kind: 'CASE_PACKAGE', subjectId: 'ref-1', payloadDigest: packageDigest(v1) });
  const e3 = appendEntry(e2, {
    kind: 'COURT_EVENT',
    subjectId: 'ref-1',
    payloadDigest: sha256Hex('DOCKETED 2024-06-10'),
  });
  const e4 = appendEntry(e3, { kind: 'CASE_PACKAGE', subjectId: 'ref-1', payloadDigest: packageDigest(v2) });
  return [e1, e2, e3, e4];
}
const rehash = (e: Omit<ChainEntry, 'entryHash'>): ChainEntry => ({ ...e, entryHash: computeEntryHash(e) });

describe('evidence hash chain', () => {
  it('starts from 64 zeros and links each entry to the one before', () => {
    const [e1, e2] = chain();
    expect(e1).toMatchObject({ sequence: 1, previousHash: GENESIS_PREVIOUS_HASH });
    expect(GENESIS_PREVIOUS_HASH).toBe('0'.repeat(64));
    expect(e2).toMatchObject({ sequence: 2, previousHash: e1.entryHash });
    expect(e1.entryHash).toBe(
      sha256Hex(
        canonicalJson({
          sequence: 1,
          kind: 'EVIDENCE_FILE',
          subjectId: 'contract.pdf',
          payloadDigest: 'a'.repeat(64),
          previousHash: GENESIS_PREVIOUS_HASH,
        }),
      ),
    );
  });

  it('verifies an intact chain, and an empty one', () => {
    expect(verifyChain(chain())).toEqual({ valid: true });
    expect(verifyChain([])).toEqual({ valid: true });
  });

  it.each<[string, (entries: ChainEntry[]) => ChainEntry[], number, string]>([
    [
      'a payload digest altered',
      (es) => es.map((e) => (e.sequence === 2 ? { ...e, payloadDigest: 'b'.repeat(64) } : e)),
      2,
      'ENTRY_HASH_MISMATCH',
    ],
    [
      'a subject altered',
      (es) => es.map((e) => (e.sequence === 3 ? { ...e, subjectId: 'ref-2' } : e)),
      3,
      'ENTRY_HASH_MISMATCH',
    ],
    [
      'an entry altered and rehashed',
      (es) => es.map((e) => (e.sequence === 2 ? rehash({ ...e, payloadDigest: 'b'.repeat(64) }) : e)),
      3,
      'PREVIOUS_HASH_MISMATCH',
    ],
    ['a middle entry removed', (es) => es.filter((e) => e.sequence !== 2), 2, 'SEQUENCE_OUT_OF_ORDER'],
    ['the genesis entry removed', (es) => es.slice(1), 1, 'SEQUENCE_OUT_OF_ORDER'],
    ['two entries swapped', (es) => [es[0], es[2], es[1], es[3]], 2, 'SEQUENCE_OUT_OF_ORDER'],
    [
      'two entries swapped and renumbered',
      (es) => [es[0], { ...es[2], sequence: 2 }, { ...es[1], sequence: 3 }, es[3]],
      2,
      'PREVIOUS_HASH_MISMATCH',
    ],
    [
      'a removed entry with the rest renumbered',
      (es) => [es[0], ...es.slice(2).map((e) => ({ ...e, sequence: e.sequence - 1 }))],
      2,
      'PREVIOUS_HASH_MISMATCH',
    ],
    [
      'a hash that is not hex',
      (es) => es.map((e) => (e.sequence === 4 ? { ...e, entryHash: 'x'.repeat(64) } : e)),
      4,
      'MALFORMED_ENTRY',
    ],
  ])('detects %s', (_label, tamper, sequence, reason) => {
    expect(verifyChain(tamper(chain()))).toEqual({ valid: false, firstBrokenSequence: sequence, reason });
  });

  it('needs an anchor to detect entries cut off the end, or a rewritten tail', () => {
    const entries = chain();
    const head = { sequence: 4, entryHash: entries[3].entryHash };
    const truncated = entries.slice(0, 3);
    expect(verifyChain(truncated)).toEqual({ valid: true }); // the limitation: a prefix is a valid chain
    expect(verifyChain(truncated, [head])).toEqual({ valid: false, firstBrokenSequence: 4, reason: 'ANCHOR_MISMATCH' });
    const rewritten = [...truncated, rehash({ ...entries[3], payloadDigest: 'c'.repeat(64) })];
    expect(verifyChain(rewritten)).toEqual({ valid: true });
    expect(verifyChain(rewritten, [head])).toEqual({ valid: false, firstBrokenSequence: 4, reason: 'ANCHOR_MISMATCH' });
    expect(verifyChain(entries, [{ sequence: 2, entryHash: entries[1].entryHash }, head])).toEqual({ valid: true });
  });

  it('refuses to append to a tampered entry, or an invalid input', () => {
    const [e1] = chain();
    const error = rejection(() =>
      appendEntry(
        { ...e1, subjectId: 'forged' },
        { kind: 'DEMAND', subjectId: 'ref-1', payloadDigest: 'd'.repeat(64) },
      ),
    );
    expect(error.code).toBe('CHAIN_ENTRY_TAMPERED');
    const invalid = rejection(() =>
      appendEntry(e1, { kind: 'NOTE' as 'DEMAND', subjectId: ' ', payloadDigest: 'D'.repeat(64) }),
    );
    expect(invalid.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(invalid.details?.fields as object).sort()).toEqual(['kind', 'payloadDigest', 'subjectId']);
  });

  describe('verifying a stored package', () => {
    const storedV1 = canonicalJson(v1);
    const storedV2 = canonicalJson(v2);

    it('shows its digest and position, and the position of the version it replaces', () => {
      expect(verifyPackage(chain(), storedV1)).toEqual({
        valid: true,
        digest: packageDigest(v1),
        sequence: 2,
        version: 1,
        chain: { valid: true },
      });
      expect(verifyPackage(chain(), storedV2)).toMatchObject({
        valid: true,
        digest: packageDigest(v2),
        sequence: 4,
        version: 2,
        previousVersionSequence: 2,
      });
    });

    it('accepts the same content re-indented', () => {
      expect(verifyPackage(chain(), JSON.stringify(v1, null, 2))).toMatchObject({ valid: true, sequence: 2 });
    });

    it.each<[string, string]>([
      ['an amount changed by one fen', storedV1.replace('"grandTotalFen":9482', '"grandTotalFen":9483')],
      ['a defendant renamed', storedV1.replace('张某', '李某')],
      ['an evidence digest swapped', storedV1.replace('a'.repeat(64), 'b'.repeat(64))],
    ])('detects a stored payload altered: %s', (_label, altered) => {
      expect(altered).not.toBe(storedV1);
      expect(verifyPackage(chain(), altered)).toMatchObject({ valid: false, reason: 'PACKAGE_NOT_IN_CHAIN' });
    });

    it('refuses to vouch for a package in a broken chain', () => {
      const broken = chain().filter((e) => e.sequence !== 3);
      expect(verifyPackage(broken, storedV1)).toMatchObject({
        valid: false,
        reason: 'CHAIN_BROKEN',
        sequence: 2,
        chain: { firstBrokenSequence: 3 },
      });
    });

    it('requires version n − 1 to be recorded before version n', () => {
      const withoutV1 = [
        appendEntry(null, { kind: 'CASE_PACKAGE', subjectId: 'ref-1', payloadDigest: packageDigest(v2) }),
      ];
      expect(verifyPackage(withoutV1, storedV2)).toMatchObject({
        valid: false,
        reason: 'PREVIOUS_VERSION_NOT_IN_CHAIN',
        sequence: 1,
      });
    });

    it('reports a payload that is not JSON', () => {
      expect(verifyPackage(chain(), storedV1.slice(0, -1))).toEqual({
        valid: false,
        digest: null,
        reason: 'PAYLOAD_NOT_JSON',
        chain: { valid: true },
      });
    });
  });
});
