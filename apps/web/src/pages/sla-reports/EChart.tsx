import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

/**
 * One ECharts chart. ECharts is loaded by dynamic import the first time a chart mounts, so it is a
 * chunk of its own that only the chart pages fetch (only the bar and line charts and the components
 * they use are registered).
 */

type EChartsOption = Record<string, unknown>;
interface ChartInstance {
  setOption(option: EChartsOption, opts?: { notMerge?: boolean }): void;
  resize(): void;
  dispose(): void;
}

let loading: Promise<(el: HTMLElement) => ChartInstance> | null = null;

function loadECharts() {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      renderers.CanvasRenderer,
    ]);
    return (el: HTMLElement) => core.init(el) as unknown as ChartInstance;
  });
  return loading;
}

export function EChart({ option, height = 320, testId }: { option: EChartsOption; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then((init) => {
      if (disposed || !el.current) return;
      chart.current = init(el.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <Spin spinning={!ready}>
      <div ref={el} style={{ width: '100%', height }} data-testid={testId} />
    </Spin>
  );
}
