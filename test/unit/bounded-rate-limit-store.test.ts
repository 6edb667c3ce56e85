// #15.1: the residents' rate-limit store holds a bounded number of clients, whatever keys the clients send.
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import request from 'supertest';
import { BoundedMemoryStore } from '../../src/middleware/bounded-rate-limit-store';

describe('BoundedMemoryStore', () => {
  it('never holds more clients than its bound, however many new keys arrive', () => {
    const store = new BoundedMemoryStore(100);
    store.init({ windowMs: 60_000 } as never);
    for (let i = 0; i < 5_000; i += 1) store.increment(`participant-${i}`);
    expect(store.size).toBe(100);
    // The most recent clients are the ones kept, with their counts.
    expect(store.get('participant-4999')?.totalHits).toBe(1);
    expect(store.get('participant-0')).toBeUndefined();
  });

  it('counts hits per key within the window and starts afresh after it', () => {
    let now = 1_000_000;
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const store = new BoundedMemoryStore(10);
      store.init({ windowMs: 1_000 } as never);
      store.increment('a');
      expect(store.increment('a').totalHits).toBe(2);
      now += 1_001;
      expect(store.increment('a').totalHits).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('forgets a client whose only hit is taken back (a refused request leaves nothing behind)', () => {
    const store = new BoundedMemoryStore(10);
    store.init({ windowMs: 60_000 } as never);
    store.increment('a');
    store.decrement('a');
    expect(store.size).toBe(0);
  });

  it('limits through express-rate-limit, and a flood of new keys stays within the bound', async () => {
    const store = new BoundedMemoryStore(50);
    const app = express();
    app.use(rateLimit({ windowMs: 60_000, limit: 2, store, keyGenerator: (req) => String(req.headers['x-client']), standardHeaders: 'draft-7', legacyHeaders: false }));
    app.get('/', (_req, res) => res.send('ok'));
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await request(app).get('/').set('x-client', 'same')).status);
    expect(statuses).toEqual([200, 200, 429]);
    for (let i = 0; i < 300; i += 1) await request(app).get('/').set('x-client', `new-${i}`);
    expect(store.size).toBe(50);
  });
});
