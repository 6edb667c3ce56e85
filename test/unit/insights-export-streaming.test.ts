// Exports stream: however many rows, the writers pull only a bounded number ahead of what has left the process
// (to the client for CSV and JSON, to the temporary workbook file for XLSX), so memory does not grow with the rows.
import { Writable } from 'node:stream';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AHEAD_BYTES, writeCsv, writeJson, writeXlsx } from '../../src/modules/insights/insights-export';
import type { InsightItem } from '../../src/modules/insights/insights.service';

function rows(count: number, pulled: { n: number }): Iterable<InsightItem> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i += 1) {
        pulled.n += 1;
        yield {
          id: i, title: `Rad ${i} med litt tekst for å fylle opp`, created_at: '2026-01-01T00:00:00Z', response_status: 'received', hidden_by_flags: 0,
          journey_id: 1, journey_title: 'Reise', life_event: 'annet', step_id: 1, step_title: 'Steg', department_id: null, department_name: null,
          n: 3, log_decay: 1, rating_sum: 9, rating_count: 3, verified_n: 1, need: 4.2,
          figures: { n: 3, nEff: 2.5, reach: 1.8, k: 3, severityMean: 3, prior: 3, severity: 3, needScore: 5.4 },
        };
      }
    },
  };
}

/**
 * A client that reads slowly and records the rows pulled and the bytes it has taken at each chunk; the most rows ahead
 * is worked out at the end, from the export's own bytes per row.
 */
function slowClient(pulled: { n: number }) {
  let taken = 0;
  const seen: [rows: number, bytes: number][] = [];
  const out = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      taken += chunk.length;
      seen.push([pulled.n, taken]);
      setImmediate(done);
    },
  });
  const bytesPerRow = () => taken / pulled.n;
  return { out, bytesPerRow, maxAhead: () => Math.max(...seen.map(([rows, bytes]) => rows - bytes / bytesPerRow())) };
}

const COUNT = 60_000;

describe('export streaming', () => {
  it.each([
    ['CSV (semicolon)', (out: Writable, r: Iterable<InsightItem>, url: () => string) => writeCsv(out, r, url, (k) => k, 'semicolon')],
    ['CSV (comma)', (out: Writable, r: Iterable<InsightItem>, url: () => string) => writeCsv(out, r, url, (k) => k, 'comma')],
    ['JSON', (out: Writable, r: Iterable<InsightItem>, url: () => string) => writeJson(out, r, url, {})],
  ])('%s pulls a bounded number of rows ahead of a slow client, building each row\'s address once', async (_name, write) => {
    const pulled = { n: 0 };
    const client = slowClient(pulled);
    let urls = 0;
    await write(client.out, rows(COUNT, pulled), () => ((urls += 1), 'http://x/1'));
    expect(pulled.n).toBe(COUNT);
    // Building an address goes through the paths module; once per column made the CSV of 100 000 rows 2.5 s slower.
    expect(urls).toBe(COUNT);
    // Flat: no more than the write-ahead (and a batch) is ever ahead of the client, far less than the whole export.
    expect(client.maxAhead()).toBeLessThan(AHEAD_BYTES / client.bytesPerRow() + 1_000);
    expect(client.maxAhead()).toBeLessThan(COUNT / 4);
  }, 60_000);

  it('XLSX writes the workbook to disk as rows arrive: the rows ahead of the file stay bounded as the export grows', async () => {
    const aheadFor = async (count: number) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-xlsx-test-'));
      const pulled = { n: 0 };
      const samples: [number, number][] = [];
      const fileSize = () => {
        const [dir] = fs.readdirSync(root);
        try {
          return dir ? fs.statSync(path.join(root, dir, 'export.xlsx')).size : 0;
        } catch {
          return 0;
        }
      };
      const sampled: Iterable<InsightItem> = {
        *[Symbol.iterator]() {
          for (const row of rows(count, pulled)) {
            if (pulled.n % 500 === 0) samples.push([pulled.n, fileSize()]);
            yield row;
          }
        },
      };
      const sink = new Writable({ write: (_c, _e, done) => setImmediate(done) });
      await writeXlsx(sink, sampled, () => 'http://x/1', (k) => k, 'Ark', root);
      const [lastRows, lastBytes] = samples[samples.length - 1]!;
      const bytesPerRow = lastBytes / lastRows;
      expect(fs.readdirSync(root)).toEqual([]); // the temporary workbook is gone
      return Math.max(...samples.map(([n, bytes]) => n - bytes / bytesPerRow));
    };
    const small = await aheadFor(20_000);
    const large = await aheadFor(60_000);
    expect(large).toBeLessThan(5_000);
    expect(large).toBeLessThan(small * 2 + 1_000);
  }, 120_000);
});
