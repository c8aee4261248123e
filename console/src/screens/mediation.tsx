import { Button, Drawer, Form, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useAttemptKey, withAttemptKey } from '../attempt-key';
import { ApiErrors, pageWindow, serverPages } from '../components';
import { dateZh, yuan } from '../format';
import { graphql } from '../gql';
import type { MediationOutcome } from '../gql/graphql';
import { ACCOUNT_STATUS, label } from '../labels';
import { dateRules, pastDateRules } from './contract-terms';

const ACCOUNTS = graphql(`
  query MediationAccounts($offset: Int!, $first: Int!) {
    arrears(offset: $offset, first: $first) {
      totalCount
      items {
        accountId
        unit
        room
        status
        arrearsFen
        oldestDueOn
      }
    }
  }
`);

const ACCOUNT = graphql(`
  query MediationAccount($id: ID!) {
    arrearsAccount(id: $id) {
      id
      unit
      room
      status
      arrearsFen
      charges {
        chargeId
        inArrears
      }
      actions {
        actionId
        kind
        on
        mediator
        outcome
        outcomeOn
      }
    }
  }
`);

const SESSIONS = graphql(`
  query MediationSessions($offset: Int!, $first: Int!) {
    mediationSessions(offset: $offset, first: $first) {
      totalCount
      items {
        actionId
        accountId
        companyId
        area {
          id
          name
        }
        household {
          id
          ownerName
        }
        unit
        room
        on
        mediator
        outcome
        outcomeOn
      }
    }
  }
`);

const RECORD_SESSION = graphql(`
  mutation RecordMediationSession($idempotencyKey: Key, $accountId: ID!, $action: CollectionActionInput!) {
    recordCollectionAction(idempotencyKey: $idempotencyKey, accountId: $accountId, action: $action) {
      id
      status
    }
  }
`);

const RECORD_OUTCOME = graphql(`
  mutation RecordMediationOutcome($actionId: ID!, $outcome: MediationOutcome!, $outcomeOn: LocalDate!) {
    recordMediationOutcome(actionId: $actionId, outcome: $outcome, outcomeOn: $outcomeOn) {
      id
      status
    }
  }
`);

export const OUTCOME: Record<MediationOutcome, string> = {
  PENDING: '调解中',
  AGREED: '达成协议',
  FAILED: '调解不成',
  WITHDRAWN: '撤回',
};

/** A session's outcome as a tag, with the day it was recorded. */
function OutcomeTag({ outcome, outcomeOn }: { outcome?: MediationOutcome | null; outcomeOn?: string | null }) {
  return (
    <Tag color={outcome === 'AGREED' ? 'green' : outcome === 'PENDING' ? 'blue' : 'default'}>
      {label(OUTCOME, outcome)}
      {outcomeOn ? ` ${dateZh(outcomeOn)}` : ''}
    </Tag>
  );
}

/**
 * 调解记录: every mediation session of the street's accounts, pending first (the API's order), each with its area,
 * household (the owner's name as the areas register releases it), company, day and outcome; opens the account.
 */
export function MediationSessionList({ onOpen }: { onOpen: (accountId: string) => void }) {
  const [page, setPage] = useState(1);
  // A session or outcome recorded in the account's drawer returns an ArrearsAccount: refetch the list then.
  const context = useMemo(() => ({ additionalTypenames: ['ArrearsAccount'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: SESSIONS, variables: { ...pageWindow(page) }, context });
  const sessions = data?.mediationSessions;
  return (
    <section aria-label="调解记录">
      <Typography.Title level={4}>调解记录</Typography.Title>
      <ApiErrors error={error} />
      <Table
        rowKey="actionId"
        loading={fetching}
        dataSource={sessions?.items ?? []}
        pagination={serverPages(page, setPage, sessions?.totalCount ?? 0)}
        locale={{ emptyText: '尚无调解记录' }}
        columns={[
          { title: '小区', render: (_, s) => s.area?.name ?? '—' },
          { title: '住户', render: (_, s) => `${s.unit ?? ''}${s.room ?? ''}` || '—' },
          { title: '业主', render: (_, s) => s.household?.ownerName ?? '—' },
          { title: '物业服务企业', dataIndex: 'companyId' },
          { title: '调解日期', dataIndex: 'on', render: dateZh },
          { title: '调解员', dataIndex: 'mediator' },
          {
            title: '结果',
            render: (_, s) => <OutcomeTag outcome={s.outcome} outcomeOn={s.outcomeOn} />,
          },
          {
            title: '操作',
            render: (_, s) => (
              <Button type="link" onClick={() => onOpen(s.accountId)}>
                查看 {s.unit ?? ''}
                {s.room ?? ''}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}

/** 调解: the street's accounts in arrears; an account's mediation sessions, a new session, and a session's outcome. */
export function MediationScreen() {
  const [page, setPage] = useState(1);
  const [account, setAccount] = useState<string | undefined>();
  const [{ data, fetching, error }] = useQuery({
    query: ACCOUNTS,
    variables: { ...pageWindow(page) },
  });
  const arrears = data?.arrears;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>欠费调解</Typography.Title>
      <Typography.Paragraph>
        本街道欠费住户共 {arrears?.totalCount ?? 0} 户。选择住户查看、登记调解及其结果。
      </Typography.Paragraph>
      <ApiErrors error={error} />
      <Table
        rowKey="accountId"
        loading={fetching}
        dataSource={arrears?.items ?? []}
        pagination={serverPages(page, setPage, arrears?.totalCount ?? 0)}
        columns={[
          { title: '单元', dataIndex: 'unit', render: (v?: string) => v ?? '—' },
          { title: '房号', dataIndex: 'room', render: (v?: string) => v ?? '—' },
          { title: '状态', dataIndex: 'status', render: (s: string) => label(ACCOUNT_STATUS, s) },
          { title: '欠费', dataIndex: 'arrearsFen', render: yuan },
          { title: '最早欠费到期', dataIndex: 'oldestDueOn', render: dateZh },
          {
            title: '操作',
            render: (_, a) => (
              <Button type="link" onClick={() => setAccount(a.accountId)}>
                调解 {a.unit ?? ''}
                {a.room ?? ''}
              </Button>
            ),
          },
        ]}
      />
      <MediationSessionList onOpen={setAccount} />
      {account && (
        <Drawer open width={760} title="调解记录" onClose={() => setAccount(undefined)}>
          <AccountMediation accountId={account} />
        </Drawer>
      )}
    </Space>
  );
}

function AccountMediation({ accountId }: { accountId: string }) {
  const [{ data, error }, reload] = useQuery({ query: ACCOUNT, variables: { id: accountId } });
  const account = data?.arrearsAccount;
  const sessions = (account?.actions ?? []).filter((a) => a.kind === 'MEDIATION_SESSION');
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ApiErrors error={error} />
      {account && (
        <Typography.Text>
          {account.unit ?? ''}
          {account.room ?? ''}：{label(ACCOUNT_STATUS, account.status)}，欠费 {yuan(account.arrearsFen)}
        </Typography.Text>
      )}
      <Table
        rowKey="actionId"
        size="small"
        dataSource={sessions}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '尚无调解记录' }}
        columns={[
          { title: '调解日期', dataIndex: 'on', render: dateZh },
          { title: '调解员', dataIndex: 'mediator' },
          {
            title: '结果',
            render: (_, s) => <OutcomeTag outcome={s.outcome} outcomeOn={s.outcomeOn} />,
          },
          {
            title: '登记结果',
            render: (_, s) => (s.outcome === 'PENDING' ? <OutcomeForm session={s} onRecorded={refresh} /> : null),
          },
        ]}
      />
      {account && (
        <SessionForm
          accountId={account.id}
          chargeIds={account.charges.filter((c) => c.inArrears).map((c) => c.chargeId)}
          onRecorded={refresh}
        />
      )}
    </Space>
  );
}

/** 登记调解: a session held on a day, by a mediator, for the account's charges in arrears; its outcome pending. */
export function SessionForm({
  accountId,
  chargeIds,
  onRecorded,
}: {
  accountId: string;
  chargeIds: string[];
  onRecorded: () => void;
}) {
  const [form] = Form.useForm<{ on: string; mediator: string; note?: string }>();
  const [result, record] = useMutation(RECORD_SESSION);
  // A press repeating the last (its answer lost) is its retry: before, it recorded a second session.
  const attemptKey = useAttemptKey();
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="登记调解"
      onFinish={(v) =>
        void record(
          withAttemptKey(attemptKey, {
            accountId,
            action: {
              kind: 'MEDIATION_SESSION' as const,
              on: v.on,
              chargeIds,
              mediator: v.mediator.trim(),
              note: v.note?.trim() || null,
              outcome: 'PENDING' as const,
            },
          }),
        ).then((r) => {
          if (r.error) return;
          void message.success('调解已登记');
          attemptKey.done();
          form.resetFields();
          onRecorded();
        })
      }
    >
      <Typography.Title level={5}>登记调解</Typography.Title>
      <Form.Item label="调解日期" name="on" rules={pastDateRules('请填写调解日期', '调解日期不能晚于今天')}>
        <Input placeholder="2026-12-01" />
      </Form.Item>
      <Form.Item
        label="调解员"
        name="mediator"
        rules={[
          { required: true, whitespace: true, message: '请填写调解员' },
          { max: 100, message: '调解员姓名最多 100 字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item label="备注" name="note" rules={[{ max: 2000, message: '备注最多 2000 字' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={result.fetching}>
        登记调解
      </Button>
      <ApiErrors error={result.error} />
    </Form>
  );
}

/** 登记结果: how a pending session ended, on a day not before the session. */
export function OutcomeForm({
  session,
  onRecorded,
}: {
  session: { actionId: string; on: string };
  onRecorded: () => void;
}) {
  const [form] = Form.useForm<{ outcome: MediationOutcome; outcomeOn: string }>();
  const [result, record] = useMutation(RECORD_OUTCOME);
  return (
    <Form
      form={form}
      layout="inline"
      aria-label={`调解结果 ${dateZh(session.on)}`}
      onFinish={(v) =>
        void record({ actionId: session.actionId, outcome: v.outcome, outcomeOn: v.outcomeOn }).then((r) => {
          if (r.error) return;
          void message.success('调解结果已登记');
          onRecorded();
        })
      }
    >
      <Form.Item label="结果" name="outcome" rules={[{ required: true, message: '请选择结果' }]}>
        <Select
          style={{ minWidth: 120 }}
          aria-label="结果"
          options={(['AGREED', 'FAILED', 'WITHDRAWN'] as const).map((o) => ({ value: o, label: OUTCOME[o] }))}
        />
      </Form.Item>
      <Form.Item
        label="结果日期"
        name="outcomeOn"
        rules={[
          ...dateRules('请填写结果日期'),
          {
            validator: (_, v?: string) =>
              !v || v >= session.on ? Promise.resolve() : Promise.reject(new Error('结果日期不能早于调解日期')),
          },
        ]}
      >
        <Input placeholder="2026-12-01" />
      </Form.Item>
      <Button htmlType="submit" loading={result.fetching}>
        登记结果
      </Button>
      <ApiErrors error={result.error} />
    </Form>
  );
}
