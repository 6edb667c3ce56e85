// Publishing a journey: publish, archive and restore (buttons on the editor page), the preview of the working copy,
// the list of published versions and the comparison of two of them.
import type { NextFunction, Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema, parseQuery } from '../../../lib/forms';
import type { Locale } from '../../../lib/i18n';
import { showMap } from '../journey-language';
import { stepsInOrder } from '../journey-snapshot';
import { DiffQuerySchema } from '../journeys.schema';
import { PublishInputSchema } from '../review/review.schema';
import { actorId, editorPage, municipalityId, overview, type EditorPageDeps } from './editor-page';
import { journeyOf } from './load-journey';

export function publishingController(deps: EditorPageDeps) {
  const { journeyEditor: editor, review } = deps;
  const page = editorPage(deps);
  const publish = handleForm({
    schema: PublishInputSchema,
    form: page,
    act: (req) => editor.publish(actorId(req), municipalityId(req), journeyOf(req).id),
    done: (req) => ({ to: overview(req), flash: 'published' }),
  });

  return {
    /** Publishing with review comments still open asks first, on a page listing them (#19.7). */
    publish(req: Request, res: Response, next: NextFunction) {
      const open = review.openComments(journeyOf(req).id);
      const confirmed = (req.body as Record<string, unknown> | undefined)?.confirmOpenComments === '1';
      if (open.length > 0 && !confirmed) return res.render('journeys/publish-confirm', { title: req.t('journeys.review.confirmTitle'), open });
      return publish(req, res, next);
    },

    archive: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.archive(actorId(req), municipalityId(req), journeyOf(req).id),
      done: (req) => ({ to: overview(req), flash: 'archived' }),
    }),

    restore: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.restore(actorId(req), municipalityId(req), journeyOf(req).id),
      done: (req) => ({ to: overview(req), flash: 'restored' }),
    }),

    /** The working copy as residents would see it, without their feedback. */
    preview(req: Request, res: Response) {
      const journey = journeyOf(req);
      const snapshot = editor.draftSnapshot(journey);
      const steps = stepsInOrder(snapshot);
      res.render('journeys/map', {
        title: req.t('journeys.editor.previewTitle', { title: journey.title }),
        preview: true,
        // In the page's language, with the draft's translations, as residents reading in it will see it (#19.9).
        map: showMap(
          { journeyId: journey.id, slug: journey.slug, version: 0, publishedAt: '', snapshot, steps, handovers: steps.filter((s) => s.handover).length },
          res.locals.lang as Locale,
        ),
        journeyParams: null,
        pain: new Map(),
        journeyPainPoints: [],
        severities: [],
      });
    },

    versions(req: Request, res: Response) {
      res.render('journeys/editor-versions', {
        title: req.t('journeys.editor.versionsTitle'),
        versions: editor.versions(municipalityId(req), journeyOf(req).id),
        // The draft's history also holds what was removed from it, to bring back (#19.6).
        removed: editor.removed(municipalityId(req), journeyOf(req).id),
      });
    },

    diff(req: Request, res: Response) {
      const query = parseQuery(DiffQuerySchema, req.query);
      const result = editor.diff(municipalityId(req), journeyOf(req).id, query.from, query.to);
      res.render('journeys/editor-diff', { title: req.t('journeys.editor.diffTitle'), ...result });
    },
  };
}
