// #19.7: publishing a draft with open review comments asks first, on a page answered to the publish POST; that page
// is axe-clean in nb, nn and en (the browser suite's page types cover GET pages only).
import { axeViolations } from './helpers/axe';
import { signInThroughForm } from './helpers/browser';
import { demoSuite, PLATFORM_ADMIN } from './helpers/demo-server';

const suite = demoSuite();

describe('publishing with open review comments', () => {
  it.each(['nb', 'nn', 'en'])('asks first, on a page without axe violations, in %s', async (lang) => {
    const { services } = suite.server.testApp;
    const m = services.municipalities.bySlug('demo');
    const journeyId = Number(suite.server.values.journeyId);
    const admin = suite.server.testApp.db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(PLATFORM_ADMIN) as number;
    services.review.comment(admin, m.id, journeyId, null, `Sjekk stegene på nytt (${lang}).`);
    // A change in the draft, so that it can be published.
    const phaseId = Number(suite.server.values.phaseId);
    services.journeyEditor.addStep(null, m.id, journeyId, phaseId, {
      title: `Nytt steg (${lang})`, residentAction: '', touchpoint: '', channel: 'digital', departmentId: null, backstage: '', systems: '', emotion: 0, duration: '',
    });
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      await signInThroughForm(page, suite.server.baseUrl, PLATFORM_ADMIN);
      await page.goto(`${suite.server.baseUrl}/admin/demo/journeys/${journeyId}?lang=${lang}`);
      await Promise.all([page.waitForLoadState('load'), page.locator(`form[action$="/journeys/${journeyId}/publish"] button[type="submit"]`).first().click()]);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('main').innerText()).toContain(`Sjekk stegene på nytt (${lang}).`);
      if (lang === 'nb') expect(await page.locator('h1').innerText()).toMatch(/ikke løst/);
      expect(await axeViolations(page)).toEqual([]);
      expect(suite.server.testApp.db.prepare('SELECT count(*) FROM journey_versions WHERE journey_id = ?').pluck().get(journeyId)).toBe(1);
    } finally {
      await context.close();
    }
  });
});
