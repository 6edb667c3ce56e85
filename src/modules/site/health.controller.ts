// The load balancer's health check: 200 while the database answers, 503 when it does not.
import type { Request, Response } from 'express';
import type { Db } from '../../db/connection';

export function healthController(db: Db) {
  return {
    check(_req: Request, res: Response) {
      try {
        db.prepare('SELECT 1').get();
        res.json({ status: 'ok' });
      } catch {
        res.status(503).json({ status: 'unavailable' });
      }
    },
  };
}
