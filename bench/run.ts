// `npm run bench`: the national-scale benchmark. Options: --smoke (tiny dataset, one second per scenario, nothing
// written), --duration S, --warmup S, --connections N, --seed N, --reuse FILE (keep the generated database there and
// reuse it next time, for profiling), --only-backup (with --reuse: only the scheduled-backup step, printed).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { runBackupStep, runBench } from './bench';
import { NATIONAL, SMOKE } from './dataset';
import { backupRows, printable, writeResults } from './report';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      seed: { type: 'string', default: '20261128' },
      reuse: { type: 'string' },
      'only-backup': { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
    return n;
  };
  const smoke = values.smoke!;
  // The backup step alone (#22.2), on a database an earlier --reuse run kept; nothing is written to the results.
  if (values['only-backup']) {
    if (!values.reuse) throw new Error('--only-backup needs --reuse FILE (a database an earlier run kept)');
    const b = await runBackupStep({ reuse: values.reuse, connections: number('connections', values.connections!), compiled: true, log: (line) => console.error(line) });
    console.log(`\n${backupRows(b).map((row) => `${row[0]}: ${row[1]}`).join('\n')}\n`);
    console.log(JSON.stringify(b));
    return;
  }
  const bars = new MultiBar({ format: ' {phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000 }, Presets.shades_classic);
  const bar = new Map<string, ReturnType<MultiBar['create']>>();
  // The bars are drawn once more on every stop, so they are stopped once, when generation is over.
  let barsStopped = false;
  const stopBars = () => {
    if (!barsStopped) bars.stop();
    barsStopped = true;
  };
  const result = await runBench({
    scale: smoke ? SMOKE : NATIONAL,
    seed: number('seed', values.seed!),
    connections: number('connections', values.connections!),
    warmupSeconds: smoke ? 0.5 : number('warmup', values.warmup!),
    durationSeconds: smoke ? 1 : number('duration', values.duration!),
    compiled: true,
    reuse: values.reuse,
    backup: !smoke,
    progress: (phase, done, total) => {
      if (!bar.has(phase)) bar.set(phase, bars.create(total, 0, { phase: phase.padEnd(12) }));
      bar.get(phase)!.update(done);
    },
    log: (line) => {
      stopBars();
      console.error(line);
    },
  });
  stopBars();
  console.log(`\n${printable(result)}\n`);
  if (!smoke) {
    writeResults(result, path.resolve(__dirname, '..'));
    console.log('Written to bench/results/latest.json and docs/benchmarks.md');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
