import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Loaded by chart.tsx when a chart is first drawn (its own chunk): a page without a chart does not evaluate ECharts.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  type: 'bar' | 'line';
  data: (number | null)[];
}

/** Draws the chart into `element` (SVG) and keeps it sized to it; returns its disposal. */
export function drawChart(
  element: HTMLElement,
  { categories, series, unit }: { categories: string[]; series: ChartSeries[]; unit?: string },
): () => void {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
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
}
