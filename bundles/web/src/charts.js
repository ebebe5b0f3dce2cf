// Only the chart types the application draws, so the chunk the dashboard and reports fetch stays small.
import * as echarts from 'echarts/core'
import { PieChart, BarChart, LineChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([PieChart, BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

/**
 * Draws a report's chart ({categories, series: [{name, type, data}]}, as the reporting module answers) into el
 * as `type` (pie, bar or line; the report's own type when null), pushes the instance to `into` for disposal and
 * returns how many non-zero values it shows. A pie (and `first`) shows the first series only; `label` turns a
 * series name into the one shown, `category` a category (a channel code, say) into its translated name.
 */
export function draw(el, chart, type, into, { horizontal = false, first = false, label = (x) => x, category = (x) => x } = {}) {
  const categories = (chart?.categories ?? []).map(category)
  let series = (chart?.series ?? []).map((s) => ({ ...s, name: label(s.name), type: type ?? s.type, data: (s.data ?? []).map(Number) }))
  if (first || series[0]?.type === 'pie' || type === 'pie') series = series.slice(0, 1)
  const c = echarts.init(el)
  into?.push(c)
  // data-finished tells a screenshot (and a test) that the chart is drawn to the end of its animation.
  el.dataset.finished = 'false'
  c.on('finished', () => (el.dataset.finished = 'true'))
  const kind = series[0]?.type
  if (kind === 'pie') {
    c.setOption({ tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' }, series: [{ type: 'pie', radius: '62%', label: { formatter: '{b}\n{d}%' }, data: categories.map((name, i) => ({ name, value: series[0].data[i] })) }] })
  } else {
    const cat = { type: 'category', data: horizontal ? categories.slice().reverse() : categories, axisLabel: { width: horizontal ? 130 : 140, overflow: 'truncate', hideOverlap: true } }
    // A second series (quantity beside amount) gets an axis of its own, or the smaller one would vanish.
    const val = series.length > 1 && !horizontal ? [{ type: 'value' }, { type: 'value', splitLine: { show: false } }] : { type: 'value' }
    const ss = series.map((s, i) => ({ ...s, barMaxWidth: 48, yAxisIndex: Array.isArray(val) ? Math.min(i, 1) : undefined, data: horizontal ? s.data.slice().reverse() : s.data }))
    c.setOption({
      tooltip: { trigger: 'axis' },
      legend: ss.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 140 : 70, right: Array.isArray(val) ? 60 : 20, top: ss.length > 1 ? 28 : 12, bottom: 28 },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? cat : val,
      series: ss
    })
  }
  return series.reduce((n, s) => n + s.data.filter((v) => v !== 0 && !Number.isNaN(v)).length, 0)
}

export function resizeAll(list) {
  list.forEach((c) => c.resize())
}
