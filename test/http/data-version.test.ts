// #16: every table a cached page reads moves the municipality's data version (ranking_versions), on insert, update
// and delete, so no kept page, ranking, API answer or insights number outlives a change. The tables are found by
// recording the SQL the app compiles while it renders every cached page, not listed by hand.
import request from 'supertest';
import type { Db } from '../../src/db/connection';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, createUser, makeTestApp, signIn, type TestApp } from '../helpers/test-app';

/** Tables (or one event on a table) read by cached pages whose changes reach those pages another way; each says why. */
const MOVED_ANOTHER_WAY: Record<string, string> = {
  ranking_versions: 'the version itself',
  journey_versions: 'a version is written once and never changed (a trigger refuses it); publishing also updates journeys.current_version_id',
  users: "a signed-in person's own page is kept under their name and roles as well (OwnPages)",
  memberships: "a signed-in person's own page is kept under their name and roles as well (OwnPages)",
  sessions: 'who is signed in, not what a page shows',
  pain_point_events:
    "the journey's feed: a row is written only beside the update of its pain point's answer (which moves the version), never updated, and removed only with its pain point or journey",
  'municipalities DELETE': 'deleting a municipality deletes its version and every page of it with it (a cascade)',
  ...derived('step_supporter_counts', 'written only by triggers on step_supporters, which triggers on votes and pain_points write, both of which move the version'),
  ...derived('supporter_days', "written only by triggers on candidate_supporters, which the ranking service writes beside the candidate's candidate_stats"),
};

/** A table only triggers write, beside a change that moves the version itself (checked below). */
function derived(table: string, why: string): Record<string, string> {
  return { [`${table} INSERT`]: why, [`${table} UPDATE`]: why, [`${table} DELETE`]: why };
}

let t: TestApp;
const compiled: string[] = [];
let recording = false;

function recordCompiledSql(db: Db): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    if (recording) compiled.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
}

beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  const j = buildJourney(t.services, 'aust', { slug: 'reise', phases: { A: ['a', 'b'] }, department: { name: 'Byggesak', kind: 'municipal' }, publish: true });
  const stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  await report(await resident(t.app, stepPath), stepPath);
  const department = t.db.prepare("SELECT id FROM departments WHERE name = 'Byggesak'").pluck().get() as number;
  const painPoint = t.db.prepare('SELECT id FROM pain_points').pluck().get() as number;
  t.services.portfolio.create(null, m, { title: 'i', description: '', ownerDepartmentId: department, departmentIds: [], effort: 'S', confidence: 'low', status: 'in_progress', progress: 10, publicNote: 'x' }, [painPoint]);
  await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });

  // A new app on the same database, as after a restart: none of its statements is compiled yet.
  t = t.restart();
  recordCompiledSql(t.db);
  const pages = [
    '/aust', '/aust/reiser/reise', stepPath, '/aust/viktigst', '/aust/vi-gjor',
    // Kept for anonymous visitors and validated by the data version too (#17).
    '/aust/reiser/reise/meld', `${stepPath}/meld`, `/aust/innspill/${painPoint}`, `/aust/innspill/${painPoint}/rapporter`, '/aust/reiser/reise/feed.atom',
    '/api/v1/municipalities', '/api/v1/municipalities/aust/journeys', '/api/v1/municipalities/aust/journeys/reise', '/api/v1/municipalities/aust/candidates',
  ];
  recording = true;
  for (const page of pages) expect([page, (await request(t.app).get(page)).status]).toEqual([page, 200]);
  recording = false;
  const analyst = await signIn(t.app, 'analyst@aust.no');
  recording = true;
  for (const page of ['/admin/aust/insights', `/admin/aust/insights?step=${j.stepIds[0]}`, `/admin/aust/insights/${painPoint}`]) {
    expect([page, (await analyst.agent.get(page)).status]).toEqual([page, 200]);
  }
  recording = false;
});
afterAll(() => t.close());

function tablesIn(sql: string[], db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.filter((name) => sql.some((s) => new RegExp(`\\b${name}\\b`).test(s))).sort();
}

describe('the data version (#16)', () => {
  it('is moved by insert, update and delete on every table a cached page reads', () => {
    const read = tablesIn(compiled, t.db).filter((name) => !(name in MOVED_ANOTHER_WAY));
    expect(read).toEqual(expect.arrayContaining(['journeys', 'steps', 'departments', 'pain_points', 'candidate_stats']));
    const triggers = t.db
      .prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%ranking_version_bumps%'")
      .all() as { tbl_name: string; sql: string }[];
    const missing: string[] = [];
    for (const table of read) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        const has = triggers.some((tr) => tr.tbl_name === table && new RegExp(`\\b(?:AFTER|BEFORE) ${event}\\b`, 'i').test(tr.sql));
        if (!has && !(`${table} ${event}` in MOVED_ANOTHER_WAY)) missing.push(`${table} ${event}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has derived tables that nothing but triggers writes', () => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const path = jest.requireActual<typeof import('node:path')>('node:path');
    const root = path.join(__dirname, '../../src');
    const sources = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
    for (const table of ['step_supporter_counts', 'supporter_days', 'step_supporters']) {
      const writes = new RegExp(`(INSERT(?: OR \\w+)? INTO|UPDATE|DELETE FROM)\\s+${table}\\b`, 'i');
      expect([table, sources.some((s) => writes.test(s))]).toEqual([table, false]);
    }
    // And the ranking service writes supporters only beside their candidate's sums.
    const ranking = fs.readFileSync(path.join(root, 'modules/ranking/ranking.service.ts'), 'utf8');
    for (const call of ['addSupporter', 'syncSupporters', 'rebuildSupporters']) {
      const at = ranking.indexOf(`this.repo.${call}(`);
      expect([call, at > 0 && /this\.repo\.saveStats\(|this\.rebuildSums\(/.test(ranking.slice(Math.max(0, at - 400), at))]).toEqual([call, true]);
    }
  });

  it('moves when a vote is given (the step counts it changes no longer move it themselves)', async () => {
    const m = t.services.municipalities.bySlug('aust').id;
    const painPoint = t.db.prepare("SELECT id FROM pain_points WHERE moderation_status = 'published'").pluck().get() as number;
    const before = t.services.ranking.dataVersion(m);
    await request(t.app).post(`/aust/innspill/${painPoint}/meg-ogsa`).type('form').set('Sec-Fetch-Site', 'same-origin').send({ severity: '4' }).expect(303);
    expect(t.services.ranking.dataVersion(m)).toBeGreaterThan(before);
  });

  it.each([
    ['a department is added', (s: TestApp['services'], m: number) => s.departments.findOrCreate(m, 'Ny enhet', 'municipal')],
    ['a journey is created', (s: TestApp['services'], m: number) => s.journeyEditor.create(null, m, { slug: `ny-${Date.now()}`, title: 'Ny reise', lifeEvent: 'annet', persona: '', scenario: '', trigger: '', outcome: '', summary: '' })],
  ])('moves when %s', (_what, act) => {
    const m = t.services.municipalities.bySlug('aust').id;
    const before = t.services.ranking.dataVersion(m);
    act(t.services, m);
    expect(t.services.ranking.dataVersion(m)).toBeGreaterThan(before);
  });

  it('moves when a step is added to a journey', () => {
    const m = t.services.municipalities.bySlug('aust').id;
    const j = buildJourney(t.services, 'aust', { slug: `steg-${Date.now()}`, phases: { A: ['a'] } });
    const before = t.services.ranking.dataVersion(m);
    t.db.prepare("INSERT INTO steps (journey_id, phase_id, position, title, channel, emotion) VALUES (?, ?, 99, 'Nytt steg', 'digital', 0)").run(j.journeyId, j.phaseIds[0]);
    expect(t.services.ranking.dataVersion(m)).toBeGreaterThan(before);
  });
});
