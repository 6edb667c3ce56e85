// Staff insights: the ranked table with filters, charts, a candidate's explanation, and exports.
import type { NextFunction, Request, Response } from 'express';
import { OwnPages } from '../../middleware/own-pages';
import { parseQuery } from '../../lib/forms';
import { nextTurn } from '../../lib/turns';
import { idParam } from '../../lib/params';
import { paths } from '../../paths';
import type { AuditService } from '../audit/audit.service';
import type { DepartmentsService } from '../departments/departments.service';
import { fixSummary, type FixAnswers } from '../feedback/fix-answers';
import { RESPONSE_STATUSES } from '../feedback/feedback-vocabulary';
import { LIFE_EVENTS } from '../journeys/journey-vocabulary';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import type { PortfolioService } from '../portfolio/portfolio.service';
import type { RankingService } from '../ranking/ranking.service';
import type { InsightsReader } from './insights-reader';
import { writeCsv, writeJson, writeXlsx } from './insights-export';
import { ExplainQuerySchema, ExportQuerySchema, INSIGHT_SORTS, InsightsQuerySchema } from './insights.schema';
import type { InsightsService } from './insights.service';

export interface InsightsDeps {
  insights: InsightsService;
  insightsReader: InsightsReader;
  departments: Pick<DepartmentsService, 'list'>;
  portfolio: Pick<PortfolioService, 'all'>;
  audit: Pick<AuditService, 'record'>;
  clock: () => Date;
  ranking: Pick<RankingService, 'pageVersion'>;
  /** The published maps, for the step filter: only steps residents can report on, grouped by journey. */
  publicJourneys: Pick<PublicJourneysService, 'stepGroups'>;
  /** Residents' answers to "is it fixed?" (#20.3): "confirmed by residents" in the table's status and on the explanation. */
  fixAnswerCounts: Pick<FixAnswers, 'summariesIn'>;
}

const parse = <T>(schema: Parameters<typeof parseQuery<T>>[0], query: unknown): T => parseQuery(schema, query, 'insights.badFilter');

/** The filter as a query string, for the table's own pagination and sort links (values only from the parsed filter). */
function queryString(q: Record<string, unknown>, changes: Record<string, string | number | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...q, ...changes })) {
    if (value !== null && value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  return params.toString();
}

export function insightsController({ insights, insightsReader, departments, portfolio, audit, clock, ranking, publicJourneys, fixAnswerCounts }: InsightsDeps) {
  const pages = new OwnPages();
  return {
    index(req: Request, res: Response, next: NextFunction) {
      const m = req.municipality!;
      const q = parse(InsightsQuerySchema, req.query);
      // Everything the page shows moves the municipality's ranking version, or is the person's (added by OwnPages).
      pages.send(req, res, next, 'insights/index', ranking.pageVersion(m.id), async () => ({
        title: req.t('insights.title'),
        q,
        // Table, charts and rendering each take 10-20 ms for the largest municipality: a turn of their own each.
        table: await insights.table(m.id, q, q.sort, q.page).finally(nextTurn),
        charts: await insights.charts(m.id, q).finally(nextTurn),
        // Answers move the ranking version (migration 0031), so the kept page is never stale about them.
        fixSummaryOf: fixAnswerCounts.summariesIn(m.id),
        // Verified supporters (#21.3) once anyone here has verified; a verification moves the version this page is kept by.
        showVerified: insights.showsVerified(m.id),
        options: {
          journeys: insightsReader.options(m.id).journeys,
          stepGroups: publicJourneys.stepGroups(m.id),
          departments: departments.list(m.id),
          lifeEvents: LIFE_EVENTS,
          statuses: RESPONSE_STATUSES,
          sorts: INSIGHT_SORTS,
        },
        // The checkbox's own value in links: `true` is no value the schema takes.
        link: (changes: Record<string, string | number | null>) => `?${queryString({ ...q, verified: q.verified ? '1' : null }, changes)}`,
        exportLink: (format: string, separator?: string) =>
          // The filter and sort only: the page and display choices (figures) are no part of an export.
          paths.admin.insights.export({ municipality: m.slug }, { ...q, verified: q.verified ? '1' : undefined, page: undefined, figures: undefined, format, separator }),
        explainLink: (painPointId: number) => paths.admin.insights.explain({ municipality: m.slug, painPointId }, { verified: q.verified ? '1' : undefined }),
      }));
    },

    explain(req: Request, res: Response) {
      const m = req.municipality!;
      const id = idParam(req, 'painPointId');
      const explanation = insights.explain(m.id, id, parse(ExplainQuerySchema, req.query).verified);
      const open = portfolio.all(m.id).filter((i) => i.status !== 'done' && i.status !== 'declined' && !i.candidates.some((c) => c.id === id));
      res.render('insights/explain', {
        title: req.t('insights.explain.title', { title: explanation.candidate.title }),
        ...explanation,
        initiatives: open,
        // Under "verified only" the answers counted are the verified persons', and "residents say it is not fixed" is
        // the rule of fix-answers.ts over them (the view leaves out that the report was reopened: everyone's answers do that).
        fixSummary: explanation.verifiedFixCounts ? fixSummary(explanation.verifiedFixCounts) : fixAnswerCounts.summariesIn(m.id)(id),
      });
    },

    async exportTable(req: Request, res: Response) {
      const m = req.municipality!;
      const q = parse(ExportQuerySchema, req.query);
      const baseUrl = req.app.locals.baseUrl as string;
      const urlOf = (r: { id: number }) => baseUrl + paths.painPoint({ municipality: m.slug, painPointId: r.id });
      const date = clock().toISOString().slice(0, 10);
      const name = `reisekart-${m.slug}-${date}`;
      audit.record({
        actorUserId: req.user!.id,
        municipalityId: m.id,
        action: 'insights.exported',
        details: { format: q.format, journey: q.journey, lifeEvent: q.lifeEvent, department: q.department, step: q.step, status: q.status, from: q.from, to: q.to, verified: q.verified, sort: q.sort },
      });
      const rows = insights.exportRows(m.id, q, q.sort);
      // Headers and labels (the status) in the request's language. The semicolon CSV is for Norwegian spreadsheets
      // (decimal comma, Norwegian time), the comma CSV and the JSON are machine-readable (insights-export.ts).
      const t = (key: string) => req.t(key);
      if (q.format === 'csv') {
        res.attachment(`${name}.csv`).type('text/csv; charset=utf-8');
        await writeCsv(res, rows, urlOf, t, q.separator);
      } else if (q.format === 'xlsx') {
        res.attachment(`${name}.xlsx`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        await writeXlsx(res, rows, urlOf, t, req.t('insights.sheetName'));
      } else {
        res.attachment(`${name}.json`).type('application/json; charset=utf-8');
        await writeJson(res, rows, urlOf, { municipality: m.slug, exportedAt: clock().toISOString(), filter: { ...q, format: undefined, separator: undefined } });
      }
    },
  };
}
