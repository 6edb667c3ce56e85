// docs/security.md maps each of the 26 checks of SECURITY.md to the tests that make it. This keeps the map honest:
// every check has a row, and every test file it names exists.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CHECKS = 26;

interface Row {
  check: number;
  name: string;
  files: string[];
}

function rows(): Row[] {
  const text = fs.readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8');
  return [...text.matchAll(/^\|\s*(\d+)\s*\|(.*)\|(.*)\|\s*$/gm)].map((m) => ({
    check: Number(m[1]),
    name: m[2]!.trim(),
    files: [...m[3]!.matchAll(/`([^`]+)`/g)].map((f) => f[1]!),
  }));
}

describe('docs/security.md', () => {
  it(`has one row for each check from 1 to ${CHECKS}, each with a name`, () => {
    const table = rows();
    expect(table.map((r) => r.check)).toEqual(Array.from({ length: CHECKS }, (_, i) => i + 1));
    expect(table.filter((r) => r.name.length < 10)).toEqual([]);
  });

  it('names at least one test file for each check, and every named file exists', () => {
    const problems: string[] = [];
    for (const row of rows()) {
      if (row.files.length === 0) problems.push(`check ${row.check}: no test file`);
      for (const file of row.files) {
        if (!/^test\/.+\.test\.ts$/.test(file)) problems.push(`check ${row.check}: ${file} is not a test file`);
        else if (!fs.existsSync(path.join(ROOT, file))) problems.push(`check ${row.check}: ${file} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });
});
