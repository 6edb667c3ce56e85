// The orders candidates are listed in, written once (#16). The ranking's SQL, the insights table's SQL (and so the
// exports) and the in-memory sort of the kept insights numbers all take their order from this list, so the table, its
// export and the public ranking cannot drift apart. RANKING.md: need score, then n, then the older candidate first.
export const CANDIDATE_SORTS = ['need', 'supporters', 'severity', 'newest', 'oldest'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

/** The columns an order compares, named as the SQL's result columns are. */
export type OrderColumn = 'need' | 'n' | 'severity' | 'created_at' | 'id';
type OrderKey = readonly [OrderColumn, 'ASC' | 'DESC'];

const ORDERS: Record<CandidateSort, readonly OrderKey[]> = {
  need: [['need', 'DESC'], ['n', 'DESC'], ['created_at', 'ASC'], ['id', 'ASC']],
  supporters: [['n', 'DESC'], ['need', 'DESC'], ['created_at', 'ASC'], ['id', 'ASC']],
  severity: [['severity', 'DESC'], ['need', 'DESC'], ['id', 'ASC']],
  newest: [['created_at', 'DESC'], ['id', 'DESC']],
  oldest: [['created_at', 'ASC'], ['id', 'ASC']],
};

/** The ORDER BY list for a query whose result has the order's columns under these names. */
export function orderBySql(sort: CandidateSort): string {
  return ORDERS[sort].map(([column, direction]) => `${column} ${direction}`).join(', ');
}

/**
 * A comparator of positions into columns of numbers (created_at as a time in ms: ISO-8601 text sorts as its time
 * does), giving the same order as `orderBySql`.
 */
export function comparatorOf(sort: CandidateSort, columns: Record<OrderColumn, ArrayLike<number>>): (a: number, b: number) => number {
  const keys = ORDERS[sort].map(([column, direction]) => ({ values: columns[column], sign: direction === 'ASC' ? 1 : -1 }));
  return (a, b) => {
    for (const { values, sign } of keys) {
      const difference = values[a]! - values[b]!;
      if (difference !== 0) return sign * difference;
    }
    return 0;
  };
}
