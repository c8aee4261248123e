import { Radio, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { Chart } from '../chart';
import { ApiErrors } from '../components';
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

const MONTH_BY_BUILDING = graphql(`
  query CollectionRatesOfMonthByBuilding($month: Key!) {
    collectionRates(groupBy: BUILDING, fromMonth: $month, toMonth: $month) {
      key
      households
      paidHouseholds
      byHouseholds {
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

type Grouping = CollectionRateGrouping | 'BUILDING_MONTH';
const GROUPS: { value: Grouping; label: string }[] = [
  { value: 'MONTH', label: '按月份' },
  { value: 'AREA', label: '按物业管理区域' },
  { value: 'BUILDING', label: '按楼栋' },
  { value: 'BUILDING_MONTH', label: '按楼栋×月份' },
];
/** The months the building × month view shows: the latest this many billed. */
const MONTHS_SHOWN = 12;

const percentOf = (p: string | null | undefined) => (p === null || p === undefined ? null : Number(p));

/** 收缴率: collection rates by month, area or building, by households and by amount. */
export function CollectionScreen() {
  const [grouping, setGrouping] = useState<Grouping>('MONTH');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>物业费收缴率</Typography.Title>
      {/* Native radios in one group: Tab reaches the group, the arrow keys choose. */}
      <Radio.Group
        aria-label="统计口径"
        optionType="button"
        options={GROUPS}
        value={grouping}
        onChange={(e) => setGrouping(e.target.value as Grouping)}
      />
      {grouping === 'BUILDING_MONTH' ? <BuildingMonthRates /> : <Rates groupBy={grouping} />}
    </Space>
  );
}

function Rates({ groupBy }: { groupBy: CollectionRateGrouping }) {
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
    <>
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
          // Per month a household count; over several months (an area or a building) household-months, as the API
          // sums them: labelled so (before, 应缴户数 beside a figure twelve times the area's households).
          { title: groupBy === 'MONTH' ? '应缴户数' : '应缴户·月', dataIndex: 'households' },
          { title: groupBy === 'MONTH' ? '已缴户数' : '已缴户·月', dataIndex: 'paidHouseholds' },
          { title: '应收金额', dataIndex: 'billedFen', render: yuan },
          { title: '实收金额', dataIndex: 'collectedFen', render: yuan },
          { title: '按户收缴率', render: (_, r) => percentText(r.byHouseholds.percent) },
          { title: '按金额收缴率', render: (_, r) => percentText(r.byAmount.percent) },
        ]}
      />
    </>
  );
}

/** A rate as 98.0%, or — when nothing was due (before, "—%"). */
const percentText = (percent: string | number | null | undefined) => (percent == null ? '—' : `${percent}%`);

interface BuildingRow {
  building: string;
  /** The building's household rate (%) per month, null where it was not billed. */
  byMonth: Record<string, number | null>;
}

/**
 * 按楼栋×月份: each building's household collection rate month by month (the latest twelve billed months), one
 * series per building, and the same figures as a table. The API groups by one dimension at a time, so the months
 * come from the MONTH grouping and each month's buildings from BUILDING over that one month.
 */
function BuildingMonthRates() {
  const client = useClient();
  const [{ data, error }] = useQuery({ query: RATES, variables: { groupBy: 'MONTH' } });
  const months = useMemo(
    () =>
      (data?.collectionRates ?? [])
        .map((r) => r.key)
        .filter((k) => /^\d{4}-\d{2}$/.test(k))
        .sort()
        .slice(-MONTHS_SHOWN),
    [data],
  );
  const [rows, setRows] = useState<BuildingRow[] | undefined>();
  const [monthError, setMonthError] = useState<CombinedError | undefined>();
  useEffect(() => {
    if (months.length === 0) return;
    let current = true;
    void Promise.all(months.map((month) => client.query(MONTH_BY_BUILDING, { month }).toPromise())).then((answers) => {
      if (!current) return;
      setMonthError(answers.find((a) => a.error)?.error);
      const byBuilding = new Map<string, BuildingRow>();
      answers.forEach((answer, i) =>
        (answer.data?.collectionRates ?? []).forEach((r) => {
          const row = byBuilding.get(r.key) ?? { building: r.key, byMonth: {} };
          row.byMonth[months[i]] = percentOf(r.byHouseholds.percent);
          byBuilding.set(r.key, row);
        }),
      );
      setRows([...byBuilding.values()].sort((a, b) => a.building.localeCompare(b.building)));
    });
    return () => {
      current = false;
    };
  }, [client, months]);
  const categories = useMemo(() => months.map(monthZh), [months]);
  const series = useMemo(
    () =>
      (rows ?? []).map((r) => ({
        name: `楼栋 ${r.building.slice(0, 8)}`,
        type: 'line' as const,
        data: months.map((m) => r.byMonth[m] ?? null),
      })),
    [rows, months],
  );
  return (
    <>
      <ApiErrors error={error ?? monthError} />
      {series.length > 0 && (
        <Chart title="各楼栋按户收缴率（%）按月" categories={categories} series={series} unit="%" />
      )}
      <Table
        rowKey="building"
        size="small"
        loading={rows === undefined && months.length > 0}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }}
        columns={[
          { title: '楼栋', dataIndex: 'building', render: (b: string) => b.slice(0, 8), fixed: 'left' },
          ...months.map((m) => ({
            title: monthZh(m),
            key: m,
            render: (_: unknown, r: BuildingRow) => percentText(r.byMonth[m]),
          })),
        ]}
      />
    </>
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
