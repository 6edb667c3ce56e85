// The portfolio board, an initiative's form and page, linking candidates, exports, and residents' "what we are doing".
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { handleForm } from '../../lib/form-handler';
import { parseForm, parseQuery } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import type { SharedPages } from '../../middleware/shared-pages';
import { EmptyFormSchema } from '../../lib/forms';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import type { FeedbackService } from '../feedback/feedback.service';
import { writePortfolioCsv, writePortfolioXlsx } from './portfolio-export';
import { BOARD_MOVES, CONFIDENCES, EFFORTS, INITIATIVE_STATUSES } from './portfolio-vocabulary';
import {
  BoardQuerySchema, InitiativeInputSchema, LinkInputSchema, LinkToInitiativeInputSchema, MoveInputSchema, NewQuerySchema, PortfolioExportQuerySchema,
} from './portfolio.schema';
import { WipLimitReached, type Initiative, type MakeRoom, type PortfolioService } from './portfolio.service';

const EDITORS = ['admin', 'designer', 'analyst'];

export interface PortfolioDeps {
  portfolio: PortfolioService;
  departments: Pick<DepartmentsService, 'list'>;
  /** The board's journey filter lists the municipality's journeys (named, not imported: insights build on the portfolio). */
  insightsReader: { options(municipalityId: number): { journeys: { id: number; title: string }[] } };
  feedback: Pick<FeedbackService, 'visible'>;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
  /** Residents' "what we are doing" is a shared page, kept by the ranking's page version (which the portfolio moves). */
  ranking: { pageVersion(municipalityId: number): string };
  sharedPages: SharedPages;
  /** A report's step and its responsible department, as residents see the published map (named, not imported). */
  publicJourneys: { mapById(municipalityId: number, journeyId: number): { steps: { id: number; department: { id: number } | null }[] } | undefined };
  /** Residents' answers to "is it fixed?" on each candidate (#20.3; feedback's reader, named, not imported). */
  fixAnswerCounts: { summariesIn(municipalityId: number): (painPointId: number) => unknown };
}

/** What the WIP question sends back with staff's answer: where the change was posted, and its fields. */
interface PendingChange {
  action: string;
  fields: [string, string][];
  /** The initiative that is to start. */
  subject: string;
  cancel: string;
}

/** A parsed initiative form as the fields the form posts, to send it again from the WIP question. */
function formFields(input: ReturnType<typeof InitiativeInputSchema.parse>): [string, string][] {
  return [
    ['title', input.title],
    ['description', input.description],
    ['ownerDepartmentId', String(input.ownerDepartmentId)],
    ...input.departmentIds.map((d): [string, string] => ['departmentIds', String(d)]),
    ['effort', input.effort],
    ['confidence', input.confidence],
    ['status', input.status],
    ['progress', String(input.progress)],
    ['publicNote', input.publicNote],
    ...(input.candidateId ? [['candidateId', String(input.candidateId)] as [string, string]] : []),
  ];
}

export function portfolioController({ portfolio, departments, insightsReader, feedback, audit, clock, ranking, sharedPages, publicJourneys, fixAnswerCounts }: PortfolioDeps) {
  const m = (req: Request) => req.municipality!;
  const initiativePage = (req: Request, id: number) => paths.admin.portfolio.show({ municipality: m(req).slug, initiativeId: id });
  const canEdit = (req: Request) => (req.roles ?? []).some((r) => EDITORS.includes(r));
  const query = <T>(schema: Parameters<typeof parseQuery<T>>[0], req: Request): T => parseQuery(schema, req.query, 'insights.badFilter');
  const initiativeForm = (req: Request, initiative: Initiative | null) => ({
    view: 'portfolio/form',
    locals: {
      title: initiative ? req.t('portfolio.editTitle') : req.t('portfolio.newTitle'),
      initiative,
      painPoint: null,
      departments: departments.list(m(req).id),
      efforts: EFFORTS,
      confidences: CONFIDENCES,
      statuses: INITIATIVE_STATUSES,
    },
  });
  const initiative = (req: Request) => portfolio.get(m(req).id, idParam(req, 'initiativeId'));
  /** An initiative's page; a refused link or unlink comes back to it with the reason. */
  const detail = (req: Request) => {
    const shown = initiative(req);
    return { view: 'portfolio/detail', locals: { title: shown.title, initiative: shown, canEdit: canEdit(req), fixSummaryOf: fixAnswerCounts.summariesIn(m(req).id) } };
  };
  const boardPage = (req: Request) => {
    const filter = query(BoardQuerySchema, req);
    return {
      view: 'portfolio/board',
      locals: {
        title: req.t('portfolio.title'),
        board: portfolio.board(m(req).id, m(req).wip_limit, { departmentId: filter.department, journeyId: filter.journey }),
        filter,
        canEdit: canEdit(req),
        departments: departments.list(m(req).id),
        journeys: insightsReader.options(m(req).id).journeys,
        statuses: INITIATIVE_STATUSES,
        moves: BOARD_MOVES,
      },
    };
  };
  const focus = (req: Request, makeRoom: MakeRoom | null) => ({ wipLimit: m(req).wip_limit, makeRoom });
  /**
   * A change that would pass the WIP limit is not saved: the staff member gets a page that asks which initiative in
   * progress to pause or finish, as one plain form that posts the same change again with the answer, or to cancel.
   * The input was parsed before the service refused, so parsing it again here cannot fail.
   */
  const askOnWipLimit = (handler: RequestHandler, pending: (req: Request) => PendingChange): RequestHandler =>
    async (req, res, next) => {
      try {
        await handler(req, res, next);
      } catch (err) {
        if (!(err instanceof WipLimitReached)) throw err;
        res.status(409).render('portfolio/wip', { title: req.t('portfolio.wipQuestion.title'), pending: pending(req), inProgress: err.inProgress, limit: err.limit });
      }
    };
  /** The responsible department of a report's step on the published map, to suggest as the owner. */
  const stepDepartment = (municipalityId: number, journeyId: number, stepId: number | null): number | null => {
    if (stepId === null) return null;
    const step = publicJourneys.mapById(municipalityId, journeyId)?.steps.find((s) => s.id === stepId);
    const id = step?.department?.id ?? null;
    return id !== null && departments.list(municipalityId).some((d) => d.id === id) ? id : null;
  };
  const valuesOf = (i: Initiative) => ({
    title: i.title,
    description: i.description,
    ownerDepartmentId: String(i.owner_department_id),
    departmentIds: i.departments.map((d) => String(d.id)),
    effort: i.effort,
    confidence: i.confidence,
    status: i.status,
    progress: String(i.progress),
    publicNote: i.public_note,
  });

  return {
    board(req: Request, res: Response) {
      const { view, locals } = boardPage(req);
      res.render(view, { ...locals, errors: {} });
    },

    /** A status move from a card on the board; refused moves show the board again with the reason. */
    move: askOnWipLimit(
      handleForm({
        schema: MoveInputSchema,
        form: boardPage,
        act: (req, { to, makeRoom }) => portfolio.move(req.user!.id, m(req).id, idParam(req, 'initiativeId'), to, focus(req, makeRoom)),
        done: (req) => ({ to: paths.admin.portfolio.board({ municipality: m(req).slug }, undefined, `initiative-${idParam(req, 'initiativeId')}`) }),
      }),
      (req) => {
        const { to } = parseForm(MoveInputSchema, req.body);
        return {
          action: paths.admin.portfolio.move({ municipality: m(req).slug, initiativeId: idParam(req, 'initiativeId') }),
          fields: [['to', to]],
          subject: initiative(req).title,
          cancel: paths.admin.portfolio.board({ municipality: m(req).slug }),
        };
      },
    ),

    create: {
      get(req: Request, res: Response) {
        const { candidate } = query(NewQuerySchema, req);
        const painPoint = candidate ? feedback.visible(m(req).id, candidate, null) : null;
        const owner = painPoint ? stepDepartment(m(req).id, painPoint.journey_id, painPoint.step_id) : null;
        const form = initiativeForm(req, null);
        res.render(form.view, {
          ...form.locals,
          painPoint,
          // The name is the staff's to choose: a report's title is a resident's complaint, not a name for the work.
          values: {
            title: '', ownerDepartmentId: owner === null ? '' : String(owner), effort: 'M', confidence: 'medium', status: 'proposed', progress: '0',
            candidateId: candidate ? String(candidate) : '', departmentIds: [],
          },
          errors: {},
        });
      },
      post: askOnWipLimit(
        handleForm({
          schema: InitiativeInputSchema,
          form: (req) => initiativeForm(req, null),
          act: (req, { candidateId, makeRoom, ...input }) => portfolio.create(req.user!.id, m(req).id, input, candidateId ? [candidateId] : [], focus(req, makeRoom)),
          done: (req, id) => ({ to: initiativePage(req, id) }),
        }),
        (req) => {
          const input = parseForm(InitiativeInputSchema, req.body);
          return { action: paths.admin.portfolio.board({ municipality: m(req).slug }), fields: formFields(input), subject: input.title, cancel: paths.admin.portfolio.board({ municipality: m(req).slug }) };
        },
      ),
    },

    show(req: Request, res: Response) {
      const { view, locals } = detail(req);
      res.render(view, { ...locals, errors: {}, values: {} });
    },

    edit: {
      get(req: Request, res: Response) {
        const form = initiativeForm(req, initiative(req));
        res.render(form.view, { ...form.locals, values: valuesOf(form.locals.initiative!), errors: {} });
      },
      post: askOnWipLimit(
        handleForm({
          schema: InitiativeInputSchema,
          form: (req) => initiativeForm(req, initiative(req)),
          act: (req, { candidateId: _none, makeRoom, ...input }) => portfolio.update(req.user!.id, m(req).id, idParam(req, 'initiativeId'), input, focus(req, makeRoom)),
          done: (req) => ({ to: initiativePage(req, idParam(req, 'initiativeId')) }),
        }),
        (req) => {
          const input = parseForm(InitiativeInputSchema, req.body);
          const id = idParam(req, 'initiativeId');
          return { action: paths.admin.portfolio.edit({ municipality: m(req).slug, initiativeId: id }), fields: formFields(input), subject: input.title, cancel: initiativePage(req, id) };
        },
      ),
    },

    link: handleForm({
      schema: LinkInputSchema,
      form: detail,
      act: (req, { painPointId }) => portfolio.link(req.user!.id, m(req).id, idParam(req, 'initiativeId'), painPointId),
      done: (req) => ({ to: initiativePage(req, idParam(req, 'initiativeId')) }),
    }),

    /**
     * From a candidate's explanation page: add it to an existing initiative. Both values come from that page's own
     * select and hidden field, so a refusal means a stale or altered page: the error page says so (no form to show again).
     */
    linkFromCandidate(req: Request, res: Response) {
      const { initiativeId, painPointId } = parseForm(LinkToInitiativeInputSchema, req.body);
      portfolio.link(req.user!.id, m(req).id, initiativeId, painPointId);
      res.redirect(303, initiativePage(req, initiativeId));
    },

    unlink: handleForm({
      schema: EmptyFormSchema,
      form: detail,
      act: (req) => portfolio.unlink(req.user!.id, m(req).id, idParam(req, 'initiativeId'), idParam(req, 'painPointId')),
      done: (req) => ({ to: initiativePage(req, idParam(req, 'initiativeId')) }),
    }),

    async exportBoard(req: Request, res: Response) {
      const q = query(PortfolioExportQuerySchema, req);
      const board = portfolio.board(m(req).id, m(req).wip_limit, { departmentId: q.department, journeyId: q.journey });
      const rows = board.columns.flatMap((c) => c.initiatives);
      const name = `reisekart-${m(req).slug}-portefolje-${clock().toISOString().slice(0, 10)}`;
      audit.record({ actorUserId: req.user!.id, municipalityId: m(req).id, action: 'portfolio.exported', details: { format: q.format } });
      if (q.format === 'csv') {
        res.attachment(`${name}.csv`).type('text/csv; charset=utf-8');
        await writePortfolioCsv(res, rows, (k) => req.t(k));
      } else {
        res.attachment(`${name}.xlsx`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        await writePortfolioXlsx(res, rows, (k) => req.t(k), req.t('portfolio.title'));
      }
    },

    doing(req: Request, res: Response, next: NextFunction) {
      const municipalityId = m(req).id;
      sharedPages.send(req, res, next, {
        view: 'portfolio/doing',
        version: () => ranking.pageVersion(municipalityId),
        locals: () => ({ title: req.t('portfolio.doing.title', { municipality: m(req).name }), initiatives: portfolio.doing(municipalityId) }),
      });
    },
  };
}
