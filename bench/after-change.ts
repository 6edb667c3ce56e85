// The staff insights page right after a vote: the load scenario reads a page kept per data version, so it never
// shows what the first view after a change costs. Under steady voting every view is such a first view, and while
// it is computed the event loop serves no one else.
import type { Request } from './load';

export interface AfterChangeResult {
  rounds: number;
  medianMs: number;
  maxMs: number;
  /** Votes that did not get their redirect, or pages that did not load: either makes the times meaningless. */
  failures: number;
}

export async function timeInsightsAfterVotes(baseUrl: string, insightsPath: string, staffCookie: string, votes: () => Request, rounds: number): Promise<AfterChangeResult> {
  const times: number[] = [];
  let failures = 0;
  for (let round = 0; round < rounds; round += 1) {
    const vote = votes();
    // An address of its own, apart from the load scenario's, so no rate limit refuses the vote.
    const headers = { ...vote.headers, 'x-forwarded-for': `10.250.${round >> 8}.${round & 255}` };
    const voted = await fetch(`${baseUrl}${vote.path}`, { method: vote.method, headers, body: vote.body, redirect: 'manual' });
    await voted.arrayBuffer();
    if (voted.status !== 303) failures += 1;
    const started = performance.now();
    const page = await fetch(`${baseUrl}${insightsPath}`, { headers: { cookie: staffCookie } });
    await page.arrayBuffer();
    times.push(performance.now() - started);
    if (page.status !== 200) failures += 1;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { rounds, medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0), maxMs: Math.round(sorted[sorted.length - 1] ?? 0), failures };
}
