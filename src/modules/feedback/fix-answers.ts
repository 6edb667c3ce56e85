// Residents' answers to "is it fixed?" (#20.3): what they are, and when enough "no" reopens a report for staff.
// Read by the report's page, insights and the portfolio; written through the notices module's signed links.
import type { FixAnswersRepository } from './fix-answers.repository';

export const FIX_ANSWERS = ['yes', 'partly', 'no'] as const;
export type FixAnswer = (typeof FIX_ANSWERS)[number];

export interface FixCounts {
  yes: number;
  partly: number;
  no: number;
}

/** At least this many "no" before residents' answers reopen a report: one or two could be a misunderstanding. */
export const REOPEN_MIN_NO = 3;

/**
 * Residents say it is not fixed: at least three "no", and more "no" than "yes" ("partly" counts for neither side,
 * it is neither a confirmation nor a denial). Simple on purpose, so staff and residents can follow it.
 */
export function residentsSayNotFixed(c: FixCounts): boolean {
  return c.no >= REOPEN_MIN_NO && c.no > c.yes;
}

export function hasAnswers(c: FixCounts | undefined): c is FixCounts {
  return c !== undefined && c.yes + c.partly + c.no > 0;
}

/** What staff pages show of a report's answers: the counts and whether residents say it is not fixed; null without any. */
export interface FixSummary {
  counts: FixCounts;
  notFixed: boolean;
}

export function fixSummary(c: FixCounts | undefined): FixSummary | null {
  return hasAnswers(c) ? { counts: c, notFixed: residentsSayNotFixed(c) } : null;
}

/**
 * The feedback module's port for the answers: the counts pages show, and (for the notices module, which checks the
 * signed links) the answer of one follow and the report it is about.
 */
export class FixAnswers {
  constructor(private readonly repo: FixAnswersRepository) {}

  record(a: { followId: number; painPointId: number; municipalityId: number; answer: FixAnswer }, now: string): void {
    this.repo.record(a, now);
  }

  answerOf(followId: number, painPointId: number): FixAnswer | undefined {
    return this.repo.answerOf(followId, painPointId);
  }

  visibleReport(painPointId: number): { id: number; title: string; municipality_id: number; municipality_slug: string } | undefined {
    return this.repo.visibleReport(painPointId);
  }

  counts(painPointId: number): FixCounts {
    return this.repo.counts(painPointId);
  }

  countsIn(municipalityId: number): Map<number, FixCounts> {
    return this.repo.countsIn(municipalityId);
  }

  /** A lookup of staff pages' summaries for a municipality's reports (one query). */
  summariesIn(municipalityId: number): (painPointId: number) => FixSummary | null {
    const counts = this.repo.countsIn(municipalityId);
    return (id) => fixSummary(counts.get(id));
  }
}
