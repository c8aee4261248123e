import { DomainError } from '../../../kernel/errors';
import { rejection } from '../../../test/support/rejection';
import { EVIDENCE_LIMITS, checkEvidenceUpload, checkUploadDeclaration, sniffMediaType } from './evidence-file';

const bytes = (...prefix: number[]) => Buffer.concat([Buffer.from(prefix), Buffer.alloc(64, 0x20)]);
/** A one-entry ZIP local header naming the entry (what an OFD package starts with). */
const zipWith = (entry: string) => {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(Buffer.byteLength(entry), 26);
  return Buffer.concat([header, Buffer.from(entry), Buffer.from('<ofd:OFD/>')]);
};
const fieldsOf = (input: Parameters<typeof checkEvidenceUpload>[0]) => {
  try {
    checkEvidenceUpload(input);
  } catch (e) {
    return Object.keys(((e as DomainError).details as { fields: Record<string, string> }).fields);
  }
  return [];
};

describe('evidence files', () => {
  it('recognises PDF, JPEG, PNG and OFD by their first bytes', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('PDF');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('JPEG');
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('PNG');
    expect(sniffMediaType(zipWith('OFD.xml'))).toBe('OFD');
  });

  it('refuses other formats whatever their name says: a plain ZIP, a .docx, text, an executable', () => {
    expect(sniffMediaType(zipWith('word/document.xml'))).toBeNull();
    expect(sniffMediaType(Buffer.from('PDF-1.7 but not really'))).toBeNull();
    expect(sniffMediaType(bytes(0x4d, 0x5a))).toBeNull();
    expect(fieldsOf({ name: 'contract.pdf', type: 'CONTRACT', bytes: Buffer.from('hello') })).toEqual(['content']);
  });

  it('refuses empty and oversized files, bad names and types', () => {
    expect(fieldsOf({ name: 'a.pdf', type: 'CONTRACT', bytes: Buffer.alloc(0) })).toEqual(['content']);
    const big = Buffer.alloc(EVIDENCE_LIMITS.maxBytes + 1);
    big.write('%PDF-');
    expect(fieldsOf({ name: 'a.pdf', type: 'CONTRACT', bytes: big })).toEqual(['content']);
    expect(fieldsOf({ name: '../etc/passwd', type: 'contract', bytes: Buffer.from('%PDF-1') })).toEqual([
      'name',
      'type',
    ]);
    expect(fieldsOf({ name: 'x'.repeat(121), type: 'CONTRACT', bytes: Buffer.from('%PDF-1') })).toEqual(['name']);
    // Not a file's name (a ZIP of the court's batch could not hold `..`).
    for (const name of ['.', '..', ' ... '])
      expect(fieldsOf({ name, type: 'CONTRACT', bytes: Buffer.from('%PDF-1') })).toEqual(['name']);
  });

  it('accepts a file of exactly 20 MiB', () => {
    const max = Buffer.alloc(EVIDENCE_LIMITS.maxBytes);
    max.write('%PDF-');
    expect(checkEvidenceUpload({ name: '对账单.pdf', type: 'STATEMENT', bytes: max })).toBe('PDF');
  });

  it('splits a declared upload into parts of 512 KiB and refuses a declaration out of bounds', () => {
    const declared = {
      name: '合同扫描件.pdf',
      type: 'CONTRACT',
      sizeBytes: EVIDENCE_LIMITS.maxBytes,
      sha256: 'a'.repeat(64),
    };
    expect(checkUploadDeclaration(declared)).toBe(40);
    expect(checkUploadDeclaration({ ...declared, sizeBytes: 1 })).toBe(1);
    expect(checkUploadDeclaration({ ...declared, sizeBytes: EVIDENCE_LIMITS.partBytes + 1 })).toBe(2);
    const refused = (field: string, change: Partial<typeof declared>) =>
      expect(rejection(() => checkUploadDeclaration({ ...declared, ...change }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { fields: { [field]: expect.any(String) } },
      });
    refused('sizeBytes', { sizeBytes: EVIDENCE_LIMITS.maxBytes + 1 });
    refused('sha256', { sha256: 'A'.repeat(64) });
    refused('sizeBytes', { sizeBytes: 0 });
  });
});
