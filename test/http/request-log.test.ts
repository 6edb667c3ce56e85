// Request logs carry no passwords, tokens, cookies, query strings or bodies (SECURITY.md 22).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../src/app';
import { openDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/lib/logger';
import { buildServices } from '../../src/services';
import { csrfFrom } from '../helpers/test-app';

describe('request log', () => {
  it('logs method, path and status, and nothing secret', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rk-log-')), 'log.db'));
    migrate(db);
    const token = buildServices(db).auth.issueSetupToken();
    const app = createApp({ config: { trustProxy: 0, production: false }, db, logger: createLogger('info', sink), sessionSecret: 's'.repeat(40) });
    const agent = request.agent(app);
    const page = await agent.get('/login?returnTo=%2Fhemmelig-sti');
    await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), email: 'kari@example.no', password: 'Mitt-Hemmelige-Passord' });
    await agent.get(`/setup/${token}`);
    const log = lines.join('');
    expect(log).toContain('"method":"POST"');
    expect(log).toContain('"path":"/login"');
    expect(log).toContain('"statusCode":401');
    expect(log).toContain('/setup/[redacted]');
    for (const secret of ['Mitt-Hemmelige-Passord', 'kari@example.no', 'rk.sid', token, 'hemmelig-sti', csrfFrom(page.text), '127.0.0.1']) {
      expect([secret, log.includes(secret)]).toEqual([secret, false]);
    }
    db.close();
  });
});
