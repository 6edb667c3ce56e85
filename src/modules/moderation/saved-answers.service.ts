// A municipality's saved answers: moderators keep the texts they give again and again, and fill a rejection's reason
// or an official answer from one. Audited like other staff changes (the title, not the text). Free of req/res.
import { ConflictError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { SavedAnswerRow, SavedAnswersRepository } from './saved-answers.repository';

export interface SavedAnswerInput {
  title: string;
  body: string;
}

export class SavedAnswersService {
  constructor(
    private readonly repo: SavedAnswersRepository,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  list(municipalityId: number): SavedAnswerRow[] {
    return this.repo.list(municipalityId);
  }

  get(municipalityId: number, id: number): SavedAnswerRow {
    const answer = this.repo.byId(municipalityId, id);
    if (!answer) throw new NotFoundError();
    return answer;
  }

  /** The text of a saved answer chosen in a form: one of another municipality, or gone, is the form's error. */
  textOf(municipalityId: number, id: number, field: string): string {
    const answer = this.repo.byId(municipalityId, id);
    if (!answer) throw new ConflictError({ [field]: 'validation.savedAnswerGone' });
    return answer.body;
  }

  create(actorId: number | null, municipalityId: number, input: SavedAnswerInput): number {
    const id = this.repo.transaction(() => {
      if (this.repo.idByTitle(municipalityId, input.title) !== undefined) throw new ConflictError({ title: 'validation.savedAnswerTaken' }, { ...input });
      return this.repo.insert(municipalityId, input.title, input.body, this.clock().toISOString());
    });
    this.record(actorId, municipalityId, 'saved_answer.created', id, input.title);
    return id;
  }

  update(actorId: number | null, municipalityId: number, id: number, input: SavedAnswerInput): void {
    this.repo.transaction(() => {
      this.get(municipalityId, id);
      const other = this.repo.idByTitle(municipalityId, input.title);
      if (other !== undefined && other !== id) throw new ConflictError({ title: 'validation.savedAnswerTaken' }, { ...input });
      this.repo.update(id, input.title, input.body, this.clock().toISOString());
    });
    this.record(actorId, municipalityId, 'saved_answer.updated', id, input.title);
  }

  remove(actorId: number | null, municipalityId: number, id: number): void {
    const { title } = this.repo.transaction(() => {
      const answer = this.get(municipalityId, id);
      this.repo.delete(id);
      return answer;
    });
    this.record(actorId, municipalityId, 'saved_answer.deleted', id, title);
  }

  private record(actorId: number | null, municipalityId: number, action: string, id: number, title: string): void {
    this.audit.record({ actorUserId: actorId, municipalityId, action, entityType: 'saved_answer', entityId: id, details: { title } });
  }
}
