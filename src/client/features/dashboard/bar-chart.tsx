// A horizontal bar chart in plain SVG: each row's label above its bar and the figure written at the
// bar's end, so nothing is told by colour or length alone. Long labels (topic names) wrap to two lines.
import { useElementWidth } from './use-element-width';

export interface BarRow {
  key: string;
  label: string;
  value: number;
}

export interface BarChartProps {
  rows: readonly BarRow[];
  /** The figure as printed at the bar's end (83.204). */
  formatValue: (value: number) => string;
  titleId: string;
  descriptionId: string;
  /** A CSS class choosing the bar colour. */
  tone?: 'primary' | 'secondary';
}

const labelSize = 14;
const lineHeight = 18;
const barHeight = 22;
const rowGap = 14;
/** Average glyph width of the system font at 14 px, for wrapping without measuring text. */
const glyphWidth = 7.4;

export function BarChart({ rows, formatValue, titleId, descriptionId, tone = 'primary' }: BarChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const max = Math.max(1, ...rows.map((row) => row.value));
  const longestValue = Math.max(...rows.map((row) => formatValue(row.value).length));
  const barSpace = Math.max(40, width - (longestValue * 9 + 12));
  const maxChars = Math.max(12, Math.floor(width / glyphWidth));

  let y = 0;
  const laidOut = rows.map((row) => {
    const lines = wrap(row.label, maxChars);
    const top = y;
    y += lines.length * lineHeight + 4 + barHeight + rowGap;
    return { row, lines, top };
  });
  const height = Math.max(0, y - rowGap);

  return (
    <div className="chart" ref={ref}>
      <svg
        className={`chart__svg chart__svg--${tone}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        {laidOut.map(({ row, lines, top }) => {
          const barTop = top + lines.length * lineHeight + 4;
          const barWidth = row.value > 0 ? Math.max(3, (row.value / max) * barSpace) : 0;
          return (
            <g key={row.key}>
              <title>{`${row.label}: ${formatValue(row.value)}`}</title>
              {lines.map((line, index) => (
                <text
                  key={index}
                  className="chart__label"
                  x={0}
                  y={top + (index + 1) * lineHeight - 4}
                  fontSize={labelSize}
                >
                  {line}
                </text>
              ))}
              <rect className="chart__track" x={0} y={barTop} width={barSpace} height={barHeight} rx={3} />
              <rect className="chart__bar" x={0} y={barTop} width={barWidth} height={barHeight} rx={3} />
              <text className="chart__value" x={barWidth + 6} y={barTop + barHeight / 2 + 5} fontSize={labelSize}>
                {formatValue(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Words into at most two lines of `maxChars`; a cut second line ends with an ellipsis. */
export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  const second = lines.slice(1).join(' ');
  return [lines[0] ?? '', `${second.slice(0, maxChars - 1).trimEnd()}…`];
}
