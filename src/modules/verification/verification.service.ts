// Residents' ID-porten verification (#21.3), its rules free of req/res: store a verification under its pseudonym,
// remove it, say where a participant is verified, and audit each step without the participant, the pseudonym or the
// pid (the audit says that it happened in a municipality, never who).
import type { AuditService } from '../audit/audit.service';
import type { VerificationRepository, VerifiedMunicipality } from './verification.repository';

/** Why a verification failed: the OpenID reason, a too-weak level of assurance, or an answer without a pid. */
export type VerificationFailure = 'denied' | 'state' | 'nonce' | 'issuer' | 'grant' | 'unavailable' | 'invalid' | 'acr' | 'pid';

export class VerificationService {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly audit: Pick<AuditService, 'record'>,
    private readonly clock: () => Date,
  ) {}

  /** Stores the participant's verification in the municipality, replacing an earlier one of theirs there. */
  verify(participantId: number, municipalityId: number, pseudonym: string): void {
    this.repo.transaction(() => {
      this.repo.upsert(participantId, municipalityId, pseudonym, this.clock().toISOString());
      this.audit.record({ actorUserId: null, municipalityId, action: 'resident.verified' });
    });
  }

  /** Nothing is stored for a failure but the audit line with its reason. */
  failed(municipalityId: number | null, reason: VerificationFailure): void {
    this.audit.record({ actorUserId: null, municipalityId, action: 'resident.verification_failed', details: { reason } });
  }

  /** Deletes the participant's verification in the municipality; false when there was none. */
  remove(participantId: number, municipalityId: number): boolean {
    return this.repo.transaction(() => {
      const removed = this.repo.delete(participantId, municipalityId);
      if (removed) this.audit.record({ actorUserId: null, municipalityId, action: 'resident.verification_removed' });
      return removed;
    });
  }

  verifiedIn(participantId: number | null): VerifiedMunicipality[] {
    return participantId === null ? [] : this.repo.ofParticipant(participantId);
  }

  isVerified(participantId: number | null, municipalityId: number): boolean {
    return participantId !== null && this.repo.isVerified(participantId, municipalityId);
  }
}
