import { Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrors, Chart } from '../components';
import { monthZh, yuan } from '../format';
import { graphql } from '../gql';
import type { CollectionRateGrouping } from '../gql/graphql';

const RATES = graphql(`
  query CollectionRates($groupBy: CollectionRateGrouping!) {
    collectionRates(groupBy: $groupBy) {
      key
      households
      paidHouseholds
      billedFen
      collectedFen
      byHouseholds {
        percent
      }
      byAmount {
        percent
      }
    }
  }
`);

const STATISTICS = graphql(`
  query ReferralStatistics {
    referralStatistics {
      areaId
      areaName
      companyId
      referrals
      ineligible
      open
      judged
      settled
      withdrawn
      amountInDisputeFen
      judgedFen
    }
  }
`);

const GROUPS: { value: CollectionRateGrouping; label: string }[] = [
  { value: 'MONTH', label: '按月份' },
  { value: 'AREA', label: '按物业管理区域' },
  { value: 'BUILDING', label: '按楼栋' },
];

const percentOf = (p: string | null | undefined) => (p === null || p === undefined ? null : Number(p));

/** 收缴率: collection rates by month, area or building, by households and by amount. */
export function CollectionScreen() {
  const [groupBy, setGroupBy] = useState<CollectionRateGrouping>('MONTH');
  const [{ data, fetching, error }] = useQuery({ query: RATES, variables: { groupBy } });
  const rows = useMemo(() => data?.collectionRates ?? [], [data]);
  const categories = useMemo(
    () => rows.map((r) => (groupBy === 'MONTH' ? monthZh(r.key) : r.key.slice(0, 8))),
    [rows, groupBy],
  );
  const series = useMemo(
    () => [
      { name: '按户收缴率', type: 'bar' as const, data: rows.map((r) => percentOf(r.byHouseholds.percent)) },
      { name: '按金额收缴率', type: 'line' as const, data: rows.map((r) => percentOf(r.byAmount.percent)) },
    ],
    [rows],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>物业费收缴率</Typography.Title>
      <Segmented<CollectionRateGrouping> aria-label="统计口径" options={GROUPS} value={groupBy} onChange={setGroupBy} />
      <ApiErrors error={error} />
      {rows.length > 0 && <Chart title="收缴率（%）" categories={categories} series={series} unit="%" />}
      <Table
        rowKey="key"
        loading={fetching}
        dataSource={rows}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        columns={[
          {
            title: groupBy === 'MONTH' ? '月份' : '区域/楼栋',
            dataIndex: 'key',
            render: (k: string) => (groupBy === 'MONTH' ? monthZh(k) : k),
          },
          { title: '应缴户数', dataIndex: 'households' },
          { title: '已缴户数', dataIndex: 'paidHouseholds' },
          { title: '应收金额', dataIndex: 'billedFen', render: yuan },
          { title: '实收金额', dataIndex: 'collectedFen', render: yuan },
          { title: '按户收缴率', render: (_, r) => `${r.byHouseholds.percent ?? '—'}%` },
          { title: '按金额收缴率', render: (_, r) => `${r.byAmount.percent ?? '—'}%` },
        ]}
      />
    </Space>
  );
}

/** 诉讼统计: referrals in the bureau's jurisdiction by compound and company, without households. */
export function ReferralStatisticsScreen() {
  const [{ data, fetching, error }] = useQuery({ query: STATISTICS });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>欠费诉讼统计</Typography.Title>
      <ApiErrors error={error} />
      <Table
        rowKey={(r) => `${r.areaId}-${r.companyId}`}
        loading={fetching}
        dataSource={data?.referralStatistics ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '小区', dataIndex: 'areaName' },
          { title: '物业服务企业', dataIndex: 'companyId' },
          { title: '移送', dataIndex: 'referrals' },
          { title: '不符合条件', dataIndex: 'ineligible' },
          { title: '审理中', dataIndex: 'open' },
          { title: '已判决', dataIndex: 'judged' },
          { title: '已调解', dataIndex: 'settled' },
          { title: '已撤回', dataIndex: 'withdrawn' },
          { title: '标的额', dataIndex: 'amountInDisputeFen', render: yuan },
          { title: '判决金额', dataIndex: 'judgedFen', render: yuan },
        ]}
      />
    </Space>
  );
}
