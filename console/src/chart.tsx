import { Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { ChartSeries } from './chart-echarts';

export type { ChartSeries };

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
  // ECharts (a third of the bundle) is its own chunk, loaded with the first chart drawn: the text alternative below is
  // there at once, the drawing follows.
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let unmounted = false;
    void import('./chart-echarts').then(({ drawChart }) => {
      if (!unmounted && element.current) dispose = drawChart(element.current, { categories, series, unit });
    });
    return () => {
      unmounted = true;
      dispose?.();
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
