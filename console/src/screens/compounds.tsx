import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrors, pageWindow, serverPages } from '../components';
import { dateZh } from '../format';
import { graphql } from '../gql';
import { label } from '../labels';
import { CompoundImport } from './compound-import';

const COMPOUNDS = graphql(`
  query Compounds($first: Int!) {
    compounds(first: $first) {
      id
      name
      kind
      governanceModel
      statistics {
        buildings
        households
      }
    }
  }
`);

const HOUSEHOLDS = graphql(`
  query Households($id: ID!, $offset: Int!, $first: Int!) {
    compound(id: $id) {
      id
      name
      households(offset: $offset, first: $first) {
        totalCount
        items {
          id
          unit
          room
          floorAreaM2
          ownerName
        }
      }
    }
  }
`);

const OVERDUE = graphql(`
  query OverdueGovernanceBodies {
    overdueGovernanceBodies {
      asOf
      reasons
      area {
        name
      }
      body {
        id
        kind
        formedOn
        filingDeadline
        recordingDeadline
        filedOn
        termEndsOn
      }
    }
  }
`);

/** Why a governance body is listed as overdue (every reason the API gives; before, only the first had a name). */
const OVERDUE_REASON: Record<string, string> = {
  FILING_OVERDUE: '逾期未备案',
  FILING_DEADLINE_BEYOND_CALENDAR: '逾期未备案（期限超出节假日数据）',
  TERM_EXPIRED: '任期已届满',
};

const GOVERNANCE_MODEL: Record<string, string> = {
  CONTRACT_BASED: '物业服务合同型',
  MULTI_PARTY_CO_GOVERNANCE: '多方联动共治型',
  GOVERNMENT_BACKSTOP: '政府托底居民自治型',
};
const BODY_KIND: Record<string, string> = {
  OWNERS_ASSEMBLY: '业主大会',
  OWNERS_COMMITTEE: '业主委员会',
  PROPERTY_MANAGEMENT_COMMITTEE: '物业管理委员会',
};

/**
 * The compounds a street office lists, paged here (the API returns one list, by name): a street of more than 100
 * compounds showed, and could import into, only the first 100 (a console audit, 2026-12-06). One more is asked
 * than shown, so the warning says the list is cut only when a 501st compound exists, not when there are exactly 500.
 */
const MAX_COMPOUNDS = 500;

/** 小区与住户: the street's compounds, their households (names as the API allows), and overdue governance bodies. */
export function CompoundsScreen() {
  const [{ data, fetching, error }] = useQuery({ query: COMPOUNDS, variables: { first: MAX_COMPOUNDS + 1 } });
  const truncated = (data?.compounds.length ?? 0) > MAX_COMPOUNDS;
  const compounds = (data?.compounds ?? []).slice(0, MAX_COMPOUNDS);
  const [selected, setSelected] = useState<string | undefined>();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>小区与住户</Typography.Title>
      <ApiErrors error={error} />
      {truncated && <Alert type="warning" showIcon message={`仅显示按名称排序的前 ${MAX_COMPOUNDS} 个小区`} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={compounds}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: '小区',
            dataIndex: 'name',
            render: (name: string, c) => (
              <a href={`#compound-${c.id}`} onClick={(e) => (e.preventDefault(), setSelected(c.id))}>
                {name}
              </a>
            ),
          },
          { title: '治理模式', dataIndex: 'governanceModel', render: (m: string) => GOVERNANCE_MODEL[m] ?? m },
          { title: '楼栋', render: (_, c) => c.statistics.buildings },
          { title: '户数', render: (_, c) => c.statistics.households },
        ]}
      />
      {selected && <Households compoundId={selected} />}
      <CompoundImport compounds={compounds} />
      <OverdueBodies />
    </Space>
  );
}

function Households({ compoundId }: { compoundId: string }) {
  const [page, setPage] = useState(1);
  const [{ data, fetching, error }] = useQuery({
    query: HOUSEHOLDS,
    variables: { id: compoundId, ...pageWindow(page) },
  });
  const compound = data?.compound;
  return (
    <>
      <Typography.Title level={4}>{compound ? `${compound.name} 住户` : '住户'}</Typography.Title>
      <ApiErrors error={error} />
      <Table
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={compound?.households.items ?? []}
        pagination={serverPages(page, setPage, compound?.households.totalCount ?? 0)}
        columns={[
          { title: '单元', dataIndex: 'unit' },
          { title: '房号', dataIndex: 'room' },
          { title: '面积（㎡）', dataIndex: 'floorAreaM2' },
          { title: '业主', dataIndex: 'ownerName', render: (v?: string) => v ?? '—' },
        ]}
      />
    </>
  );
}

function OverdueBodies() {
  const [{ data, error }] = useQuery({ query: OVERDUE });
  return (
    <>
      <Typography.Title level={4}>逾期事项（治理组织）</Typography.Title>
      <ApiErrors error={error} />
      <Table
        rowKey={(o) => o.body.id}
        size="small"
        dataSource={data?.overdueGovernanceBodies ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: '区域', render: (_, o) => o.area.name },
          { title: '组织', render: (_, o) => BODY_KIND[o.body.kind] ?? o.body.kind },
          { title: '成立日期', render: (_, o) => dateZh(o.body.formedOn) },
          { title: '备案期限', render: (_, o) => dateZh(o.body.filingDeadline) },
          {
            title: '问题',
            render: (_, o) =>
              o.reasons.map((r) => (
                <Tag key={r} color="red">
                  {label(OVERDUE_REASON, r)}
                  {r === 'TERM_EXPIRED' && o.body.termEndsOn ? `（${dateZh(o.body.termEndsOn)}届满）` : ''}
                </Tag>
              )),
          },
        ]}
      />
    </>
  );
}
