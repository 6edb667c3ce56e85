// The benchmark run: generate the dataset into a temporary database, start bare Express and the portal, drive every
// scenario, time the exports, and return the figures with their targets checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { BENCH_PASSWORD, generateDataset, type Dataset, type Progress, type Scale } from './dataset';
import { timeInsightsAfterVotes, type AfterChangeResult } from './after-change';
import { timeExport, type ExportResult } from './exports';
import { drive, type LoadOptions, type LoadResult } from './load';
import { startBareExpress, startPortal, type ServerProcess } from './processes';
import { scenarios, type Fixtures, type Target } from './scenarios';
import { openForm, signIn } from './visitors';

export interface BenchOptions extends LoadOptions {
  scale: Scale;
  seed: number;
  /**
   * Keep the generated database here and reuse it on the next run (with the dataset description beside it), to profile
   * without generating again. The reported generation times are then those of the run that made it.
   */
  reuse?: string;
  /** Run dist/server.js (after `npm run build`) rather than the sources through tsx. */
  compiled: boolean;
  progress?: Progress;
  log?: (line: string) => void;
}

export interface ScenarioResult extends LoadResult {
  key: string;
  title: string;
  ratio: number;
  target: Target;
  met: boolean;
}

export interface BenchResult {
  date: string;
  machine: { cpu: string; cpus: number; memoryGb: number; os: string; node: string };
  load: LoadOptions;
  dataset: Dataset;
  bare: LoadResult;
  /** Bare Express sending a fixed body as large as the journey map page: the ceiling for a page of that size. */
  bareBytes: LoadResult & { bytes: number };
  scenarios: ScenarioResult[];
  /** The staff insights page right after a vote in the largest municipality: measured, no target. */
  insightsAfterVote: AfterChangeResult;
  exports: (ExportResult & { target: { seconds: number; memoryGrowthMb: number } | null; met: boolean | null })[];
  memory: { peakMb: number; targetMb: number; met: boolean };
  generation: { votesSeconds: number; targetSeconds: number; met: boolean };
}

const EXPORT_TARGET = { seconds: 3, memoryGrowthMb: 64 };
const MEMORY_TARGET_MB = 300;
const VOTE_GENERATION_TARGET_SECONDS = 60;
const AFTER_VOTE_ROUNDS = 9;

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-'));
  const servers: ServerProcess[] = [];
  try {
    const databasePath = options.reuse ? path.resolve(options.reuse) : path.join(dir, 'reisekart.db');
    const described = `${databasePath}.dataset.json`;
    const reused = options.reuse !== undefined && fs.existsSync(described);
    const db = openDatabase(databasePath);
    migrate(db);
    const dataset: Dataset = reused ? JSON.parse(fs.readFileSync(described, 'utf8')) : await generateDataset(db, options.scale, options.seed, options.progress);
    if (options.reuse && !reused) fs.writeFileSync(described, JSON.stringify(dataset));
    const votable = db
      .prepare(
        `SELECT id FROM pain_points WHERE municipality_id = ? AND moderation_status = 'published' AND hidden_by_flags = 0
         AND response_status NOT IN ('solved', 'declined') ORDER BY id LIMIT 5000`,
      )
      .pluck()
      .all(dataset.largest.id) as number[];
    db.close();
    log(`dataset ${reused ? 'reused' : 'generated'}: ${dataset.seconds.total} s (votes ${dataset.seconds.votes} s)`);

    const bare = await startBareExpress(path.join(dir, 'bare.log'));
    servers.push(bare);
    const portal = await startPortal({ databasePath, logFile: path.join(dir, 'portal.log'), compiled: options.compiled });
    servers.push(portal);
    let peakMb = portal.rssMb();
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, portal.rssMb())), 100);

    try {
      const load: LoadOptions = { connections: options.connections, warmupSeconds: options.warmupSeconds, durationSeconds: options.durationSeconds };
      log('bare Express hello …');
      const bareResult = await drive(bare, load, () => ({ path: '/' }), 2);
      const staffCookie = await signIn(portal.baseUrl, dataset.analystEmail, BENCH_PASSWORD);
      const voteSessions = await Promise.all(
        Array.from({ length: options.connections }, (_, i) => openForm(`${portal.baseUrl}/${dataset.largest.slug}/innspill/${votable[i % votable.length]}`)),
      );
      const fixtures: Fixtures = { dataset, votable, voteSessions, staffCookie };
      // The map page's own size, served from memory by bare Express: how much of the map's cost is its bytes alone.
      const mapBytes = (await (await fetch(`${portal.baseUrl}/${dataset.largest.slug}/reiser/${dataset.journeySlug}`)).arrayBuffer()).byteLength;
      log(`bare Express, ${mapBytes} bytes from memory …`);
      const bareBytes = { bytes: mapBytes, ...(await drive(bare, load, () => ({ path: `/bytes/${mapBytes}` }), 2)) };
      const results: ScenarioResult[] = [];
      for (const s of scenarios(fixtures)) {
        log(`${s.title} …`);
        const r = await drive(portal, load, s.next, s.expectStatus);
        const ratio = Math.round((r.requestsPerSecond / bareResult.requestsPerSecond) * 1000) / 1000;
        const met = (s.target.ratio === undefined || ratio >= s.target.ratio) && (s.target.p99Ms === undefined || r.p99Ms <= s.target.p99Ms) && r.unexpected === 0;
        results.push({ key: s.key, title: s.title, ...r, ratio, target: s.target, met });
      }
      log('staff insights right after a vote …');
      const vote = scenarios(fixtures).find((s) => s.key === 'vote')!;
      const insightsAfterVote = await timeInsightsAfterVotes(portal.baseUrl, `/admin/${dataset.largest.slug}/insights`, staffCookie, vote.next, AFTER_VOTE_ROUNDS);
      const exports = [];
      for (const format of ['csv', 'xlsx'] as const) {
        log(`${format.toUpperCase()} export of ${dataset.largest.candidates} candidates …`);
        const e = await timeExport(portal, dataset.largest.slug, staffCookie, format);
        // The target is set for CSV; XLSX is measured and reported beside it.
        const target = format === 'csv' ? EXPORT_TARGET : null;
        const met = target ? e.status === 200 && e.seconds <= target.seconds && e.memoryGrowthMb <= target.memoryGrowthMb : null;
        exports.push({ ...e, target, met });
      }
      return {
        date: new Date().toISOString(),
        machine: machine(),
        load,
        dataset,
        bare: bareResult,
        bareBytes,
        scenarios: results,
        insightsAfterVote,
        exports,
        memory: { peakMb: Math.round(peakMb), targetMb: MEMORY_TARGET_MB, met: peakMb <= MEMORY_TARGET_MB },
        generation: { votesSeconds: dataset.seconds.votes, targetSeconds: VOTE_GENERATION_TARGET_SECONDS, met: dataset.seconds.votes <= VOTE_GENERATION_TARGET_SECONDS },
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): BenchResult['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}
