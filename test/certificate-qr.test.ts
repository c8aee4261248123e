import {
  certificateForm,
  renderCertificate,
  verificationUrl,
} from '../subgraphs/contracts/application/filing-certificate.render';
import { CertificateFacts, certificateDigest } from '../subgraphs/contracts/domain/filing-certificate';
import { renderPdf } from '../platform/documents/pdf';
import { BEIJING, LINJIANG_SETTINGS } from '../subgraphs/contracts/domain/statutes';
import { pdfQrCodes } from './support/pdf-qr';
import { pdfText } from './support/pdf-text';

// Issue 21: the filing certificate's QR code, read back from the PDF itself (the vector modules pdf.js finds in the
// page, rasterised and decoded by jsQR): it says the verification URL of the certificate's record number and digest.
const facts: CertificateFacts = {
  recordNumber: '110102-2026-0001',
  acceptedOn: '2026-12-01',
  contractNumber: 'HJ6-2026-01',
  contractTitle: '红居南街6号院物业服务合同',
  provider: { name: '北京红居物业服务有限公司', registration: '91110102MA0000000A' },
  ownersSide: { name: '红居南街6号院物业管理委员会' },
  area: { name: '红居南街6号院', districtCode: '110102' },
  term: { startsOn: '2026-12-02', endsOn: '2029-12-01' },
  fees: [{ buildingClass: 'LOW_RISE', ownerRateFenPerM2Month: 100 }],
  // Beijing's filing authority in art. 63 para. 3's words, as the city settings give it.
  authority: BEIJING.filingAuthority,
};

describe("the filing certificate's QR code, decoded from the PDF", () => {
  it('reads as the verification URL with the record number and the digest of the facts', async () => {
    const { pdf, contentSha256 } = await renderCertificate(facts);
    const [url, ...others] = await pdfQrCodes(pdf);
    expect(others).toEqual([]);
    expect(url).toBe(verificationUrl(facts.recordNumber, certificateDigest(facts)));
    const params = new URL(url).searchParams;
    expect(params.get('recordNumber')).toBe(facts.recordNumber);
    expect(params.get('digest')).toBe(contentSha256);
  });

  it('changes with the facts (another record, another code), and a PDF without one gives none', async () => {
    const other = { ...facts, recordNumber: '110102-2026-0002' };
    const [url] = await pdfQrCodes((await renderCertificate(other)).pdf);
    expect(new URL(url).searchParams.get('recordNumber')).toBe('110102-2026-0002');
    expect(new URL(url).searchParams.get('digest')).toBe(certificateDigest(other));
    expect(await pdfQrCodes(await renderPdf({ ...certificateForm(facts), qrCode: undefined }))).toEqual([]);
  });

  it('names the filing authority in Chinese as its source does (备案机关): Beijing art. 63 para. 3, 临江市 seed 004', async () => {
    expect(facts.authority).toBe('街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门');
    const beijing = await pdfText((await renderCertificate(facts)).pdf);
    expect(beijing).toContain('备案机关 街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案日期');
    // Before, "the street office and the district housing authority of the area" stood there.
    expect(beijing).not.toMatch(/[A-Za-z]{3,} (?:office|authority|bureau)/);
    const linjiang = { ...facts, recordNumber: '220681-2026-0001', authority: LINJIANG_SETTINGS.filingAuthority };
    const text = await pdfText((await renderCertificate(linjiang)).pdf);
    expect(text).toContain('备案机关 临江市城市管理行政执法局备案日期');
    expect(text).not.toContain('supervising');
  });
});
