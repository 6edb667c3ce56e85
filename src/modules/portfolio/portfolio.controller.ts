// The portfolio board, an initiative's form and page, linking candidates, exports, and residents' "what we are doing".
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { parseForm, parseQuery } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { renderFormError } from '../../lib/render-form';
import { paths } from '../../paths';
import type { Services } from '../../services';
import { EmptyFormSchema } from '../accounts/accounts.schema';
import { writePortfolioCsv, writePortfolioXlsx } from './portfolio-export';
import { CONFIDENCES, EFFORTS, INITIATIVE_STATUSES } from './portfolio-vocabulary';
import { BoardQuerySchema, InitiativeInputSchema, LinkInputSchema, LinkToInitiativeInputSchema, NewQuerySchema, PortfolioExportQuerySchema } from './portfolio.schema';
import type { Initiative } from './portfolio.service';

const EDITORS = ['admin', 'designer', 'analyst'];

export function portfolioController({ portfolio, departments, insightsReader, feedback, audit, clock }: Services) {
  const m = (req: Request) => req.municipality!;
  const initiativePage = (req: Request, id: number) => paths.admin.portfolio.show({ municipality: m(req).slug, initiativeId: id });
  const canEdit = (req: Request) => (req.roles ?? []).some((r) => EDITORS.includes(r));
  const query = <T>(schema: Parameters<typeof parseQuery<T>>[0], req: Request): T => parseQuery(schema, req.query, 'insights.badFilter');
  const formLocals = (req: Request, initiative: Initiative | null) => ({
    title: initiative ? req.t('portfolio.editTitle') : req.t('portfolio.newTitle'),
    initiative,
    departments: departments.list(m(req).id),
    efforts: EFFORTS,
    confidences: CONFIDENCES,
    statuses: INITIATIVE_STATUSES,
  });
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
        res.render('portfolio/form', {
          ...formLocals(req, null),
          painPoint,
          values: { title: painPoint?.title ?? '', effort: 'M', confidence: 'medium', status: 'proposed', progress: '0', candidateId: candidate ? String(candidate) : '', departmentIds: [] },
          errors: {},
        });
      },
      post(req: Request, res: Response) {
        try {
          const { candidateId, ...input } = parseForm(InitiativeInputSchema, req.body);
          const id = portfolio.create(req.user!.id, m(req).id, input, candidateId ? [candidateId] : []);
          res.redirect(303, initiativePage(req, id));
        } catch (err) {
          renderFormError(res, err, 'portfolio/form', { ...formLocals(req, null), painPoint: null });
        }
      },
    },

    show(req: Request, res: Response) {
      const initiative = portfolio.get(m(req).id, idParam(req, 'initiativeId'));
      res.render('portfolio/detail', { title: initiative.title, initiative, canEdit: canEdit(req), errors: {}, values: {} });
    },

    edit: {
      get(req: Request, res: Response) {
        const initiative = portfolio.get(m(req).id, idParam(req, 'initiativeId'));
        res.render('portfolio/form', { ...formLocals(req, initiative), painPoint: null, values: valuesOf(initiative), errors: {} });
      },
      post(req: Request, res: Response) {
        const initiative = portfolio.get(m(req).id, idParam(req, 'initiativeId'));
        try {
          const { candidateId: _none, ...input } = parseForm(InitiativeInputSchema, req.body);
          portfolio.update(req.user!.id, m(req).id, initiative.id, input);
          res.redirect(303, initiativePage(req, initiative.id));
        } catch (err) {
          renderFormError(res, err, 'portfolio/form', { ...formLocals(req, initiative), painPoint: null });
        }
      },
    },

    link(req: Request, res: Response) {
      const id = idParam(req, 'initiativeId');
      try {
        const { painPointId } = parseForm(LinkInputSchema, req.body);
        portfolio.link(req.user!.id, m(req).id, id, painPointId);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const initiative = portfolio.get(m(req).id, id);
        return res.status(400).render('portfolio/detail', { title: initiative.title, initiative, canEdit: canEdit(req), errors: { _form: Object.values(err.fieldErrors)[0] }, values: {} });
      }
      res.redirect(303, initiativePage(req, id));
    },

    /** From a candidate's explanation page: add it to an existing initiative. */
    linkFromCandidate(req: Request, res: Response) {
      const { initiativeId, painPointId } = parseForm(LinkToInitiativeInputSchema, req.body);
      portfolio.link(req.user!.id, m(req).id, initiativeId, painPointId);
      res.redirect(303, initiativePage(req, initiativeId));
    },

    unlink(req: Request, res: Response) {
      parseForm(EmptyFormSchema, req.body);
      const id = idParam(req, 'initiativeId');
      portfolio.unlink(req.user!.id, m(req).id, id, idParam(req, 'painPointId'));
      res.redirect(303, initiativePage(req, id));
    },

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

    doing(req: Request, res: Response) {
      res.render('portfolio/doing', { title: req.t('portfolio.doing.title', { municipality: m(req).name }), initiatives: portfolio.doing(m(req).id) });
    },
  };
}
