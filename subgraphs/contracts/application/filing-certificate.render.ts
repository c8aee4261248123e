import { createHash } from 'node:crypto';
import { chineseDate, yuanFigures } from '../../../kernel/chinese-format';
import { FormDocument } from '../../../platform/documents/form-document';
import { renderPdf } from '../../../platform/documents/pdf';
import { BUILDING_CLASS_NAMES, CertificateFacts, certificateDigest } from '../domain/filing-certificate';

/**
 * Where the certificate's QR code sends a reader: the hub console's public verification page (`/console/verify-filing`
 * on HUB_CERTIFICATE_VERIFY_URL's host: set it to the hub's public address), which asks the public query
 * verifyFilingCertificate with the record number and the digest.
 */
export function verificationUrl(recordNumber: string, digest: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.HUB_CERTIFICATE_VERIFY_URL ?? 'http://localhost:4000/console/verify-filing';
  const url = new URL(base);
  url.searchParams.set('recordNumber', recordNumber);
  url.searchParams.set('digest', digest);
  return url.toString();
}

/** The certificate (备案证明) as a paper: the facts in Chinese, the digest, and the QR code of the verification URL. */
export function certificateForm(facts: CertificateFacts): FormDocument {
  const digest = certificateDigest(facts);
  const url = verificationUrl(facts.recordNumber, digest);
  return {
    title: '物业服务合同备案证明',
    subtitle: `备案编号：${facts.recordNumber}`,
    blocks: [
      {
        kind: 'ROWS',
        heading: '一、合同',
        rows: [
          { label: '合同名称', value: facts.contractTitle },
          { label: '合同编号', value: facts.contractNumber },
          { label: '物业服务人', value: facts.provider.name },
          { label: '统一社会信用代码', value: facts.provider.registration ?? '—' },
          { label: '委托方', value: facts.ownersSide.name },
          { label: '物业管理区域', value: facts.area.name },
          { label: '合同期限', value: `${chineseDate(facts.term.startsOn)}至${chineseDate(facts.term.endsOn)}` },
        ],
      },
      {
        kind: 'TABLE',
        heading: '二、现行收费标准',
        columns: [
          { title: '建筑类型', weight: 1 },
          { title: '业主缴费标准（元/平方米·月）', weight: 2 },
        ],
        rows: facts.fees.map((f) => [BUILDING_CLASS_NAMES[f.buildingClass], yuanFigures(f.ownerRateFenPerM2Month)]),
      },
      {
        kind: 'ROWS',
        heading: '三、备案',
        rows: [
          { label: '备案机关', value: facts.authority },
          { label: '备案日期', value: chineseDate(facts.acceptedOn) },
          { label: '证明摘要（SHA-256）', value: digest },
        ],
      },
    ],
    closing: ['上述合同已予备案。', chineseDate(facts.acceptedOn)],
    qrCode: { text: url, caption: `扫码核验：${url}` },
    properties: {
      title: `物业服务合同备案证明 ${facts.recordNumber}`,
      author: 'property-governance hub',
      subject: facts.recordNumber,
      createdAt: new Date(`${facts.acceptedOn}T00:00:00+08:00`),
    },
  };
}

export async function renderCertificate(
  facts: CertificateFacts,
): Promise<{ pdf: Buffer; pdfSha256: string; contentSha256: string }> {
  const pdf = await renderPdf(certificateForm(facts));
  return {
    pdf,
    pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    contentSha256: certificateDigest(facts),
  };
}
