// #18 "one truth about status": every combination of a report's answer (by a moderator or carried over from an
// initiative) and the initiatives it belongs to, against the rule written out here on its own.
import { RESPONSE_STATUSES, type ResponseStatus } from '../../src/modules/feedback/feedback-vocabulary';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '../../src/modules/portfolio/portfolio-vocabulary';
import { answerFromInitiatives } from '../../src/modules/portfolio/report-status';

/** What residents should read for a report in initiatives with these statuses, from the words. */
function expected(answer: ResponseStatus, byModerator: boolean, initiatives: InitiativeStatus[]): ResponseStatus {
  const has = (s: InitiativeStatus) => initiatives.includes(s);
  // Being worked on, whatever was answered before.
  if (has('in_progress')) return 'in_progress';
  // Picked up by an initiative that is coming (or waiting): the report is open again, even if it was declined.
  if (has('paused') || has('planned')) return 'planned';
  if (has('done')) return 'solved';
  // Only declined initiatives: a moderator's own answer stands; one carried over from an initiative follows it.
  if (has('declined')) return byModerator ? answer : 'declined';
  // No initiative with a say (none, or only proposed): a moderator's answer stands, and so do "received" and "under
  // review"; an answer an initiative gave that no initiative gives any more goes back to "under review".
  return byModerator || answer === 'received' || answer === 'under_review' ? answer : 'under_review';
}

const sets: InitiativeStatus[][] = [[], ...INITIATIVE_STATUSES.map((s) => [s]), ...INITIATIVE_STATUSES.flatMap((a, i) => INITIATIVE_STATUSES.slice(i + 1).map((b) => [a, b]))];

describe('answerFromInitiatives', () => {
  const cases = RESPONSE_STATUSES.flatMap((answer) => [true, false].flatMap((byModerator) => sets.map((initiatives) => [answer, byModerator, initiatives] as const)));

  it(`decides every one of the ${cases.length} combinations as the rule says`, () => {
    const wrong = cases.filter(([answer, byModerator, initiatives]) => {
      const decided = answerFromInitiatives({ status: answer, byModerator }, initiatives.map((status) => ({ status, publicNote: `note ${status}` })));
      const result = decided?.status ?? answer;
      // "null" must mean "keep it": never a change to the same status.
      return result !== expected(answer, byModerator, [...initiatives]) || decided?.status === answer;
    });
    expect(wrong).toEqual([]);
  });

  it("answers with the note of the initiative that speaks for the report", () => {
    const decided = answerFromInitiatives({ status: 'declined', byModerator: true }, [
      { status: 'declined', publicNote: 'Vi gjør det ikke.' },
      { status: 'in_progress', publicNote: 'Vi er i gang.' },
    ]);
    expect(decided).toEqual({ status: 'in_progress', note: 'Vi er i gang.' });
  });
});
