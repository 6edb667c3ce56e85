// "Add my experience" (#20.5): a resident's own story on an existing report, beside "me too". It goes through the
// same check step, redaction and moderation as a report, and counts as the resident's "me too" as well. Free of
// req/res.
import { ConflictError, NotFoundError } from '../../errors';
import { redactPersonalData, type Redaction } from '../../lib/pii-redaction';
import { CLOSED_STATUSES } from './feedback-vocabulary';
import type { FeedbackService, FeedbackSettings } from './feedback.service';
import type { ExperiencesRepository } from './experiences.repository';

const WAITING_SHOWN = 100;

/** A story's moderation goes through the moderation module's `ExperienceDecisions` port, which this fills. */
export class ExperiencesService {
  constructor(
    private readonly repo: ExperiencesRepository,
    private readonly feedback: Pick<FeedbackService, 'visible' | 'vote'>,
    private readonly clock: () => Date,
  ) {}

  /** The check step: the story as it would be kept, and what personal data was taken out of it. */
  prepare(body: string): { body: string; removed: Redaction['removed'] } {
    const { text, removed } = redactPersonalData(body);
    return { body: text, removed };
  }

  /**
   * Keeps a story (redacted again here, whatever the form sent back) and the resident's "me too" with its severity,
   * unless they said it already. Not on one's own report, nor on a closed one, like "me too".
   */
  add(participantId: number, municipality: FeedbackSettings, painPointId: number, body: string, severity: number | null): { id: number; status: 'pending' | 'published' } {
    return this.repo.transaction(() => {
      const p = this.feedback.visible(municipality.id, painPointId, participantId);
      if (p.own) throw new ConflictError({ _form: 'feedback.errors.ownPainPoint' }, { body });
      if (CLOSED_STATUSES.includes(p.response_status)) throw new ConflictError({ _form: 'feedback.errors.closed' }, { body });
      if (!p.voted) this.feedback.vote(participantId, municipality.id, p.id, severity);
      const status = municipality.premoderation === 1 ? 'pending' : 'published';
      const id = this.repo.insert({ painPointId: p.id, municipalityId: municipality.id, participantId, body: redactPersonalData(body).text, status, now: this.clock().toISOString() });
      return { id, status };
    });
  }

  published(painPointId: number) {
    return this.repo.published(painPointId);
  }

  waiting(municipalityId: number) {
    return this.repo.waiting(municipalityId, WAITING_SHOWN);
  }

  decide(municipalityId: number, id: number, decision: 'published' | 'rejected', reason: string | null): void {
    this.repo.transaction(() => {
      const e = this.repo.byId(municipalityId, id);
      if (!e) throw new NotFoundError();
      this.repo.setStatus(id, decision, decision === 'rejected' ? reason : null, this.clock().toISOString());
    });
  }

  ofParticipant(participantId: number) {
    return this.repo.ofParticipant(participantId);
  }

  deleteOwn(participantId: number, id: number): void {
    if (!this.repo.deleteOwn(participantId, id)) throw new NotFoundError();
  }
}
