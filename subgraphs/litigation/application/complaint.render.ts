import { renderDocx } from '../../../platform/documents/docx';
import { FormDocument } from '../../../platform/documents/form-document';
import { renderPdf } from '../../../platform/documents/pdf';
import { renderInTurn } from '../../../platform/documents/render-limit';
import { Complaint } from '../domain/complaint';

/** The complaint laid out as the model form: its parts as tables of items, then the evidence list, then the signature. */
export function complaintForm(complaint: Complaint, createdAt: Date): FormDocument {
  return {
    title: complaint.title,
    subtitle: complaint.subtitle,
    addressee: `${complaint.court}：`,
    blocks: [
      ...complaint.sections.map((s) => ({ kind: 'ROWS' as const, heading: s.heading, note: s.note, rows: s.rows })),
      {
        kind: 'TABLE',
        heading: '证据清单',
        note: '文件摘要为 SHA-256，与中枢证据链所记一致',
        columns: [
          { title: '序号', weight: 1 },
          { title: '证据名称', weight: 4 },
          { title: '证明目的', weight: 5 },
          { title: '证据来源', weight: 3 },
          { title: '文件摘要（SHA-256）', weight: 6 },
          { title: '提交方式', weight: 2 },
        ],
        rows: complaint.evidence.map((e) => [
          String(e.number),
          e.name,
          e.purpose,
          e.origin,
          e.sha256,
          e.source === 'UPLOADED' ? '已上传' : '仅列明摘要',
        ]),
      },
    ],
    closing: [
      `具状人（签字、盖章）：${complaint.signature.plaintiff}`,
      `日期：${complaint.signature.date}`,
      `案件材料摘要：${complaint.packageDigest}`,
    ],
    properties: {
      title: `${complaint.title}${complaint.subtitle}`,
      author: complaint.signature.plaintiff,
      subject: complaint.court,
      createdAt,
    },
  };
}

/** The complaint as .docx and PDF, rendered in the process's turn (platform/documents/render-limit.ts). */
export async function renderComplaint(complaint: Complaint, createdAt: Date): Promise<{ docx: Buffer; pdf: Buffer }> {
  const form = complaintForm(complaint, createdAt);
  return renderInTurn(async () => {
    const [docx, pdf] = await Promise.all([renderDocx(form), renderPdf(form)]);
    return { docx, pdf };
  });
}
