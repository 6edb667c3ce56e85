// Which text a page shows of a journey in which language, and what it marks with `lang` (#19.9); and what the diff
// says of a changed language or translation.
import { TRANSLATION_LIMITS } from '../../src/modules/journeys/journey-document.schema';
import { diffSnapshots } from '../../src/modules/journeys/journey-diff';
import { JOURNEY_TEXT_FIELDS, PHASE_TEXT_FIELDS, showMap, showSnapshot, STEP_TEXT_FIELDS } from '../../src/modules/journeys/journey-language';
import { stepsInOrder, type JourneySnapshot } from '../../src/modules/journeys/journey-snapshot';

function snapshot(extra: Partial<JourneySnapshot['journey']> = {}, stepTranslations?: JourneySnapshot['phases'][number]['steps'][number]['translations']): JourneySnapshot {
  return {
    journey: { title: 'Jeg flytter', slug: 'flytte', lifeEvent: 'flytte', persona: 'Kari', scenario: '', trigger: 'Ny jobb', outcome: '', summary: 'Kort', ...extra },
    phases: [
      {
        id: 1,
        title: 'Før',
        description: 'Planlegge',
        translations: { nn: { title: 'Før flyttinga' } },
        steps: [
          {
            id: 10, title: 'Melde flytting', residentAction: 'Jeg melder', touchpoint: 'skatteetaten.no', channel: 'digital', department: null,
            backstage: '', systems: '', emotion: 0, duration: '', ...(stepTranslations ? { translations: stepTranslations } : {}),
          },
        ],
      },
    ],
  };
}

describe('showSnapshot', () => {
  it('shows the originals unmarked in the journey’s own language', () => {
    const shown = showSnapshot(snapshot({ translations: { en: { title: 'I am moving' } } }), 'nb');
    expect(shown.journey.title).toBe('Jeg flytter');
    expect(shown.journey.lang).toEqual({});
    expect(shown.phases[0]!.lang).toEqual({});
    expect(shown.journey).not.toHaveProperty('translations');
  });

  it('shows a translation unmarked and marks every untranslated text with the journey’s language', () => {
    const shown = showSnapshot(snapshot({ translations: { en: { title: 'I am moving' } } }, { en: { touchpoint: 'The tax office’s website' } }), 'en');
    expect(shown.journey.title).toBe('I am moving');
    expect(shown.journey.lang).toEqual({ summary: 'nb', persona: 'nb', scenario: 'nb', trigger: 'nb', outcome: 'nb' });
    expect(shown.phases[0]!.title).toBe('Før');
    expect(shown.phases[0]!.lang).toEqual({ title: 'nb', description: 'nb' });
    const step = shown.phases[0]!.steps[0]!;
    expect(step.touchpoint).toBe('The tax office’s website');
    expect(step.lang).toEqual({ title: 'nb', residentAction: 'nb', backstage: 'nb', systems: 'nb', duration: 'nb' });
  });

  it('marks with the journey’s own language when it is not bokmål, and uses no translation into another page language', () => {
    const shown = showSnapshot(snapshot({ language: 'nn', translations: { en: { title: 'I am moving' } } }), 'nb');
    expect(shown.journey.title).toBe('Jeg flytter');
    expect(shown.journey.lang.title).toBe('nn');
  });

  it('gives each step in reading order the mark of its phase’s title', () => {
    const map = showMap({ snapshot: snapshot(), steps: stepsInOrder(snapshot()) }, 'nn');
    expect(map.steps[0]).toMatchObject({ phaseTitle: 'Før flyttinga', index: 0, handover: null });
    expect(map.steps[0]!.phaseLang).toBeUndefined();
    expect(showMap({ snapshot: snapshot(), steps: [] }, 'en').steps[0]!.phaseLang).toBe('nb');
  });

  it('shows the own lanes’ titles, a step’s lane texts and its handover’s note translated, marking those that are not', () => {
    const base = snapshot();
    const withLanes: JourneySnapshot = {
      ...base,
      lanes: [{ id: 5, title: 'Sitat', translations: { en: { title: 'Quote' } } }, { id: 6, title: 'Lovgrunnlag' }],
      phases: [{
        ...base.phases[0]!,
        steps: [{
          ...base.phases[0]!.steps[0]!,
          lanes: { 5: 'Jeg visste ikke', 6: 'Folkeregisterloven' },
          laneTranslations: { en: { 5: 'I did not know' } },
          handover: { from: null, to: null, what: 'case', note: 'Saken sendes', translations: { en: { note: 'The case is passed on' } } },
        }],
      }],
    };
    const english = showSnapshot(withLanes, 'en');
    expect(english.lanes).toEqual([{ id: 5, title: 'Quote', lang: {} }, { id: 6, title: 'Lovgrunnlag', lang: { title: 'nb' } }]);
    const step = english.phases[0]!.steps[0]!;
    expect(step.lanes).toEqual({ 5: 'I did not know', 6: 'Folkeregisterloven' });
    expect(step.laneLang).toEqual({ 6: 'nb' });
    expect(step.handover).toEqual({ from: null, to: null, what: 'case', note: 'The case is passed on', lang: {} });
    expect(step).not.toHaveProperty('laneTranslations');
    const nynorsk = showMap({ snapshot: withLanes, steps: stepsInOrder(withLanes) }, 'nn');
    expect(nynorsk.snapshot.lanes!.map((l) => [l.title, l.lang])).toEqual([['Sitat', { title: 'nb' }], ['Lovgrunnlag', { title: 'nb' }]]);
    expect(nynorsk.steps[0]!.laneLang).toEqual({ 5: 'nb', 6: 'nb' });
    expect(nynorsk.steps[0]!.handover).toMatchObject({ note: 'Saken sendes', lang: { note: 'nb' } });
    const bokmal = showSnapshot(withLanes, 'nb').phases[0]!.steps[0]!;
    expect([bokmal.lanes, bokmal.laneLang, bokmal.handover!.lang]).toEqual([{ 5: 'Jeg visste ikke', 6: 'Folkeregisterloven' }, {}, {}]);
  });
});

describe('diffSnapshots on languages and translations', () => {
  it('names a changed language, and takes bokmål stated for bokmål left out', () => {
    expect(diffSnapshots(snapshot(), snapshot({ language: 'nn' })).journeyFields).toEqual(['language']);
    expect(diffSnapshots(snapshot({ language: 'nn' }), snapshot()).journeyFields).toEqual(['language']);
    expect(diffSnapshots(snapshot(), snapshot({ language: 'nb' })).empty).toBe(true);
  });

  it('names changed translations of the journey, a phase and a step', () => {
    const before = snapshot();
    const after = snapshot({ translations: { en: { title: 'I am moving' } } }, { en: { title: 'Reporting the move' } });
    after.phases[0]!.translations = { nn: { title: 'Før flyttinga' }, en: { title: 'Before' } };
    const diff = diffSnapshots(before, after);
    expect(diff.journeyFields).toEqual(['translations']);
    expect(diff.phases.changed).toEqual([{ id: 1, title: 'Før', fields: ['translations'] }]);
    expect(diff.steps.changed).toEqual([{ id: 10, title: 'Melde flytting', fields: ['translations'] }]);
  });

  it('names a step’s changed lane texts’ translations as its translations', () => {
    const before = snapshot();
    const after = snapshot();
    after.phases[0]!.steps[0]!.laneTranslations = { en: { 5: 'I did not know' } };
    expect(diffSnapshots(before, after).steps.changed).toEqual([{ id: 10, title: 'Melde flytting', fields: ['translations'] }]);
  });
});

it('limits every translatable field, and no other', () => {
  expect(Object.keys(TRANSLATION_LIMITS.journey).sort()).toEqual([...JOURNEY_TEXT_FIELDS].sort());
  expect(Object.keys(TRANSLATION_LIMITS.phase).sort()).toEqual([...PHASE_TEXT_FIELDS].sort());
  expect(Object.keys(TRANSLATION_LIMITS.step).sort()).toEqual([...STEP_TEXT_FIELDS].sort());
});
