import { DomainError } from '../../../kernel/errors';
import { CertificateFacts, certificateDigest, supersededSince, verifyCertificate } from './filing-certificate';
import { checkDocumentFile, checkFilingTotal } from './filing-document-file';
import { MAX_DOCUMENT_BYTES, MAX_FILING_BYTES, MAX_LISTED_DOCUMENTS } from './filing';

const facts: CertificateFacts = {
  recordNumber: '110102-2026-0001',
  acceptedOn: '2026-12-01',
  contractNumber: 'HJ6-2026-01',
  contractTitle: '物业服务合同',
  provider: { name: '北京红居物业服务有限公司', registration: '91110102MA0000000A' },
  ownersSide: { name: '物业管理委员会' },
  area: { name: '红居南街6号院', districtCode: '110102' },
  term: { startsOn: '2026-12-02', endsOn: '2029-12-01' },
  fees: [{ buildingClass: 'LOW_RISE', ownerRateFenPerM2Month: 100 }],
  // Beijing's filing authority in art. 63 para. 3's words (statutes.ts BEIJING_FILING_AUTHORITY).
  authority: '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门',
};
const certificate = { contentSha256: certificateDigest(facts), pdfSha256: 'b'.repeat(64), facts };
const accepted = { status: 'ACCEPTED' as const, supersededOn: null, terminatedOn: null };
const today = '2027-07-01';

describe('filing certificates', () => {
  it('digests the facts, so any change of a fact changes the digest', () => {
    expect(certificateDigest(facts)).toMatch(/^[0-9a-f]{64}$/);
    expect(certificateDigest({ ...facts, term: { ...facts.term, endsOn: '2030-12-01' } })).not.toBe(
      certificateDigest(facts),
    );
  });

  it('verifies by either digest, with the facts the paper states but no registration or people', () => {
    const valid = verifyCertificate(certificate, accepted, certificate.contentSha256.toUpperCase(), today);
    // Before, only provider, area and term: a genuine QR code on a paper with higher fees verified VALID unnoticed.
    expect(valid).toEqual({
      result: 'VALID',
      since: null,
      facts: {
        provider: facts.provider.name,
        areaName: facts.area.name,
        startsOn: '2026-12-02',
        endsOn: '2029-12-01',
        recordNumber: '110102-2026-0001',
        acceptedOn: '2026-12-01',
        contractNumber: 'HJ6-2026-01',
        ownersSide: '物业管理委员会',
        authority: '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门',
        fees: [{ buildingClass: 'LOW_RISE', ownerRateFenPerM2Month: 100 }],
      },
    });
    expect(JSON.stringify(valid)).not.toContain(facts.provider.registration);
    expect(verifyCertificate(certificate, accepted, 'b'.repeat(64), today).result).toBe('VALID');
  });

  it('says tampered for a digest that matches nothing (or is no digest), unknown for no certificate', () => {
    expect(verifyCertificate(certificate, accepted, 'c'.repeat(64), today)).toEqual({
      result: 'TAMPERED',
      since: null,
      facts: null,
    });
    expect(verifyCertificate(certificate, accepted, 'not a digest', today).result).toBe('TAMPERED');
    expect(verifyCertificate(null, null, certificate.contentSha256, today).result).toBe('UNKNOWN');
  });

  it('says superseded or terminated, with the date', () => {
    expect(
      verifyCertificate(
        certificate,
        { status: 'SUPERSEDED', supersededOn: '2027-03-01', terminatedOn: null },
        certificate.contentSha256,
        today,
      ),
    ).toMatchObject({ result: 'SUPERSEDED', since: '2027-03-01' });
    expect(
      verifyCertificate(
        certificate,
        { status: 'TERMINATED', supersededOn: null, terminatedOn: '2027-06-30' },
        certificate.contentSha256,
        today,
      ),
    ).toMatchObject({ result: 'TERMINATED', since: '2027-06-30' });
  });

  it('says valid until the supersession or termination recorded takes effect (Civil Code arts. 940, 946, 948)', () => {
    const on = (status: 'SUPERSEDED' | 'TERMINATED', day: string) =>
      verifyCertificate(
        certificate,
        status === 'SUPERSEDED'
          ? { status, supersededOn: '2027-01-30', terminatedOn: null }
          : { status, supersededOn: null, terminatedOn: '2027-04-30' },
        certificate.contentSha256,
        day,
      );
    // The owners' regular contract, accepted on 1 December, takes effect on 30 January: the preliminary one serves
    // to the 29th. Before, SUPERSEDED from the acceptance, with a `since` still to come.
    expect(on('SUPERSEDED', '2026-12-01')).toMatchObject({ result: 'VALID', since: null });
    expect(on('SUPERSEDED', '2027-01-29')).toMatchObject({ result: 'VALID', since: null });
    expect(on('SUPERSEDED', '2027-01-30')).toMatchObject({ result: 'SUPERSEDED', since: '2027-01-30' });
    // A termination noticed 60 days ahead: served to 30 April, its `terminatedOn`, ended from 1 May.
    expect(on('TERMINATED', '2027-03-01')).toMatchObject({ result: 'VALID', since: null });
    expect(on('TERMINATED', '2027-04-30')).toMatchObject({ result: 'VALID', since: null });
    expect(on('TERMINATED', '2027-05-01')).toMatchObject({ result: 'TERMINATED', since: '2027-04-30' });
  });

  it('says expired from the day after its contract’s last day served, with that day', () => {
    // The term runs to 1 December 2029 (facts.term). Before, VALID for good once the term had run out.
    const served = (servedTo: string | null, day: string) =>
      verifyCertificate(certificate, { ...accepted, servedTo }, certificate.contentSha256, day);
    expect(served('2029-12-01', '2029-12-01')).toMatchObject({ result: 'VALID', since: null });
    expect(served('2029-12-01', '2029-12-02')).toMatchObject({ result: 'EXPIRED', since: '2029-12-01' });
    // Continuing after its term (Civil Code art. 948): valid until the continuation ends.
    expect(served('9999-12-31', '2031-01-01')).toMatchObject({ result: 'VALID', since: null });
    expect(served('2030-05-31', '2030-06-01')).toMatchObject({ result: 'EXPIRED', since: '2030-05-31' });
    expect(served(null, '2031-01-01').result).toBe('VALID');
    expect(served('2029-12-01', '2029-12-02').facts).toMatchObject({ endsOn: '2029-12-01' });
  });
});

describe('filing document files', () => {
  const fieldsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return Object.keys(((e as DomainError).details as { fields: object }).fields);
    }
    return [];
  };

  it('takes 20 MiB a file and 100 MiB a filing, inclusive', () => {
    const max = Buffer.alloc(MAX_DOCUMENT_BYTES);
    max.write('%PDF-');
    expect(checkDocumentFile({ name: 'a.pdf', type: 'CONTRACT_TEXT', bytes: max }).mediaType).toBe('PDF');
    const over = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    over.write('%PDF-');
    expect(fieldsOf(() => checkDocumentFile({ name: 'a.pdf', type: 'CONTRACT_TEXT', bytes: over }))).toEqual([
      'content',
    ]);
    expect(() => checkFilingTotal(MAX_FILING_BYTES - 10, 10)).not.toThrow();
    expect(fieldsOf(() => checkFilingTotal(MAX_FILING_BYTES - 10, 11))).toEqual(['content']);
    // and 50 documents a filing, however small
    expect(() => checkFilingTotal(0, 1, MAX_LISTED_DOCUMENTS - 1)).not.toThrow();
    expect(fieldsOf(() => checkFilingTotal(0, 1, MAX_LISTED_DOCUMENTS))).toEqual(['content']);
    expect(fieldsOf(() => checkFilingTotal(0, 51, 0, MAX_LISTED_DOCUMENTS + 1))).toEqual(['content']);
    expect(fieldsOf(() => checkDocumentFile({ name: '..', type: 'CONTRACT_TEXT', bytes: max }))).toEqual(['name']);
  });

  it('refuses unknown document types, bad names and formats other than PDF, OFD, JPEG and PNG', () => {
    expect(
      fieldsOf(() => checkDocumentFile({ name: '../x', type: 'VIDEO', bytes: Buffer.from('GIF89a') })).sort(),
    ).toEqual(['content', 'name', 'type']);
  });
});

describe('the day a superseded filing stopped being in force', () => {
  it('is an amendment’s acceptance, or the start of the regular contract that ended a preliminary one (art. 940)', () => {
    const preliminary = { contractId: 'p' };
    // The owners' contract, accepted on 10 February, takes effect on 1 March: the preliminary one served to 28 February.
    expect(supersededSince(preliminary, { contractId: 'r', acceptedOn: '2025-02-10' }, '2025-03-01')).toBe(
      '2025-03-01',
    );
    expect(supersededSince(preliminary, { contractId: 'p', acceptedOn: '2025-02-10' }, null)).toBe('2025-02-10');
    expect(supersededSince(preliminary, null, null)).toBeNull();
  });
});
