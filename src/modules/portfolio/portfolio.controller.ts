// The portfolio board, an initiative's form and page, linking candidates, exports, and residents' "what we are doing".
import type { NextFunction, Request, Response } from 'express';
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
import { CONFIDENCES, EFFORTS, INITIATIVE_STATUSES } from './portfolio-vocabulary';
import { BoardQuerySchema, InitiativeInputSchema, LinkInputSchema, LinkToInitiativeInputSchema, NewQuerySchema, PortfolioExportQuerySchema } from './portfolio.schema';
import type { Initiative, PortfolioService } from './portfolio.service';

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
}

export function portfolioController({ portfolio, departments, insightsReader, feedback, audit, clock, ranking, sharedPages }: PortfolioDeps) {
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
    return { view: 'portfolio/detail', locals: { title: shown.title, initiative: shown, canEdit: canEdit(req) } };
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
      const filter = query(BoardQuerySchema, req);
      res.render('portfolio/board', {
        title: req.t('portfolio.title'),
        board: portfolio.board(m(req).id, m(req).wip_limit, { departmentId: filter.department, journeyId: filter.journey }),
        filter,
        canEdit: canEdit(req),
        departments: departments.list(m(req).id),
        journeys: insightsReader.options(m(req).id).journeys,
        statuses: INITIATIVE_STATUSES,
      });
    },

    create: {
      get(req: Request, res: Response) {
        const { candidate } = query(NewQuerySchema, req);
        const painPoint = candidate ? feedback.visible(m(req).id, candidate, null) : null;
        const form = initiativeForm(req, null);
        res.render(form.view, {
          ...form.locals,
          painPoint,
          values: { title: painPoint?.title ?? '', effort: 'M', confidence: 'medium', status: 'proposed', progress: '0', candidateId: candidate ? String(candidate) : '', departmentIds: [] },
          errors: {},
        });
      },
      post: handleForm({
        schema: InitiativeInputSchema,
        form: (req) => initiativeForm(req, null),
        act: (req, { candidateId, ...input }) => portfolio.create(req.user!.id, m(req).id, input, candidateId ? [candidateId] : []),
        done: (req, id) => ({ to: initiativePage(req, id) }),
      }),
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
      post: handleForm({
        schema: InitiativeInputSchema,
        form: (req) => initiativeForm(req, initiative(req)),
        act: (req, { candidateId: _none, ...input }) => portfolio.update(req.user!.id, m(req).id, idParam(req, 'initiativeId'), input),
        done: (req) => ({ to: initiativePage(req, idParam(req, 'initiativeId')) }),
      }),
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
