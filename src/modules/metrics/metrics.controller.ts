// GET /metrics: the registry in Prometheus' text format. Never kept by a cache: every scrape must see the present.
import type { Request, Response } from 'express';
import type { Registry } from 'prom-client';

export function metricsController(registry: Registry) {
  return {
    async scrape(_req: Request, res: Response) {
      const text = await registry.metrics();
      res.set('Cache-Control', 'no-store').type(registry.contentType).send(text);
    },
  };
}
