// The measured scenarios and their targets (issue #9): each builds its requests from the generated dataset, so every
// request does the work a real visitor's would.
import type { Dataset } from './dataset';
import type { Request } from './load';
import { participantCookie, type FormSession } from './visitors';

export interface Target {
  /** Requests per second as a share of bare Express hello in the same run. */
  ratio?: number;
  p99Ms?: number;
}

export interface Scenario {
  key: string;
  title: string;
  target: Target;
  expectStatus: 2 | 3;
  next: () => Request;
}

export interface Fixtures {
  dataset: Dataset;
  /** Pain points open for "me too" in the largest municipality. */
  votable: number[];
  /** One CSRF cookie with its token per connection, as browsers that opened a pain point page hold. */
  voteSessions: FormSession[];
  staffCookie: string;
}

/** Votes each participant gives before the next one takes over; below the per-participant hourly limit. */
const VOTES_PER_PARTICIPANT = 10;

export function scenarios(f: Fixtures): Scenario[] {
  const m = f.dataset.largest.slug;
  const get = (path: string, headers: Record<string, string> = {}) => () => ({ path, headers });
  return [
    { key: 'map', title: 'Journey map page', target: { ratio: 0.4, p99Ms: 50 }, expectStatus: 2, next: get(`/${m}/reiser/${f.dataset.journeySlug}`) },
    {
      key: 'step',
      title: `Step page with its pain points (${f.dataset.busyStep.painPoints})`,
      target: { ratio: 0.4, p99Ms: 50 },
      expectStatus: 2,
      next: get(`/${m}/reiser/${f.dataset.journeySlug}/steg/${f.dataset.busyStep.id}`),
    },
    { key: 'api', title: 'Candidates API, top 50', target: { ratio: 0.4 }, expectStatus: 2, next: get(`/api/v1/municipalities/${m}/candidates?limit=50`) },
    { key: 'insights', title: 'Staff insights page (signed in)', target: { ratio: 0.25 }, expectStatus: 2, next: get(`/admin/${m}/insights`, { cookie: f.staffCookie }) },
    { key: 'vote', title: '"Me too" vote POST (durable)', target: { ratio: 0.25 }, expectStatus: 3, next: voteRequests(f) },
  ];
}

/**
 * Every vote is new work: a new participant (a fresh cookie, so the server creates the participant) every few votes,
 * each vote on another pain point, each participant from their own address behind the proxy.
 */
function voteRequests(f: Fixtures): () => Request {
  const m = f.dataset.largest.slug;
  if (f.votable.length < VOTES_PER_PARTICIPANT) throw new Error('too few open pain points to vote on');
  let i = 0;
  let participant = participantCookie();
  return () => {
    if (i > 0 && i % VOTES_PER_PARTICIPANT === 0) participant = participantCookie();
    const n = i;
    i += 1;
    const session = f.voteSessions[n % f.voteSessions.length]!;
    const painPoint = f.votable[n % f.votable.length]!;
    const who = Math.floor(n / VOTES_PER_PARTICIPANT);
    return {
      method: 'POST',
      path: `/${m}/innspill/${painPoint}/meg-ogsa`,
      headers: {
        cookie: `${session.cookie}; rk.p=${participant}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': `10.${(who >> 16) & 255}.${(who >> 8) & 255}.${who & 255}`,
      },
      body: new URLSearchParams({ _csrf: session.csrfToken, severity: String(1 + (n % 5)) }).toString(),
    };
  };
}
