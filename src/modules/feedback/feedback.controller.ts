// Residents' feedback pages: report a pain point (form, check step, submit), "me too", flag, my contributions, feed.
// The pages anonymous visitors read are shared pages (public, kept); "my contributions" is always the resident's own.
import type { NextFunction, Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { handleForm, showFormAgain } from '../../lib/form-handler';
import { parseForm } from '../../lib/forms';
import { idParam } from '../../lib/params';
import type { SharedPages } from '../../middleware/shared-pages';
import { safeReturnTo } from '../../lib/safe-redirect';
import { paths } from '../../paths';
import { CHANNELS } from '../journeys/journey-vocabulary';
import type { PublicJourneysService } from '../journeys/public-journeys.service';
import { FLAG_REASONS, SEVERITIES } from './feedback-vocabulary';
import { FlagInputSchema, ReportInputSchema, ReturnToSchema, VoteInputSchema } from './feedback.schema';
import type { FeedbackService } from './feedback.service';
import type { ExperiencesService } from './experiences.service';
import type { FixAnswers } from './fix-answers';

export interface FeedbackDeps {
  feedback: FeedbackService;
  publicJourneys: PublicJourneysService;
  /** The ranking's page version, which every change to a municipality's public data moves (named, not imported). */
  ranking: { pageVersion(municipalityId: number): string };
  sharedPages: SharedPages;
  /** The initiatives a report belongs to that residents can read about (the portfolio's, named, not imported). */
  /** Residents' published stories on a report (#20.5). */
  experiences: Pick<ExperiencesService, 'published' | 'ofParticipant'>;
  portfolio: { publicInitiativesOf(municipalityId: number, painPointId: number): { id: number; title: string; status: string }[] };
  /** Residents' answers to "is it fixed?" (#20.3). */
  fixAnswerCounts: Pick<FixAnswers, 'counts'>;
}

export function feedbackController({ feedback, publicJourneys, ranking, sharedPages, portfolio, experiences, fixAnswerCounts }: FeedbackDeps) {
  const m = (req: Request) => req.municipality!;
  const versionOf = (municipalityId: number) => () => ranking.pageVersion(municipalityId);
  const participant = (req: Request) => feedback.participantId(req.participantKey ?? null);
  const painPointPath = (req: Request, id: number) => paths.painPoint({ municipality: m(req).slug, painPointId: id });

  /** The published journey and, on step routes, the step: a report can only be made on what residents can see. */
  const target = (req: Request) => {
    const slug = String(req.params.journey);
    if (req.params.stepId === undefined) return { map: publicJourneys.map(m(req).id, slug), step: null };
    const { map, step } = publicJourneys.step(m(req).id, slug, idParam(req, 'stepId'));
    return { map, step };
  };

  const reportLocals = (req: Request, t: ReturnType<typeof target>) => ({
    title: req.t('feedback.report.title'),
    map: t.map,
    step: t.step,
    journeyParams: { municipality: m(req).slug, journey: t.map.slug },
    severities: SEVERITIES,
    channels: CHANNELS,
  });
  const reportForm = (req: Request) => ({ view: 'feedback/report', locals: reportLocals(req, target(req)) });

  /** A pain point's page; a "me too" refused (one's own, or closed) comes back to it with the reason. */
  const painPointForm = (req: Request) => {
    const painPoint = feedback.visible(m(req).id, idParam(req, 'painPointId'), participant(req));
    const map = publicJourneys.mapById(m(req).id, painPoint.journey_id);
    return {
      view: 'feedback/pain-point',
      locals: {
        title: painPoint.title,
        painPoint,
        map,
        step: map?.steps.find((s) => s.id === painPoint.step_id) ?? null,
        severities: SEVERITIES,
        initiatives: portfolio.publicInitiativesOf(m(req).id, painPoint.id),
        experiences: experiences.published(painPoint.id),
        fixAnswers: fixAnswerCounts.counts(painPoint.id),
      },
    };
  };

  const flagForm = (req: Request) => ({
    view: 'feedback/flag',
    locals: { title: req.t('feedback.flag.title'), painPoint: feedback.visible(m(req).id, idParam(req, 'painPointId'), participant(req)), reasons: FLAG_REASONS },
  });

  const mineForm = (req: Request) => {
    const participantId = participant(req);
    // The resident's own stories on reports (#20.5) beside their reports and votes, to see and delete.
    const stories = participantId === null ? [] : experiences.ofParticipant(participantId);
    return { view: 'feedback/mine', locals: { title: req.t('feedback.mine.title'), ...feedback.mine(participantId), experiences: stories } };
  };

  /** The confirmed report: stored, then its page thanks the resident in words that match its moderation status. */
  const submitReport = handleForm({
    schema: ReportInputSchema,
    form: reportForm,
    act: (req, input) => {
      const t = target(req);
      // A filled honeypot is a bot: answer as if it went well, store nothing.
      if (input.website) return { journey: t.map.slug, stored: null };
      const participantId = feedback.ensureParticipant(req.ensureParticipantKey!());
      return { journey: t.map.slug, stored: feedback.submit(participantId, m(req), t.map.journeyId, t.step?.id ?? null, input) };
    },
    done: (req, { journey, stored }) =>
      stored
        ? { to: painPointPath(req, stored.id), flash: stored.status === 'pending' ? 'reportPending' : 'reportPublished' }
        : { to: paths.journey({ municipality: m(req).slug, journey }) },
  });

  /**
   * The check step, and "change" back from it: both answer the POST with a page rather than a redirect, so they are not
   * handleForm's; the values travel in the check page's hidden fields until the resident confirms.
   */
  const checkReport = (req: Request, res: Response) => {
    const t = target(req);
    let input;
    try {
      input = parseForm(ReportInputSchema, req.body);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return showFormAgain(req, res, err, { view: 'feedback/report', locals: reportLocals(req, t) });
    }
    if (input.website) return res.redirect(303, paths.journey({ municipality: m(req).slug, journey: t.map.slug }));
    const values = { title: input.title, body: input.body, severity: String(input.severity), channel: input.channel ?? '' };
    if (input.edit) return res.render('feedback/report', { ...reportLocals(req, t), values, errors: {} });
    const prepared = feedback.prepare(t.map.journeyId, input);
    res.render('feedback/report-check', {
      ...reportLocals(req, t),
      title: req.t('feedback.check.title'),
      prepared,
      values: { ...values, title: prepared.title, body: prepared.body },
    });
  };

  /** Back to where the resident voted from (their list, or the pain point's page). */
  const backTo = (req: Request, input: { returnTo?: string }) => ({ to: safeReturnTo(input.returnTo, painPointPath(req, idParam(req, 'painPointId'))) });

  return {
    report: {
      get(req: Request, res: Response, next: NextFunction) {
        const locals = { ...reportLocals(req, target(req)), values: { channel: '' }, errors: {} };
        sharedPages.send(req, res, next, { view: 'feedback/report', version: versionOf(m(req).id), locals: () => locals });
      },
      /** The first POST shows the check step; the check step's "send" (confirmed=1) submits, its "change" (edit=1) goes back. */
      post(req: Request, res: Response, next: NextFunction) {
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (body.confirmed === '1' && body.edit === undefined) return submitReport(req, res, next);
        checkReport(req, res);
      },
    },

    painPoint(req: Request, res: Response, next: NextFunction) {
      const id = idParam(req, 'painPointId');
      const { view, locals } = painPointForm(req);
      // A pain point merged into another lives on at the other's address.
      if (locals.painPoint.id !== id) return res.redirect(301, painPointPath(req, locals.painPoint.id));
      sharedPages.send(req, res, next, { view, version: versionOf(m(req).id), locals: () => ({ ...locals, errors: {} }) });
    },

    vote: handleForm({
      schema: VoteInputSchema,
      form: painPointForm,
      act: (req, input) => feedback.voteAs(req.ensureParticipantKey!(), m(req).id, idParam(req, 'painPointId'), input.severity),
      done: (req, _added, input) => backTo(req, input),
    }),

    withdraw: handleForm({
      schema: ReturnToSchema,
      form: painPointForm,
      act: (req) => {
        const participantId = participant(req);
        if (participantId !== null) feedback.withdraw(participantId, m(req).id, idParam(req, 'painPointId'));
      },
      done: (req, _none, input) => backTo(req, input),
    }),

    flag: {
      get(req: Request, res: Response, next: NextFunction) {
        const { view, locals } = flagForm(req);
        sharedPages.send(req, res, next, { view, version: versionOf(m(req).id), locals: () => ({ ...locals, values: {}, errors: {} }) });
      },
      post: handleForm({
        schema: FlagInputSchema,
        form: flagForm,
        act: (req, { reason }) => {
          const painPoint = feedback.visible(m(req).id, idParam(req, 'painPointId'), participant(req));
          feedback.flag(feedback.ensureParticipant(req.ensureParticipantKey!()), m(req), painPoint.id, reason);
          return publicJourneys.mapById(m(req).id, painPoint.journey_id);
        },
        // Back to the journey's map, which thanks the resident; a journey no longer published has no map to go back to.
        done: (req, map) => ({
          to: map ? paths.journey({ municipality: m(req).slug, journey: map.slug }) : paths.municipality({ municipality: m(req).slug }),
          flash: 'reportFlagged',
        }),
      }),
    },

    mine(req: Request, res: Response) {
      const { view, locals } = mineForm(req);
      res.render(view, locals);
    },

    /** Asks before deleting (GET, works without JavaScript): what goes, what stays; its button POSTs to deleteMine. */
    confirmDeleteMine(req: Request, res: Response) {
      const { painPoint, votes, merged } = feedback.ownReport(participant(req), idParam(req, 'painPointId'));
      res.render('feedback/delete-report', { title: req.t('feedback.deleteReport.title'), painPoint, votes, merged, errors: {} });
    },

    confirmDeleteMyVote(req: Request, res: Response) {
      const vote = feedback.ownVote(participant(req), idParam(req, 'painPointId'));
      res.render('feedback/delete-vote', { title: req.t('feedback.deleteVote.title'), vote, errors: {} });
    },

    deleteMine: handleForm({
      schema: ReturnToSchema,
      form: mineForm,
      act: (req) => {
        const participantId = participant(req);
        if (participantId === null) return false;
        feedback.deleteMine(participantId, idParam(req, 'painPointId'));
        return true;
      },
      done: (_req, deleted) => ({ to: paths.mine(), flash: deleted ? 'contributionDeleted' : undefined }),
    }),

    deleteMyVote: handleForm({
      schema: ReturnToSchema,
      form: mineForm,
      act: (req) => {
        const participantId = participant(req);
        if (participantId === null) return false;
        feedback.deleteMyVote(participantId, idParam(req, 'painPointId'));
        return true;
      },
      done: (_req, deleted) => ({ to: paths.mine(), flash: deleted ? 'contributionDeleted' : undefined }),
    }),

    feed(req: Request, res: Response, next: NextFunction) {
      const map = publicJourneys.map(m(req).id, String(req.params.journey));
      const feedId = `urn:reisekart:${m(req).slug}:${map.journeyId}`;
      sharedPages.send(req, res, next, {
        view: 'feedback/feed',
        type: 'application/atom+xml; charset=utf-8',
        version: versionOf(m(req).id),
        locals: () => {
          const entries = feedback.feed(map.journeyId);
          return { map, entries, updated: entries[0]?.at ?? map.publishedAt, feedId };
        },
      });
    },
  };
}
