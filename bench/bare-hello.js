// The yardsticks: a bare Express app answering "hello", started in the same run on the same machine as the portal.
// Plain JavaScript so that nothing but Express and Node sits between the socket and the answer.
const express = require('express');

const app = express();
app.get('/', (_req, res) => {
  res.send('hello');
});
// The second yardstick: a fixed page of the given size from memory, what a journey map costs in bytes alone.
const pages = new Map();
app.get('/bytes/:n', (req, res) => {
  const n = Math.min(Number(req.params.n) || 0, 1_000_000);
  if (!pages.has(n)) pages.set(n, Buffer.alloc(n, 'x'));
  res.type('html').send(pages.get(n));
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`Bare Express is running on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
