import { Alert, Space, Table, Typography } from 'antd';
import type { CombinedError } from 'urql';
import { ShownError, shownErrors } from './api-errors';

/** Every refusal with the API's message, its code, and the fields it concerns. */
export function ApiErrors({ error }: { error?: CombinedError }) {
  const errors = shownErrors(error);
  if (errors.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {errors.map((e, i) => (
        <Alert
          key={i}
          type="error"
          showIcon
          role="alert"
          message={e.code ? `${e.message}（${e.code}）` : e.message}
          description={
            e.fields.length > 0 || e.lines.length > 0 ? (
              <>
                {e.fields.length > 0 && (
                  <ul>
                    {e.fields.map((f, j) => (
                      <li key={`${f.field}-${j}`}>
                        <Typography.Text code>{f.field}</Typography.Text> {f.message}
                      </li>
                    ))}
                  </ul>
                )}
                {e.lines.length > 0 && <BadLines lines={e.lines} />}
              </>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}

/** Every bad line of an import, in one table (the API's, or the console's own check of a file; nothing was imported). */
export function BadLines({ lines }: { lines: ShownError['lines'] }) {
  return (
    <Table
      size="small"
      // Keyed by position: one line can have two problems in one column (a key too long and repeated).
      dataSource={lines.map((l, key) => ({ ...l, key }))}
      pagination={lines.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      caption={`有问题的行（共 ${lines.length} 处）`}
      columns={[
        { title: '行号', dataIndex: 'line' },
        { title: '列', dataIndex: 'field' },
        { title: '问题', dataIndex: 'problem' },
      ]}
    />
  );
}

/** Lists the API pages for the console: 20 rows a page, asked for by offset. */
export const SERVER_PAGE_SIZE = 20;

/** The API's `offset` and `first` for page `page` (from 1). */
export const pageWindow = (page: number) => ({ offset: (page - 1) * SERVER_PAGE_SIZE, first: SERVER_PAGE_SIZE });

/** Ant Design's pagination for a list the API pages: the current page, the total it reports, no size changer. */
export const serverPages = (page: number, onChange: (page: number) => void, total: number) => ({
  current: page,
  pageSize: SERVER_PAGE_SIZE,
  total,
  onChange,
  showSizeChanger: false,
});
