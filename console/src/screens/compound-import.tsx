import { Button, Form, Progress, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ApiErrors } from '../components';
import { graphql } from '../gql';

const IMPORT = graphql(`
  mutation ImportCompoundCsv($compoundId: ID!, $csv: CsvText!, $idempotencyKey: Key) {
    importCompoundCsv(compoundId: $compoundId, csv: $csv, idempotencyKey: $idempotencyKey) {
      buildingsCreated
      householdsCreated
    }
  }
`);

/**
 * What one request may carry: the gateway's default body limit is 1 MiB, and the file travels as JSON text. Larger
 * files go through `npm run import:compound`, which the message names.
 */
export const CSV_MAX_BYTES = 900 * 1024;

type Stage = { step: 'idle' } | { step: 'reading'; percent: number } | { step: 'sending' } | { step: 'done' };

/** Reads the file as text, reporting how much of it is read. */
function readText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsText(file, 'utf-8');
  });
}

/** The import's stages on one bar: the file read (0–50), sent and checked by the hub (50–99), imported (100). */
const percentOf = (stage: Stage) =>
  stage.step === 'reading'
    ? Math.round(stage.percent / 2)
    : stage.step === 'sending'
      ? 75
      : stage.step === 'done'
        ? 100
        : 0;

/**
 * 批量导入: a compound's buildings and households from a CSV file, all or nothing. The hub checks every line and
 * refuses the file naming every bad line (shown as a table by ApiErrors); nothing is imported then.
 */
export function CompoundImport({ compounds }: { compounds: { id: string; name: string }[] }) {
  const [form] = Form.useForm<{ compoundId?: string; file?: File }>();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, run] = useMutation(IMPORT);
  const done = stage.step === 'done' ? result.data?.importCompoundCsv : undefined;

  const submit = async ({ compoundId, file }: { compoundId?: string; file?: File }) => {
    if (!compoundId || !file) return;
    setStage({ step: 'reading', percent: 0 });
    const csv = await readText(file, (percent) => setStage({ step: 'reading', percent }));
    setStage({ step: 'sending' });
    const answer = await run({ compoundId, csv, idempotencyKey: key });
    setStage(answer.error ? { step: 'idle' } : { step: 'done' });
  };

  return (
    <section aria-labelledby="compound-import-title">
      <Typography.Title level={4} id="compound-import-title">
        批量导入楼栋与住户（CSV）
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        列：building, building_class, floors, elevators, unit, room, floor_area_m2, owner_reference,
        owner_name（可选业主身份列）。全部通过才导入；有问题的行逐一列出，不导入任何一行。大于 900 KB 的文件请用命令 npm
        run import:compound。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => {
          setKey(crypto.randomUUID());
          setStage({ step: 'idle' });
        }}
      >
        <Form.Item label="导入小区" name="compoundId" rules={[{ required: true, message: '请选择小区' }]}>
          <Select
            style={{ minWidth: 220 }}
            options={compounds.map((c) => ({ value: c.id, label: c.name }))}
            aria-label="导入小区"
          />
        </Form.Item>
        <Form.Item
          label="CSV 文件"
          name="file"
          valuePropName="file"
          getValueFromEvent={(e: { target: HTMLInputElement }) => e.target.files?.[0]}
          rules={[
            { required: true, message: '请选择 CSV 文件' },
            {
              validator: (_, file?: File) =>
                !file || file.size <= CSV_MAX_BYTES
                  ? Promise.resolve()
                  : Promise.reject(new Error('文件超过 900 KB，请用 npm run import:compound 导入')),
            },
            {
              validator: (_, file?: File) =>
                !file || /\.csv$/i.test(file.name) ? Promise.resolve() : Promise.reject(new Error('请选择 .csv 文件')),
            },
          ]}
        >
          <input type="file" accept=".csv,text/csv" aria-label="CSV 文件" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={stage.step === 'reading' || stage.step === 'sending'}>
            导入
          </Button>
        </Form.Item>
      </Form>
      {stage.step !== 'idle' && (
        <Progress
          percent={percentOf(stage)}
          status={stage.step === 'done' ? 'success' : 'active'}
          aria-label="导入进度"
          format={(p) => (stage.step === 'reading' ? `读取 ${p}%` : stage.step === 'sending' ? '校验并导入中' : '完成')}
        />
      )}
      {done && (
        <Typography.Text role="status">
          导入完成：新建楼栋 {done.buildingsCreated} 栋，住户 {done.householdsCreated} 户
        </Typography.Text>
      )}
      <ApiErrors error={result.error} />
    </section>
  );
}
