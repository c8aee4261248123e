import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CaseDocuments } from './screens/referrals';
import { Call } from './test-client';
import { renderAnswering } from './test-render';

const referralId = '00000000-0000-4000-8000-000000000077';
const files = [
  {
    name: '民事起诉状.pdf',
    kind: 'COMPLAINT_PDF',
    mediaType: 'application/pdf',
    sha256: 'a'.repeat(64),
    sizeBytes: 2048,
  },
  {
    name: '物业服务合同.pdf',
    kind: 'EVIDENCE',
    mediaType: 'application/pdf',
    sha256: 'b'.repeat(64),
    sizeBytes: 30 << 20,
  },
];

/** A Blob's text (jsdom's Blob has no `text()`). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe('a case’s documents', () => {
  const saved: Blob[] = [];
  beforeAll(() => {
    // jsdom has neither object URLs nor navigation: what would be saved is kept here
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), 'blob:test');
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = () => undefined;
  });

  it('lists the files without their bytes and fetches each file’s bytes in a request of its own', async () => {
    const calls: Call[] = [];
    renderAnswering(
      <CaseDocuments referralId={referralId} />,
      ({ name, variables }) => {
        if (name === 'ReferralDocuments') return { data: { referral: { id: referralId, documents: files } } };
        if (variables.sha256 === files[1].sha256)
          return {
            errors: [
              { message: 'Too many files are being downloaded at once', extensions: { code: 'DOWNLOADS_BUSY' } },
            ],
          };
        return {
          data: {
            referral: {
              id: referralId,
              documents: [{ sha256: files[0].sha256, contentBase64: Buffer.from('%PDF-1.7').toString('base64') }],
            },
          },
        };
      },
      calls,
    );
    expect(calls).toEqual([]); // nothing is generated until asked for
    fireEvent.click(screen.getByRole('button', { name: '生成/下载起诉状与证据' }));
    fireEvent.click(await screen.findByRole('button', { name: '民事起诉状.pdf（2 KB）' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await textOf(saved[0])).toBe('%PDF-1.7');
    expect(saved[0].type).toBe('application/pdf');
    fireEvent.click(screen.getByRole('button', { name: '物业服务合同.pdf（30720 KB）' }));
    expect(await screen.findByText('Too many files are being downloaded at once（DOWNLOADS_BUSY）')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect(calls.map((c) => [c.name, c.variables])).toEqual([
      ['ReferralDocuments', { id: referralId }],
      ['ReferralDocumentContent', { id: referralId, sha256: files[0].sha256 }],
      ['ReferralDocumentContent', { id: referralId, sha256: files[1].sha256 }],
    ]);
  });
});
