export {
  buildReport,
  buildResourceReport,
  buildSeriesReport,
  buildVariantReport,
  conservationWarning,
  latencyPercentiles,
  type ReportInput,
  type VariantInput,
} from './buildReport';
export { decimalString, groupThousands } from './decimalString';
export { formatCount, formatMs, formatPercentChange, formatQuantity, formatUnitPriceUsd, formatUsd } from './format';
export { LatencyHistogram, type SignificantDigits } from './LatencyHistogram';
export {
  type LatencyPercentiles,
  type LineItem,
  type FaultReport,
  type Report,
  type RequestTotals,
  type ResourceReport,
  SCHEMA_VERSION,
  type SeriesReport,
  type VariantReport,
} from './model';
export { lineItem, roundUsd, sumCosts, USD_RESOLUTION } from './money';
export { canonicalReport } from './writers/canonicalReport';
export { CSV_COST_COLUMNS, CSV_SERIES_COLUMNS, type CsvOptions, csvField, toCsv } from './writers/toCsv';
export { toJson } from './writers/toJson';
export { colorWanted, type TableOptions, toTable } from './writers/toTable';
