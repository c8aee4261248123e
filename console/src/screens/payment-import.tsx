import { Alert, Button, Form, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { CombinedError, useMutation } from 'urql';
import { ApiErrors, BadLines } from '../components';
import { CsvFileItem, ImportProgress, ImportStage, readFile } from '../csv-import';
import { dateZh, instantDateZh, yuan } from '../format';
import { graphql } from '../gql';
import { BadLine, COLUMN_OF_FIELD, MAX_PAYMENTS, PAYMENT_COLUMNS, parsePaymentsCsv } from '../payment-csv';

const IMPORT = graphql(`
  mutation ImportPayments($payments: [PaymentInput!]!) {
    importPayments(payments: $payments) {
      paymentId
      receiptNumber
      accountId
      amountFen
      creditFen
      paidOn
      paidInto
      recordedAt
      reversedOn
      replayed
    }
  }
`);

/**
 * The hub's refusal of one payment of the batch (`details.index`, with the fields it names) as lines of the file:
 * the clerk sees the line and column they wrote, beside the API's message shown by ApiErrors.
 */
export function refusedLines(error: CombinedError | undefined, lines: number[]): BadLine[] {
  return (error?.graphQLErrors ?? []).flatMap((e) => {
    const details = (e.extensions?.details ?? {}) as { index?: unknown; fields?: unknown };
    if (typeof details.index !== 'number' || lines[details.index] === undefined) return [];
    const line = lines[details.index];
    const fields =
      details.fields && typeof details.fields === 'object' && !Array.isArray(details.fields)
        ? Object.entries(details.fields as Record<string, unknown>)
        : [];
    return fields.length > 0
      ? fields.map(([field, problem]) => ({ line, field: COLUMN_OF_FIELD[field] ?? field, problem: String(problem) }))
      : [{ line, field: '', problem: e.message }];
  });
}

/**
 * 收款导入: a bank's or payment platform's statement as CSV, recorded all or nothing through `importPayments`. The
 * console checks every line first and lists every bad one (nothing is sent then); the hub's refusal names the line
 * it concerns; a file imported again returns the same receipts (each line's idempotency key is kept or made from it).
 */
export function PaymentImportScreen() {
  const [form] = Form.useForm<{ file?: File }>();
  const [stage, setStage] = useState<ImportStage>({ step: 'idle' });
  const [bad, setBad] = useState<BadLine[]>([]);
  const [lines, setLines] = useState<number[]>([]);
  const [result, run] = useMutation(IMPORT);
  const receipts = stage.step === 'done' ? (result.data?.importPayments ?? []) : [];
  const refused = refusedLines(result.error, lines);
  // A line an earlier import had recorded returns its receipt, marked: before, a second identical cash payment of a
  // later file was counted in "imported" and never recorded (a console audit, 2026-12-06).
  const recorded = receipts.filter((r) => !r.replayed);
  const replayed = receipts.filter((r) => r.replayed);

  const submit = async ({ file }: { file?: File }) => {
    if (!file) return;
    setBad([]);
    const text = await readFile(file, setStage);
    if (text === undefined) return;
    const parsed = await parsePaymentsCsv(text);
    if (parsed.bad.length > 0) {
      setBad(parsed.bad);
      setStage({ step: 'idle' });
      return;
    }
    setLines(parsed.lines);
    setStage({ step: 'sending' });
    const answer = await run({ payments: parsed.payments });
    setStage(answer.error ? { step: 'idle' } : { step: 'done' });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>收款导入</Typography.Title>
      <Typography.Paragraph type="secondary">
        银行或支付平台的收款明细（CSV）。必填列：{PAYMENT_COLUMNS.join(', ')}（金额以元计，日期如 2026-12-01，方式如
        BANK_TRANSFER 或 银行转账）；可选列：payer_reference, purpose（SERVICE_FEE 或 LEVY）, levy_id,
        idempotency_key。每个文件最多 {MAX_PAYMENTS}{' '}
        笔，全部通过才记录；有问题的行逐一列出，不记录任何一笔。同一文件再次导入，
        已记录的收款返回原收据，不会重复记账。账户编号见“欠费管理”的对账单。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => {
          setStage({ step: 'idle' });
          setBad([]);
        }}
      >
        <CsvFileItem tooLarge={`文件超过 900 KB，请拆分（每个文件最多 ${MAX_PAYMENTS} 笔）`} />
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={stage.step === 'reading' || stage.step === 'sending'}>
            导入收款
          </Button>
        </Form.Item>
      </Form>
      <ImportProgress stage={stage} />
      {bad.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message="文件未通过检查，未记录任何收款。"
          description={<BadLines lines={bad} />}
        />
      )}
      <ApiErrors error={result.error} />
      {refused.length > 0 && <BadLines lines={refused} />}
      {stage.step === 'done' && (
        <>
          <Typography.Text role="status">
            导入完成：新记录 {recorded.length} 笔，合计 {yuan(recorded.reduce((s, r) => s + r.amountFen, 0))}
            {replayed.length > 0 ? `；${replayed.length} 笔此前已记录，未重复记账` : ''}
          </Typography.Text>
          {replayed.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={`${replayed.length} 笔与此前导入的收款相同，返回的是原收据`}
              description="如为同一文件再次导入（例如上次导入未收到结果），无需处理。同一账户、金额、日期、方式的收款若确为另一笔，请在该行填写 payer_reference（银行流水号）或 idempotency_key 后重新导入。"
            />
          )}
          <Table
            rowKey="paymentId"
            size="small"
            dataSource={receipts}
            pagination={receipts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: '收据号', dataIndex: 'receiptNumber' },
              {
                title: '状态',
                render: (_, r) =>
                  `${r.replayed ? `此前已记录（${instantDateZh(r.recordedAt)}）` : '新记录'}${
                    r.reversedOn ? `，已于${dateZh(r.reversedOn)}冲正` : ''
                  }`,
              },
              { title: '账户编号', dataIndex: 'accountId' },
              { title: '金额', dataIndex: 'amountFen', render: yuan },
              { title: '转为预收', dataIndex: 'creditFen', render: yuan },
              { title: '缴费日期', dataIndex: 'paidOn', render: dateZh },
              {
                title: '入账',
                dataIndex: 'paidInto',
                render: (v: string) => (v === 'PROPERTY_SERVICE_FEES' ? '物业费账户' : v),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
