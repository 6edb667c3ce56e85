// #19 item 10: the public journey map printed for workshops. Chromium prints it to PDF with the page's own page size:
// every page A3 landscape; after a first page about the journey, the phases go across pages, each page with the lane
// headers down its side (read back from the PDF's text, page by page); every step printed once and in order, open
// even when the reader had closed its card; no navigation. Other pages keep the printer's own paper size.
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import nb from '../../locales/nb.json';
import { buildJourney } from '../helpers/journeys';
import { demoSuite } from './helpers/demo-server';

const suite = demoSuite();
const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };

interface PdfPage {
  mediaBox: number[];
  /** The page's text runs in drawing order, joined by spaces, whitespace collapsed. */
  text: string;
}

/**
 * The pages of a PDF as Chromium (Skia) writes them: plain objects, Flate-compressed content streams, text as
 * Identity-H glyph codes in hex strings mapped back to Unicode through each font's ToUnicode CMap.
 */
function readPdf(pdf: Buffer): PdfPage[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const length = Number(dict.match(/\/Length (\d+)/)?.[1]);
      const start = m.index! + m[0].indexOf(body) + streamAt + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
      const bytes = pdf.subarray(start, start + length);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes;
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const ref = (dict: string, key: string) => Number(dict.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1]);

  const unicodeOf = new Map<number, Map<string, string>>();
  const toUnicode = (fontId: number) => {
    if (!unicodeOf.has(fontId)) {
      const map = new Map<string, string>();
      const cmap = objects.get(ref(objects.get(fontId)!.dict, 'ToUnicode'))!.stream!.toString('latin1');
      const utf16 = (hex: string) => String.fromCharCode(...hex.match(/.{4}/g)!.map((h) => parseInt(h, 16)));
      for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
        for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(pair[1]!.toUpperCase(), utf16(pair[2]!));
      }
      for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
        for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
          const [from, to, first] = [parseInt(range[1]!, 16), parseInt(range[2]!, 16), parseInt(range[3]!, 16)];
          for (let code = from; code <= to; code++) map.set(code.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(first + code - from));
        }
      }
      unicodeOf.set(fontId, map);
    }
    return unicodeOf.get(fontId)!;
  };

  const pageIds: number[] = [];
  const walk = (id: number) => {
    const { dict } = objects.get(id)!;
    if (/\/Type \/Pages\b/.test(dict)) for (const kid of dict.match(/\/Kids \[([^\]]*)\]/)![1]!.matchAll(/(\d+) 0 R/g)) walk(Number(kid[1]));
    else pageIds.push(id);
  };
  walk(ref([...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict))!.dict, 'Pages'));

  return pageIds.map((id) => {
    const { dict } = objects.get(id)!;
    const fonts = new Map([...(dict.match(/\/Font <<([^>]*)>>/)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map((f) => [f[1]!, Number(f[2])]));
    const contents = (dict.match(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/)![1] ?? dict.match(/\/Contents (\d+) 0 R/)![1]!).match(/\d+(?= 0 R)|^\d+$/g)!;
    const runs: string[] = [];
    for (const contentId of contents) {
      const content = objects.get(Number(contentId))!.stream!.toString('latin1');
      for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
        let font: Map<string, string> | null = null;
        let run = '';
        for (const token of block[1]!.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj|\[([^\]]*)\] ?TJ/g)) {
          if (token[1]) font = toUnicode(fonts.get(token[1])!);
          const hex = token[2] ?? [...(token[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]).join('');
          for (const code of hex.match(/.{4}/g) ?? []) run += font?.get(code.toUpperCase()) ?? '';
        }
        runs.push(run);
      }
    }
    return {
      mediaBox: dict.match(/\/MediaBox \[([^\]]*)\]/)![1]!.trim().split(/\s+/).map(Number),
      text: runs.join(' ').replace(/\s+/g, ' '),
    };
  });
}

const LANE_HEADERS = [
  nb.journeys.map.stepColumn,
  ...(['action', 'touchpoint', 'responsible', 'backstage', 'systems', 'feeling', 'curve', 'duration', 'pain'] as const).map((lane) => nb.journeys.lanes[lane]),
];

/** The map's printed pages as the DOM has them, and each step's title and what the resident does. */
async function printLayout(page: Page) {
  return page.evaluate<{ printPages: number; steps: { title: string; action: string }[] }>(`({
    printPages: document.querySelectorAll('.app-print-page').length,
    steps: Array.from(document.querySelectorAll('details.app-step-card'), (card) => ({
      title: card.querySelector('summary').textContent.replace(/\\s+/g, ' ').trim(),
      action: (card.querySelector('[data-lane="action"] dd') || { textContent: '' }).textContent.replace(/\\s+/g, ' ').trim(),
    })),
  })`);
}

async function printMap(path: string, javaScriptEnabled: boolean) {
  // A phone's window: what is printed must not depend on the screen it was printed from.
  const context = await suite.browser.newContext({ viewport: { width: 375, height: 667 }, javaScriptEnabled });
  try {
    const page = await context.newPage();
    expect((await page.goto(`${suite.server.baseUrl}${path}?lang=nb`))?.status()).toBe(200);
    const closedCards = await page.evaluate<number>("document.querySelectorAll('details.app-step-card:not([open])').length");
    const layout = await printLayout(page);
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return { ...layout, pdf, closedCards };
  } finally {
    await context.close();
  }
}

function expectA3Landscape(pages: PdfPage[]): void {
  for (const { mediaBox } of pages) {
    const [x0, y0, x1, y1] = mediaBox as [number, number, number, number];
    expect(Math.abs(x1 - x0 - A3_LANDSCAPE.width)).toBeLessThan(2);
    expect(Math.abs(y1 - y0 - A3_LANDSCAPE.height)).toBeLessThan(2);
  }
}

describe.each([
  ['/demo/reiser/bygge-garasje', true],
  ['/demo/reiser/dodsfall', true],
  ['/demo/reiser/alvorlig-sykt-barn', true],
  ['/demo/reiser/bygge-garasje', false],
])('%s printed (JavaScript %s)', (path, javaScriptEnabled) => {
  let printed: Awaited<ReturnType<typeof printMap>>;
  beforeAll(async () => {
    printed = await printMap(path, javaScriptEnabled);
  });

  it('prints on A3 landscape: a page about the journey, one page per group of phases, and the whole-journey feedback', () => {
    // With JavaScript the cards were closed on screen; the print shows them all the same.
    expect(printed.closedCards).toBe(javaScriptEnabled ? printed.steps.length : 0);
    expectA3Landscape(printed.pdf);
    expect(printed.printPages).toBeGreaterThanOrEqual(2);
    expect(printed.printPages).toBeLessThanOrEqual(Math.ceil(printed.steps.length / 4));
    const mapPages = printed.pdf.filter((p) => p.text.includes(nb.journeys.lanes.action));
    expect(mapPages).toHaveLength(printed.printPages);
    expect(printed.pdf.length).toBeGreaterThanOrEqual(printed.printPages + 1);
    expect(printed.pdf.length).toBeLessThanOrEqual(printed.printPages + 3);
    expect(printed.pdf[0]!.text).toContain(nb.journeys.fields.persona);
  });

  it('repeats the lane headers on every page of the map', () => {
    const mapPages = printed.pdf.filter((p) => /\b\d+\. \S/.test(p.text) && p.text.includes(nb.journeys.map.stepColumn));
    expect(mapPages).toHaveLength(printed.printPages);
    for (const [i, page] of mapPages.entries()) {
      expect([i, LANE_HEADERS.filter((header) => !page.text.includes(header))]).toEqual([i, []]);
    }
  });

  it('prints every step once, in order, with what the resident does', () => {
    const pageOf = printed.steps.map((step) => {
      const pages = printed.pdf.flatMap((p, i) => (p.text.includes(step.title) ? [i] : []));
      expect([step.title, pages.length]).toEqual([step.title, 1]);
      const text = printed.pdf[pages[0]!]!.text;
      if (step.action) expect([step.title, text.includes(step.action)]).toEqual([step.title, true]);
      return pages[0]!;
    });
    expect(pageOf).toEqual([...pageOf].sort((a, b) => a - b));
    expect(new Set(pageOf).size).toBe(printed.printPages);
  });

  it('prints no navigation, menus or buttons', () => {
    const all = printed.pdf.map((p) => p.text).join(' ');
    for (const chrome of [
      nb.layout.skipLink,
      nb.lang.nn,
      nb.layout.accessibility,
      nb.journeys.map.openAll,
      nb.journeys.map.curveLegend,
      nb.journeys.map.openStep,
      nb.feedback.report.onJourney,
      nb.feedback.feed.link,
    ]) {
      expect([chrome, all.includes(chrome)]).toEqual([chrome, false]);
    }
  });
});

describe('a phase longer than a printed page', () => {
  it('goes on on the next page, titled as continued, with the lane headers there too', async () => {
    buildJourney(suite.server.testApp.services, 'demo', {
      slug: 'lang-fase',
      title: 'Jeg har en lang fase',
      phases: { Langfase: ['Én', 'To', 'Tre', 'Fire', 'Fem', 'Seks', 'Sju', 'Åtte', 'Ni'], Kortfase: ['Ti', 'Elleve'] },
      publish: true,
    });
    const printed = await printMap('/demo/reiser/lang-fase', true);
    expectA3Landscape(printed.pdf);
    expect(printed.printPages).toBe(2);
    const mapPages = printed.pdf.filter((p) => p.text.includes(nb.journeys.lanes.action));
    expect(mapPages).toHaveLength(2);
    expect(mapPages[0]!.text).toContain('7. Sju');
    expect(mapPages[0]!.text).not.toContain('8. Åtte');
    expect(mapPages[1]!.text).toContain('Langfase (fortsatt)');
    expect(mapPages[1]!.text).toContain('8. Åtte');
    expect(mapPages[1]!.text).toContain('11. Elleve');
    for (const page of mapPages) expect(LANE_HEADERS.filter((header) => !page.text.includes(header))).toEqual([]);
  });
});

describe('other pages', () => {
  it('print on the printer’s own paper, not A3', async () => {
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${suite.server.baseUrl}/demo/reiser/bygge-garasje/steg/1?lang=nb`);
      const [pdfPage] = readPdf(await page.pdf({ preferCSSPageSize: true, format: 'A4' }));
      const [x0, y0, x1, y1] = pdfPage!.mediaBox as [number, number, number, number];
      // A4 portrait (595 × 842 pt), as asked for, since the page names no size of its own.
      expect(Math.abs(x1 - x0 - 595.3)).toBeLessThan(2);
      expect(Math.abs(y1 - y0 - 841.9)).toBeLessThan(2);
    } finally {
      await context.close();
    }
  });
});
