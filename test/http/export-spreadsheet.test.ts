// The semicolon CSV opened in a real spreadsheet engine (issue #18.3): Debian's LibreOffice imports it as Norwegian
// (Bokmål) Excel would, and the need scores arrive as numbers, the dates as dates and the status as its label. Needs
// `apt-get install -y libreoffice-calc-nogui` (.ci/run installs it); without it this test fails, it never skips.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, writeCsv } from '../../src/modules/insights/insights-export';
import type { InsightItem } from '../../src/modules/insights/insights.service';
import { Writable } from 'node:stream';
import { buildJourney } from '../helpers/journeys';
import { binaryBody, createMunicipality, createUser, makeTestApp, signIn, type Agent, type TestApp } from '../helpers/test-app';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
/**
 * LibreOffice's CSV import options, in its order: field separator (59 = ;), text delimiter (34 = "), character set
 * (76 = UTF-8), first line (1), column formats (none: detected), language (1044 = Norwegian Bokmål), quoted fields as
 * text (false), detect special numbers (true, as the import dialog offers).
 */
const CSV_IMPORT = 'CSV:59,34,76,1,,1044,false,true';

let t: TestApp;
let analyst: { agent: Agent; csrf: string };
let work: string;
const created: Record<string, number> = {};
const col = (key: string) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;

beforeAll(async () => {
  if (!fs.existsSync(SOFFICE)) {
    throw new Error(`LibreOffice is missing (${SOFFICE}): this test opens the CSV export in it. Install it with: apt-get install -y libreoffice-calc-nogui`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-lo-test-'));
  t = makeTestApp();
  const municipalityId = createMunicipality(t.services, 'aust', undefined, { premoderation: false });
  const journey = buildJourney(t.services, 'aust', { slug: 'a', title: 'Reise A', lifeEvent: 'bygge-og-bo', phases: { P: ['Steg A1'] }, publish: true });
  const m = t.services.municipalities.bySlug('aust');
  // Reported in winter (UTC+1) and summer (UTC+2); votes give the figures decimals.
  for (const [key, at, title] of [['winter', '2026-01-15T08:05:00.000Z', 'Vinterinnspill'], ['summer', '2026-07-05T12:03:00.000Z', '-2 minus i tittelen']] as const) {
    t.clock.set(new Date(at));
    const id = t.services.feedback.submit(t.services.feedback.ensureParticipant(`p-${key}`), m, journey.journeyId, journey.stepIds[0]!, {
      title, body: 'tekst', severity: key === 'winter' ? 4 : 2, channel: null,
    }).id;
    for (let v = 0; v < (key === 'winter' ? 3 : 1); v += 1) t.services.feedback.vote(t.services.feedback.ensureParticipant(`v-${key}-${v}`), municipalityId, id, v + 2);
    created[key] = id;
  }
  t.clock.set(new Date('2026-08-01T10:00:00.000Z'));
  t.services.moderation.answer(null, municipalityId, created.summer!, 'in_progress', 'Vi jobber med saken.');
  await createUser(t.services, { email: 'analyst@aust.no', municipality: 'aust', roles: ['analyst'] });
  analyst = await signIn(t.app, 'analyst@aust.no');
});
afterAll(() => {
  t?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Converts CSV files to workbooks in one LibreOffice run (a start costs seconds), in a profile of its own. */
async function openInLibreOffice(files: string[]): Promise<ExcelJS.Worksheet[]> {
  const profile = path.join(work, 'profile');
  const out = path.join(work, 'out');
  await promisify(execFile)(
    SOFFICE,
    ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, `--infilter=${CSV_IMPORT}`, '--convert-to', 'xlsx', '--outdir', out, ...files],
    { timeout: 90_000 },
  );
  const sheets: ExcelJS.Worksheet[] = [];
  for (const file of files) {
    const converted = path.join(out, `${path.basename(file, '.csv')}.xlsx`);
    if (!fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${file}: is Calc installed? apt-get install -y libreoffice-calc-nogui`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(converted);
    sheets.push(workbook.worksheets[0]!);
  }
  return sheets;
}

/** A Date cell's wall-clock time (a workbook has no time zone: exceljs gives its fields as UTC). */
const wallClock = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 16) : value);

it('LibreOffice (Norwegian Bokmål) reads the semicolon CSV: numbers as numbers, dates as dates, the status as its label', async () => {
  const res = await analyst.agent.get('/admin/aust/insights/export?format=csv').buffer(true).parse(binaryBody);
  expect(res.status).toBe(200);
  const appCsv = path.join(work, 'app.csv');
  fs.writeFileSync(appCsv, res.body as Buffer);
  // The figures as the JSON has them, at the same (fixed) moment.
  const json = JSON.parse((await analyst.agent.get('/admin/aust/insights/export?format=json')).text) as { candidates: Record<string, number | string>[] };

  // A row the ranking never makes, straight from the writer: negative and large decimals must stay numbers too.
  const sink: Buffer[] = [];
  const row = { id: 7, title: '=1+1', created_at: '2026-03-29T01:00:00Z', response_status: 'declined', journey_title: 'J', step_title: 'S', department_name: null,
    figures: { n: 1, nEff: -0.005, reach: 1234567.891, k: 0, severityMean: -1.5, prior: 3, severity: 2, needScore: -12.345 } } as unknown as InsightItem;
  await writeCsv(new Writable({ write: (c: Buffer, _e, done) => (sink.push(Buffer.from(c)), done()) }), [row], () => 'u', (k) => k, 'semicolon');
  const edgeCsv = path.join(work, 'edge.csv');
  fs.writeFileSync(edgeCsv, Buffer.concat(sink));

  const [sheet, edge] = await openInLibreOffice([appCsv, edgeCsv]);
  expect(sheet!.getRow(1).getCell(col('needScore')).value).toBe('Behov');
  expect(sheet!.rowCount).toBe(3);
  const rows = [2, 3].map((r) => sheet!.getRow(r));
  const byId = new Map(rows.map((r) => [r.getCell(col('id')).value, r]));
  expect([...byId.keys()].sort()).toEqual([created.winter, created.summer].sort());

  for (const candidate of json.candidates) {
    const r = byId.get(candidate.id)!;
    expect(r.getCell(col('rank')).value).toBe(candidate.rank);
    for (const key of ['needScore', 'nEff', 'reach', 'severityMean', 'prior', 'severity']) {
      const value = r.getCell(col(key)).value;
      expect([key, typeof value]).toEqual([key, 'number']);
      expect([key, value]).toEqual([key, Number((candidate[key] as number).toFixed(2))]);
    }
    expect(r.getCell(col('n')).value).toBe(candidate.n);
    expect(r.getCell(col('k')).value).toBe(candidate.k);
  }
  const [winter, summer] = [byId.get(created.winter)!, byId.get(created.summer)!];
  // Dates: date cells (exceljs gives a Date for a serial with a date format) at Oslo's wall-clock time.
  expect(winter.getCell(col('created')).value).toBeInstanceOf(Date);
  expect(wallClock(winter.getCell(col('created')).value)).toBe('2026-01-15T09:05');
  expect(wallClock(summer.getCell(col('created')).value)).toBe('2026-07-05T14:03');
  expect(winter.getCell(col('created')).numFmt).toMatch(/[dy]/i);
  expect(winter.getCell(col('status')).value).toBe('Mottatt');
  expect(summer.getCell(col('status')).value).toBe('Under arbeid');
  // Text that starts like a number or formula stays text.
  expect(typeof summer.getCell(col('title')).value).toBe('string');

  const e = edge!.getRow(2);
  expect([e.getCell(col('nEff')).value, e.getCell(col('reach')).value, e.getCell(col('severityMean')).value, e.getCell(col('needScore')).value]).toEqual([
    // -0.005 is -0.00500000000000000010… in binary: two decimals make it -0,01.
    -0.01, 1234567.89, -1.5, -12.35,
  ]);
  expect(wallClock(e.getCell(col('created')).value)).toBe('2026-03-29T03:00');
  expect(typeof e.getCell(col('title')).value).toBe('string');
}, 120_000);
