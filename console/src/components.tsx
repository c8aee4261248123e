import { Alert, Space, Table, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { ShownError, shownErrors } from './api-errors';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

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
      rowKey={(l) => `${l.line}-${l.field}`}
      dataSource={lines}
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

export interface ChartSeries {
  name: string;
  type: 'bar' | 'line';
  data: (number | null)[];
}

/** A bar or line chart (ECharts, SVG) with a text alternative for screen readers. */
export function Chart({
  title,
  categories,
  series,
  unit,
}: {
  title: string;
  categories: string[];
  series: ChartSeries[];
  unit?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', name: unit },
      series,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, unit]);
  const summary = series
    .map((s) => `${s.name}：${categories.map((c, i) => `${c} ${s.data[i] ?? '—'}${unit ?? ''}`).join('，')}`)
    .join('；');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Typography.Title level={5}>{title}</Typography.Title>
      </figcaption>
      <div ref={element} role="img" aria-label={`${title}。${summary}`} style={{ width: '100%', height: 280 }} />
    </figure>
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
