import { Alert, Button, Form, Input, Progress, Select, Space, Table, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useAttemptKey, withAttemptKey } from '../attempt-key';
import { CombinedError, useClient, useMutation, useQuery } from 'urql';
import { ApiErrors } from '../components';
import { dateZh, instantDateZh } from '../format';
import { graphql } from '../gql';
import type { FilingDocumentType } from '../gql/graphql';
import {
  HeldTerms,
  TermsFields,
  TermsValues,
  dateRules,
  formFieldsOf,
  optionalPastDateRules,
  termsInput,
  valuesOf,
} from './contract-terms';

const DRAFT = graphql(`
  mutation DraftContract($idempotencyKey: Key, $areaId: ID!, $terms: ContractTermsInput!) {
    draftContract(idempotencyKey: $idempotencyKey, areaId: $areaId, terms: $terms) {
      id
      number
      status
    }
  }
`);

const DOCUMENTS = graphql(`
  query ContractDocuments($contractId: ID!) {
    contractDocuments(contractId: $contractId) {
      id
      filingId
      name
      type
      sha256
      sizeBytes
      uploadedAt
    }
  }
`);

const START_UPLOAD = graphql(`
  mutation StartFilingDocumentUpload($upload: FilingDocumentUploadStartInput!) {
    startFilingDocumentUpload(upload: $upload) {
      uploadId
      partBytes
      parts
      receivedParts
    }
  }
`);

const UPLOAD_PART = graphql(`
  mutation UploadFilingDocumentPart($uploadId: ID!, $index: Int!, $contentBase64: Base64!) {
    uploadFilingDocumentPart(uploadId: $uploadId, index: $index, contentBase64: $contentBase64) {
      receivedBytes
      receivedParts
    }
  }
`);

const COMPLETE_UPLOAD = graphql(`
  mutation CompleteFilingDocumentUpload($uploadId: ID!) {
    completeFilingDocumentUpload(uploadId: $uploadId) {
      id
      name
    }
  }
`);

const SUBMIT = graphql(`
  mutation SubmitFilingFromConsole($contractId: ID!, $idempotencyKey: Key!, $documents: [FilingDocumentInput!]!) {
    submitFiling(contractId: $contractId, idempotencyKey: $idempotencyKey, documents: $documents) {
      id
      status
    }
  }
`);

const AMEND = graphql(`
  mutation AmendContract(
    $contractId: ID!
    $idempotencyKey: Key!
    $amendedOn: LocalDate!
    $terms: ContractTermsInput!
    $documents: [FilingDocumentInput!]!
  ) {
    amendContract(
      contractId: $contractId
      idempotencyKey: $idempotencyKey
      amendedOn: $amendedOn
      terms: $terms
      documents: $documents
    ) {
      id
      status
    }
  }
`);

const RESUBMIT = graphql(`
  mutation ResubmitFiling(
    $filingId: ID!
    $idempotencyKey: Key!
    $terms: ContractTermsInput!
    $documents: [FilingDocumentInput!]!
  ) {
    resubmitFiling(filingId: $filingId, idempotencyKey: $idempotencyKey, terms: $terms, documents: $documents) {
      id
      status
      currentVersion
    }
  }
`);

const DISCARD = graphql(`
  mutation DiscardContractDraft($contractId: ID!) {
    discardContractDraft(contractId: $contractId) {
      id
      status
    }
  }
`);

const TERMINATE = graphql(`
  mutation TerminateContract(
    $contractId: ID!
    $terminatedOn: LocalDate!
    $handoverOn: LocalDate!
    $reason: Note!
    $noticeGivenOn: LocalDate
  ) {
    terminateContract(
      contractId: $contractId
      terminatedOn: $terminatedOn
      handoverOn: $handoverOn
      reason: $reason
      noticeGivenOn: $noticeGivenOn
    ) {
      id
      status
      terminatedOn
      handoverOn
    }
  }
`);

const CONTINUE = graphql(`
  mutation RecordContinuedService($contractId: ID!) {
    recordContinuedService(contractId: $contractId) {
      id
      status
      continuedFrom
    }
  }
`);

export const DOCUMENT_TYPE: Record<FilingDocumentType, string> = {
  CONTRACT_TEXT: '合同文本',
  FEE_ASSESSMENT: '收费标准测算',
  SELECTION_APPROVAL: '选聘批准文件',
  JOINT_DECISION: '业主共同决定',
  TENDER_RESULT: '招投标结果',
  SIGNATORY_AUTHORITY: '签字人授权',
  OTHER: '其他',
};
/** The API's limit of one document (20 MB); the file types it recognises by their first bytes. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
const DOCUMENT_ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png';

/** A new draft's starting values: the company's party and the owners' side's, one fee class, one service item. */
const NEW_DRAFT: Partial<TermsValues> = {
  kind: 'REGULAR',
  ownersSideKind: 'PROPERTY_MANAGEMENT_COMMITTEE',
  selectionMethod: 'TENDER',
  serviceItems: [{ item: '', standard: '' }],
  classes: [{ buildingClass: 'LOW_RISE', assessedYuan: 0, ownerYuan: 0 }],
  parties: [
    { role: 'PROVIDER', name: '', signatory: '' },
    { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '', signatory: '' },
  ],
};

/** 起草合同: a new contract for one of the company's areas; it is checked in full when filed. */
export function DraftContractForm({
  areas,
  onDrafted,
}: {
  areas: { id: string; name: string }[];
  onDrafted: (contractId: string) => void;
}) {
  const [form] = Form.useForm<TermsValues & { areaId: string }>();
  const [result, draft] = useMutation(DRAFT);
  // A press repeating the last (its answer lost) is its retry: before, it made a second draft with a second deadline.
  const attemptKey = useAttemptKey();
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="起草合同"
      initialValues={NEW_DRAFT}
      onFinish={(v) =>
        void draft(withAttemptKey(attemptKey, { areaId: v.areaId, terms: termsInput(v) })).then((r) => {
          if (r.error || !r.data) return;
          void message.success(`合同 ${r.data.draftContract.number} 已保存为草稿`);
          attemptKey.done();
          form.resetFields();
          onDrafted(r.data.draftContract.id);
        })
      }
    >
      <Form.Item label="物业管理区域" name="areaId" rules={[{ required: true, message: '请选择物业管理区域' }]}>
        <Select
          aria-label="物业管理区域"
          style={{ width: 280 }}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <TermsFields />
      <Button type="primary" htmlType="submit" loading={result.fetching} style={{ marginTop: 16 }}>
        保存草稿
      </Button>
      <ApiErrors error={result.error} />
    </Form>
  );
}

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
/** The file's bytes (FileReader: what every browser, and the component tests' jsdom, provides). */
const readBytes = (file: File) =>
  new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsArrayBuffer(file);
  });
const hex = (digest: ArrayBuffer) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * 上传材料: a document of the contract sent as the API takes it — started with its size and SHA-256, then in parts
 * of the size the hub names (each within the gateway's body limit), then completed (the hub checks size, digest and
 * format). The bar shows the parts received.
 */
export function DocumentUpload({ contractId, onUploaded }: { contractId: string; onUploaded: () => void }) {
  const client = useClient();
  const [form] = Form.useForm<{ type: FilingDocumentType; file: File }>();
  const [progress, setProgress] = useState<{ done: number; parts: number } | undefined>();
  const [error, setError] = useState<CombinedError | undefined>();
  const upload = async ({ type, file }: { type: FilingDocumentType; file: File }) => {
    setError(undefined);
    setProgress({ done: 0, parts: 1 });
    const bytes = await readBytes(file);
    const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
    const started = await client
      .mutation(START_UPLOAD, { upload: { contractId, name: file.name, type, sizeBytes: bytes.length, sha256 } })
      .toPromise();
    if (started.error || !started.data) return fail(started.error);
    const { uploadId, partBytes, parts } = started.data.startFilingDocumentUpload;
    setProgress({ done: 0, parts });
    for (let index = 0; index < parts; index++) {
      const part = bytes.subarray(index * partBytes, (index + 1) * partBytes);
      const sent = await client.mutation(UPLOAD_PART, { uploadId, index, contentBase64: toBase64(part) }).toPromise();
      if (sent.error) return fail(sent.error);
      setProgress({ done: index + 1, parts });
    }
    const completed = await client.mutation(COMPLETE_UPLOAD, { uploadId }).toPromise();
    if (completed.error) return fail(completed.error);
    void message.success(`${file.name} 已上传`);
    setProgress(undefined);
    form.resetFields();
    onUploaded();
  };
  const fail = (e: CombinedError | undefined) => {
    setError(e);
    setProgress(undefined);
  };
  return (
    <Form
      form={form}
      layout="inline"
      aria-label="上传材料"
      onFinish={(v) => void upload(v).catch((e: Error) => fail(new CombinedError({ networkError: e })))}
    >
      <Form.Item label="材料类型" name="type" rules={[{ required: true, message: '请选择材料类型' }]}>
        <Select
          aria-label="材料类型"
          style={{ width: 160 }}
          options={Object.entries(DOCUMENT_TYPE).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item
        label="文件"
        name="file"
        valuePropName="file"
        getValueFromEvent={(e: { target: HTMLInputElement }) => e.target.files?.[0]}
        rules={[
          { required: true, message: '请选择文件' },
          {
            validator: (_, file?: File) =>
              !file || (file.size > 0 && file.size <= DOCUMENT_MAX_BYTES)
                ? Promise.resolve()
                : Promise.reject(new Error('文件须大于 0 且不超过 20 MB')),
          },
          {
            validator: (_, file?: File) =>
              !file || /\.(pdf|ofd|jpe?g|png)$/i.test(file.name)
                ? Promise.resolve()
                : Promise.reject(new Error('仅支持 PDF、OFD、JPEG、PNG')),
          },
        ]}
      >
        <input type="file" accept={DOCUMENT_ACCEPT} aria-label="文件" />
      </Form.Item>
      <Button htmlType="submit" disabled={progress !== undefined}>
        上传
      </Button>
      {progress && (
        <Progress
          style={{ width: 240 }}
          percent={Math.round((100 * progress.done) / Math.max(1, progress.parts))}
          status="active"
          aria-label="上传进度"
          format={() => `${progress.done}/${progress.parts} 段`}
        />
      )}
      <ApiErrors error={error} />
    </Form>
  );
}

/** The contract's uploaded documents; those not yet carried by a filing go with the next submission or amendment. */
export function useContractDocuments(contractId: string) {
  const [{ data, error }, reload] = useQuery({ query: DOCUMENTS, variables: { contractId } });
  const documents = data?.contractDocuments ?? [];
  return {
    documents,
    error,
    pending: documents.filter((d) => !d.filingId),
    reload: () => reload({ requestPolicy: 'network-only' }),
  };
}

export function DocumentList({
  documents,
}: {
  documents: {
    id: string;
    name: string;
    type: string;
    sizeBytes: number;
    uploadedAt: string;
    filingId?: string | null;
  }[];
}) {
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={documents}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      locale={{ emptyText: '尚未上传材料' }}
      columns={[
        { title: '文件', dataIndex: 'name' },
        { title: '类型', dataIndex: 'type', render: (t: FilingDocumentType) => DOCUMENT_TYPE[t] ?? t },
        { title: '大小', dataIndex: 'sizeBytes', render: (n: number) => `${(n / 1024).toFixed(1)} KB` },
        { title: '上传日期', dataIndex: 'uploadedAt', render: instantDateZh },
        { title: '状态', render: (_, d) => (d.filingId ? '已随备案提交' : '待提交') },
      ]}
    />
  );
}

const asInput = (d: { name: string; type: FilingDocumentType; sizeBytes: number; sha256: string }) => ({
  name: d.name,
  type: d.type,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
});

/** 提交备案: files the draft with the documents uploaded for it; a retry of the same press is the same filing (useAttemptKey). */
export function SubmitFiling({
  contractId,
  documents,
  onSubmitted,
}: {
  contractId: string;
  documents: { name: string; type: FilingDocumentType; sizeBytes: number; sha256: string }[];
  onSubmitted: () => void;
}) {
  const attemptKey = useAttemptKey();
  const [result, submit] = useMutation(SUBMIT);
  return (
    <Space direction="vertical">
      <Button
        type="primary"
        disabled={documents.length === 0}
        loading={result.fetching}
        onClick={() =>
          void submit({
            contractId,
            idempotencyKey: attemptKey({ contractId, documents }),
            documents: documents.map(asInput),
          }).then((r) => {
            if (r.error) return;
            void message.success('已提交备案');
            onSubmitted();
          })
        }
      >
        提交备案（{documents.length} 份材料）
      </Button>
      {documents.length === 0 && <Typography.Text type="secondary">请先上传合同材料。</Typography.Text>}
      <ApiErrors error={result.error} />
    </Space>
  );
}

/** 变更备案: new terms in force from a day, filed with the documents uploaded for the amendment. */
export function AmendContractForm({
  contractId,
  terms,
  documents,
  onAmended,
}: {
  contractId: string;
  terms: HeldTerms;
  documents: { name: string; type: FilingDocumentType; sizeBytes: number; sha256: string }[];
  onAmended: () => void;
}) {
  const [form] = Form.useForm<TermsValues & { amendedOn: string }>();
  const attemptKey = useAttemptKey();
  const [result, amend] = useMutation(AMEND);
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="变更合同"
      initialValues={valuesOf(terms)}
      onFinish={(v) => {
        const variables = {
          contractId,
          amendedOn: v.amendedOn,
          terms: termsInput(v, terms),
          documents: documents.map(asInput),
        };
        void amend(withAttemptKey(attemptKey, variables)).then((r) => {
          if (r.error) return;
          void message.success('变更已提交备案');
          onAmended();
        });
      }}
    >
      <Form.Item label="变更日期" name="amendedOn" rules={[...dateRules('请填写变更日期')]}>
        <Input placeholder="2026-12-01" />
      </Form.Item>
      <TermsFields />
      <Typography.Paragraph>随变更提交的材料：{documents.length} 份（在“材料”中上传）。</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={result.fetching} disabled={documents.length === 0}>
        提交变更备案
      </Button>
      <ApiErrors error={result.error} />
    </Form>
  );
}

type Document = { name: string; type: FilingDocumentType; sizeBytes: number; sha256: string };

/** A returned filing as the company reads it: its current (returned) version's terms, reasons and documents. */
export interface ReturnedFiling {
  id: string;
  terms: HeldTerms;
  returnReasons: { field: string; reason: string }[];
  documents: Document[];
}

/**
 * 重新提交: a returned filing corrected and filed again as its next version. The form starts from the returned
 * version's terms (as an amendment starts from the terms in force); the fields the bureau named are marked with its
 * reason until changed. The returned version's documents are kept and the documents uploaded since go with them.
 */
export function ResubmitFilingForm({
  contractId,
  filing,
  pending,
  onUploaded,
  onResubmitted,
}: {
  contractId: string;
  filing: ReturnedFiling;
  pending: Document[];
  onUploaded: () => void;
  onResubmitted: () => void;
}) {
  const [form] = Form.useForm<TermsValues>();
  const attemptKey = useAttemptKey();
  const [result, resubmit] = useMutation(RESUBMIT);
  const kept = filing.documents.map(asInput);
  const added = pending.filter((d) => !kept.some((k) => k.sha256 === d.sha256)).map(asInput);
  const documents = [...kept, ...added];
  useEffect(() => {
    const marked = filing.returnReasons.flatMap((r) =>
      formFieldsOf(r.field).map((name) => ({ name, warnings: [`退回理由：${r.reason}`] })),
    );
    // The names are built from the API's field paths, so they are checked by formFieldsOf, not by the form's type.
    form.setFields(marked as Parameters<typeof form.setFields>[0]);
  }, [form, filing.returnReasons]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        message="备案已被退回，请按理由补正后重新提交"
        description={
          <ul aria-label="退回理由">
            {filing.returnReasons.map((r, i) => (
              <li key={`${r.field}-${i}`}>
                <Typography.Text code>{r.field}</Typography.Text> {r.reason}
              </li>
            ))}
          </ul>
        }
      />
      <Form
        form={form}
        layout="vertical"
        aria-label="重新提交备案"
        initialValues={valuesOf(filing.terms)}
        onFinish={(v) => {
          const variables = { filingId: filing.id, terms: termsInput(v, filing.terms), documents };
          void resubmit(withAttemptKey(attemptKey, variables)).then((r) => {
            if (r.error) return;
            void message.success('已重新提交备案');
            onResubmitted();
          });
        }}
      >
        <TermsFields />
        <Table
          rowKey="sha256"
          size="small"
          caption={`随重新提交的材料：退回版本的 ${kept.length} 份，新上传 ${added.length} 份`}
          dataSource={[
            ...kept.map((d) => ({ ...d, from: '退回版本的材料（保留）' })),
            ...added.map((d) => ({ ...d, from: '新上传' })),
          ]}
          pagination={false}
          locale={{ emptyText: '没有材料：请在下方上传' }}
          columns={[
            { title: '文件', dataIndex: 'name' },
            { title: '类型', dataIndex: 'type', render: (t: FilingDocumentType) => DOCUMENT_TYPE[t] ?? t },
            { title: '来源', dataIndex: 'from' },
          ]}
        />
        <Button
          type="primary"
          htmlType="submit"
          loading={result.fetching}
          disabled={documents.length === 0}
          style={{ marginTop: 16 }}
        >
          重新提交
        </Button>
        <ApiErrors error={result.error} />
      </Form>
      <DocumentUpload contractId={contractId} onUploaded={onUploaded} />
    </Space>
  );
}

/**
 * 终止合同: the day it ends and the day the property is handed over, with the reason; and, for a contract continuing
 * after its term, the day the written notice was given (sent only when filled: the hub takes today otherwise).
 */
export function TerminateContractForm({ contractId, onTerminated }: { contractId: string; onTerminated: () => void }) {
  const [form] = Form.useForm<{ terminatedOn: string; handoverOn: string; reason: string; noticeGivenOn?: string }>();
  const [result, terminate] = useMutation(TERMINATE);
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="终止合同"
      onFinish={(v) =>
        void terminate({
          contractId,
          terminatedOn: v.terminatedOn,
          handoverOn: v.handoverOn,
          reason: v.reason.trim(),
          ...(v.noticeGivenOn?.trim() ? { noticeGivenOn: v.noticeGivenOn.trim() } : {}),
        }).then((r) => {
          if (r.error) return;
          void message.success('合同已终止');
          onTerminated();
        })
      }
    >
      <Form.Item label="终止日期" name="terminatedOn" rules={[...dateRules('请填写终止日期')]}>
        <Input placeholder="2026-12-01" />
      </Form.Item>
      <Form.Item
        label="交接日期"
        name="handoverOn"
        dependencies={['terminatedOn']}
        rules={[
          ...dateRules('请填写交接日期'),
          ({ getFieldValue }) => ({
            validator: (_, v?: string) =>
              !v || !getFieldValue('terminatedOn') || v >= getFieldValue('terminatedOn')
                ? Promise.resolve()
                : Promise.reject(new Error('交接日期不能早于终止日期')),
          }),
        ]}
      >
        <Input placeholder="2026-12-01" />
      </Form.Item>
      <Form.Item
        label="终止原因"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写终止原因' },
          { max: 2000, message: '终止原因最多 2000 字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        label="书面通知日期"
        name="noticeGivenOn"
        extra="期限届满后继续提供服务（不定期）的合同，终止日期须在书面通知之日起至少 60 日后（民法典第九百四十八条第二款）；未填写的按今天计算。"
        rules={optionalPastDateRules('书面通知日期不能晚于今天')}
      >
        <Input placeholder="2026-12-01" />
      </Form.Item>
      <Button danger htmlType="submit" loading={result.fetching}>
        终止合同
      </Button>
      <ApiErrors error={result.error} />
    </Form>
  );
}

/** 作废草稿: a draft entered by mistake, never filed, is discarded after a second click; its filing deadline ends. */
export function DiscardDraft({ contractId, onDiscarded }: { contractId: string; onDiscarded: () => void }) {
  const [asked, setAsked] = useState(false);
  const [result, discard] = useMutation(DISCARD);
  return (
    <Space direction="vertical">
      <Typography.Text type="secondary">误录的草稿可作废：作废后不能再编辑或提交，其备案期限随之取消。</Typography.Text>
      {asked ? (
        <Space>
          <Button
            danger
            type="primary"
            loading={result.fetching}
            onClick={() =>
              void discard({ contractId }).then((r) => {
                if (r.error) return;
                void message.success('草稿已作废');
                onDiscarded();
              })
            }
          >
            确认作废
          </Button>
          <Button onClick={() => setAsked(false)}>取消</Button>
        </Space>
      ) : (
        <Button danger onClick={() => setAsked(true)}>
          作废草稿
        </Button>
      )}
      <ApiErrors error={result.error} />
    </Space>
  );
}

/**
 * 期满后继续提供服务: the company records, after a second click, that it goes on serving after the contract's term
 * with no renewal or other provider decided (民法典第九百四十八条): the contract continues for an unfixed term from
 * the day after it ends. The hub takes it from 90 days before the term ends.
 */
export function RecordContinuedService({
  contractId,
  endsOn,
  onRecorded,
}: {
  contractId: string;
  endsOn: string;
  onRecorded: () => void;
}) {
  const [asked, setAsked] = useState(false);
  const [result, record] = useMutation(CONTINUE);
  return (
    <Space direction="vertical">
      <Typography.Text type="secondary">
        合同期限（至 {dateZh(endsOn)}
        ）届满后，业主未续聘也未另聘物业服务人，贵公司继续提供物业服务的，可在此记录；期限届满前 90 日起可记录。
      </Typography.Text>
      {asked ? (
        <>
          <Alert
            type="warning"
            showIcon
            message="确认记录期满后继续提供服务"
            description={
              <>
                依《中华人民共和国民法典》第九百四十八条，原物业服务合同自期限届满次日起继续有效，服务期限为不定期：
                此后各月照常开账、计入服务期间并予公示，直至合同终止或该区域的下一份合同开始。任何一方可随时解除，但应提前六十日书面通知对方。
              </>
            }
          />
          <Space>
            <Button
              type="primary"
              loading={result.fetching}
              onClick={() =>
                void record({ contractId }).then((r) => {
                  if (r.error) return;
                  void message.success('已记录期满后继续提供服务');
                  onRecorded();
                })
              }
            >
              确认记录
            </Button>
            <Button onClick={() => setAsked(false)}>取消</Button>
          </Space>
        </>
      ) : (
        <Button onClick={() => setAsked(true)}>期满后继续提供服务（不定期）</Button>
      )}
      <ApiErrors error={result.error} />
    </Space>
  );
}
