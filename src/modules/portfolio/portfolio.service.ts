// The portfolio: initiatives with RANKING.md's priority beside the residents' summed need, the WIP limit, status
// propagation to linked pain points (a moderator's own answer wins), and the public "what we are doing". No req/res.
import { ConflictError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import type { PainPointLinks } from '../feedback/pain-point-links.port';
import { isPubliclyVisible } from '../feedback/public-visibility';
import type { RankingService } from '../ranking/ranking.service';
import { INITIATIVE_STATUSES, priority, PROPAGATED_STATUS, type InitiativeStatus } from './portfolio-vocabulary';
import type { InitiativeRow, InitiativeValues, PortfolioRepository } from './portfolio.repository';

export interface Initiative extends InitiativeRow {
  departments: { id: number; name: string }[];
  candidates: { id: number; title: string; journey_id: number; need: number; response_status: string; public: boolean }[];
  needSum: number;
  priority: number;
  crossDepartment: boolean;
}

export class PortfolioService {
  constructor(
    private readonly repo: PortfolioRepository,
    /** The feedback module's port: which pain points may be linked, and the answers they show. */
    private readonly painPoints: PainPointLinks,
    private readonly departments: Pick<DepartmentsService, 'findInMunicipality'>,
    private readonly ranking: Pick<RankingService, 'needOf'>,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** Every initiative with its departments, candidates, summed need and priority. */
  all(municipalityId: number): Initiative[] {
    const departments = this.repo.departments(municipalityId);
    const candidates = this.repo.candidates(municipalityId);
    const need = this.ranking.needOf(municipalityId, candidates.map((c) => c.id));
    return this.repo.list(municipalityId).map((row) => {
      const linked = candidates
        .filter((c) => c.initiative_id === row.id)
        .map((c) => ({
          id: c.id,
          title: c.title,
          journey_id: c.journey_id,
          need: need.get(c.id) ?? 0,
          response_status: c.response_status,
          public: isPubliclyVisible(c),
        }));
      const others = departments.filter((d) => d.initiative_id === row.id && d.id !== row.owner_department_id).map((d) => ({ id: d.id, name: d.name }));
      const needSum = linked.reduce((s, c) => s + c.need, 0);
      return { ...row, departments: others, candidates: linked, needSum, priority: priority(needSum, row.effort, row.confidence), crossDepartment: others.length > 0 };
    });
  }

  get(municipalityId: number, id: number): Initiative {
    const found = this.all(municipalityId).find((i) => i.id === id);
    if (!found) throw new NotFoundError();
    return found;
  }

  /** The board: a column per status, "next up" (proposed and planned by priority), and the WIP limit against in-progress. */
  board(municipalityId: number, wipLimit: number, filter: { departmentId: number | null; journeyId: number | null }) {
    const everything = this.all(municipalityId);
    const shown = everything.filter(
      (i) =>
        (filter.departmentId === null || i.owner_department_id === filter.departmentId || i.departments.some((d) => d.id === filter.departmentId)) &&
        (filter.journeyId === null || i.candidates.some((c) => c.journey_id === filter.journeyId)),
    );
    const byPriority = (a: Initiative, b: Initiative) => b.priority - a.priority || b.needSum - a.needSum || a.id - b.id;
    const inProgress = everything.filter((i) => i.status === 'in_progress').length;
    return {
      columns: INITIATIVE_STATUSES.map((status) => ({ status, initiatives: shown.filter((i) => i.status === status).sort(byPriority) })),
      nextUp: shown.filter((i) => i.status === 'proposed' || i.status === 'planned').sort(byPriority),
      wip: { inProgress, limit: wipLimit, exceeded: inProgress > wipLimit },
    };
  }

  private assertDepartments(municipalityId: number, v: InitiativeValues): void {
    for (const id of [v.ownerDepartmentId, ...v.departmentIds]) {
      if (!this.departments.findInMunicipality(municipalityId, id)) {
        throw new ConflictError({ [id === v.ownerDepartmentId ? 'ownerDepartmentId' : 'departmentIds']: 'validation.invalid' }, { ...v });
      }
    }
  }

  /** A pain point can be linked when it is a candidate (published, not merged) of this municipality. */
  private assertCandidate(municipalityId: number, painPointId: number): void {
    if (!this.painPoints.isCandidate(municipalityId, painPointId)) throw new ConflictError({ painPointId: 'portfolio.errors.notCandidate' });
  }

  create(actorId: number | null, municipalityId: number, v: InitiativeValues, candidateIds: number[] = []): number {
    const id = this.repo.transaction(() => {
      this.assertDepartments(municipalityId, v);
      for (const c of candidateIds) this.assertCandidate(municipalityId, c);
      const initiativeId = this.repo.insert(municipalityId, v, this.now());
      for (const c of candidateIds) this.repo.link(initiativeId, c);
      this.propagate(municipalityId, initiativeId, v.status, v.publicNote);
      return initiativeId;
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.created', entityType: 'initiative', entityId: id, details: { status: v.status, candidates: candidateIds } });
    return id;
  }

  update(actorId: number, municipalityId: number, id: number, v: InitiativeValues): void {
    const before = this.get(municipalityId, id);
    this.repo.transaction(() => {
      this.assertDepartments(municipalityId, v);
      this.repo.update(id, v, this.now());
      if (v.status !== before.status) this.propagate(municipalityId, id, v.status, v.publicNote);
    });
    this.audit.record({
      actorUserId: actorId, municipalityId, action: 'initiative.updated', entityType: 'initiative', entityId: id,
      details: { from: { status: before.status, progress: before.progress }, to: { status: v.status, progress: v.progress } },
    });
  }

  link(actorId: number, municipalityId: number, id: number, painPointId: number): void {
    const initiative = this.get(municipalityId, id);
    this.repo.transaction(() => {
      this.assertCandidate(municipalityId, painPointId);
      if (this.repo.link(id, painPointId)) this.propagateTo(municipalityId, [painPointId], initiative.status, initiative.public_note);
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.candidate_linked', entityType: 'initiative', entityId: id, details: { painPointId } });
  }

  unlink(actorId: number, municipalityId: number, id: number, painPointId: number): void {
    this.get(municipalityId, id);
    if (!this.repo.unlink(id, painPointId)) throw new NotFoundError();
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.candidate_unlinked', entityType: 'initiative', entityId: id, details: { painPointId } });
  }

  private propagate(municipalityId: number, initiativeId: number, status: InitiativeStatus, note: string): void {
    this.propagateTo(municipalityId, this.repo.linkedPainPointIds(initiativeId), status, note);
  }

  /** Linked pain points follow the initiative's status, unless a moderator has answered them in person. */
  private propagateTo(municipalityId: number, painPointIds: number[], status: InitiativeStatus, note: string): void {
    const response = PROPAGATED_STATUS[status];
    if (!response) return;
    for (const id of painPointIds) {
      const answer = this.painPoints.answerOf(municipalityId, id);
      if (!answer || answer.byModerator || answer.status === response) continue;
      this.painPoints.answerFromInitiative({ id, journeyId: answer.journeyId }, response, note, this.now());
    }
  }

  /** For residents: initiatives in progress and done, with the pain points they answer that residents can see. */
  doing(municipalityId: number) {
    return this.all(municipalityId)
      .filter((i) => i.status === 'in_progress' || i.status === 'done')
      .map((i) => ({ ...i, candidates: i.candidates.filter((c) => c.public) }))
      .sort((a, b) => (a.status === b.status ? b.priority - a.priority : a.status === 'in_progress' ? -1 : 1));
  }

  initiativesOf(municipalityId: number, painPointId: number): Initiative[] {
    return this.all(municipalityId).filter((i) => i.candidates.some((c) => c.id === painPointId));
  }
}
