// Geometry of the emotion curve drawn across a journey's steps (server-rendered SVG, no script).
export const CURVE_STEP_WIDTH = 140;
export const CURVE_HEIGHT = 110;
const MARGIN = 15;

export interface CurvePoint {
  x: number;
  y: number;
  emotion: number;
}

/** One point per step, centred in its column; +2 at the top, −2 at the bottom. */
export function emotionCurve(emotions: number[]): { width: number; height: number; points: CurvePoint[]; path: string; zeroY: number } {
  const usable = CURVE_HEIGHT - 2 * MARGIN;
  const yOf = (emotion: number) => MARGIN + ((2 - emotion) / 4) * usable;
  const points = emotions.map((emotion, i) => ({ x: i * CURVE_STEP_WIDTH + CURVE_STEP_WIDTH / 2, y: yOf(emotion), emotion }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { width: Math.max(1, emotions.length) * CURVE_STEP_WIDTH, height: CURVE_HEIGHT, points, path, zeroY: yOf(0) };
}
