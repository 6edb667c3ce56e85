// Turns a benchmark result into the printed table, bench/results/latest.json and the results section of
// docs/benchmarks.md (between markers, so the hand-written analysis around it stays).
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult, BytesYardstick, ScenarioResult } from './bench';
import type { LoopDelay } from './processes';
import type { BackupBenchResult } from './backup';

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

type Row = [scenario: string, rps: string, p50: string, p99: string, cpu: string, loop: string, ratio: string, target: string, met: string];

const YARDSTICK_NAMES = { hello: 'hello', mapBytes: "the map's bytes", stepBytes: "the step page's bytes" } as const;

function rows(r: BenchResult): Row[] {
  const yes = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : 'NO');
  const target = (t: ScenarioResult['target']) =>
    [t.ratio !== undefined ? `≥ ${t.ratio.toFixed(2)} × ${YARDSTICK_NAMES[t.of ?? 'hello']}` : '', t.p99Ms !== undefined ? `p99 ≤ ${t.p99Ms} ms` : ''].filter(Boolean).join(', ');
  const yardstick = (y: BytesYardstick): Row => [
    `Bare Express, ${fmt(y.bytes)} bytes from memory (the ${y.page}'s size)`,
    fmt(y.requestsPerSecond), `${y.p50Ms}`, `${y.p99Ms}`, cpu(y.cpuMsPerRequest), loop(y.loop),
    (Math.round((y.requestsPerSecond / r.bare.requestsPerSecond) * 1000) / 1000).toFixed(3), 'yardstick', '–',
  ];
  return [
    ['Bare Express hello', fmt(r.bare.requestsPerSecond), `${r.bare.p50Ms}`, `${r.bare.p99Ms}`, cpu(r.bare.cpuMsPerRequest), loop(r.bare.loop), '1.000', '', ''],
    yardstick(r.yardsticks.mapBytes),
    yardstick(r.yardsticks.stepBytes),
    ...r.scenarios.map((s): Row => [
      s.unexpected > 0 ? `${s.title} (unexpected: ${describe(s.other)})` : s.title,
      fmt(s.requestsPerSecond), `${s.p50Ms}`, `${s.p99Ms}`, cpu(s.cpuMsPerRequest), loop(s.loop), s.ratio.toFixed(3), target(s.target), yes(s.met),
    ]),
  ];
}

/** The portal's event-loop delay in a phase: its longest stall and its 99th percentile. */
function loop(l: LoopDelay): string {
  return `${l.maxMs} / ${l.p99Ms}`;
}

function describe(other: ScenarioResult['other']): string {
  return Object.entries(other)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

function exportRows(r: BenchResult): string[][] {
  return r.exports.map((e) => [
    `${e.format.toUpperCase()} export, ${fmt(r.dataset.largest.candidates)} candidates`,
    `${e.seconds} s`, `${e.memoryGrowthMb} MB (peak ${e.peakMb} MB)`, `${fmt(e.bytes)} bytes`, loop(e.loop),
    e.target ? `≤ ${e.target.seconds} s, ≤ ${e.target.memoryGrowthMb} MB` : 'measured',
    e.met === null ? '–' : e.met ? 'yes' : 'NO',
  ]);
}

function otherRows(r: BenchResult): string[][] {
  return [
    ['Server memory, peak over the run', `${r.memory.peakMb} MB`, `≤ ${r.memory.targetMb} MB`, r.memory.met ? 'yes' : 'NO'],
    [
      `Staff insights, first view after a vote (median of ${r.insightsAfterVote.rounds}${r.insightsAfterVote.failures ? `, ${r.insightsAfterVote.failures} failed` : ''})`,
      `${r.insightsAfterVote.medianMs} ms (max ${r.insightsAfterVote.maxMs} ms); event loop ${loop(r.insightsAfterVote.loop)} ms`, 'measured', '–',
    ],
    [
      'Event-loop delay over the whole run, max / p99 (mean)',
      `${r.eventLoop.maxMs} / ${r.eventLoop.p99Ms} ms (${r.eventLoop.meanMs} ms)`, `max ≤ ${r.eventLoop.targetMaxMs} ms`, r.eventLoop.met ? 'yes' : 'NO',
    ],
    [`Generating ${fmt(r.dataset.counts.votes)} votes`, `${r.generation.votesSeconds} s`, `≤ ${r.generation.targetSeconds} s`, r.generation.met ? 'yes' : 'NO'],
    ...(r.backup ? backupRows(r.backup) : []),
  ];
}

/** One scheduled backup (#22.2): its time, and the journey map's p99 while it runs beside the same load without it. */
export function backupRows(b: BackupBenchResult): string[][] {
  const mb = Math.round(b.bytes / 1024 ** 2);
  return [
    [
      `Scheduled backup of the database (${fmt(mb)} MB): online copy + integrity check of the copy`,
      `${b.seconds} s (copy ${b.copySeconds} s) idle; ${b.underLoadSeconds} s (copy ${b.underLoadCopySeconds} s) under load`, 'measured', '–',
    ],
    [
      `Journey map while the backup runs / without it (${b.during.requestsPerSecond} / ${b.quiet.requestsPerSecond} req/s)`,
      `p99 ${b.during.p99Ms} / ${b.quiet.p99Ms} ms; event loop ${loop(b.during.loop)} / ${loop(b.quiet.loop)} ms`, 'measured', '–',
    ],
  ];
}

export function printable(r: BenchResult): string {
  return [
    table(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'loop max / p99 ms', 'ratio', 'target', 'met'], rows(r)),
    table(['export', 'time', 'memory growth', 'size', 'loop max / p99 ms', 'target', 'met'], exportRows(r)),
    table(['other', 'measured', 'target', 'met'], otherRows(r)),
  ].join('\n\n');
}

export function markdown(r: BenchResult): string {
  const d = r.dataset;
  return [
    RESULTS_START,
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB RAM, ${r.machine.os}, Node ${r.machine.node}.`,
    `${r.load.connections} connections, ${r.load.warmupSeconds} s warm-up, ${r.load.durationSeconds} s measured per scenario; autocannon runs on the same machine. ` +
      'The event loop is the portal\'s, over each scenario with its warm-up (`perf_hooks.monitorEventLoopDelay`, 10 ms resolution).',
    '',
    `Dataset: ${fmt(d.counts.municipalities)} municipalities, ${fmt(d.counts.journeys)} published journeys with ${fmt(d.counts.steps)} steps, ` +
      `${fmt(d.counts.participants)} participants, ${fmt(d.counts.painPoints)} pain points (${fmt(d.counts.merged)} merged, ${fmt(d.counts.answers)} answered), ` +
      `${fmt(d.counts.votes)} votes. Generated in ${d.seconds.total} s: journeys ${d.seconds.journeys} s, participants ${d.seconds.participants} s, ` +
      `pain points ${d.seconds.painPoints} s, votes ${d.seconds.votes} s, ranking rebuild ${d.seconds.ranking} s.`,
    '',
    mdTable(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'event loop max / p99 ms', 'ratio to yardstick', 'target', 'met'], rows(r)),
    '',
    mdTable(['export', 'time', 'server memory growth', 'size', 'event loop max / p99 ms', 'target', 'met'], exportRows(r)),
    '',
    mdTable(['other', 'measured', 'target', 'met'], otherRows(r)),
    RESULTS_END,
  ].join('\n');
}

/** Writes latest.json and replaces the results section of the benchmarks page. */
export function writeResults(r: BenchResult, root: string): void {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(doc, 'utf8');
  const start = text.indexOf(RESULTS_START);
  const end = text.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new Error(`${doc} has no results markers`);
  fs.writeFileSync(doc, text.slice(0, start) + markdown(r) + text.slice(end + RESULTS_END.length));
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function mdTable(head: string[], body: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function cpu(ms: number): string {
  return ms.toFixed(3);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
