// The audit log pages: the whole platform's for a platform admin, and a municipality's for its admin; newest first,
// a page at a time.
import type { Request, Response } from 'express';
import { paths } from '../../paths';
import type { AuditService } from './audit.service';

/** The `before` query: the id the next page starts below, or null for the newest page. */
function beforeIdFrom(query: Request['query']): number | null {
  const before = Number(query.before);
  return Number.isSafeInteger(before) && before > 0 ? before : null;
}

export function auditController({ audit }: { audit: AuditService }) {
  return {
    platform(req: Request, res: Response) {
      const page = audit.page(null, beforeIdFrom(req.query));
      res.render('audit/log', { title: req.t('admin.audit.platformTitle'), ...page, olderHref: (before: number) => paths.admin.audit({}, { before }) });
    },
    municipality(req: Request, res: Response) {
      const m = req.municipality!;
      const page = audit.page(m.id, beforeIdFrom(req.query));
      res.render('audit/log', { title: req.t('admin.audit.title'), ...page, olderHref: (before: number) => paths.admin.settings.audit({ municipality: m.slug }, { before }) });
    },
  };
}
