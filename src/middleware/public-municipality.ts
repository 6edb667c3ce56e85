// Resolves :municipality for residents' pages; an unknown one is a 404.
import type { RequestHandler } from 'express';
import { NotFoundError } from '../errors';
import type { MunicipalitiesService } from '../modules/municipalities/municipalities.service';

export function loadPublicMunicipality(municipalities: MunicipalitiesService): RequestHandler {
  return (req, res, next) => {
    const municipality = municipalities.findBySlug(String(req.params.municipality));
    if (!municipality) return next(new NotFoundError());
    req.municipality = municipality;
    res.locals.municipality = municipality;
    next();
  };
}
