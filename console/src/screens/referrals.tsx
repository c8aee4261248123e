import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { CombinedError, useClient, useMutation, useQuery } from 'urql';
import { ApiErrors, pageWindow, serverPages } from '../components';
import { dateZh, yuan } from '../format';
import { graphql } from '../gql';
import type { CaseStatus, CourtEventKind, Procedure } from '../gql/graphql';
import { CASE_STATUS, PROCEDURE, label } from '../labels';
import { timeOfDayInChina, todayInChina } from '../../../kernel/clock';
import { FEN_CEILING } from '../../../kernel/input-bounds';
import { parseYuan } from '../../../kernel/money';
import { useAttemptKey } from '../attempt-key';
import { pastDateRules } from './contract-terms';

const REFERRALS = graphql(`
  query Referrals($offset: Int!, $first: Int!, $filter: ReferralFilter) {
    referrals(offset: $offset, first: $first, filter: $filter) {
      totalCount
      items {
        id
        areaName
        companyId
        plaintiffName
        courtId
        courtName
        eligible
        status
        procedure
        amountInDisputeFen
        caseNumber
        submittedOn
        eligibility {
          failures {
            code
            message
            elapsesOn
          }
        }
      }
    }
  }
`);

const CASE = graphql(`
  query ReferralCase($id: ID!) {
    referral(id: $id) {
      id
      areaName
      companyId
      plaintiffName
      status
      procedure
      caseNumber
      enforcementCaseNumber
      docketedOn
      hearingOn
      decidedOn
      amountInDisputeFen
      grandTotalFen
      caseAcceptanceFee {
        fullFen
        onDocketingFen
        halvedUnder
      }
      packages {
        version
        digest
        chainSequence
      }
      courtEvents {
        kind
        occurredAt
      }
    }
    verifyCasePackage(referralId: $id) {
      valid
      chainValid
      version
      reason
    }
  }
`);

const DOCUMENTS = graphql(`
  query ReferralDocuments($id: ID!) {
    referral(id: $id) {
      id
      documents {
        name
        kind
        mediaType
        sha256
        sizeBytes
      }
    }
  }
`);

/** One file's bytes, in a request of its own: the API bounds the whole files one request may take. */
const DOCUMENT_CONTENT = graphql(`
  query ReferralDocumentContent($id: ID!, $sha256: Key!) {
    referral(id: $id) {
      id
      documents(sha256: $sha256) {
        sha256
        contentBase64
      }
    }
  }
`);

const REPORT = graphql(`
  mutation ReportCourtEvent($eventId: Key, $report: CourtReportInput!) {
    reportCourtEvent(eventId: $eventId, report: $report) {
      id
      status
      caseNumber
    }
  }
`);

const OVERDUE = graphql(`
  query OverdueSmallClaims {
    overdueSmallClaims {
      dueOn
      daysOverdue
      extended
      provisional
      awaitsHolidayYear
      referral {
        id
        areaName
        caseNumber
      }
    }
  }
`);

/** 诉讼案件: a court's cases (or a company's referrals) with their package, chain check, documents and reports. */
export function ReferralsScreen({ court }: { court: boolean }) {
  const [page, setPage] = useState(1);
  const [statuses, setStatuses] = useState<CaseStatus[]>([]);
  const [open, setOpen] = useState<string | undefined>();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: REFERRALS,
    variables: {
      ...pageWindow(page),
      filter: statuses.length > 0 ? { statuses } : null,
    },
  });
  const referrals = data?.referrals;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{court ? '物业费纠纷案件' : '欠费移送诉讼'}</Typography.Title>
      <label>
        案件状态{' '}
        <Select
          aria-label="案件状态"
          mode="multiple"
          style={{ minWidth: 260 }}
          value={statuses}
          onChange={(v) => {
            setStatuses(v);
            setPage(1);
          }}
          options={Object.entries(CASE_STATUS).map(([value, text]) => ({ value, label: text }))}
        />
      </label>
      <ApiErrors error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={referrals?.items ?? []}
        pagination={serverPages(page, setPage, referrals?.totalCount ?? 0)}
        columns={[
          { title: '小区', dataIndex: 'areaName' },
          {
            title: court ? '原告' : '受理法院',
            render: (_, r) => (court ? partyName(r.plaintiffName, r.companyId) : partyName(r.courtName, r.courtId)),
          },
          { title: '移送日期', dataIndex: 'submittedOn', render: dateZh },
          { title: '标的额', dataIndex: 'amountInDisputeFen', render: yuan },
          {
            title: '状态',
            render: (_, r) =>
              r.eligible ? (
                label(CASE_STATUS, r.status)
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag color="red">不符合移送条件</Tag>
                  {r.eligibility.failures.map((f) => (
                    <Typography.Text key={f.code} type="secondary">
                      {f.message}
                      {f.elapsesOn ? `（${dateZh(f.elapsesOn)}届满）` : ''}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          { title: '案号', dataIndex: 'caseNumber', render: (v?: string) => v ?? '—' },
          {
            title: '详情',
            render: (_, r) =>
              r.eligible ? (
                <Button
                  size="small"
                  onClick={() => setOpen(r.id)}
                  aria-label={`查看 ${r.areaName} ${r.caseNumber ?? ''}`.trim()}
                >
                  查看
                </Button>
              ) : null,
          },
        ]}
      />
      {court && <OverdueSmallClaims />}
      {open && (
        <CaseDrawer
          referralId={open}
          court={court}
          onClose={() => {
            setOpen(undefined);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Space>
  );
}

export function OverdueSmallClaims() {
  const [{ data, error }] = useQuery({ query: OVERDUE });
  return (
    <>
      <Typography.Title level={4}>超审限小额诉讼</Typography.Title>
      <ApiErrors error={error} />
      <Table
        rowKey={(o) => o.referral.id}
        size="small"
        dataSource={data?.overdueSmallClaims ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: '案号', render: (_, o) => o.referral.caseNumber ?? '—' },
          { title: '小区', render: (_, o) => o.referral.areaName },
          {
            title: '审限届满',
            // Past the holiday data: the plain last day, which the next year's arrangement may move later (art. 203).
            render: (_, o) =>
              o.provisional
                ? `${dateZh(o.dueOn)}（暂按自然日计，待${o.awaitsHolidayYear}年节假日安排）`
                : dateZh(o.dueOn),
          },
          { title: '超期天数', dataIndex: 'daysOverdue' },
          { title: '已延长', dataIndex: 'extended', render: (v: boolean) => (v ? '是' : '否') },
        ]}
      />
    </>
  );
}

/**
 * 起诉状与证据: the court's complaint and the evidence files (the company: its evidence files), listed when asked for,
 * each file fetched when clicked and saved as itself.
 */
export function CaseDocuments({ referralId }: { referralId: string }) {
  const client = useClient();
  const [documents, loadDocuments] = useQuery({ query: DOCUMENTS, variables: { id: referralId }, pause: true });
  const [fetching, setFetching] = useState<string | undefined>();
  const [fileError, setFileError] = useState<CombinedError | undefined>();
  const save = async (d: { name: string; mediaType: string; sha256: string }) => {
    setFetching(d.sha256);
    // Asked of the hub each time, never answered from the client's cache (a complaint generated since is the one saved).
    const answer = await client
      .query(DOCUMENT_CONTENT, { id: referralId, sha256: d.sha256 }, { requestPolicy: 'network-only' })
      .toPromise();
    setFetching(undefined);
    setFileError(answer.error);
    const file = answer.data?.referral.documents[0];
    if (file) download(d.name, d.mediaType, file.contentBase64);
  };
  return (
    <Space orientation="vertical">
      <ApiErrors error={documents.error ?? fileError} />
      <Button onClick={() => loadDocuments()} loading={documents.fetching}>
        生成/下载起诉状与证据
      </Button>
      {documents.data?.referral.documents.map((d) => (
        <Button key={d.sha256} type="link" loading={fetching === d.sha256} onClick={() => void save(d)}>
          {d.name}（{Math.ceil(d.sizeBytes / 1024)} KB）
        </Button>
      ))}
    </Space>
  );
}

function download(name: string, mediaType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Later, not at once: some browsers (Safari) start the download after the click returns and lose it otherwise.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A party by its name, its id beneath; its id alone where the hub holds no name (a company yet to give its particulars). */
function partyName(name: string | null | undefined, id: string) {
  if (!name) return id;
  return (
    <Space direction="vertical" size={0}>
      {name}
      <Typography.Text type="secondary">{id}</Typography.Text>
    </Space>
  );
}

export function CaseDrawer({
  referralId,
  court,
  onClose,
}: {
  referralId: string;
  court: boolean;
  onClose: () => void;
}) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: CASE, variables: { id: referralId } });
  const r = data?.referral;
  const v = data?.verifyCasePackage;
  return (
    <Drawer open width={760} title="案件详情" onClose={onClose} loading={fetching}>
      <ApiErrors error={error} />
      {r && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="小区">{r.areaName}</Descriptions.Item>
            <Descriptions.Item label="原告">{partyName(r.plaintiffName, r.companyId)}</Descriptions.Item>
            <Descriptions.Item label="状态">{label(CASE_STATUS, r.status)}</Descriptions.Item>
            <Descriptions.Item label="审理程序">{label(PROCEDURE, r.procedure)}</Descriptions.Item>
            <Descriptions.Item label="案号">{r.caseNumber ?? '—'}</Descriptions.Item>
            {r.enforcementCaseNumber && (
              <Descriptions.Item label="执行案号">{r.enforcementCaseNumber}</Descriptions.Item>
            )}
            <Descriptions.Item label="立案日期">{dateZh(r.docketedOn)}</Descriptions.Item>
            <Descriptions.Item label="开庭日期">{dateZh(r.hearingOn)}</Descriptions.Item>
            <Descriptions.Item label="标的额">{yuan(r.amountInDisputeFen)}</Descriptions.Item>
            <Descriptions.Item label="合计">{yuan(r.grandTotalFen)}</Descriptions.Item>
            {r.caseAcceptanceFee && (
              <Descriptions.Item label="案件受理费（预交）">
                {yuan(r.caseAcceptanceFee.onDocketingFen)}
                {r.caseAcceptanceFee.halvedUnder ? `（减半交纳，全额 ${yuan(r.caseAcceptanceFee.fullFen)}）` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>
          {v && (
            <Tag color={v.valid && v.chainValid ? undefined : 'red'}>
              {v.valid && v.chainValid
                ? `案件材料第 ${v.version} 版校验通过（证据链完整）`
                : `校验未通过：${v.reason ?? ''}`}
            </Tag>
          )}
          <Typography.Text>
            材料版本：{r.packages.map((p) => `第${p.version}版 ${p.digest.slice(0, 12)}…`).join('；')}
          </Typography.Text>
          <CaseDocuments referralId={r.id} />
          {court && (
            <ReportForm
              referralId={r.id}
              proposedProcedure={r.procedure}
              onReported={() => refetch({ requestPolicy: 'network-only' })}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

const REPORT_KINDS: { value: CourtEventKind; label: string }[] = [
  { value: 'MEDIATION_STARTED', label: '诉前调解' },
  { value: 'DOCKETED', label: '立案' },
  { value: 'DOCKETING_REFUSED', label: '不予受理' },
  { value: 'HEARING_SCHEDULED', label: '排期开庭' },
  // 民事诉讼法第一百六十九条: a small claim tried under the simple procedure's other rules or the ordinary procedure.
  { value: 'PROCEDURE_CHANGED', label: '小额诉讼转简易或普通程序' },
  { value: 'JUDGED', label: '判决' },
  { value: 'JUDGMENT_CORRECTED', label: '裁定补正判决金额' },
  { value: 'SETTLED', label: '调解结案' },
  { value: 'WITHDRAWN', label: '撤诉' },
  { value: 'ENFORCEMENT_STARTED', label: '执行立案' },
  { value: 'DEBTOR_LISTED_DISHONEST', label: '纳入失信被执行人名单' },
  { value: 'CLOSED', label: '结案' },
];

/** The procedures a court chooses on docketing (the API's `Procedure` but UNDETERMINED). */
const COURT_PROCEDURES: Procedure[] = ['SMALL_CLAIMS', 'SMALL_CLAIMS_BY_CONSENT', 'SIMPLE_OR_ORDINARY'];

interface ReportValues {
  kind: CourtEventKind;
  on: string;
  caseNumber?: string;
  enforcementCaseNumber?: string;
  procedure?: Procedure;
  hearingOn?: { format(f: string): string };
  judgedYuan?: string;
  settledYuan?: string;
  note?: string;
}

/** The yuan typed as whole fen, exactly (kernel/money.ts). */
const fenOf = (yuanText: string | undefined) => (yuanText ? parseYuan(yuanText) : undefined);

/**
 * An amount the form takes is one the report will carry: what fenOf (parseYuan) reads, up to the API's ceiling of an
 * amount (kernel/input-bounds.ts). Before, a pattern of the form's own restated the parser's rule, and could drift.
 */
const YUAN_RULES = [
  { required: true, message: '金额，最多两位小数' },
  {
    validator: (_: unknown, yuanText?: string) => {
      if (!yuanText) return Promise.resolve();
      const fen = fenOf(yuanText);
      if (fen === undefined) return Promise.reject(new Error('金额，最多两位小数'));
      if (fen > FEN_CEILING.amount) return Promise.reject(new Error(`金额不能超过 ${yuan(FEN_CEILING.amount)}`));
      return Promise.resolve();
    },
  },
];

/**
 * The report the form sends, dated by the day the clerk gives at the time of day the attempt began (China time): on
 * today's date, when it was pressed. Before, the press's instant whatever the day (a docketing entered three days late
 * moved its deadline by three days); a fixed time of day would give two reports of one day one instant, and the hub
 * takes a hearing rescheduled at the same instant as the one before it.
 */
export function courtReport(referralId: string, values: ReportValues, at: Date) {
  return {
    referralId,
    kind: values.kind,
    occurredAt: `${values.on}T${timeOfDayInChina(at)}+08:00`,
    caseNumber:
      values.kind === 'DOCKETED'
        ? values.caseNumber?.trim() || undefined
        : values.kind === 'DEBTOR_LISTED_DISHONEST' || values.kind === 'ENFORCEMENT_STARTED'
          ? values.enforcementCaseNumber?.trim() || undefined
          : undefined,
    procedure:
      values.kind === 'DOCKETED'
        ? values.procedure
        : values.kind === 'PROCEDURE_CHANGED'
          ? 'SIMPLE_OR_ORDINARY'
          : undefined,
    hearingOn: values.kind === 'HEARING_SCHEDULED' ? values.hearingOn?.format('YYYY-MM-DD') : undefined,
    judgedFen: values.kind === 'JUDGED' || values.kind === 'JUDGMENT_CORRECTED' ? fenOf(values.judgedYuan) : undefined,
    settledFen: values.kind === 'SETTLED' ? fenOf(values.settledYuan) : undefined,
    note: values.note?.trim() || undefined,
  };
}

/**
 * 报告审理进展: the court's own reports to the hub. The clerk chooses the procedure on docketing (the hub's proposal
 * preselected: before, every docketing was sent as a small claim, giving a ¥80,000 case the two-month decision
 * deadline of art. 168), gives the day the step happened (before, the press's instant: a docketing entered three days
 * late moved the deadline by three days) and the amount of a settlement (before, never sent: every SETTLED report was
 * refused). A press repeating the last one is its retry (the same eventId): a lost answer is not reported twice.
 */
export function ReportForm({
  referralId,
  proposedProcedure,
  onReported,
}: {
  referralId: string;
  proposedProcedure?: Procedure | null;
  onReported: () => void;
}) {
  const [form] = Form.useForm<ReportValues>();
  const kind = Form.useWatch('kind', form);
  const [result, report] = useMutation(REPORT);
  const attemptKey = useAttemptKey();
  const initialValues = {
    kind: 'DOCKETED' as CourtEventKind,
    on: todayInChina(),
    procedure: proposedProcedure && COURT_PROCEDURES.includes(proposedProcedure) ? proposedProcedure : undefined,
  };
  const submit = async (values: ReportValues) => {
    // The attempt is what the clerk entered; its time of day is when it was first pressed, kept across a retry.
    const entered = courtReport(referralId, values, new Date(0));
    const sent = courtReport(referralId, values, attemptKey.startedAt(entered));
    const r = await report({ eventId: attemptKey(entered), report: sent });
    if (!r.error) {
      void message.success('已报告');
      attemptKey.done();
      form.resetFields();
      onReported();
    }
  };
  return (
    <>
      <Typography.Title level={5}>报告审理进展</Typography.Title>
      <ApiErrors error={result.error} />
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} initialValues={initialValues}>
        <Form.Item name="kind" label="事项" rules={[{ required: true }]}>
          <Select style={{ width: 180 }} options={REPORT_KINDS} />
        </Form.Item>
        <Form.Item name="on" label="发生日期" rules={pastDateRules('请填写发生日期', '发生日期不能晚于今天')}>
          <Input placeholder="2026-12-01" style={{ width: 130 }} />
        </Form.Item>
        {kind === 'DOCKETED' && (
          <Form.Item
            name="caseNumber"
            label="案号"
            rules={[{ required: true, whitespace: true, message: '请填写案号' }, { max: 128 }]}
          >
            <Input placeholder="(2026)京0108民初20001号" />
          </Form.Item>
        )}
        {(kind === 'DEBTOR_LISTED_DISHONEST' || kind === 'ENFORCEMENT_STARTED') && (
          <Form.Item
            name="enforcementCaseNumber"
            label="执行案号"
            rules={[
              // Required with a listing; at the start of enforcement, given where the court has one.
              { required: kind === 'DEBTOR_LISTED_DISHONEST', whitespace: true, message: '请填写执行案号' },
              { max: 128 },
            ]}
          >
            <Input placeholder="(2026)京0108执1001号" />
          </Form.Item>
        )}
        {kind === 'DOCKETED' && (
          <Form.Item name="procedure" label="审理程序" rules={[{ required: true, message: '请选择审理程序' }]}>
            <Select
              style={{ width: 240 }}
              options={COURT_PROCEDURES.map((value) => ({ value, label: label(PROCEDURE, value) }))}
            />
          </Form.Item>
        )}
        {kind === 'HEARING_SCHEDULED' && (
          <Form.Item name="hearingOn" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]}>
            <DatePicker />
          </Form.Item>
        )}
        {(kind === 'JUDGED' || kind === 'JUDGMENT_CORRECTED') && (
          <Form.Item
            name="judgedYuan"
            label={kind === 'JUDGED' ? '判决金额（元）' : '补正后判决金额（元）'}
            rules={YUAN_RULES}
          >
            <Input />
          </Form.Item>
        )}
        {kind === 'SETTLED' && (
          <Form.Item name="settledYuan" label="调解金额（元）" rules={YUAN_RULES}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注" rules={[{ max: 2000 }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={result.fetching}>
          提交报告
        </Button>
      </Form>
    </>
  );
}
