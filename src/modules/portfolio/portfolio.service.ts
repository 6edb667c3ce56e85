// The portfolio: initiatives with RANKING.md's priority beside the residents' summed need, the WIP limit, status
// propagation to linked pain points (a moderator's own answer wins), and the public "what we are doing". No req/res.
import { AppError, ConflictError, NotFoundError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import type { PainPointLinks } from '../feedback/pain-point-links.port';
import { isPubliclyVisible } from '../feedback/public-visibility';
import type { RankingService } from '../ranking/ranking.service';
import {
  BOARD_MOVES, INITIATIVE_STATUSES, isInitiativeStatus, MAKE_ROOM_STATUS, priority, type InitiativeStatus, type MakeRoomAction,
} from './portfolio-vocabulary';
import type { InitiativeRow, InitiativeValues, PortfolioRepository } from './portfolio.repository';
import { answerFromInitiatives } from './report-status';

export interface Initiative extends InitiativeRow {
  departments: { id: number; name: string }[];
  candidates: { id: number; title: string; journey_id: number; need: number; response_status: string; public: boolean }[];
  needSum: number;
  priority: number;
  crossDepartment: boolean;
}

/** Staff's answer to the WIP question: the initiative in progress to pause or finish to make room. */
export interface MakeRoom {
  action: MakeRoomAction;
  initiativeId: number;
}

/**
 * How a staff member's change keeps to the municipality's WIP limit: the limit, and their answer to the question
 * (null until asked). Seeds and tests that set up data leave it out, and no limit applies to them.
 */
export interface Focus {
  wipLimit: number;
  makeRoom: MakeRoom | null;
}

/** One more initiative in progress would pass the WIP limit, and no room was made: the controller asks which to stop. */
export class WipLimitReached extends AppError {
  constructor(
    readonly inProgress: { id: number; title: string }[],
    readonly limit: number,
  ) {
    // 409 when nothing asks the question (the error page then says why).
    super(409, 'portfolio.wipQuestion.title');
  }
}

/**
 * Residents following a report by e-mail hear how the initiatives answering it move on (#20), also when its answer stays
 * the same (paused, progress). Named here and filled by the notices module (wired in src/services.ts); called inside
 * the change's transaction, so the notice is queued exactly when the change is committed.
 */
export interface InitiativeFollowers {
  progressed(painPointId: number, initiative: { id: number; title: string; status: InitiativeStatus; progress: number; note: string }): void;
  /** The initiative is done: the report's followers are asked whether it is better now (#20.3), once per initiative. */
  finished(painPointId: number, initiative: { id: number; title: string }): void;
}

/** The initiatives residents read about on "vi gjør" (and the only ones their followers hear of). */
const SHOWN_TO_RESIDENTS: readonly InitiativeStatus[] = ['in_progress', 'paused', 'done'];

/** The initiatives residents read about on "what we are doing", in the order it lists them. */
const DOING: readonly InitiativeStatus[] = ['in_progress', 'paused', 'done'];

export class PortfolioService {
  constructor(
    private readonly repo: PortfolioRepository,
    /** The feedback module's port: which pain points may be linked, and the answers they show. */
    private readonly painPoints: PainPointLinks,
    private readonly departments: Pick<DepartmentsService, 'findInMunicipality'>,
    private readonly ranking: Pick<RankingService, 'needOf'>,
    private readonly audit: AuditService,
    private readonly clock: () => Date,
    private readonly followers: InitiativeFollowers = { progressed: () => undefined, finished: () => undefined },
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
    // Paused initiatives are not work in progress: pausing is how a team gets back under the limit.
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

  /**
   * Keeps a move into "in progress" within the WIP limit: with staff's answer, pauses or finishes the initiative they
   * chose (its own audit entry, in the caller's transaction, so both changes stand or fall together); without one,
   * refuses when the limit is reached, so the change is never saved without the question. A swap never adds to the
   * work in progress, so it is allowed even where the limit was already passed (a limit lowered later, old data).
   */
  private keepWithinLimit(actorId: number | null, municipalityId: number, id: number | null, from: InitiativeStatus | null, to: InitiativeStatus, focus?: Focus): void {
    if (!focus || to !== 'in_progress' || from === 'in_progress') return;
    const inProgress = this.repo.inProgress(municipalityId).filter((i) => i.id !== id);
    if (!focus.makeRoom) {
      if (inProgress.length >= focus.wipLimit) throw new WipLimitReached(inProgress.map(({ id: otherId, title }) => ({ id: otherId, title })), focus.wipLimit);
      return;
    }
    const chosen = inProgress.find((i) => i.id === focus.makeRoom!.initiativeId);
    // A stale question page (someone else paused it meanwhile) or an altered one.
    if (!chosen) throw new ConflictError({ _form: 'portfolio.errors.notInProgress' });
    const status = MAKE_ROOM_STATUS[focus.makeRoom.action];
    this.repo.setStatus(chosen.id, status, this.now());
    this.propagate(municipalityId, chosen.id);
    this.audit.record({
      actorUserId: actorId, municipalityId, action: 'initiative.status_changed', entityType: 'initiative', entityId: chosen.id,
      details: { from: 'in_progress', to: status, makingRoomFor: id },
    });
  }

  create(actorId: number | null, municipalityId: number, v: InitiativeValues, candidateIds: number[] = [], focus?: Focus): number {
    return this.repo.transaction(() => {
      this.assertDepartments(municipalityId, v);
      for (const c of candidateIds) this.assertCandidate(municipalityId, c);
      this.keepWithinLimit(actorId, municipalityId, null, null, v.status, focus);
      const initiativeId = this.repo.insert(municipalityId, v, this.now());
      for (const c of candidateIds) this.repo.link(initiativeId, c);
      this.propagate(municipalityId, initiativeId);
      this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.created', entityType: 'initiative', entityId: initiativeId, details: { status: v.status, candidates: candidateIds } });
      return initiativeId;
    });
  }

  update(actorId: number, municipalityId: number, id: number, v: InitiativeValues, focus?: Focus): void {
    this.repo.transaction(() => {
      // Read inside the transaction, so that the status the WIP rule starts from is the one being changed.
      const before = this.get(municipalityId, id);
      this.assertDepartments(municipalityId, v);
      this.keepWithinLimit(actorId, municipalityId, id, before.status, v.status, focus);
      this.repo.update(id, v, this.now());
      if (v.status !== before.status) this.propagate(municipalityId, id);
      else if (v.progress !== before.progress || v.publicNote !== before.public_note) this.tellFollowers(municipalityId, id, this.repo.linkedPainPointIds(id));
      this.audit.record({
        actorUserId: actorId, municipalityId, action: 'initiative.updated', entityType: 'initiative', entityId: id,
        details: { from: { status: before.status, progress: before.progress }, to: { status: v.status, progress: v.progress } },
      });
    });
  }

  /** A move from the board: only the moves BOARD_MOVES offers from the current status, under the same WIP rule. */
  move(actorId: number, municipalityId: number, id: number, to: string, focus: Focus): void {
    if (!isInitiativeStatus(to)) throw new ConflictError({ _form: 'portfolio.errors.unknownStatus' });
    this.repo.transaction(() => {
      const before = this.get(municipalityId, id);
      if (!BOARD_MOVES[before.status].includes(to)) throw new ConflictError({ _form: 'portfolio.errors.moveNotAllowed' });
      this.keepWithinLimit(actorId, municipalityId, id, before.status, to, focus);
      this.repo.setStatus(id, to, this.now());
      this.propagate(municipalityId, id);
      this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.status_changed', entityType: 'initiative', entityId: id, details: { from: before.status, to } });
    });
  }

  link(actorId: number, municipalityId: number, id: number, painPointId: number): void {
    const initiative = this.get(municipalityId, id);
    this.repo.transaction(() => {
      this.assertCandidate(municipalityId, painPointId);
      if (this.repo.link(id, painPointId)) this.reconcile(municipalityId, painPointId);
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.candidate_linked', entityType: 'initiative', entityId: id, details: { painPointId } });
  }

  unlink(actorId: number, municipalityId: number, id: number, painPointId: number): void {
    this.get(municipalityId, id);
    // The report's answer follows the initiatives it still belongs to, or reopens when none answers it any more.
    this.repo.transaction(() => {
      if (!this.repo.unlink(id, painPointId)) throw new NotFoundError();
      this.reconcile(municipalityId, painPointId);
    });
    this.audit.record({ actorUserId: actorId, municipalityId, action: 'initiative.candidate_unlinked', entityType: 'initiative', entityId: id, details: { painPointId } });
  }

  private propagate(municipalityId: number, initiativeId: number): void {
    const linked = this.repo.linkedPainPointIds(initiativeId);
    const unchanged = linked.filter((id) => !this.reconcile(municipalityId, id));
    // A report whose answer changed has told its followers so already; the others hear of the initiative itself.
    this.tellFollowers(municipalityId, initiativeId, unchanged);
    const i = this.repo.byId(municipalityId, initiativeId);
    if (i?.status === 'done') for (const id of linked) this.followers.finished(id, { id: i.id, title: i.title });
  }

  private tellFollowers(municipalityId: number, initiativeId: number, painPointIds: readonly number[]): void {
    if (painPointIds.length === 0) return;
    const i = this.repo.byId(municipalityId, initiativeId);
    if (!i || !SHOWN_TO_RESIDENTS.includes(i.status)) return;
    for (const id of painPointIds) this.followers.progressed(id, { id: i.id, title: i.title, status: i.status, progress: i.progress, note: i.public_note });
  }

  /**
   * Gives a pain point the answer its initiatives decide (report-status.ts): after an initiative changes or takes it
   * in, and after a moderator answers it in person (the moderation module calls this through its port).
   */
  reconcile(municipalityId: number, painPointId: number): boolean {
    const answer = this.painPoints.answerOf(municipalityId, painPointId);
    if (!answer) return false;
    const initiatives = this.repo.initiativesOfPainPoint(painPointId).map((i) => ({ status: i.status, publicNote: i.public_note }));
    const decided = answerFromInitiatives(answer, initiatives);
    if (decided) this.painPoints.answerFromInitiative({ id: painPointId, journeyId: answer.journeyId }, decided.status, decided.note, this.now());
    return decided !== null;
  }

  /**
   * For residents: initiatives in progress, paused and done, with the pain points they answer that residents can see.
   * A paused one stays on the page, saying so, rather than vanishing from what residents were told is being done.
   */
  doing(municipalityId: number) {
    const order = DOING;
    return this.all(municipalityId)
      .filter((i) => order.includes(i.status))
      .map((i) => ({ ...i, candidates: i.candidates.filter((c) => c.public) }))
      .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || b.priority - a.priority);
  }

  initiativesOf(municipalityId: number, painPointId: number): Initiative[] {
    return this.all(municipalityId).filter((i) => i.candidates.some((c) => c.id === painPointId));
  }

  /** For a report's public page: the initiatives answering it that "what we are doing" shows, to link to. */
  publicInitiativesOf(_municipalityId: number, painPointId: number): { id: number; title: string; status: InitiativeStatus }[] {
    // The report's own initiatives only: building the municipality's whole portfolio for each report's page did the
    // work of "what we are doing" once per report.
    return this.repo
      .initiativesOfPainPoint(painPointId)
      .filter((i) => DOING.includes(i.status))
      .sort((a, b) => DOING.indexOf(a.status) - DOING.indexOf(b.status))
      .map(({ id, title, status }) => ({ id, title, status }));
  }
}
