// Seeds the demo pain points with supporters spread over time, merges and official answers, so every view has
// real shape. Deterministic (a fixed pseudo-random sequence), so tests and screenshots see the same data.
import crypto from 'node:crypto';
import { FeedbackRepository } from '../modules/feedback/feedback.repository';
import type { Db } from './connection';
import { DEMO_PAIN_POINTS } from './demo-feedback';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reports newer than this stay in the moderation queue, so the demo shows one. */
const PENDING_WITHIN_DAYS = 10;

/** A small seeded generator (mulberry32): the same demo every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedDemoFeedback(db: Db, municipalityId: number, now: Date): void {
  const repo = new FeedbackRepository(db);
  const rnd = random(20261128);
  const journeys = new Map(
    (db.prepare('SELECT id, slug FROM journeys WHERE municipality_id = ?').all(municipalityId) as { id: number; slug: string }[]).map((j) => [j.slug, j.id]),
  );
  const stepIdsOf = (journeyId: number): number[] =>
    db
      .prepare(
        `SELECT s.id FROM steps s JOIN phases p ON p.id = s.phase_id
         WHERE s.journey_id = ? AND s.removed_at IS NULL ORDER BY p.position, s.position`,
      )
      .pluck()
      .all(journeyId) as number[];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const participant = () => repo.insertParticipant(crypto.createHash('sha256').update(`demo-${rnd()}`).digest('hex'), at(400));
  // A pool of residents, so the same people support several pain points as in real life.
  const residents = Array.from({ length: 220 }, participant);
  const pick = () => residents[Math.floor(rnd() * residents.length)]!;

  const ids: number[] = [];
  for (const item of DEMO_PAIN_POINTS) {
    const journeyId = journeys.get(item.journey)!;
    const stepId = item.step === null ? null : stepIdsOf(journeyId)[item.step]!;
    const submitter = pick();
    const created = at(item.daysAgo);
    const id = repo.insert(
      {
        municipalityId,
        journeyId,
        stepId,
        participantId: submitter,
        title: item.title,
        body: item.body,
        severity: item.severity,
        channel: item.channel ?? null,
        status: item.daysAgo <= PENDING_WITHIN_DAYS ? 'pending' : 'published',
      },
      created,
    );
    repo.insertEvent(id, journeyId, 'received', '', created);
    ids.push(id);
    for (let n = 0; n < item.supporters; n += 1) {
      const voter = pick();
      if (voter === submitter) continue;
      const daysAfter = Math.floor(rnd() * item.daysAgo);
      const severity = rnd() < 0.75 ? Math.max(1, Math.min(5, item.severity + Math.round((rnd() - 0.5) * 2))) : null;
      repo.insertVote(id, voter, severity, at(item.daysAgo - daysAfter));
    }
    if (item.answer) {
      const answered = at(Math.max(0, item.daysAgo - 14));
      repo.setResponse(id, item.answer.status, item.answer.text, true, answered);
      repo.insertEvent(id, journeyId, item.answer.status, item.answer.text, answered);
    }
  }
  DEMO_PAIN_POINTS.forEach((item, i) => {
    if (item.duplicateOf !== undefined) repo.merge(ids[i]!, ids[item.duplicateOf]!);
  });
}
