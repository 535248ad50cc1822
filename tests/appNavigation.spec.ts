import { test, expect } from './fixtures';
import { ROUTES } from '../src/constants';
import { testIds } from '../src/components/testIds';
import pluginJson from '../src/plugin.json';

const pages: Array<{ route: ROUTES; testId: string }> = [
  { route: ROUTES.Overview, testId: testIds.pages.overview },
  { route: ROUTES.Slos, testId: testIds.pages.slos },
  { route: ROUTES.Incidents, testId: testIds.pages.incidents },
  { route: ROUTES.Postmortems, testId: testIds.pages.postmortems },
  { route: ROUTES.Slas, testId: testIds.pages.slas },
  { route: ROUTES.Toil, testId: testIds.pages.toil },
];

test.describe('navigating the app', () => {
  for (const { route, testId } of pages) {
    const include = pluginJson.includes.find((i) => i.path.endsWith(`/${route}`));

    test(`${include?.name} page renders from the nav`, async ({ gotoPage, page }) => {
      await gotoPage(`/${route}`);
      await expect(page.getByTestId(testId)).toBeVisible();
      await expect(page.getByRole('heading', { name: include?.name })).toBeVisible();
    });
  }

  test('the app root lands on the overview', async ({ gotoPage, page }) => {
    await gotoPage('/');
    await expect(page.getByTestId(testIds.pages.overview)).toBeVisible();
  });

  test('an unknown route says so instead of showing another page', async ({ gotoPage, page }) => {
    await gotoPage('/no-such-page');
    await expect(page.getByTestId(testIds.app.notFound)).toBeVisible();
  });
});
