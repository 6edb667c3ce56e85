// The maintained per-candidate sums equal a from-scratch computation after any sequence of votes, withdrawals,
// merges, unmerges, erasures and moderation (fast-check); decay under a fixed clock; a half-life change rebuilds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { openDatabase, type Db } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { sumsOf } from '../../src/modules/ranking/ranking.math';
import { RankingRepository } from '../../src/modules/ranking/ranking.repository';
import { buildServices, type Services } from '../../src/services';
import { buildJourney } from '../helpers/journeys';

interface World {
  db: Db;
  services: Services;
  clock: { now: Date };
  municipalityId: number;
  journeyId: number;
  stepId: number;
  moderator: number;
  participants: number[];
  close(): void;
}

function world(): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-ranking-'));
  const db = openDatabase(path.join(dir, 'r.db'));
  migrate(db);
  const clock = { now: new Date('2026-01-01T00:00:00Z') };
  const services = buildServices(db, () => clock.now);
  const municipalityId = services.municipalities.create(null, { slug: 'aust', name: 'Aust', kommunenummer: '1234', defaultLocale: 'nb' });
  db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(municipalityId);
  const j = buildJourney(services, 'aust', { slug: 'r', phases: { A: ['a'] }, publish: true });
  const moderator = Number(
    db.prepare("INSERT INTO users (email, name, password_hash, created_at) VALUES ('m@x.no', 'M', 'x', '2026-01-01')").run().lastInsertRowid,
  );
  const participants = Array.from({ length: 6 }, (_, i) => services.feedback.ensureParticipant(`participant-${i}`));
  return {
    db, services, clock, municipalityId, journeyId: j.journeyId, stepId: j.stepIds[0]!, moderator, participants,
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every pain point's maintained sums against its supporters counted from scratch; non-candidates have none. */
function checkConsistent(w: World): void {
  const repo = new RankingRepository(w.db);
  const rows = w.db.prepare('SELECT id, moderation_status FROM pain_points').all() as { id: number; moderation_status: string }[];
  for (const row of rows) {
    const stats = repo.stats(row.id);
    if (row.moderation_status !== 'published') {
      expect([row.id, stats]).toEqual([row.id, undefined]);
      continue;
    }
    const scratch = sumsOf(repo.supporters(row.id), 180);
    expect(stats).toBeDefined();
    expect([row.id, stats!.n, stats!.ratingSum, stats!.ratingCount]).toEqual([row.id, scratch.n, scratch.ratingSum, scratch.ratingCount]);
    if (scratch.logDecay === null) expect(stats!.logDecay).toBeNull();
    else expect(Math.abs(stats!.logDecay! - scratch.logDecay)).toBeLessThan(1e-9);
  }
}

type Op =
  | { kind: 'report'; who: number; severity: number }
  | { kind: 'vote'; who: number; target: number; severity: number | null }
  | { kind: 'withdraw'; who: number; target: number }
  | { kind: 'merge'; a: number; b: number }
  | { kind: 'unmerge'; a: number }
  | { kind: 'erase'; who: number; target: number }
  | { kind: 'reject'; target: number }
  | { kind: 'wait'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('report' as const), who: fc.nat(5), severity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('vote' as const), who: fc.nat(5), target: fc.nat(7), severity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }),
  fc.record({ kind: fc.constant('withdraw' as const), who: fc.nat(5), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('merge' as const), a: fc.nat(7), b: fc.nat(7) }),
  fc.record({ kind: fc.constant('unmerge' as const), a: fc.nat(7) }),
  fc.record({ kind: fc.constant('erase' as const), who: fc.nat(5), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('reject' as const), target: fc.nat(7) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 400 }) }),
);

/** Applies an operation the way residents and moderators would; refused ones (a rule said no) are fine. */
function apply(w: World, o: Op, ids: number[]): void {
  const s = w.services;
  const m = s.municipalities.bySlug('aust');
  const id = (i: number) => ids[i % Math.max(1, ids.length)];
  try {
    switch (o.kind) {
      case 'report':
        ids.push(s.feedback.submit(w.participants[o.who]!, m, w.journeyId, w.stepId, { title: 't', body: 'b', severity: o.severity, channel: null }).id);
        break;
      case 'vote':
        if (ids.length) s.feedback.vote(w.participants[o.who]!, m.id, id(o.target)!, o.severity);
        break;
      case 'withdraw':
        if (ids.length) s.feedback.withdraw(w.participants[o.who]!, m.id, id(o.target)!);
        break;
      case 'merge':
        if (ids.length) s.moderation.merge(w.moderator, m.id, id(o.a)!, id(o.b)!);
        break;
      case 'unmerge':
        if (ids.length) s.moderation.unmerge(w.moderator, m.id, id(o.a)!);
        break;
      case 'erase':
        if (ids.length) s.feedback.deleteMine(w.participants[o.who]!, id(o.target)!);
        break;
      case 'reject':
        if (ids.length) s.moderation.reject(w.moderator, m.id, id(o.target)!, 'nei');
        break;
      case 'wait':
        w.clock.now = new Date(w.clock.now.getTime() + o.days * 86_400_000);
        break;
    }
  } catch (err) {
    if (!(err instanceof Error) || !/AppError|ConflictError|NotFound|validation|moderation|feedback/.test(`${err.constructor.name} ${err.message}`)) throw err;
  }
  // Erased pain points are gone from the list of ids.
  for (let i = ids.length - 1; i >= 0; i -= 1) {
    if (w.db.prepare('SELECT count(*) FROM pain_points WHERE id = ?').pluck().get(ids[i]) === 0) ids.splice(i, 1);
  }
}

describe('maintained ranking figures', () => {
  it('equal a from-scratch computation after random votes, withdrawals, merges, unmerges and erasures', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const w = world();
        try {
          const ids: number[] = [];
          for (const o of ops) apply(w, o, ids);
          checkConsistent(w);
        } finally {
          w.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('decay under a fixed clock: after one half-life a candidate counts half', () => {
    const w = world();
    try {
      const m = w.services.municipalities.bySlug('aust');
      const id = w.services.feedback.submit(w.participants[0]!, m, w.journeyId, w.stepId, { title: 't', body: 'b', severity: 4, channel: null }).id;
      w.services.feedback.vote(w.participants[1]!, m.id, id, 2);
      expect(w.services.ranking.maintained(id, m.id)!.nEff).toBeCloseTo(2, 9);
      w.clock.now = new Date(w.clock.now.getTime() + 180 * 86_400_000);
      expect(w.services.ranking.maintained(id, m.id)!.nEff).toBeCloseTo(1, 9);
      expect(w.services.ranking.maintained(id, m.id)!.n).toBe(2);
    } finally {
      w.close();
    }
  });

  it('rebuilds every candidate when the half-life changes', () => {
    const w = world();
    try {
      const m = w.services.municipalities.bySlug('aust');
      const id = w.services.feedback.submit(w.participants[0]!, m, w.journeyId, w.stepId, { title: 't', body: 'b', severity: 4, channel: null }).id;
      w.clock.now = new Date(w.clock.now.getTime() + 90 * 86_400_000);
      w.services.municipalities.updateSettings(null, m, {
        name: m.name, defaultLocale: 'nb', premoderation: false, halfLifeDays: 90, severityPriorWeight: 5, wipLimit: 3, flagHideThreshold: 3,
        reportLimitPerHour: 5, voteLimitPerHour: 60, flagLimitPerHour: 10,
      });
      const stats = new RankingRepository(w.db).stats(id)!;
      expect(stats.halfLifeDays).toBe(90);
      expect(w.services.ranking.maintained(id, m.id)!.nEff).toBeCloseTo(0.5, 9);
      expect(w.services.ranking.fromScratch(id, m.id).nEff).toBeCloseTo(0.5, 9);
    } finally {
      w.close();
    }
  });

  it('orders by need score, then by supporters, then the older candidate first', () => {
    const w = world();
    try {
      const m = w.services.municipalities.bySlug('aust');
      const submit = (who: number, severity: number) =>
        w.services.feedback.submit(w.participants[who]!, m, w.journeyId, w.stepId, { title: `t${who}`, body: 'b', severity, channel: null }).id;
      // Same time, same rating: an exact tie in need score and n, so the older (first) report leads.
      const older = submit(0, 3);
      const newer = submit(1, 3);
      const popular = submit(2, 3);
      w.services.feedback.vote(w.participants[3]!, m.id, popular, 3);
      const ranked = w.services.ranking.ranked(m.id, { limit: 10 });
      expect(ranked.map((r) => r.id)).toEqual([popular, older, newer]);
      expect(ranked[0]!.figures.n).toBe(2);
      expect(ranked[0]!.need).toBeCloseTo(ranked[0]!.figures.needScore, 9);
    } finally {
      w.close();
    }
  });
});
