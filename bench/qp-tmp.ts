import Database from 'better-sqlite3';
const db = new Database('/tmp/benchdb/national.db', { readonly: true });
const sql = process.argv[2]!;
const params = JSON.parse(process.argv[3] ?? '{}');
for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all(params) as any[]) console.log(r.id, r.parent, r.detail);
for (let i = 0; i < 2; i++) db.prepare(sql).all(params);
const t = performance.now();
const rows = db.prepare(sql).all(params);
console.log('rows', rows.length, 'ms', (performance.now() - t).toFixed(1));
