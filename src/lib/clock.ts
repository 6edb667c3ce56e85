// The clock the services read. The composition root makes one; the demo seed moves it through the demo's past before
// the portal serves anyone, and tests may fix it.
export type Clock = () => Date;

export interface MovableClock {
  now: Clock;
  /** Fixes the time the services read; null lets it run with the real time again. */
  set(moment: Date | null): void;
}

export function movableClock(): MovableClock {
  let fixed: Date | null = null;
  return {
    now: () => fixed ?? new Date(),
    set: (moment) => {
      fixed = moment;
    },
  };
}
