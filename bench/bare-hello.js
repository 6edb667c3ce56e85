// The yardstick: a bare Express app answering "hello", started in the same run on the same machine as the portal.
// Plain JavaScript so that nothing but Express and Node sits between the socket and the answer.
const express = require('express');

const app = express();
app.get('/', (_req, res) => {
  res.send('hello');
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`Bare Express is running on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
