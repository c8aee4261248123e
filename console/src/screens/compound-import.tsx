import { Button, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ApiErrors } from '../components';
import { CsvFileItem, ImportProgress, ImportStage, readFile } from '../csv-import';
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
 * 批量导入: a compound's buildings and households from a CSV file, all or nothing. The hub checks every line and
 * refuses the file naming every bad line (shown as a table by ApiErrors); nothing is imported then.
 */
export function CompoundImport({ compounds }: { compounds: { id: string; name: string }[] }) {
  const [form] = Form.useForm<{ compoundId?: string; file?: File }>();
  const [stage, setStage] = useState<ImportStage>({ step: 'idle' });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, run] = useMutation(IMPORT);
  const done = stage.step === 'done' ? result.data?.importCompoundCsv : undefined;

  const submit = async ({ compoundId, file }: { compoundId?: string; file?: File }) => {
    if (!compoundId || !file) return;
    const csv = await readFile(file, setStage);
    if (csv === undefined) return;
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
        <CsvFileItem tooLarge="文件超过 900 KB，请用 npm run import:compound 导入" />
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={stage.step === 'reading' || stage.step === 'sending'}>
            导入
          </Button>
        </Form.Item>
      </Form>
      <ImportProgress stage={stage} />
      {done && (
        <Typography.Text role="status">
          导入完成：新建楼栋 {done.buildingsCreated} 栋，住户 {done.householdsCreated} 户
        </Typography.Text>
      )}
      <ApiErrors error={result.error} />
    </section>
  );
}
