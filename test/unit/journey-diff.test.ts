// diffSnapshots: journey fields, phases and steps added, removed, changed and moved.
import { diffSnapshots } from '../../src/modules/journeys/journey-diff';
import type { JourneySnapshot, SnapshotStep } from '../../src/modules/journeys/journey-snapshot';
import { stepsInOrder, suggestedHandovers } from '../../src/modules/journeys/journey-snapshot';

const step = (id: number, title: string, extra: Partial<SnapshotStep> = {}): SnapshotStep => ({
  id, title, residentAction: '', touchpoint: '', channel: 'digital', department: null, backstage: '', systems: '', emotion: 0, duration: '', ...extra,
});

const base: JourneySnapshot = {
  journey: { title: 'T', slug: 't', lifeEvent: 'annet', persona: '', scenario: '', trigger: '', outcome: '', summary: '' },
  phases: [
    { id: 1, title: 'A', description: '', steps: [step(10, 'a1'), step(11, 'a2')] },
    { id: 2, title: 'B', description: '', steps: [step(20, 'b1')] },
  ],
};

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots', () => {
    expect(diffSnapshots(base, structuredClone(base)).empty).toBe(true);
  });

  it('names added, removed and changed phases and steps, and the fields that changed', () => {
    const after = structuredClone(base);
    after.journey.title = 'Ny';
    after.phases[0]!.steps[1] = step(11, 'a2', { emotion: -2, department: { id: 5, name: 'NAV', kind: 'state' } });
    after.phases[1]!.title = 'B2';
    after.phases[1]!.steps = [];
    after.phases.push({ id: 3, title: 'C', description: '', steps: [step(30, 'c1')] });
    const d = diffSnapshots(base, after);
    expect(d.empty).toBe(false);
    expect(d.journeyFields).toEqual(['title']);
    expect(d.phases.added.map((p) => p.id)).toEqual([3]);
    expect(d.phases.removed).toEqual([]);
    expect(d.phases.changed).toEqual([{ id: 2, title: 'B2', fields: ['title'] }]);
    expect(d.steps.added.map((s) => s.id)).toEqual([30]);
    expect(d.steps.removed.map((s) => s.id)).toEqual([20]);
    expect(d.steps.changed).toEqual([{ id: 11, title: 'a2', fields: ['department', 'emotion'] }]);
  });

  it('reports a step moved to another phase, and a reordering within a phase', () => {
    const moved = structuredClone(base);
    const a1 = moved.phases[0]!.steps.shift()!;
    moved.phases[1]!.steps.push(a1);
    expect(diffSnapshots(base, moved).steps.changed).toEqual([
      { id: 11, title: 'a2', fields: ['position'] },
      { id: 10, title: 'a1', fields: ['phase'] },
    ]);
  });
});

describe('stepsInOrder and suggestedHandovers (#19.2)', () => {
  it('suggests a handover where the department differs from the last step that had one, never where one is stated, and marks only stated ones', () => {
    const byggesak = { id: 1, name: 'Byggesak', kind: 'municipal' as const };
    const nav = { id: 2, name: 'NAV', kind: 'state' as const };
    const s: JourneySnapshot = {
      ...base,
      phases: [
        { id: 1, title: 'A', description: '', steps: [step(1, 'x', { department: byggesak }), step(2, 'alone')] },
        {
          id: 2,
          title: 'B',
          description: '',
          steps: [
            step(3, 'y', { department: nav }),
            step(4, 'z', { department: nav }),
            step(5, 'w', { department: byggesak, handover: { from: nav, to: byggesak, what: 'case', note: 'Saken' } }),
          ],
        },
      ],
    };
    expect(stepsInOrder(s).map((st) => st.handover?.from?.name ?? null)).toEqual([null, null, null, null, 'NAV']);
    const suggested = suggestedHandovers(stepsInOrder(s));
    expect([...suggested].map(([id, h]) => [id, h.from.name, h.to.name])).toEqual([[3, 'Byggesak', 'NAV']]);
    expect(stepsInOrder(s).map((st) => [st.index, st.phaseTitle])).toEqual([[0, 'A'], [1, 'A'], [2, 'B'], [3, 'B'], [4, 'B']]);
  });
});

describe('diffSnapshots and handovers (#19.2)', () => {
  it('reports a handover stated, changed or removed as a change of the step', () => {
    const nav = { id: 2, name: 'NAV', kind: 'state' as const };
    const stated = structuredClone(base);
    stated.phases[0]!.steps[1]!.handover = { from: null, to: nav, what: 'documents', note: '' };
    expect(diffSnapshots(base, stated).steps.changed).toEqual([{ id: 11, title: 'a2', fields: ['handover'] }]);
    const changed = structuredClone(stated);
    changed.phases[0]!.steps[1]!.handover!.what = 'case';
    expect(diffSnapshots(stated, changed).steps.changed).toEqual([{ id: 11, title: 'a2', fields: ['handover'] }]);
    expect(diffSnapshots(stated, base).steps.changed).toEqual([{ id: 11, title: 'a2', fields: ['handover'] }]);
  });
});
