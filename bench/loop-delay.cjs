// Preloaded into the portal by the benchmark only (`node --require`), so the server's own event loop is watched
// without any code of the portal knowing: perf_hooks' histogram of how late a 10 ms timer fires is, at its maximum,
// the longest time one piece of work held the loop and served no one else. The benchmark asks for the figures over
// IPC between scenarios; "phase" figures start again at each reading, "whole" ones run from the first reading on.
'use strict';
const { monitorEventLoopDelay } = require('node:perf_hooks');

const RESOLUTION_MS = 10;
const phase = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
const whole = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
phase.enable();
whole.enable();

const ms = (ns) => Math.round(ns / 1e4) / 100;
const figures = (h) => ({ maxMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean) });

process.on('message', (message) => {
  if (message === 'loop-delay:start') {
    // Start-up (migrations, the first reads) is over when the benchmark first asks: the run is measured from here.
    phase.reset();
    whole.reset();
    process.send({ phase: figures(phase), whole: figures(whole) });
  } else if (message === 'loop-delay:read') {
    process.send({ phase: figures(phase), whole: figures(whole) });
    phase.reset();
  }
});
// The channel must not keep the server alive once it has closed its listener on SIGTERM.
process.channel?.unref();
