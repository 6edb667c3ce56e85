// Residents' feedback pages: report a pain point (form, check step, submit), "me too", flag, my contributions, feed.
import type { Request, Response } from 'express';
import { ValidationError } from '../../errors';
import { parseForm } from '../../lib/forms';
import { idParam } from '../../lib/params';
import { renderFormError } from '../../lib/render-form';
import { safeReturnTo } from '../../lib/safe-redirect';
import { paths, type Query } from '../../paths';
import type { Services } from '../../services';
import { CHANNELS } from '../journeys/journey-vocabulary';
import { FLAG_REASONS, SEVERITIES } from './feedback-vocabulary';
import { FlagInputSchema, ReportInputSchema, ReturnToSchema, VoteInputSchema } from './feedback.schema';

export function feedbackController({ feedback, publicJourneys }: Services) {
  const m = (req: Request) => req.municipality!;
  const participant = (req: Request) => feedback.participantId(req.participantKey ?? null);
  const painPointPath = (req: Request, id: number, query?: Query) => paths.painPoint({ municipality: m(req).slug, painPointId: id }, query);

  /** The published journey and, on step routes, the step: a report can only be made on what residents can see. */
  const target = (req: Request) => {
    const slug = String(req.params.journey);
    if (req.params.stepId === undefined) return { map: publicJourneys.map(m(req).id, slug), step: null };
    const { map, step } = publicJourneys.step(m(req).id, slug, idParam(req, 'stepId'));
    return { map, step };
  };

  const formLocals = (req: Request, t: ReturnType<typeof target>) => ({
    title: req.t('feedback.report.title'),
    map: t.map,
    step: t.step,
    journeyParams: { municipality: m(req).slug, journey: t.map.slug },
    severities: SEVERITIES,
    channels: CHANNELS,
  });

  const renderPainPoint = (req: Request, res: Response, id: number, errors: Record<string, string> = {}, status = 200) => {
    const painPoint = feedback.visible(m(req).id, id, participant(req));
    if (painPoint.id !== id) return res.redirect(301, painPointPath(req, painPoint.id));
    const map = publicJourneys.mapById(m(req).id, painPoint.journey_id);
    res.status(status).render('feedback/pain-point', {
      title: painPoint.title,
      painPoint,
      map,
      step: map?.steps.find((s) => s.id === painPoint.step_id) ?? null,
      severities: SEVERITIES,
      isNew: req.query.ny === '1',
      errors,
    });
  };

  return {
    report: {
      get(req: Request, res: Response) {
        const t = target(req);
        res.render('feedback/report', { ...formLocals(req, t), values: { channel: '' }, errors: {} });
      },
      post(req: Request, res: Response) {
        const t = target(req);
        let input;
        try {
          input = parseForm(ReportInputSchema, req.body);
        } catch (err) {
          return renderFormError(res, err, 'feedback/report', formLocals(req, t));
        }
        // A filled honeypot is a bot: answer as if it went well, store nothing.
        if (input.website) return res.redirect(303, paths.journey(formLocals(req, t).journeyParams));
        const values = { title: input.title, body: input.body, severity: String(input.severity), channel: input.channel ?? '' };
        if (input.edit) return res.render('feedback/report', { ...formLocals(req, t), values, errors: {} });
        if (!input.confirmed) {
          const prepared = feedback.prepare(t.map.journeyId, input);
          return res.render('feedback/report-check', {
            ...formLocals(req, t),
            title: req.t('feedback.check.title'),
            prepared,
            values: { ...values, title: prepared.title, body: prepared.body },
          });
        }
        const participantId = feedback.ensureParticipant(req.ensureParticipantKey!());
        const { id } = feedback.submit(participantId, m(req), t.map.journeyId, t.step?.id ?? null, input);
        res.redirect(303, painPointPath(req, id, { ny: 1 }));
      },
    },

    painPoint(req: Request, res: Response) {
      renderPainPoint(req, res, idParam(req, 'painPointId'));
    },

    async vote(req: Request, res: Response) {
      const id = idParam(req, 'painPointId');
      const input = parseForm(VoteInputSchema, req.body);
      try {
        await feedback.voteAs(req.ensureParticipantKey!(), m(req).id, id, input.severity);
      } catch (err) {
        if (err instanceof ValidationError) return renderPainPoint(req, res, id, err.fieldErrors, 400);
        throw err;
      }
      res.redirect(303, safeReturnTo(input.returnTo, painPointPath(req, id)));
    },

    withdraw(req: Request, res: Response) {
      const id = idParam(req, 'painPointId');
      const input = parseForm(ReturnToSchema, req.body);
      const participantId = participant(req);
      if (participantId !== null) feedback.withdraw(participantId, m(req).id, id);
      res.redirect(303, safeReturnTo(input.returnTo, painPointPath(req, id)));
    },

    flag: {
      get(req: Request, res: Response) {
        const painPoint = feedback.visible(m(req).id, idParam(req, 'painPointId'), participant(req));
        res.render('feedback/flag', { title: req.t('feedback.flag.title'), painPoint, reasons: FLAG_REASONS, values: {}, errors: {} });
      },
      post(req: Request, res: Response) {
        const painPoint = feedback.visible(m(req).id, idParam(req, 'painPointId'), participant(req));
        try {
          const { reason } = parseForm(FlagInputSchema, req.body);
          feedback.flag(feedback.ensureParticipant(req.ensureParticipantKey!()), m(req), painPoint.id, reason);
          // Back to the journey's map, which thanks the resident; a journey no longer published has no map to go back to.
          const map = publicJourneys.mapById(m(req).id, painPoint.journey_id);
          res.redirect(303, map ? paths.journey({ municipality: m(req).slug, journey: map.slug }, { rapportert: 1 }) : paths.municipality({ municipality: m(req).slug }));
        } catch (err) {
          renderFormError(res, err, 'feedback/flag', { title: req.t('feedback.flag.title'), painPoint, reasons: FLAG_REASONS });
        }
      },
    },

    mine(req: Request, res: Response) {
      const { painPoints, votes } = feedback.mine(participant(req));
      res.render('feedback/mine', { title: req.t('feedback.mine.title'), painPoints, votes, deleted: req.query.slettet === '1' });
    },

    deleteMine(req: Request, res: Response) {
      parseForm(ReturnToSchema, req.body);
      const participantId = participant(req);
      if (participantId === null) return res.redirect(303, paths.mine());
      feedback.deleteMine(participantId, idParam(req, 'painPointId'));
      res.redirect(303, paths.mine({}, { slettet: 1 }));
    },

    deleteMyVote(req: Request, res: Response) {
      parseForm(ReturnToSchema, req.body);
      const participantId = participant(req);
      if (participantId === null) return res.redirect(303, paths.mine());
      feedback.deleteMyVote(participantId, idParam(req, 'painPointId'));
      res.redirect(303, paths.mine({}, { slettet: 1 }));
    },

    feed(req: Request, res: Response) {
      const map = publicJourneys.map(m(req).id, String(req.params.journey));
      const entries = feedback.feed(map.journeyId);
      res.type('application/atom+xml; charset=utf-8');
      res.render('feedback/feed', {
        map,
        entries,
        updated: entries[0]?.at ?? map.publishedAt,
        feedId: `urn:reisekart:${m(req).slug}:${map.journeyId}`,
      });
    },
  };
}
