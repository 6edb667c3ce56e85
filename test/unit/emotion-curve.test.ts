// The emotion curve's geometry: the column beside the phone's step cards (which app.css continues below each point,
// so the two must agree) and the printed cells, which must join into one line from step to step.
import fs from 'node:fs';
import path from 'node:path';
import { CURVE_COLUMN_POINT_Y, CURVE_COLUMN_WIDTH, emotionCurve } from '../../src/lib/emotion-curve';

const css = fs.readFileSync(path.resolve(__dirname, '../../public/css/app.css'), 'utf8');

describe('emotionCurve column (beside the step cards)', () => {
  it('puts −2 at the left and +2 at the right, evenly, inside the column', () => {
    const { column } = emotionCurve([-2, -1, 0, 1, 2]);
    const xs = column.steps.map((s) => s.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(new Set(gaps).size).toBe(1);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(CURVE_COLUMN_WIDTH);
    expect(column.zeroX).toBe(xs[2]);
  });

  it('starts each step at the level of the step before it, and the first step at its own point', () => {
    const { column } = emotionCurve([1, -2, 0]);
    expect(column.steps.map((s) => s.fromX)).toEqual([null, column.steps[0]!.x, column.steps[1]!.x]);
  });

  it('agrees with app.css, which draws the line down from each point (left edge = x − 1.5 px, top = the point)', () => {
    const { column } = emotionCurve([-2, -1, 0, 1, 2]);
    for (const step of column.steps) {
      const rule = new RegExp(`\\.app-vcurve\\[data-emotion='${step.emotion}'\\]::before \\{ left: ([\\d.]+)px; \\}`);
      const left = Number(css.match(rule)?.[1]);
      expect([step.emotion, left + 1.5]).toEqual([step.emotion, step.x]);
    }
    expect(css).toContain(`.app-vcurve::before { content: ''; position: absolute; top: ${CURVE_COLUMN_POINT_Y}px;`);
    expect(css).toContain(`.app-vcurve svg { display: block; position: relative; width: ${CURVE_COLUMN_WIDTH}px; height: ${CURVE_COLUMN_POINT_Y}px;`);
    // The dashed neutral line is 1 px wide, centred on the neutral level.
    expect(css).toContain(`${column.zeroX - 0.5}px 0 / 1px 8px repeat-y`);
  });
});

describe('emotionCurve cells (under the printed columns)', () => {
  it('joins neighbouring cells: a cell ends where the next begins, half-way between their levels', () => {
    const { cells } = emotionCurve([2, -2, 0, 0, 1]);
    for (let i = 0; i + 1 < cells.steps.length; i++) {
      expect(cells.steps[i]!.toY).toBe(cells.steps[i + 1]!.fromY);
      expect(cells.steps[i]!.toY).toBe((cells.steps[i]!.y + cells.steps[i + 1]!.y) / 2);
    }
    expect(cells.steps[0]!.fromY).toBe(cells.steps[0]!.y);
    expect(cells.steps.at(-1)!.toY).toBe(cells.steps.at(-1)!.y);
  });

  it('draws +2 at the top and −2 at the bottom, inside the cell', () => {
    const { cells } = emotionCurve([2, -2]);
    expect(cells.steps[0]!.y).toBeLessThan(cells.steps[1]!.y);
    expect(cells.steps[0]!.y).toBeGreaterThan(0);
    expect(cells.steps[1]!.y).toBeLessThan(cells.height);
  });

  it('handles a journey of one step and of none', () => {
    expect(emotionCurve([0]).cells.steps).toEqual([{ y: 30, fromY: 30, toY: 30, emotion: 0 }]);
    expect(emotionCurve([]).column.steps).toEqual([]);
  });
});
