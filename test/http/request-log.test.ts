// Request logs carry no passwords, tokens, cookies, query strings or bodies (SECURITY.md 22).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/lib/logger';
import { requestLog } from '../../src/middleware/request-log';
import { buildServices } from '../../src/services';

/** A log destination that keeps every line. */
function logSink(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, sink };
}

describe('request log', () => {
  it('logs method, path and status, and nothing secret', async () => {
    const { lines, sink } = logSink();
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-log-')), 'log.db'));
    migrate(db);
    const services = buildServices(db);
    const token = services.auth.issueSetupToken();
    const app = createApp({ config: { trustProxy: 0, production: false, baseUrl: 'http://localhost:3000' }, db, services, logger: createLogger('info', sink), sessionSecret: 's'.repeat(40) });
    const agent = request.agent(app);
    await agent.get('/login?returnTo=%2Fhemmelig-sti');
    await agent.post('/login').type('form').send({ email: 'kari@example.no', password: 'Mitt-Hemmelige-Passord' });
    await agent.get(`/setup/${token}`);
    const log = lines.join('');
    expect(log).toContain('"method":"POST"');
    expect(log).toContain('"path":"/login"');
    expect(log).toContain('"statusCode":401');
    expect(log).toContain('/setup/[redacted]');
    for (const secret of ['Mitt-Hemmelige-Passord', 'kari@example.no', 'rk.sid', token, 'hemmelig-sti', '127.0.0.1']) {
      expect([secret, log.includes(secret)]).toEqual([secret, false]);
    }
    db.close();
  });

  it('logs a failed request as an error and an abandoned one as aborted, each once, with its own number', async () => {
    const { lines, sink } = logSink();
    const app = express();
    app.use(requestLog(createLogger('info', sink)));
    app.get('/ok', (_req, res) => void res.send('ok'));
    app.get('/broken', (_req, res) => void res.status(500).send('no'));
    app.get('/slow', () => undefined);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch(`${base}/ok?q=secret`);
    await fetch(`${base}/broken`);
    await new Promise<void>((resolve) => {
      const req = http.get(`${base}/slow`);
      req.on('error', () => resolve());
      setTimeout(() => req.destroy(), 100);
    });
    const until = Date.now() + 2000;
    while (lines.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    server.close();
    const parsed = lines.map((l) => JSON.parse(l) as { level: number; msg: string; req: { id: number; path: string }; res: { statusCode: number } });
    expect(parsed.map((l) => [l.level, l.msg, l.req.path, l.res.statusCode])).toEqual([
      [30, 'request completed', '/ok', 200],
      [50, 'request failed', '/broken', 500],
      [40, 'request aborted', '/slow', 200],
    ]);
    expect(new Set(parsed.map((l) => l.req.id)).size).toBe(3);
  });
});
