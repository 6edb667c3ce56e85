// Geometry of a horizontal bar chart drawn on the server (no script). Every bar is a row of the chart: its label and
// its value with the unit as text, which wraps like any text, and the bar itself as a small SVG below them whose
// length is a share of the row's width, so the chart reflows to any width (down to 320 px) without scaling its text.
// The page also shows the same numbers as a table.
export interface Bar {
  label: string;
  value: number;
}

export interface ChartBar extends Bar {
  /** The bar's length as a share of the longest bar, for the SVG's `width` attribute: '0%' to '100%'. */
  width: string;
}

/** The shortest bar drawn for a value above zero, in per cent, so that it stays visible next to a long one. */
export const MIN_VISIBLE_PERCENT = 0.5;

export function barChart(bars: Bar[]): { max: number; bars: ChartBar[] } {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return {
    max,
    bars: bars.map((b) => {
      const percent = max > 0 && b.value > 0 ? Math.max(MIN_VISIBLE_PERCENT, (100 * b.value) / max) : 0;
      return { ...b, width: `${Number(percent.toFixed(2))}%` };
    }),
  };
}
