// Paths of journey maps: the editor under /admin/:municipality/journeys, and the residents' pages.
import { Router } from 'express';
import { requireRole } from '../../middleware/auth';
import type { Services } from '../../services';
import { journeyEditorController } from './journey-editor.controller';
import { publicJourneysController } from './public-journeys.controller';

export function journeyEditorRoutes(services: Services): Router {
  const c = journeyEditorController(services);
  const r = Router({ mergeParams: true });
  r.use(requireRole('designer'));
  r.get('/', c.list);
  r.get('/new', c.create.get);
  r.post('/', c.create.post);
  r.get('/import', c.importDocument.get);
  r.post('/import', c.importDocument.post);
  r.get('/copy', c.copy.get);
  r.post('/copy/:sourceId', c.copy.post);
  r.get('/:journeyId', c.show);
  r.get('/:journeyId/edit', c.details.get);
  r.post('/:journeyId/edit', c.details.post);
  r.get('/:journeyId/preview', c.preview);
  r.get('/:journeyId/versions', c.versions);
  r.get('/:journeyId/diff', c.diff);
  r.get('/:journeyId/export.json', c.exportJson);
  r.post('/:journeyId/publish', c.publish);
  r.post('/:journeyId/archive', c.archive);
  r.post('/:journeyId/restore', c.restore);
  r.post('/:journeyId/phases', c.addPhase);
  r.get('/:journeyId/phases/:phaseId/edit', c.phase.get);
  r.post('/:journeyId/phases/:phaseId/edit', c.phase.post);
  r.post('/:journeyId/phases/:phaseId/move', c.movePhase);
  r.post('/:journeyId/phases/:phaseId/remove', c.removePhase);
  r.get('/:journeyId/phases/:phaseId/steps/new', c.newStep.get);
  r.post('/:journeyId/phases/:phaseId/steps', c.newStep.post);
  r.get('/:journeyId/steps/:stepId/edit', c.step.get);
  r.post('/:journeyId/steps/:stepId/edit', c.step.post);
  r.post('/:journeyId/steps/:stepId/move', c.moveStep);
  r.post('/:journeyId/steps/:stepId/remove', c.removeStep);
  r.post('/:journeyId/steps/:stepId/merge', c.mergeStep);
  return r;
}

/** Mounted under /:municipality after the municipality is resolved. */
export function publicJourneyRoutes(services: Services): Router {
  const c = publicJourneysController(services);
  const r = Router({ mergeParams: true });
  r.get('/', c.municipality);
  r.get('/reiser/:journey', c.map);
  r.get('/reiser/:journey/steg/:stepId', c.step);
  return r;
}
