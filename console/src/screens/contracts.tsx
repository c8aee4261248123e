import { Button, DatePicker, Drawer, Progress, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiErrors, pageWindow, serverPages } from '../components';
import { dateZh, monthZh, yuan } from '../format';
import { graphql } from '../gql';
import { FILING_KIND, FILING_STATUS, label } from '../labels';
import {
  AmendContractForm,
  DiscardDraft,
  DocumentList,
  DocumentUpload,
  DraftContractForm,
  RecordContinuedService,
  ResubmitFilingForm,
  SubmitFiling,
  TerminateContractForm,
  useContractDocuments,
} from './contract-actions';

const CONTRACTS = graphql(`
  query CompanyContracts($offset: Int!, $first: Int!) {
    contracts(offset: $offset, first: $first) {
      totalCount
      items {
        id
        number
        status
        startsOn
        endsOn
        continuedFrom
        area {
          id
          name
        }
        filings {
          id
          status
          recordNumber
          late
        }
      }
    }
  }
`);

const CONTRACT = graphql(`
  query ContractForActions($id: ID!) {
    contract(id: $id) {
      id
      number
      status
      endsOn
      continuedFrom
      area {
        id
        name
      }
      terms {
        ...ContractTermsFields
      }
      filings {
        id
        kind
        status
        currentVersion
        terms {
          ...ContractTermsFields
        }
        versions {
          version
          returnReasons {
            field
            reason
          }
          documents {
            name
            type
            sizeBytes
            sha256
          }
        }
      }
    }
  }
`);

const RUN_BILLING = graphql(`
  mutation RunBilling($areaId: ID!, $month: Key!) {
    runBilling(areaId: $areaId, month: $month) {
      id
      month
      households
      newlyBilled
      unbilledHouseholds
      chargedFen
      dueOn
      servedDays
      monthDays
      overbilledHouseholds
      billedByAnotherCompany
    }
  }
`);

const LEVIES = graphql(`
  query Levies {
    levies {
      id
      title
      basis
      dueOn
      households
      paidHouseholds
      byHouseholds {
        percent
      }
      buildings {
        buildingId
        households
        paidHouseholds
        quota
        activated
      }
    }
  }
`);

const CONTRACT_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交备案',
  RETURNED: '退回补正',
  ACCEPTED: '已备案',
  TERMINATED: '已终止',
  SUPERSEDED: '已变更',
  DISCARDED: '已作废',
};

/** A contract continuing after its term (Civil Code art. 948): its unfixed term's first day. */
const continuedZh = (continuedFrom: string) => `不定期服务自 ${dateZh(continuedFrom)} 起`;

/** 合同与账单: the company's contracts with their filings, a billing run per area and month, and levies' progress. */
export function ContractsScreen() {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | undefined>();
  const [drafting, setDrafting] = useState(false);
  const [{ data, fetching, error }, reload] = useQuery({
    query: CONTRACTS,
    variables: { ...pageWindow(page) },
  });
  const contracts = data?.contracts;
  const refresh = () => reload({ requestPolicy: 'network-only' });
  // The areas a company may draft for: those it serves (the areas subgraph grants it those of its filed contracts).
  const areas = [...new Map((contracts?.items ?? []).map((c) => [c.area.id, c.area])).values()];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>合同与账单</Typography.Title>
      <Space>
        <Button type="primary" onClick={() => setDrafting(true)}>
          起草合同
        </Button>
      </Space>
      <ApiErrors error={error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={contracts?.items ?? []}
        pagination={serverPages(page, setPage, contracts?.totalCount ?? 0)}
        columns={[
          { title: '合同编号', dataIndex: 'number' },
          { title: '物业管理区域', render: (_, c) => c.area.name },
          { title: '状态', dataIndex: 'status', render: (s: string) => CONTRACT_STATUS[s] ?? s },
          {
            title: '期限',
            render: (_, c) =>
              `${dateZh(c.startsOn)} 至 ${dateZh(c.endsOn)}` +
              (c.continuedFrom ? `；${continuedZh(c.continuedFrom)}` : ''),
          },
          {
            title: '备案',
            render: (_, c) =>
              c.filings.map((f) => (
                <Tag key={f.id}>
                  {label(FILING_STATUS, f.status)}
                  {f.recordNumber ? ` ${f.recordNumber}` : ''}
                  {f.late ? '（逾期）' : ''}
                </Tag>
              )),
          },
          {
            title: '办理',
            render: (_, c) => (
              <Button onClick={() => setOpen(c.id)} aria-label={`办理 ${c.number}`}>
                办理
              </Button>
            ),
          },
          {
            title: '开账',
            render: (_, c) =>
              c.filings.some((f) => f.status === 'ACCEPTED') ? (
                <BillingRun areaId={c.area.id} areaName={c.area.name} />
              ) : null,
          },
        ]}
      />
      <Levies />
      {drafting && (
        <Drawer open width={980} title="起草合同" onClose={() => setDrafting(false)}>
          <DraftContractForm
            areas={areas}
            onDrafted={(id) => {
              setDrafting(false);
              refresh();
              setOpen(id);
            }}
          />
        </Drawer>
      )}
      {open && (
        <Drawer open width={980} title="办理合同" onClose={() => setOpen(undefined)}>
          <ContractActions contractId={open} onChanged={refresh} />
        </Drawer>
      )}
    </Space>
  );
}

/**
 * What the company does with one contract, by its state: a draft gets its documents uploaded and is filed; a
 * contract in force is amended (with the amendment's documents) or terminated; a returned filing is corrected and
 * filed again.
 */
export function ContractActions({ contractId, onChanged }: { contractId: string; onChanged: () => void }) {
  const [{ data, error }, reload] = useQuery({ query: CONTRACT, variables: { id: contractId } });
  const documents = useContractDocuments(contractId);
  const contract = data?.contract;
  const changed = () => {
    reload({ requestPolicy: 'network-only' });
    documents.reload();
    onChanged();
  };
  if (!contract) return <ApiErrors error={error} />;
  const materials = {
    key: 'documents',
    label: '材料',
    children: (
      <Space direction="vertical" style={{ width: '100%' }}>
        <DocumentList documents={documents.documents} />
        <ApiErrors error={documents.error} />
        <DocumentUpload contractId={contractId} onUploaded={documents.reload} />
      </Space>
    ),
  };
  // A returned filing (the first filing, or an amendment's while the contract stays in force) is corrected and
  // filed again from its returned version, the current one.
  const resubmissions = contract.filings
    .filter((f) => f.status === 'RETURNED')
    .map((f) => {
      const returned = f.versions.find((v) => v.version === f.currentVersion);
      return {
        key: `resubmit-${f.id}`,
        label: `重新提交（${label(FILING_KIND, f.kind)}）`,
        children: (
          <ResubmitFilingForm
            contractId={contractId}
            filing={{
              id: f.id,
              terms: f.terms,
              returnReasons: returned?.returnReasons ?? [],
              documents: returned?.documents ?? [],
            }}
            pending={documents.pending}
            onUploaded={documents.reload}
            onResubmitted={changed}
          />
        ),
      };
    });
  const byState =
    contract.status === 'DRAFT'
      ? [
          materials,
          {
            key: 'submit',
            label: '提交备案',
            children: <SubmitFiling contractId={contractId} documents={documents.pending} onSubmitted={changed} />,
          },
          { key: 'discard', label: '作废', children: <DiscardDraft contractId={contractId} onDiscarded={changed} /> },
        ]
      : contract.status === 'ACCEPTED'
        ? [
            materials,
            {
              key: 'amend',
              label: '变更',
              children: (
                <AmendContractForm
                  contractId={contractId}
                  terms={contract.terms}
                  documents={documents.pending}
                  onAmended={changed}
                />
              ),
            },
            {
              key: 'terminate',
              label: '终止',
              children: <TerminateContractForm contractId={contractId} onTerminated={changed} />,
            },
            // Once recorded, the contract shows its unfixed term instead (below its number).
            ...(contract.continuedFrom
              ? []
              : [
                  {
                    key: 'continue',
                    label: '期满后继续服务',
                    children: (
                      <RecordContinuedService contractId={contractId} endsOn={contract.endsOn} onRecorded={changed} />
                    ),
                  },
                ]),
          ]
        : [materials];
  const tabs = [...byState, ...resubmissions];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>
        {contract.number}（{contract.area.name}，{CONTRACT_STATUS[contract.status] ?? contract.status}）
      </Typography.Text>
      {contract.continuedFrom && (
        <Typography.Text>
          {continuedZh(contract.continuedFrom)}（期满后继续提供服务，民法典第九百四十八条；终止须提前六十日书面通知）
        </Typography.Text>
      )}
      <Tabs items={tabs} />
    </Space>
  );
}

interface Month {
  format(f: string): string;
}

/** One month's bill for an area: the run is shown in progress until the hub answers, then its figures. */
function BillingRun({ areaId, areaName }: { areaId: string; areaName: string }) {
  const [month, setMonth] = useState<Month | null>(null);
  const [result, run] = useMutation(RUN_BILLING);
  const done = result.data?.runBilling;
  return (
    <Space direction="vertical" size={4}>
      <Space>
        <DatePicker
          picker="month"
          aria-label={`开账月份 ${areaName}`}
          value={month as never}
          onChange={(m) => setMonth(m as Month | null)}
        />
        <Button
          disabled={!month || result.fetching}
          onClick={() =>
            month &&
            void run({ areaId, month: month.format('YYYY-MM') }).then((r) => {
              if (!r.error) void message.success(`${monthZh(r.data!.runBilling.month)}已开账`);
            })
          }
        >
          开账
        </Button>
      </Space>
      {result.fetching && <Progress percent={100} status="active" showInfo={false} aria-label="开账进行中" />}
      {done && (
        <Typography.Text>
          {monthZh(done.month)}：本次开账 {done.newlyBilled} 户，累计 {done.households} 户，金额 {yuan(done.chargedFen)}
          {done.servedDays < done.monthDays ? `（本月服务 ${done.servedDays}/${done.monthDays} 天，按日计费）` : ''}，
          缴费期限 {dateZh(done.dueOn)}
          {done.unbilledHouseholds > 0 ? `；${done.unbilledHouseholds} 户缺少收费标准未开账` : ''}
          {done.billedByAnotherCompany > 0
            ? `；${done.billedByAnotherCompany} 户本月已由其他物业服务人开账，待其按服务天数更正后再开账`
            : ''}
          {done.overbilledHouseholds > 0
            ? `；${done.overbilledHouseholds} 户本月开账天数多于合同服务天数，可按服务天数更正`
            : ''}
        </Typography.Text>
      )}
      <ApiErrors error={result.error} />
    </Space>
  );
}

/** 专项收费: each levy's collection, building by building against the quota that starts the works. */
function Levies() {
  const [{ data, error }] = useQuery({ query: LEVIES });
  const levies = data?.levies ?? [];
  if (levies.length === 0 && !error) return null;
  return (
    <>
      <Typography.Title level={4}>专项收费进度</Typography.Title>
      <ApiErrors error={error} />
      {levies.map((levy) => (
        <Space key={levy.id} direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {levy.title}（{levy.basis === 'VOLUNTARY' ? '自愿缴纳' : '业主共同决定'}，截止 {dateZh(levy.dueOn)}）：已缴{' '}
            {levy.paidHouseholds}/{levy.households} 户
          </Typography.Text>
          {levy.buildings.map((b) => (
            <div key={b.buildingId}>
              <Typography.Text>
                楼栋 {b.buildingId.slice(0, 8)}：{b.paidHouseholds}/{b.quota} 户达到启动条件
                {b.activated ? '（已启动）' : ''}
              </Typography.Text>
              <Progress
                percent={Math.min(100, Math.round((100 * b.paidHouseholds) / Math.max(1, b.quota)))}
                status={b.activated ? 'success' : 'active'}
                aria-label={`楼栋 ${b.buildingId.slice(0, 8)} 缴费进度`}
              />
            </div>
          ))}
        </Space>
      ))}
    </>
  );
}
