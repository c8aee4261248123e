import { Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Apart from components.tsx: only the screens with charts load ECharts (the component tests of the forms do not).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

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
