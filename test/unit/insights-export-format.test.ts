// The export's two CSV flavours (issue #18.3): the semicolon CSV is for Norwegian spreadsheets (decimal comma, two
// decimals, labels in the export's language, Norwegian time), the comma CSV and the JSON stay machine-readable; the
// workbook has numbers with number formats, date cells in Norwegian time and labels.
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import nb from '../../locales/nb.json';
import en from '../../locales/en.json';
import { decimalComma, EXPORT_COLUMNS, OsloTime, writeCsv, writeJson, writeXlsx, type CsvFlavour } from '../../src/modules/insights/insights-export';
import type { InsightItem } from '../../src/modules/insights/insights.service';

function item(over: Partial<Omit<InsightItem, 'figures'>> & { figures?: Partial<InsightItem['figures']> } = {}): InsightItem {
  const { figures, ...rest } = over;
  return {
    id: 42, title: 'Vanskelig skjema', created_at: '2026-01-15T08:05:00.000Z', response_status: 'in_progress', hidden_by_flags: 0,
    journey_id: 1, journey_title: 'Bygge hus', life_event: 'bygge-og-bo', step_id: 1, step_title: 'Søke', department_id: 1, department_name: 'Byggesak',
    n: 3, log_decay: 1, rating_sum: 9, rating_count: 3, verified_n: 2,
    figures: { n: 12, nEff: 7.123456789, reach: 3.0449, k: 5, severityMean: 3.005, prior: 3, severity: -1.5, needScore: 33.39497495930074, ...figures },
    ...rest,
  };
}

const translator = (locale: object) => (key: string) => (key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], locale) as string | undefined) ?? key;

function collect(): { out: Writable; text: () => string; buffer: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({ write: (c: Buffer | string, _e, done) => (chunks.push(Buffer.from(c)), done()) });
  return { out, text: () => Buffer.concat(chunks).toString('utf8'), buffer: () => Buffer.concat(chunks) };
}

async function csv(rows: InsightItem[], flavour: CsvFlavour, locale: object = nb): Promise<{ raw: string; records: Record<string, string>[] }> {
  const sink = collect();
  await writeCsv(sink.out, rows, (r) => `https://reisekart.example/aust/innspill/${r.id}`, translator(locale), flavour);
  const raw = sink.text();
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const lines = parse(raw.slice(1), { delimiter: flavour === 'semicolon' ? ';' : ',' }) as string[][];
  expect(lines[0]).toEqual(EXPORT_COLUMNS.map((c) => translator(locale)(c.header)));
  return { raw, records: lines.slice(1).map((l) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.key, l[i]!]))) };
}

describe('semicolon CSV: for Norwegian spreadsheets', () => {
  it('writes decimals with a decimal comma and two decimals, integers plain, the status as its label, Norwegian time', async () => {
    const { raw, records } = await csv([item()], 'semicolon');
    expect(records[0]).toEqual({
      rank: '1', id: '42', title: 'Vanskelig skjema', journey: 'Bygge hus', step: 'Søke', department: 'Byggesak',
      status: 'Under arbeid', created: '15.01.2026 09:05', n: '12', verifiedSupporters: '2', nEff: '7,12', reach: '3,04', k: '5', severityMean: '3,00', prior: '3,00',
      severity: '-1,50', needScore: '33,39', url: 'https://reisekart.example/aust/innspill/42',
    });
    // A negative decimal is a number, not text: no apostrophe in front of it, and no quotes around decimal commas.
    expect(raw).toContain(';12;2;7,12;3,04;5;3,00;3,00;-1,50;33,39;');
    expect(raw.split('\n')[1]).toBe(
      '1;42;Vanskelig skjema;Bygge hus;Søke;Byggesak;Under arbeid;15.01.2026 09:05;12;2;7,12;3,04;5;3,00;3,00;-1,50;33,39;https://reisekart.example/aust/innspill/42',
    );
  });

  it('labels the status in the export language', async () => {
    const { records } = await csv([item({ response_status: 'under_review' })], 'semicolon', en);
    expect(records[0]!.status).toBe(en.responseStatus.under_review);
    expect(records[0]!.needScore).toBe('33,39'); // the semicolon flavour is for Norwegian spreadsheets whatever the language
  });

  it.each([
    ['winter (UTC+1)', '2026-01-15T08:05:00.000Z', '15.01.2026 09:05'],
    ['summer (UTC+2)', '2026-07-05T12:03:00Z', '05.07.2026 14:03'],
    ['New Year in Oslo, still the old year in UTC', '2025-12-31T23:30:00.000Z', '01.01.2026 00:30'],
    ['just before summer time starts (01:00 UTC, last Sunday of March)', '2026-03-29T00:59:00Z', '29.03.2026 01:59'],
    ['as summer time starts', '2026-03-29T01:00:00Z', '29.03.2026 03:00'],
    ['the last minute of summer time', '2026-10-25T00:59:00Z', '25.10.2026 02:59'],
    ['as summer time ends', '2026-10-25T01:00:00Z', '25.10.2026 02:00'],
  ])('writes dates as dd.mm.yyyy HH:mm in Norwegian time: %s', async (_name, iso, shown) => {
    const { records } = await csv([item({ created_at: iso })], 'semicolon');
    expect(records[0]!.created).toBe(shown);
    expect(new OsloTime().text(iso)).toBe(shown);
  });

  it('agrees with Intl (Europe/Oslo) at every half hour of two years, whatever order the dates come in', () => {
    const intl = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const oslo = new OsloTime();
    const start = Date.parse('2025-01-01T00:17:00Z');
    const steps = 2 * 365 * 48;
    for (let i = 0; i < steps; i += 1) {
      const at = start + ((i * 7919) % steps) * 1_800_000; // a scrambled order, as rows sorted by need come
      const shown = oslo.text(new Date(at).toISOString());
      if (shown !== intl.format(at).replace(',', '')) expect([new Date(at).toISOString(), shown]).toEqual([new Date(at).toISOString(), intl.format(at)]);
    }
    expect(oslo.text(null)).toBe('');
    expect(oslo.text('not a date')).toBe('');
  });

  it('rounds to two decimals and never writes -0,00; an empty figure stays empty', async () => {
    expect(decimalComma(2.005)).toBe('2,00'); // binary 2.00499…, as toFixed and spreadsheets round it
    expect(decimalComma(2.675)).toBe('2,67');
    expect(decimalComma(0.125)).toBe('0,13');
    expect(decimalComma(-0.001)).toBe('0,00');
    expect(decimalComma(-12.3456)).toBe('-12,35');
    expect(decimalComma(1234567.891)).toBe('1234567,89'); // no thousands separator: a separator would make it text
    expect(decimalComma(null)).toBe('');
    expect(decimalComma(Number.NaN)).toBe('');
    const { records } = await csv([item({ figures: { severityMean: null as unknown as number } })], 'semicolon');
    expect(records[0]!.severityMean).toBe('');
  });

  it('still neutralises formulas in text, and quotes text holding the separator', async () => {
    const { records, raw } = await csv([item({ title: '=HYPERLINK("http://evil.example")', step_title: '-2 minus; eller', department_name: '@SUM(A1)' })], 'semicolon');
    expect(records[0]!.title).toBe('\'=HYPERLINK("http://evil.example")');
    expect(records[0]!.step).toBe('\'-2 minus; eller');
    expect(records[0]!.department).toBe('\'@SUM(A1)');
    expect(raw).toContain('"\'-2 minus; eller"');
  });
});

describe('comma CSV and JSON: machine-readable', () => {
  it('keeps codes, the stored ISO 8601 UTC dates, decimal points and full precision', async () => {
    const { raw, records } = await csv([item({ created_at: '2026-07-05T12:03:00.000Z' })], 'comma');
    expect(records[0]).toMatchObject({
      status: 'in_progress', created: '2026-07-05T12:03:00.000Z', n: '12', nEff: '7.123456789', reach: '3.0449', severityMean: '3.005',
      prior: '3', severity: '-1.5', needScore: '33.39497495930074',
    });
    expect(raw.split('\n')[1]).toBe(
      '1,42,Vanskelig skjema,Bygge hus,Søke,Byggesak,in_progress,2026-07-05T12:03:00.000Z,12,2,7.123456789,3.0449,5,3.005,3,-1.5,33.39497495930074,https://reisekart.example/aust/innspill/42',
    );
    // Formulas are neutralised here too: the file may still be opened in a spreadsheet.
    const hostile = await csv([item({ title: '+1 er bra' })], 'comma');
    expect(hostile.records[0]!.title).toBe("'+1 er bra");
  });

  it('JSON keeps every value as it is', async () => {
    const sink = collect();
    await writeJson(sink.out, [item({ title: '=1+1' })], (r) => `u/${r.id}`, { municipality: 'aust' });
    const doc = JSON.parse(sink.text()) as { candidates: Record<string, unknown>[] };
    expect(doc.candidates[0]).toMatchObject({ title: '=1+1', status: 'in_progress', created: '2026-01-15T08:05:00.000Z', needScore: 33.39497495930074, severity: -1.5, url: 'u/42' });
  });
});

describe('XLSX', () => {
  it('has numbers with number formats, date cells in Norwegian time and the status as its label', async () => {
    const sink = collect();
    const rows = [item(), item({ id: 43, created_at: '2026-07-05T12:03:00Z', response_status: 'received' })];
    await writeXlsx(sink.out, rows, (r) => `u/${r.id}`, translator(nb), 'Kandidater');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sink.buffer() as never);
    const sheet = workbook.worksheets[0]!;
    const col = (key: string) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const [winter, summer] = [sheet.getRow(2), sheet.getRow(3)];
    expect(winter.getCell(col('needScore')).value).toBe(33.39497495930074);
    expect(winter.getCell(col('needScore')).numFmt).toBe('0.00');
    expect(winter.getCell(col('severity')).value).toBe(-1.5);
    expect(winter.getCell(col('id')).value).toBe(42);
    expect(winter.getCell(col('id')).numFmt).toBe('0');
    expect(winter.getCell(col('status')).value).toBe('Under arbeid');
    expect(summer.getCell(col('status')).value).toBe('Mottatt');
    // Date cells hold the wall-clock time in Oslo (a workbook has no time zone): 09:05 in winter, 14:03 in summer.
    expect(winter.getCell(col('created')).value).toEqual(new Date('2026-01-15T09:05:00Z'));
    expect(summer.getCell(col('created')).value).toEqual(new Date('2026-07-05T14:03:00Z'));
    expect(winter.getCell(col('created')).numFmt).toBe('dd.mm.yyyy hh:mm');
  });
});
