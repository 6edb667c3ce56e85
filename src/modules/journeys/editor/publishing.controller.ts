// Publishing a journey: publish, archive and restore (buttons on the editor page), the preview of the working copy,
// the list of published versions and the comparison of two of them.
import type { Request, Response } from 'express';
import { handleForm } from '../../../lib/form-handler';
import { EmptyFormSchema, parseQuery } from '../../../lib/forms';
import type { JourneyEditorService } from '../journey-editor.service';
import { stepsInOrder } from '../journey-snapshot';
import { DiffQuerySchema } from '../journeys.schema';
import { actorId, editorPage, municipalityId, overview } from './editor-page';
import { journeyOf } from './load-journey';

export function publishingController({ journeyEditor: editor }: { journeyEditor: JourneyEditorService }) {
  const page = editorPage(editor);

  return {
    publish: handleForm({
      schema: EmptyFormSchema,
      form: page,
      act: (req) => editor.publish(actorId(req), municipalityId(req), journeyOf(req).id),
      done: (req) => ({ to: overview(req), flash: 'published' }),
    }),

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
        map: { journeyId: journey.id, slug: journey.slug, version: 0, publishedAt: '', snapshot, steps, handovers: steps.filter((s) => s.handoverFrom).length },
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
      });
    },

    diff(req: Request, res: Response) {
      const query = parseQuery(DiffQuerySchema, req.query);
      const result = editor.diff(municipalityId(req), journeyOf(req).id, query.from, query.to);
      res.render('journeys/editor-diff', { title: req.t('journeys.editor.diffTitle'), ...result });
    },
  };
}
