// The public ranking: "what residents say matters most", step pages sorted by need score, and the map's pain lane.
import request from 'supertest';
import { formatNumber } from '../../src/lib/format';
import { buildJourney } from '../helpers/journeys';
import { report, resident } from '../helpers/residents';
import { createMunicipality, makeTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let stepPath: string;
let popular: number;
let lonely: number;
let pending: number;
let unrated: number;

beforeAll(async () => {
  t = makeTestApp();
  const m = createMunicipality(t.services, 'aust');
  const j = buildJourney(t.services, 'aust', { slug: 'reise', title: 'Jeg skal rangeres', phases: { A: ['Steg med mye', 'Stille steg'] }, publish: true });
  stepPath = `/aust/reiser/reise/steg/${j.stepIds[0]}`;
  t.db.prepare('UPDATE municipalities SET premoderation = 0 WHERE id = ?').run(m);
  popular = await report(await resident(t.app, stepPath), stepPath, { title: 'Mange er enige', severity: '4' });
  lonely = await report(await resident(t.app, stepPath), stepPath, { title: 'Bare jeg', severity: '5' });
  for (let i = 0; i < 6; i += 1) {
    const r = await resident(t.app, stepPath);
    await r.agent.post(`/aust/innspill/${popular}/meg-ogsa`).type('form').send({ severity: '4' });
  }
  // Nobody has rated this one: its submitter has since been erased (their report stays, without them), and the one
  // "me too" gave no rating. On a journey of its own, so the first journey's step figures stay as they are.
  const quiet = buildJourney(t.services, 'aust', { slug: 'stille', title: 'Jeg er stille', phases: { A: ['Eneste steg'] }, publish: true });
  const quietPath = `/aust/reiser/stille/steg/${quiet.stepIds[0]}`;
  unrated = await report(await resident(t.app, quietPath), quietPath, { title: 'Ingen har vurdert', severity: '2' });
  await (await resident(t.app, quietPath)).agent.post(`/aust/innspill/${unrated}/meg-ogsa`).type('form').send({ severity: '' });
  t.db.prepare('UPDATE pain_points SET participant_id = NULL WHERE id = ?').run(unrated);
  t.services.ranking.refresh(unrated);
  t.db.prepare('UPDATE municipalities SET premoderation = 1 WHERE id = ?').run(m);
  pending = await report(await resident(t.app, stepPath), stepPath, { title: 'Venter fortsatt' });
});
afterAll(() => t.close());

describe('what residents say matters most', () => {
  /** One candidate's card on the page: from its title to the end of its list item. */
  const card = (html: string, title: string) => {
    const start = html.indexOf(`>${title}</a>`);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</li>', start));
  };
  const figuresOf = (title: string) => {
    const m = t.services.municipalities.bySlug('aust');
    return t.services.ranking.ranked(m.id, { limit: 10 }).find((c) => c.title === title)!.figures;
  };

  it('ranks published candidates by need score', async () => {
    const res = await request(t.app).get('/aust/viktigst');
    expect(res.status).toBe(200);
    expect(res.text.indexOf('Mange er enige')).toBeLessThan(res.text.indexOf('Bare jeg'));
    expect(res.text).toContain('Ingen har vurdert');
    expect(res.text).not.toContain('Venter fortsatt');
    expect(pending).toBeGreaterThan(lonely);
  });

  it.each([
    ['nb', '', '7 innbyggere; nyere støtte teller mer; vurdert 4,0 av 5', '1 innbygger; nyere støtte teller mer; vurdert 5,0 av 5',
      '1 innbygger; nyere støtte teller mer; ingen har vurdert hvor alvorlig det er ennå', 'Behov', 'Slik er det regnet ut'],
    ['nn', '?lang=nn', '7 innbyggjarar; nyare støtte tel meir; vurdert 4,0 av 5', '1 innbyggjar; nyare støtte tel meir; vurdert 5,0 av 5',
      '1 innbyggjar; nyare støtte tel meir; ingen har vurdert kor alvorleg det er enno', 'Behov', 'Slik er det rekna ut'],
    ['en', '?lang=en', '7 residents; recent support counts more; rated 4.0 of 5', '1 resident; recent support counts more; rated 5.0 of 5',
      '1 resident; recent support counts more; nobody has rated how serious it is yet', 'Need', 'How it is calculated'],
  ])('says in plain words (%s) who is behind each candidate and how bad it is, before the need score and the figures', async (lang, query, many, one, none, need, how) => {
    const html = (await request(t.app).get(`/aust/viktigst${query}`)).text;
    for (const [title, words] of [['Mange er enige', many], ['Bare jeg', one], ['Ingen har vurdert', none]] as const) {
      const text = card(html, title);
      const f = figuresOf(title);
      // The plain words come first, then the need score, then the figures behind a native <details>.
      const plain = text.indexOf(`<p class="ds-paragraph">${words}</p>`);
      const needAt = text.indexOf(`<strong>${need} ${formatNumber(f.needScore, lang, 2)}</strong>`);
      const details = text.indexOf('<details');
      expect([title, plain > -1]).toEqual([title, true]);
      expect(needAt).toBeGreaterThan(plain);
      expect(details).toBeGreaterThan(needAt);
      expect(text.slice(details)).toMatch(new RegExp(`^<details class="ds-details app-ranking-figures">\\s*<summary>${how}</summary>`));
    }
    // One resident is one resident: no plural for one.
    expect(html).not.toMatch(/\b1 (?:innbyggere|innbyggjarar|residents)\b/);
  });

  it('keeps every figure, the formula included, one click away inside the details', async () => {
    const figures = (html: string, title: string) => {
      const text = card(html, title);
      return text.slice(text.indexOf('<details'), text.indexOf('</details>'));
    };
    const nb = (await request(t.app).get('/aust/viktigst')).text;
    const popularFigures = figuresOf('Mange er enige');
    const f = (v: number, d: number) => formatNumber(v, 'nb', d);
    const details = figures(nb, 'Mange er enige');
    expect(details).toMatch(/<dt>Innbyggere som står bak<\/dt><dd>7<\/dd>/);
    expect(details).toContain(`<dd>${f(popularFigures.nEff, 1)} (støtte teller halvt etter 180 dager)</dd>`);
    expect(details).toContain(`<dd>${f(popularFigures.reach, 2)} = log₂(1 + ${f(popularFigures.nEff, 1)}); hver dobling gir ett poeng</dd>`);
    expect(details).toContain('<dd>7, i snitt 4,00 av 5</dd>');
    expect(details).toContain(
      `<dd>${f(popularFigures.severity, 2)}: snittet av vurderingene veid sammen med kommunens snitt ${f(popularFigures.prior, 2)}, med vekt 5</dd>`,
    );
    expect(details).toContain(
      `<dd>${f(popularFigures.needScore, 2)} = rekkevidde ${f(popularFigures.reach, 2)} × alvorlighet ${f(popularFigures.severity, 2)}</dd>`,
    );
    // With nobody rating it, the severity is the municipality's mean, and the page says so.
    const quiet = figuresOf('Ingen har vurdert');
    expect(quiet.k).toBe(0);
    expect(quiet.n).toBe(1);
    const quietDetails = figures(nb, 'Ingen har vurdert');
    expect(quietDetails).toContain('<dt>Vurderinger av hvor alvorlig det er</dt><dd>0</dd>');
    expect(quietDetails).toContain(`<dd>${f(quiet.prior, 2)}: kommunens snitt, siden ingen har vurdert dette ennå</dd>`);
    // English: a decimal point, and English words throughout.
    const en = figures((await request(t.app).get('/aust/viktigst?lang=en')).text, 'Mange er enige');
    expect(en).toContain('<summary>How it is calculated</summary>');
    expect(en).toContain(`<dd>${formatNumber(popularFigures.needScore, 'en', 2)} = reach ${formatNumber(popularFigures.reach, 'en', 2)} × severity ${formatNumber(popularFigures.severity, 'en', 2)}</dd>`);
    expect(en).toContain('<dd>7, on average 4.00 of 5</dd>');
  });

  it('filters by journey, refuses a malformed one with 400 and an unknown one with 404', async () => {
    expect((await request(t.app).get('/aust/viktigst?reise=reise')).text).toContain('Mange er enige');
    expect((await request(t.app).get('/aust/viktigst?reise=%3Cscript%3E')).status).toBe(400);
    expect((await request(t.app).get('/aust/viktigst?reise=ukjent')).status).toBe(404);
  });

  it('agrees with the figures the ranking service computes from scratch', () => {
    const m = t.services.municipalities.bySlug('aust');
    const ranked = t.services.ranking.ranked(m.id, { limit: 10 });
    for (const c of ranked) {
      const scratch = t.services.ranking.fromScratch(c.id, m.id);
      expect(c.figures.n).toBe(scratch.n);
      expect(c.figures.needScore).toBeCloseTo(scratch.needScore, 4); // read a moment later: decay moves the last digits
    }
  });
});

describe('step page and map', () => {
  it('sorts by need score under "most important" and by time under "newest"', async () => {
    const important = (await request(t.app).get(stepPath)).text;
    expect(important.indexOf('Mange er enige')).toBeLessThan(important.indexOf('Bare jeg'));
    const newest = (await request(t.app).get(`${stepPath}?sort=newest`)).text;
    expect(newest.indexOf('Bare jeg')).toBeLessThan(newest.indexOf('Mange er enige'));
  });

  it('shows the summed need of each step in the pain lane, as text as well as shade', async () => {
    const map = (await request(t.app).get('/aust/reiser/reise')).text;
    expect(map).toMatch(/data-heat="4">\s*2 innspill, 8 støtter\s*<br><span class="app-muted">Samlet behov: \d+,\d<\/span>/);
    expect(map).toMatch(/data-heat="0">\s*Ingen innspill ennå/);
  });
});

describe('closed items (#18)', () => {
  it('lists solved and declined items apart, labelled, on the ranking, and after the open ones under "most important"', async () => {
    const moderator = t.db.prepare("SELECT id FROM users LIMIT 1").pluck().get() as number | undefined;
    const m = t.services.municipalities.bySlug('aust').id;
    t.services.moderation.answer(moderator ?? null, m, popular, 'solved', 'Fikset.');
    const top = (await request(t.app).get('/aust/viktigst')).text;
    const closedAt = top.indexOf('id="closed-heading"');
    expect(closedAt).toBeGreaterThan(0);
    // The solved one is no longer among the open, and is listed below with its status.
    expect(top.indexOf('Mange er enige')).toBeGreaterThan(closedAt);
    expect(top.indexOf('Bare jeg')).toBeLessThan(closedAt);
    expect(top.slice(closedAt)).toMatch(/<span class="ds-tag" data-color="success">Løst<\/span>/);
    const en = (await request(t.app).get('/aust/viktigst?lang=en')).text;
    expect(en).toContain('>Closed</h2>');
    // On the step page, "most important" puts open items first, though the solved one has more need.
    const step = (await request(t.app).get(stepPath)).text;
    expect(step.indexOf('Bare jeg')).toBeLessThan(step.indexOf('Mange er enige'));
    expect(t.services.ranking.ranked(m, { limit: 2 }).map((c) => c.id)[0]).toBe(popular);
  });
});
