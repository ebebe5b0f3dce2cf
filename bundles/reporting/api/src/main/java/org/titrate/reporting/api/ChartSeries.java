package org.titrate.reporting.api;

import java.math.BigDecimal;
import java.util.List;

/** One ECharts series: {@code type} is {@code bar}, {@code line} or {@code pie}. */
public record ChartSeries(String name, String type, List<BigDecimal> data) {
}
