import { Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../chart';
import { ApiErrors, pageWindow, serverPages } from '../components';
import { dateZh, monthZh, yuan } from '../format';
import { graphql } from '../gql';
import type { AgingBucket } from '../gql/graphql';
import { ACCOUNT_STATUS, AGING_BUCKET, CHARGE_KIND, COLLECTION_ACTION, label } from '../labels';

const ARREARS = graphql(`
  query ArrearsList($offset: Int!, $first: Int!, $filter: ArrearsFilter) {
    arrears(offset: $offset, first: $first, filter: $filter) {
      totalCount
      openFen
      aging {
        bucket
        count
        openFen
      }
      items {
        accountId
        unit
        room
        status
        arrearsFen
        openCharges
        oldestDueOn
        daysOverdue
        agingBucket
      }
    }
  }
`);

const STATEMENT = graphql(`
  query AccountStatement($id: ID!) {
    arrearsAccount(id: $id) {
      id
      unit
      room
      status
      asOf
      billedFen
      paidFen
      waivedFen
      creditFen
      openFen
      arrearsFen
      lateFeeFen
      charges {
        chargeId
        kind
        month
        dueOn
        amountFen
        paidFen
        waivedFen
        openFen
        lateFeeFen
        inArrears
        agingBucket
      }
      actions {
        actionId
        kind
        on
      }
    }
  }
`);

const BUCKETS = Object.keys(AGING_BUCKET) as AgingBucket[];

/** 欠费管理: the company's accounts in arrears, aged, with each account's statement. */
export function ArrearsScreen() {
  const [page, setPage] = useState(1);
  const [bucket, setBucket] = useState<AgingBucket | undefined>();
  const [account, setAccount] = useState<string | undefined>();
  const [{ data, fetching, error }] = useQuery({
    query: ARREARS,
    variables: { ...pageWindow(page), filter: bucket ? { agingBucket: bucket } : null },
  });
  const arrears = data?.arrears;
  const aging = useMemo(() => BUCKETS.map((b) => arrears?.aging.find((a) => a.bucket === b)), [arrears]);
  const categories = useMemo(() => BUCKETS.map((b) => AGING_BUCKET[b]), []);
  const series = useMemo(
    () => [{ name: '欠费金额（元）', type: 'bar' as const, data: aging.map((a) => (a ? a.openFen / 100 : 0)) }],
    [aging],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>欠费管理</Typography.Title>
      <ApiErrors error={error} />
      {arrears && (
        <Typography.Paragraph>
          欠费户数 {arrears.totalCount}，欠费合计 {yuan(arrears.openFen)}
        </Typography.Paragraph>
      )}
      {arrears && <Chart title="账龄分布" categories={categories} series={series} unit="元" />}
      <label>
        账龄{' '}
        <Select
          aria-label="账龄"
          allowClear
          style={{ width: 160 }}
          value={bucket}
          onChange={(v?: AgingBucket) => {
            setBucket(v);
            setPage(1);
          }}
          options={BUCKETS.map((b) => ({ value: b, label: AGING_BUCKET[b] }))}
        />
      </label>
      <Table
        rowKey="accountId"
        loading={fetching}
        dataSource={arrears?.items ?? []}
        pagination={serverPages(page, setPage, arrears?.totalCount ?? 0)}
        columns={[
          { title: '房号', render: (_, a) => `${a.unit ?? ''}-${a.room ?? ''}` },
          { title: '状态', dataIndex: 'status', render: (s: string) => label(ACCOUNT_STATUS, s) },
          { title: '欠费金额', dataIndex: 'arrearsFen', render: yuan },
          { title: '欠费笔数', dataIndex: 'openCharges' },
          { title: '最早到期日', dataIndex: 'oldestDueOn', render: dateZh },
          { title: '账龄', dataIndex: 'agingBucket', render: (b: string) => label(AGING_BUCKET, b) },
          {
            title: '对账单',
            render: (_, a) => (
              <a href={`#account-${a.accountId}`} onClick={(e) => (e.preventDefault(), setAccount(a.accountId))}>
                查看对账单
              </a>
            ),
          },
        ]}
      />
      {account && <StatementDrawer accountId={account} onClose={() => setAccount(undefined)} />}
    </Space>
  );
}

function StatementDrawer({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const [{ data, error, fetching }] = useQuery({ query: STATEMENT, variables: { id: accountId } });
  const a = data?.arrearsAccount;
  return (
    <Drawer open width={720} title="对账单" onClose={onClose} loading={fetching}>
      <ApiErrors error={error} />
      {a && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="房号">{`${a.unit ?? ''}-${a.room ?? ''}`}</Descriptions.Item>
            <Descriptions.Item label="账户编号">{a.id}</Descriptions.Item>
            <Descriptions.Item label="状态">{label(ACCOUNT_STATUS, a.status)}</Descriptions.Item>
            <Descriptions.Item label="截至">{dateZh(a.asOf)}</Descriptions.Item>
            <Descriptions.Item label="应收">{yuan(a.billedFen)}</Descriptions.Item>
            <Descriptions.Item label="已收">{yuan(a.paidFen)}</Descriptions.Item>
            <Descriptions.Item label="减免">{yuan(a.waivedFen)}</Descriptions.Item>
            <Descriptions.Item label="未缴（含未到期）">{yuan(a.openFen)}</Descriptions.Item>
            <Descriptions.Item label="欠费">{yuan(a.arrearsFen)}</Descriptions.Item>
            <Descriptions.Item label="违约金">{yuan(a.lateFeeFen)}</Descriptions.Item>
            <Descriptions.Item label="预收余额">{yuan(a.creditFen)}</Descriptions.Item>
          </Descriptions>
          {a.actions.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 16 }}>
              催收记录：{a.actions.map((x) => `${dateZh(x.on)} ${label(COLLECTION_ACTION, x.kind)}`).join('；')}
            </Typography.Paragraph>
          )}
          <Table
            style={{ marginTop: 16 }}
            rowKey="chargeId"
            size="small"
            dataSource={a.charges}
            pagination={{ pageSize: 12, showSizeChanger: false }}
            columns={[
              { title: '月份', dataIndex: 'month', render: monthZh },
              { title: '类型', dataIndex: 'kind', render: (k: string) => label(CHARGE_KIND, k) },
              { title: '到期日', dataIndex: 'dueOn', render: dateZh },
              { title: '金额', dataIndex: 'amountFen', render: yuan },
              { title: '已缴', dataIndex: 'paidFen', render: yuan },
              { title: '减免', dataIndex: 'waivedFen', render: yuan },
              { title: '未缴', dataIndex: 'openFen', render: yuan },
              { title: '违约金', dataIndex: 'lateFeeFen', render: yuan },
              { title: '', render: (_, c) => (c.inArrears ? <Tag color="red">欠费</Tag> : null) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
