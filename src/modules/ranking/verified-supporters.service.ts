// Verified supporters (#21.3) beside all supporters where no candidate's kept count (candidate_stats.verified_n) has
// them: per step of a published journey (the open data API) and per pain point as moderators see it. Free of req/res.
import type { RankingService } from './ranking.service';
import type { VerifiedSupportersRepository } from './verified-supporters.repository';

/** Supporters and, of them, the distinct persons verified with ID-porten. */
export interface SupportersWithVerified {
  supporters: number;
  verified: number;
}

export class VerifiedSupportersService {
  constructor(
    private readonly repo: VerifiedSupportersRepository,
    private readonly ranking: Pick<RankingService, 'memo' | 'hasVerifications'>,
  ) {}

  /** Whether staff pages show verified supporters: once anyone in the municipality has verified (as insights does). */
  shown(municipalityId: number): boolean {
    return this.ranking.hasVerifications(municipalityId);
  }

  /**
   * Per step of a journey, the distinct verified persons among its supporters (a step without any is missing: 0).
   * Kept per data version, which every act and every verification moves (migrations 0013 and 0035).
   */
  perStep(municipalityId: number, journeyId: number): Map<number, number> {
    return this.ranking.memo(municipalityId, `verified-per-step:${municipalityId}:${journeyId}`, () =>
      this.ranking.hasVerifications(municipalityId) ? new Map(this.repo.perStep(municipalityId, journeyId).map((r) => [r.step_id, r.verified])) : new Map<number, number>(),
    );
  }

  /** A pain point's verified supporters, counted as moderation counts its supporters (any status, with what was merged into it). */
  ofPainPoint(municipalityId: number, painPointId: number): number {
    return this.repo.together(municipalityId, [painPointId]).verified;
  }

  /**
   * What the pain point `targetId` will have once `painPointId` is merged into it: the residents behind either, each
   * once (one who supports both is one supporter of the merged candidate), and the verified persons among them.
   */
  afterMerge(municipalityId: number, painPointId: number, targetId: number): SupportersWithVerified {
    return this.repo.together(municipalityId, [painPointId, targetId]);
  }
}
