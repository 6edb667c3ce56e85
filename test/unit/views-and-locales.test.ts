// Guards on the views and translations: complete locales, no missing keys, no hard-coded user-facing text,
// and raw EJS output only for includes (SECURITY.md 5).
import fs from 'node:fs';
import path from 'node:path';
import { loadResources, LOCALES } from '../../src/lib/i18n';
import { ROLES } from '../../src/modules/staff/roles';
import { CHANNELS, EMOTIONS, LIFE_EVENTS } from '../../src/modules/journeys/journey-vocabulary';

const ROOT = path.resolve(__dirname, '..', '..');
const resources = loadResources();

function filesUnder(dir: string, ending: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, ending);
    return entry.name.endsWith(ending) ? [full] : [];
  });
}

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (value && typeof value === 'object') {
    return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
  }
  return { [prefix]: value };
}

const flat = Object.fromEntries(LOCALES.map((lng) => [lng, flatten(resources[lng])])) as Record<string, Record<string, unknown>>;
const views = filesUnder(path.join(ROOT, 'views'), '.ejs');
const sources = filesUnder(path.join(ROOT, 'src'), '.ts');
const relative = (file: string) => path.relative(ROOT, file);


/** File names such as 'municipality.json' look like message keys and audit actions, but are neither. */
const FILE_NAME = /\.(?:json|atom|csv|xlsx|css|js|ts)$/;
describe('locales', () => {
  it.each(LOCALES.filter((l) => l !== 'nb'))('%s has exactly the keys of bokmål', (lng) => {
    expect(Object.keys(flat[lng]!).sort()).toEqual(Object.keys(flat.nb!).sort());
  });

  it.each(LOCALES)('%s has a non-empty text for every key, with the same placeholders as bokmål', (lng) => {
    const placeholders = (s: unknown) => (String(s).match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const [key, text] of Object.entries(flat[lng]!)) {
      expect([key, typeof text === 'string' && text.trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(flat.nb![key])]);
    }
  });

  it('holds every key that a view or the code names literally', () => {
    const topLevel = Object.keys(resources.nb);
    const used = new Set<string>();
    for (const file of [...views, ...sources]) {
      const text = fs.readFileSync(file, 'utf8');
      // A key ending in '.' is a prefix completed at run time; the test below checks those sets.
      for (const m of text.matchAll(/\bt\(\s*['"]([\w.]*\w)['"](?!\s*\+)/g)) used.add(m[1]!);
      // Message keys handed around as values, e.g. zod messages 'validation.required' (audit action names are not keys).
      for (const m of text.matchAll(/(?<!action: (?:[^']*)?)'([a-z]\w*(?:\.\w+)+)'/g)) {
        if (topLevel.includes(m[1]!.split('.')[0]!) && !FILE_NAME.test(m[1]!)) used.add(m[1]!);
      }
    }
    // A key used with a count may exist only in i18next's plural forms (key_one, key_other).
    const missing = [...used].filter((key) => !(key in flat.nb!) && !(`${key}_one` in flat.nb! && `${key}_other` in flat.nb!));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });

  it('names every role, department kind, language, life event, channel, emotion, status, audited action and entity type', () => {
    const actions = new Set<string>();
    const entityTypes = new Set<string>();
    for (const file of sources) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/entityType: '(\w+)'/g)) entityTypes.add(m[1]!);
      const text = fs.readFileSync(file, 'utf8');
      // Audit actions are written as 'entity.verb' literals, or plain action: 'login'.
      for (const m of text.matchAll(/'((?:login|setup|user|municipality|journey|department|pain_point|initiative)\.[a-z_]+)'/g)) {
        if (!FILE_NAME.test(m[1]!)) actions.add(m[1]!);
      }
      for (const m of text.matchAll(/action: '([a-z_.]+)'/g)) actions.add(m[1]!);
    }
    const expected = [
      ...ROLES.flatMap((r) => [`roles.${r}`, `roleHelp.${r}`]),
      ...['municipal', 'state', 'private'].map((k) => `departmentKinds.${k}`),
      ...LOCALES.map((l) => `lang.${l}`),
      ...LIFE_EVENTS.map((e) => `lifeEvents.${e}`),
      ...CHANNELS.map((c) => `channels.${c}`),
      ...EMOTIONS.map((e) => `emotions.${e}`),
      ...['draft', 'published', 'archived'].map((st) => `journeyStatus.${st}`),
      ...[...actions].map((a) => `auditActions.${a.replace(/\./g, '_')}`),
      ...[...entityTypes].map((e) => `entityTypes.${e}`),
    ];
    expect(entityTypes.size).toBeGreaterThan(1);
    expect(actions.size).toBeGreaterThan(5);
    expect(expected.filter((key) => !(key in flat.nb!))).toEqual([]);
  });
});

describe('views', () => {
  const stripEjs = (s: string) => s.replace(/<%[\s\S]*?%>/g, ' ');

  it('hold no hard-coded user-facing text between tags', () => {
    const offenders: string[] = [];
    for (const file of views) {
      const text = stripEjs(fs.readFileSync(file, 'utf8'))
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<!doctype[^>]*>/gi, ' ')
        .replace(/<[^>]*>/g, ' ');
      const words = text.match(/[\p{L}]{2,}[^<]*/gu);
      if (words) offenders.push(`${relative(file)}: ${words.map((w) => w.trim()).join(' | ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('hold no hard-coded text in attributes people read (aria-label, title, alt, placeholder)', () => {
    const offenders: string[] = [];
    for (const file of views) {
      const text = stripEjs(fs.readFileSync(file, 'utf8'));
      for (const m of text.matchAll(/\b(aria-label|title|alt|placeholder)="([^"]*)"/g)) {
        if (/\p{L}/u.test(m[2]!)) offenders.push(`${relative(file)}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('use raw output <%- only to include a partial', () => {
    const offenders = views.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/<%-(?!\s*include\()[^%]*%>/g)].map((m) => `${relative(file)}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
