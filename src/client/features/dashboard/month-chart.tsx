// Sessions and participant-turns by month as two column charts, each on its own scale (a dozen sessions
// and a thousand turns share no axis honestly): side by side on a desktop, stacked on a phone. Every
// column carries its figure, written across or, where columns are narrow, up the column.
import { useId } from 'react';
import { useElementWidth } from './use-element-width';

export interface MonthPoint {
  month: string;
  /** A short label under the column: "thg 3", or "3" where columns are narrow. */
  shortLabel: string;
  narrowLabel: string;
  value: number;
}

export interface MonthSeries {
  key: string;
  name: string;
  tone: 'primary' | 'secondary';
  points: readonly MonthPoint[];
}

export interface MonthChartProps {
  series: readonly MonthSeries[];
  formatValue: (value: number) => string;
  titleId: string;
  descriptionId: string;
}

const sideBySideFrom = 720;

export function MonthChart({ series, formatValue, titleId, descriptionId }: MonthChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const panelWidth = width >= sideBySideFrom ? Math.floor((width - 24) / 2) : width;
  return (
    <div className="month-chart" ref={ref}>
      {series.map((s) => (
        <ColumnPanel
          key={s.key}
          series={s}
          width={panelWidth}
          formatValue={formatValue}
          titleId={titleId}
          descriptionId={descriptionId}
        />
      ))}
    </div>
  );
}

interface PanelProps extends Omit<MonthChartProps, 'series'> {
  series: MonthSeries;
  width: number;
}

const plotHeight = 150;
const labelBand = 24;
const glyph = 7.2;

function ColumnPanel({ series, width, formatValue, titleId, descriptionId }: PanelProps) {
  const nameId = useId();
  const points = series.points;
  const slot = width / Math.max(1, points.length);
  const barWidth = Math.max(6, Math.min(40, slot * 0.62));
  const longest = Math.max(...points.map((p) => formatValue(p.value).length));
  const across = slot >= longest * glyph + 6;
  const valueBand = across ? 22 : longest * glyph + 10;
  const wideLabels = points.every((p) => p.shortLabel.length * glyph + 4 <= slot);
  const height = valueBand + plotHeight + labelBand;
  const max = Math.max(1, ...points.map((p) => p.value));
  const baseline = valueBand + plotHeight;

  return (
    <div className="month-chart__panel">
      <p className="month-chart__name" id={nameId}>
        <span className={`chart__swatch chart__swatch--${series.tone}`} aria-hidden="true" />
        {series.name}
      </p>
      <svg
        className={`chart__svg chart__svg--${series.tone}`}
        role="img"
        aria-labelledby={`${nameId} ${titleId}`}
        aria-describedby={descriptionId}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        {points.map((point, index) => {
          const centre = slot * index + slot / 2;
          const barHeight = point.value > 0 ? Math.max(2, (point.value / max) * plotHeight) : 0;
          const top = baseline - barHeight;
          const value = formatValue(point.value);
          return (
            <g key={point.month}>
              <title>{`${point.shortLabel}: ${value}`}</title>
              <rect
                className="chart__bar"
                x={centre - barWidth / 2}
                y={top}
                width={barWidth}
                height={barHeight}
                rx={2}
              />
              {across ? (
                <text className="chart__value" x={centre} y={top - 6} textAnchor="middle" fontSize={13}>
                  {value}
                </text>
              ) : (
                <text
                  className="chart__value"
                  transform={`translate(${centre + 4} ${top - 5}) rotate(-90)`}
                  textAnchor="start"
                  fontSize={13}
                >
                  {value}
                </text>
              )}
              <text className="chart__label" x={centre} y={baseline + 17} textAnchor="middle" fontSize={12}>
                {wideLabels ? point.shortLabel : point.narrowLabel}
              </text>
            </g>
          );
        })}
        <line className="chart__axis" x1={0} x2={width} y1={baseline + 0.5} y2={baseline + 0.5} />
      </svg>
    </div>
  );
}
