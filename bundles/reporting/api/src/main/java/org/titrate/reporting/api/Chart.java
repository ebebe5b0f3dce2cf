package org.titrate.reporting.api;

import java.util.List;

/**
 * What an ECharts option takes directly: {@code xAxis: {type: 'category', data: categories}} and
 * {@code series}, each {@code {name, type, data}} with one value per category.
 */
public record Chart(List<String> categories, List<ChartSeries> series) {
}
