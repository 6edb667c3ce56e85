// N sequential GETs of one path over one kept-alive connection, from behind one proxy hop as the benchmark's clients
// are; prints the bytes per answer. Fails on any non-200.
// Usage: node bench/keep-alive-gets.js PORT PATH N   (used by bench/instructions-per-request.sh)
const http = require('node:http');

const [port, path, n] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let bytes = 0;
const get = () =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent, headers: { 'X-Forwarded-For': '203.0.113.7' } }, (res) => {
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path} answered ${res.statusCode}`))));
      })
      .on('error', reject);
  });

(async () => {
  for (let i = 0; i < n; i += 1) await get();
  console.log(`${Math.round(bytes / n)} bytes per answer`);
  agent.destroy();
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
