// A journey's content language and the translations of its text (#19.9): which text a page shows in its language,
// and how text that is not in the page's language is marked (`lang`), so that screen readers pronounce a bokmål
// journey as bokmål under the English interface (WCAG 3.1.2).
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../lib/i18n';
import type { JourneyFields, JourneySnapshot, MapStep, SnapshotHandover, SnapshotLane, SnapshotPhase, SnapshotStep } from './journey-snapshot';

/** The texts a designer may translate, per item, in the order the translation page lists them. */
export const JOURNEY_TEXT_FIELDS = ['title', 'summary', 'persona', 'scenario', 'trigger', 'outcome'] as const;
export const PHASE_TEXT_FIELDS = ['title', 'description'] as const;
export const STEP_TEXT_FIELDS = ['title', 'residentAction', 'touchpoint', 'backstage', 'systems', 'duration'] as const;
export type JourneyTextField = (typeof JOURNEY_TEXT_FIELDS)[number];
export type PhaseTextField = (typeof PHASE_TEXT_FIELDS)[number];
export type StepTextField = (typeof STEP_TEXT_FIELDS)[number];
/** A lane of the journey's own (#19.4) has only its title; a handover (#19.2) only its note. */
export const LANE_TEXT_FIELDS = ['title'] as const;
export const HANDOVER_TEXT_FIELDS = ['note'] as const;
export type LaneTextField = (typeof LANE_TEXT_FIELDS)[number];
export type HandoverTextField = (typeof HANDOVER_TEXT_FIELDS)[number];

/**
 * What a translation belongs to. A handover's item id is the step it leads into (a step has at most one). A step's
 * text in one of the own lanes is a field of the step, named by the lane (laneTextField), since it has two ids.
 */
export type TranslationItem = 'journey' | 'phase' | 'step' | 'lane' | 'handover';
export const TEXT_FIELDS: { readonly [K in TranslationItem]: readonly string[] } = {
  journey: JOURNEY_TEXT_FIELDS,
  phase: PHASE_TEXT_FIELDS,
  step: STEP_TEXT_FIELDS,
  lane: LANE_TEXT_FIELDS,
  handover: HANDOVER_TEXT_FIELDS,
};

/** The step's field that holds its text in own lane `laneId` (#19.4): `lane12`. */
export function laneTextField(laneId: number | string): string {
  return `lane${laneId}`;
}

/** A step's texts in the own lanes, translated: by language, then lane id (as `SnapshotStep.lanes` is keyed). */
export type LaneTranslations = Partial<Record<Locale, Record<string, string>>>;

/** An item's translated texts by language, then field; only languages and fields that have one. */
export type Translations<F extends string> = Partial<Record<Locale, Partial<Record<F, string>>>>;

/** The fields of an item shown in another language than the page's, each with the language to mark it with. */
export type LangMarks<F extends string> = Partial<Record<F, Locale>>;

/**
 * The language a journey is written in. Snapshots leave it out for bokmål, so that journeys published before content
 * languages existed (all written in bokmål) keep their JSON and are not taken for changed.
 */
export function contentLanguageOf(journey: { language?: Locale }): Locale {
  return journey.language ?? DEFAULT_LOCALE;
}

/** A translation row as the repository reads it. */
export interface TranslationRow {
  language: Locale;
  item: TranslationItem;
  item_id: number;
  field: string;
  text: string;
  source_text: string;
}

/**
 * The translations a snapshot carries for one item: into the languages other than the content language, for the
 * fields whose original is not empty (a translation of nothing would show text only one language has). Built in a
 * fixed order of languages and fields, since snapshots are compared as JSON.
 */
export function snapshotTranslations<F extends string>(
  rows: ReadonlyMap<string, string>,
  item: TranslationItem,
  itemId: number,
  fields: readonly F[],
  source: Readonly<Record<F, string>>,
  content: Locale,
): { translations?: Translations<F> } {
  const translations: Translations<F> = {};
  for (const language of LOCALES) {
    if (language === content) continue;
    const texts: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const text = rows.get(translationKey(language, item, itemId, field));
      if (text && source[field] !== '') texts[field] = text;
    }
    if (Object.keys(texts).length > 0) translations[language] = texts;
  }
  return Object.keys(translations).length > 0 ? { translations } : {};
}

/**
 * The translations of a step's texts in the own lanes, for the lanes it has a text in; built like
 * snapshotTranslations, in the order of the languages and of the step's lanes.
 */
export function snapshotLaneTranslations(
  rows: ReadonlyMap<string, string>,
  stepId: number,
  texts: Readonly<Record<string, string>> | undefined,
  content: Locale,
): { laneTranslations?: LaneTranslations } {
  const translations: LaneTranslations = {};
  for (const language of LOCALES) {
    if (language === content) continue;
    const translated: Record<string, string> = {};
    for (const [laneId, source] of Object.entries(texts ?? {})) {
      const text = rows.get(translationKey(language, 'step', stepId, laneTextField(laneId)));
      if (text && source !== '') translated[laneId] = text;
    }
    if (Object.keys(translated).length > 0) translations[language] = translated;
  }
  return Object.keys(translations).length > 0 ? { laneTranslations: translations } : {};
}

export function translationKey(language: Locale, item: TranslationItem, itemId: number, field: string): string {
  return `${language}:${item}:${itemId}:${field}`;
}

// --- what a page shows -------------------------------------------------------------------------------------------

type Shown<T, F extends string> = Omit<T, 'translations'> & { lang: LangMarks<F> };

export type ShownJourney = Shown<JourneyFields, JourneyTextField>;
export type ShownHandover = Shown<SnapshotHandover, HandoverTextField>;
export type ShownLane = Shown<SnapshotLane, LaneTextField>;
/**
 * A step as shown: its texts in the own lanes translated where they are, `laneLang` marking (by lane id) those shown
 * as written, and its handover's note likewise.
 */
export type ShownStep = Omit<Shown<SnapshotStep, StepTextField>, 'handover' | 'laneTranslations'> & {
  handover?: ShownHandover;
  laneLang: Record<string, Locale>;
};
export type ShownPhase = Shown<Omit<SnapshotPhase, 'steps'>, PhaseTextField> & { steps: ShownStep[] };

/** A snapshot as one page shows it: each text in the page's language where translated, otherwise the original. */
export interface ShownSnapshot {
  journey: ShownJourney;
  phases: ShownPhase[];
  /** The journey's own lanes (#19.4), their titles shown like every other text. */
  lanes?: ShownLane[];
}

/** A step in reading order with its marks, and the mark of its phase's title. */
export type ShownMapStep = Omit<MapStep, 'translations' | 'handover' | 'laneTranslations'> &
  Pick<ShownStep, 'laneLang'> & { handover: ShownHandover | null; lang: LangMarks<StepTextField>; phaseLang?: Locale };

function show<T extends { translations?: Translations<F> }, F extends string>(
  item: T,
  fields: readonly F[],
  page: Locale,
  content: Locale,
): Shown<T, F> {
  const { translations, ...rest } = item;
  const shown = { ...rest } as Record<string, unknown>;
  const lang: LangMarks<F> = {};
  if (page !== content) {
    const own = translations?.[page];
    for (const field of fields) {
      const text = own?.[field];
      // A translation is in the page's language, which <html lang> already says; the original needs its own mark.
      if (text) shown[field] = text;
      else lang[field] = content;
    }
  }
  return { ...(shown as Omit<T, 'translations'>), lang };
}

/** A step as a page shows it: its own texts, its texts in the own lanes and its handover's note. */
function showStep(step: SnapshotStep, page: Locale, content: Locale): ShownStep {
  const { handover, laneTranslations, ...rest } = step;
  const shown = show(rest, STEP_TEXT_FIELDS, page, content);
  const laneLang: Record<string, Locale> = {};
  let lanes = step.lanes;
  if (lanes && page !== content) {
    const own = laneTranslations?.[page] ?? {};
    lanes = Object.fromEntries(Object.entries(lanes).map(([laneId, text]) => {
      if (own[laneId]) return [laneId, own[laneId]];
      if (text !== '') laneLang[laneId] = content;
      return [laneId, text];
    }));
  }
  return {
    ...shown,
    ...(lanes ? { lanes } : {}),
    ...(handover ? { handover: show(handover, HANDOVER_TEXT_FIELDS, page, content) } : {}),
    laneLang,
  };
}

/** The snapshot as a page in `page` language shows it. */
export function showSnapshot(snapshot: JourneySnapshot, page: Locale): ShownSnapshot {
  const content = contentLanguageOf(snapshot.journey);
  return {
    journey: show(snapshot.journey, JOURNEY_TEXT_FIELDS, page, content),
    phases: snapshot.phases.map((phase) => ({
      ...show(phase, PHASE_TEXT_FIELDS, page, content),
      steps: phase.steps.map((step) => showStep(step, page, content)),
    })),
    ...(snapshot.lanes ? { lanes: snapshot.lanes.map((lane) => show(lane, LANE_TEXT_FIELDS, page, content)) } : {}),
  };
}

/** The steps of a shown snapshot in reading order (as stepsInOrder), each with the mark of its phase's title. */
export function shownStepsInOrder(snapshot: ShownSnapshot): ShownMapStep[] {
  return snapshot.phases
    .flatMap((phase) =>
      phase.steps.map((step) => ({ ...step, phaseId: phase.id, phaseTitle: phase.title, phaseLang: phase.lang.title, handover: step.handover ?? null })),
    )
    .map((step, index) => ({ ...step, index }));
}

/** What a journey's pages need besides its snapshot: a published map or the editor's preview. */
export interface MapLike {
  snapshot: JourneySnapshot;
  steps: readonly MapStep[];
}

export type ShownMap<M extends MapLike> = Omit<M, 'snapshot' | 'steps'> & {
  snapshot: ShownSnapshot;
  steps: ShownMapStep[];
  /** The journey's content language. */
  language: Locale;
};

/** A map (published or the preview) as a page in `page` language shows it. */
export function showMap<M extends MapLike>(map: M, page: Locale): ShownMap<M> {
  const snapshot = showSnapshot(map.snapshot, page);
  const language = contentLanguageOf(map.snapshot.journey);
  return { ...map, snapshot, steps: shownStepsInOrder(snapshot), language };
}

/** Every text residents can find the journey by (see public-journeys.service.ts), in every language it has. */
export function searchableTexts(snapshot: JourneySnapshot): string[] {
  const texts = <F extends string>(item: Partial<Record<F, unknown>> & { translations?: Translations<F> }, fields: readonly F[]) =>
    fields.flatMap((f) => [String(item[f] ?? ''), ...LOCALES.map((l) => item.translations?.[l]?.[f] ?? '')]);
  return [
    ...texts(snapshot.journey, JOURNEY_TEXT_FIELDS),
    ...snapshot.phases.flatMap((p) => [...texts(p, ['title'] as const), ...p.steps.flatMap((s) => texts(s, ['title'] as const))]),
  ].filter((text) => text !== '');
}
