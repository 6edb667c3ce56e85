// The measured scenarios and their targets (issue #9): each builds its requests from the generated dataset, so every
// request does the work a real visitor's would.
import type { Dataset } from './dataset';
import type { OnResponse, Request } from './load';
import { participantCookie } from './visitors';

/**
 * What a scenario's rate is compared with, measured in the same run: bare Express answering "hello", or bare Express
 * sending a body as large as the page from memory (what a page of that size costs in bytes alone).
 */
export type Yardstick = 'hello' | 'mapBytes' | 'stepBytes';

export interface Target {
  /** Requests per second as a share of the yardstick's. */
  ratio?: number;
  /** hello when not given. */
  of?: Yardstick;
  p99Ms?: number;
}

export interface Scenario {
  key: string;
  title: string;
  target: Target;
  expectStatus: 2 | 3 | readonly (2 | 3)[];
  onResponse?: OnResponse;
  /** Through the nginx cache of deploy/nginx.conf rather than straight to the portal. */
  via?: 'nginx';
  next: () => Request;
}

export interface Fixtures {
  dataset: Dataset;
  /** Pain points open for "me too" in the largest municipality. */
  votable: number[];
  staffCookie: string;
  /** The journey map's current ETag, for revalidation. */
  mapEtag: string;
}

/** Votes each participant gives before the next one takes over; below the per-participant hourly limit. */
const VOTES_PER_PARTICIPANT = 10;

export function scenarios(f: Fixtures): Scenario[] {
  const m = f.dataset.largest.slug;
  const get = (path: string, headers: Record<string, string> = {}) => () => ({ path, headers });
  const map = mapPath(f.dataset);
  // Targets of issue #17: pages against the bytes yardstick of their own size, the rest against hello.
  return [
    { key: 'map', title: 'Journey map page', target: { ratio: 0.6, of: 'mapBytes', p99Ms: 50 }, expectStatus: 2, next: get(map) },
    {
      key: 'step',
      title: `Step page with its pain points (${f.dataset.busyStep.painPoints})`,
      target: { ratio: 0.6, of: 'stepBytes', p99Ms: 50 },
      expectStatus: 2,
      next: get(stepPath(f.dataset)),
    },
    { key: 'revalidate', title: 'Journey map revalidated (304)', target: { ratio: 0.5 }, ...revalidation(map, f.mapEtag) },
    { key: 'nginx', title: 'Journey map through the nginx cache', target: { ratio: 2, of: 'mapBytes' }, expectStatus: 2, via: 'nginx', next: get(map) },
    // Kept from issue #9; #17 sets no new one.
    { key: 'api', title: 'Candidates API, top 50', target: { ratio: 0.4 }, expectStatus: 2, next: get(`/api/v1/municipalities/${m}/candidates?limit=50`) },
    { key: 'insights', title: 'Staff insights page (signed in)', target: { ratio: 0.2 }, expectStatus: 2, next: get(`/admin/${m}/insights`, { cookie: f.staffCookie }) },
    { key: 'vote', title: '"Me too" vote POST (durable)', target: { ratio: 0.2 }, expectStatus: 3, next: voteRequests(f) },
  ];
}

export function mapPath(d: Dataset): string {
  return `/${d.largest.slug}/reiser/${d.journeySlug}`;
}

export function stepPath(d: Dataset): string {
  return `/${d.largest.slug}/reiser/${d.journeySlug}/steg/${d.busyStep.id}`;
}

/**
 * A client revalidating its copy: If-None-Match with the ETag it holds, and the new one when the page changed (a 200:
 * the ranking's moment moves once a minute), as a browser or a cache does.
 */
function revalidation(path: string, etag: string): Pick<Scenario, 'expectStatus' | 'next' | 'onResponse'> {
  let held = etag;
  return {
    expectStatus: [2, 3],
    next: () => ({ path, headers: { 'if-none-match': held } }),
    onResponse: (status, headers) => {
      const given = Object.entries(headers).find(([name]) => name.toLowerCase() === 'etag')?.[1];
      if (status === 200 && typeof given === 'string') held = given;
    },
  };
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
    const painPoint = f.votable[n % f.votable.length]!;
    const who = Math.floor(n / VOTES_PER_PARTICIPANT);
    return {
      method: 'POST',
      path: `/${m}/innspill/${painPoint}/meg-ogsa`,
      headers: {
        // A browser's same-origin form post: residents' forms are protected by Fetch Metadata, not tokens.
        cookie: `rk.p=${participant}`,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': `10.${(who >> 16) & 255}.${(who >> 8) & 255}.${who & 255}`,
      },
      body: new URLSearchParams({ severity: String(1 + (n % 5)) }).toString(),
    };
  };
}
