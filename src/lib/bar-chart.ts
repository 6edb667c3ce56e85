// Geometry of a horizontal bar chart drawn on the server as SVG (no script); the page shows the same numbers as a table.
export interface Bar {
  label: string;
  value: number;
}

const ROW = 28;
const LABEL_WIDTH = 0; // labels are in the table alternative and the <title> of each bar, not crammed into the SVG
export const CHART_WIDTH = 600;

export function barChart(bars: Bar[]) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return {
    width: CHART_WIDTH,
    height: Math.max(1, bars.length) * ROW,
    bars: bars.map((b, i) => ({
      ...b,
      x: LABEL_WIDTH,
      y: i * ROW + 4,
      height: ROW - 8,
      width: max > 0 ? Math.max(2, ((CHART_WIDTH - LABEL_WIDTH - 60) * b.value) / max) : 0,
    })),
  };
}
