import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CSV_MAX_BYTES } from './csv-import';
import { CompoundImport } from './screens/compound-import';
import { Answer, Call } from './test-client';
import { renderAnswering } from './test-render';

const compounds = [{ id: '00000000-0000-4000-8000-000000000030', name: '红居南街6号院' }];
const HEADER = 'building,building_class,floors,elevators,unit,room,floor_area_m2,owner_reference,owner_name';

function renderImport(answer: (call: Call) => Answer, calls: Call[]) {
  renderAnswering(<CompoundImport compounds={compounds} />, answer, calls);
}

async function choose(csv: string, name = 'households.csv') {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: '导入小区' }));
  fireEvent.click(await screen.findByText('红居南街6号院'));
  const file = new File([csv], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('CSV 文件'), { target: { files: [file] } });
}

describe('批量导入 (compound CSV)', () => {
  it('asks for the compound and the file, refuses a file too large for one request or not a CSV, and sends nothing', async () => {
    const calls: Call[] = [];
    renderImport(() => ({ data: {} }), calls);
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('请选择小区')).toBeTruthy();
    expect(screen.getByText('请选择 CSV 文件')).toBeTruthy();
    await choose('x'.repeat(CSV_MAX_BYTES + 1));
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('文件超过 900 KB，请用 npm run import:compound 导入')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('CSV 文件'), {
      target: { files: [new File(['a'], 'households.xlsx')] },
    });
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('请选择 .csv 文件')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends the file’s text and shows every bad line the API names; nothing was imported', async () => {
    const calls: Call[] = [];
    renderImport(
      () => ({
        errors: [
          {
            message: 'The file has 2 problem(s); nothing was imported',
            extensions: {
              code: 'BAD_USER_INPUT',
              details: {
                lines: [
                  { line: 2, field: 'floor_area_m2', problem: 'must be a positive number' },
                  { line: 4, field: 'building_class', problem: 'must be LOW_RISE or HIGH_RISE' },
                ],
              },
            },
          },
        ],
      }),
      calls,
    );
    const csv = `${HEADER}\n1号楼,LOW_RISE,6,0,1,101,-3,o-1,张三\n`;
    await choose(csv);
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('The file has 2 problem(s); nothing was imported（BAD_USER_INPUT）')).toBeTruthy();
    expect(screen.getByText('有问题的行（共 2 处）')).toBeTruthy();
    expect(screen.getByRole('row', { name: /2 floor_area_m2 must be a positive number/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /4 building_class must be LOW_RISE or HIGH_RISE/ })).toBeTruthy();
    expect(screen.queryByText(/导入完成/)).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('ImportCompoundCsv');
    expect(calls[0].variables).toMatchObject({ compoundId: compounds[0].id, csv });
    expect(calls[0].variables.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the progress bar complete and what was created', async () => {
    const calls: Call[] = [];
    renderImport(() => ({ data: { importCompoundCsv: { buildingsCreated: 1, householdsCreated: 2 } } }), calls);
    await choose(`${HEADER}\n1号楼,LOW_RISE,6,0,1,101,80.5,o-1,张三\n1号楼,LOW_RISE,6,0,1,102,80.5,o-2,李四\n`);
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('导入完成：新建楼栋 1 栋，住户 2 户')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: '导入进度' }).getAttribute('aria-valuenow')).toBe('100'),
    );
  });
});
