// Geometry of the emotion curve (server-rendered SVG, no script): across the map's table on wide screens, down a
// column beside the step cards on narrow screens, and one cell per step under the printed map's columns.
export const CURVE_STEP_WIDTH = 140;
export const CURVE_HEIGHT = 110;
const MARGIN = 15;

/** The column beside the step cards: −2 at the left, +2 at the right, each step's point this far below its top. */
export const CURVE_COLUMN_WIDTH = 64;
export const CURVE_COLUMN_POINT_Y = 18;
const COLUMN_MARGIN = 8;

/** A printed step's cell: 100 units wide (stretched to the column), +2 at the top, −2 at the bottom. */
export const CURVE_CELL_WIDTH = 100;
export const CURVE_CELL_HEIGHT = 60;
const CELL_MARGIN = 7;

export interface CurvePoint {
  x: number;
  y: number;
  emotion: number;
}

/**
 * One step's piece of the curve in the column beside the cards: from the previous step's level at the top of the
 * step (`fromX`, null for the first step) down to its own point at `x`. Below the point the line goes straight down
 * at `x` to the next step (drawn in CSS), so the pieces join whatever height an open or closed card has.
 */
export interface CurveColumnStep {
  x: number;
  fromX: number | null;
  emotion: number;
}

/**
 * One step's cell of the printed curve: from half-way between the previous step's level and its own (at the left
 * edge), through its own point in the middle, to half-way towards the next step's level (at the right edge), so
 * neighbouring cells join into one line.
 */
export interface CurveCellStep {
  y: number;
  fromY: number;
  toY: number;
  emotion: number;
}

export interface EmotionCurve {
  width: number;
  height: number;
  points: CurvePoint[];
  path: string;
  zeroY: number;
  column: { width: number; pointY: number; zeroX: number; steps: CurveColumnStep[] };
  cells: { width: number; height: number; steps: CurveCellStep[] };
}

/** One point per step, centred in its column; +2 at the top, −2 at the bottom. */
export function emotionCurve(emotions: number[]): EmotionCurve {
  const usable = CURVE_HEIGHT - 2 * MARGIN;
  const yOf = (emotion: number) => MARGIN + ((2 - emotion) / 4) * usable;
  const points = emotions.map((emotion, i) => ({ x: i * CURVE_STEP_WIDTH + CURVE_STEP_WIDTH / 2, y: yOf(emotion), emotion }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');

  const xOfColumn = (emotion: number) => COLUMN_MARGIN + ((emotion + 2) / 4) * (CURVE_COLUMN_WIDTH - 2 * COLUMN_MARGIN);
  const columnSteps = emotions.map((emotion, i) => ({ x: xOfColumn(emotion), fromX: i === 0 ? null : xOfColumn(emotions[i - 1]!), emotion }));

  const yOfCell = (emotion: number) => CELL_MARGIN + ((2 - emotion) / 4) * (CURVE_CELL_HEIGHT - 2 * CELL_MARGIN);
  const cellSteps = emotions.map((emotion, i) => {
    const y = yOfCell(emotion);
    const fromY = i === 0 ? y : (yOfCell(emotions[i - 1]!) + y) / 2;
    const toY = i === emotions.length - 1 ? y : (y + yOfCell(emotions[i + 1]!)) / 2;
    return { y, fromY, toY, emotion };
  });

  return {
    width: Math.max(1, emotions.length) * CURVE_STEP_WIDTH,
    height: CURVE_HEIGHT,
    points,
    path,
    zeroY: yOf(0),
    column: { width: CURVE_COLUMN_WIDTH, pointY: CURVE_COLUMN_POINT_Y, zeroX: xOfColumn(0), steps: columnSteps },
    cells: { width: CURVE_CELL_WIDTH, height: CURVE_CELL_HEIGHT, steps: cellSteps },
  };
}
