import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ApiErrors, pageWindow, serverPages } from '../components';
import { dateZh } from '../format';
import { graphql } from '../gql';
import type { FilingStatus } from '../gql/graphql';
import { FILING_KIND, FILING_STATUS, label } from '../labels';

const QUEUE = graphql(`
  query FilingReviewQueue($offset: Int!, $first: Int!, $filter: FilingReviewQueueFilter) {
    filingReviewQueue(offset: $offset, first: $first, filter: $filter) {
      totalCount
      counts {
        status
        count
        late
      }
      items {
        id
        companyId
        kind
        status
        currentVersion
        submittedOn
        deadline
        late
        daysLate
        recordNumber
        area {
          name
        }
      }
    }
  }
`);

const ACCEPT = graphql(`
  mutation AcceptFiling($filingId: ID!, $version: Int!) {
    acceptFiling(filingId: $filingId, version: $version) {
      id
      status
      recordNumber
    }
  }
`);

const RETURN = graphql(`
  mutation ReturnFiling($filingId: ID!, $version: Int!, $reasons: [ReturnReasonInput!]!) {
    returnFiling(filingId: $filingId, version: $version, reasons: $reasons) {
      id
      status
    }
  }
`);

interface Reviewed {
  id: string;
  currentVersion: number;
  area: { name: string };
}

/** 备案审核: the filings waiting for this bureau, filtered, accepted or returned with a reason per field. */
export function FilingReviewScreen() {
  const [page, setPage] = useState(1);
  const [statuses, setStatuses] = useState<FilingStatus[]>(['SUBMITTED']);
  const [late, setLate] = useState<boolean | undefined>(undefined);
  const [returning, setReturning] = useState<Reviewed | undefined>();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: QUEUE,
    variables: { ...pageWindow(page), filter: { statuses, late } },
  });
  const [accepted, accept] = useMutation(ACCEPT);
  const queue = data?.filingReviewQueue;

  const onAccept = async (filing: Reviewed) => {
    const result = await accept({ filingId: filing.id, version: filing.currentVersion });
    if (!result.error) {
      void message.success(`已备案：${result.data?.acceptFiling.recordNumber ?? ''}`);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>备案审核</Typography.Title>
      <Space wrap>
        <label>
          状态{' '}
          <Select
            aria-label="状态"
            mode="multiple"
            style={{ minWidth: 220 }}
            value={statuses}
            onChange={(v) => {
              setStatuses(v);
              setPage(1);
            }}
            options={Object.entries(FILING_STATUS).map(([value, text]) => ({ value, label: text }))}
          />
        </label>
        <label>
          是否逾期{' '}
          <Select
            aria-label="是否逾期"
            style={{ width: 120 }}
            allowClear
            value={late === undefined ? undefined : late ? 'yes' : 'no'}
            onChange={(v?: string) => {
              setLate(v === undefined ? undefined : v === 'yes');
              setPage(1);
            }}
            options={[
              { value: 'yes', label: '逾期备案' },
              { value: 'no', label: '按期备案' },
            ]}
          />
        </label>
        {queue?.counts.map((c) => (
          <Tag key={c.status}>
            {label(FILING_STATUS, c.status)} {c.count}（逾期 {c.late}）
          </Tag>
        ))}
      </Space>
      <ApiErrors error={error ?? accepted.error} />
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={queue?.items ?? []}
        pagination={serverPages(page, setPage, queue?.totalCount ?? 0)}
        columns={[
          { title: '物业管理区域', dataIndex: ['area', 'name'] },
          { title: '物业服务企业', dataIndex: 'companyId' },
          { title: '类型', dataIndex: 'kind', render: (v: string) => label(FILING_KIND, v) },
          { title: '提交日期', dataIndex: 'submittedOn', render: dateZh },
          { title: '备案期限', dataIndex: 'deadline', render: dateZh },
          {
            title: '逾期',
            render: (_, f) => (f.late ? <Tag color="red">逾期 {f.daysLate} 天</Tag> : <Tag>按期</Tag>),
          },
          { title: '状态', dataIndex: 'status', render: (v: string) => label(FILING_STATUS, v) },
          { title: '备案编号', dataIndex: 'recordNumber', render: (v?: string) => v ?? '—' },
          {
            title: '操作',
            render: (_, f) =>
              f.status === 'SUBMITTED' ? (
                <Space>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => void onAccept(f)}
                    // One acceptance in flight: a double click sent two, and the second's refusal stayed on screen
                    // above a filing that was accepted.
                    disabled={accepted.fetching}
                    aria-label={`受理备案 ${f.area.name}`}
                  >
                    受理备案
                  </Button>
                  <Button size="small" onClick={() => setReturning(f)} aria-label={`退回补正 ${f.area.name}`}>
                    退回补正
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {returning && (
        <ReturnDialog
          filing={returning}
          onClose={(done) => {
            setReturning(undefined);
            if (done) refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Space>
  );
}

/** 退回补正: one reason per field of the terms or document concerned; the API's refusals are shown per field. */
export function ReturnDialog({ filing, onClose }: { filing: Reviewed; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ reasons: { field: string; reason: string }[] }>();
  const [result, send] = useMutation(RETURN);
  const submit = async () => {
    // The form shows what is missing beside each field; nothing is sent until it is complete.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const r = await send({ filingId: filing.id, version: filing.currentVersion, reasons: values.reasons });
    if (!r.error) {
      void message.success('已退回');
      onClose(true);
    }
  };
  return (
    <Modal
      open
      title={`退回补正：${filing.area.name}`}
      okText="退回"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      confirmLoading={result.fetching}
    >
      <ApiErrors error={result.error} />
      <Form form={form} layout="vertical" initialValues={{ reasons: [{ field: '', reason: '' }] }}>
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'field']}
                    label={`字段 ${i + 1}`}
                    rules={[{ required: true, message: '请填写所涉字段或材料' }, { max: 128 }]}
                  >
                    <Input placeholder="如 feeSchedule.classes[0]" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'reason']}
                    label={`退回理由 ${i + 1}`}
                    rules={[{ required: true, message: '请填写退回理由' }, { max: 2000 }]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button onClick={() => remove(f.name)} aria-label={`删除第 ${i + 1} 条理由`}>
                      删除
                    </Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({ field: '', reason: '' })}>增加一条理由</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
