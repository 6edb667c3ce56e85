// Residents in tests: an agent without a session that reports, votes and flags through the real forms. Their forms
// carry no CSRF token: Fetch Metadata protects them (src/middleware/cross-origin.ts).
import request from 'supertest';
import type { TestApp } from './test-app';

export interface Resident {
  agent: ReturnType<typeof request.agent>;
}

/** A resident who has opened the report form of a journey or step page (checked to answer 200). */
export async function resident(app: TestApp['app'], pagePath: string): Promise<Resident> {
  const agent = request.agent(app);
  const page = await agent.get(`${pagePath}/meld`);
  if (page.status !== 200) throw new Error(`report form ${pagePath}/meld answered ${page.status}`);
  return { agent };
}

export const REPORT = { title: 'Fikk ikke svar på telefon', body: 'Jeg ringte tre ganger uten å komme gjennom.', severity: '4', channel: 'phone' };

/** Sends a report through the check step; returns the new pain point's id. */
export async function report(r: Resident, pagePath: string, fields: Record<string, string> = {}): Promise<number> {
  const res = await r.agent.post(`${pagePath}/meld`).type('form').send({ ...REPORT, ...fields, confirmed: '1' });
  if (res.status !== 303) throw new Error(`report answered ${res.status}: ${res.text.slice(0, 300)}`);
  return Number(/innspill\/(\d+)/.exec(res.headers.location as string)![1]);
}
