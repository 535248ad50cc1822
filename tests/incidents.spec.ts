import { test, expect } from './fixtures';
import { testIds } from '../src/components/testIds';

test.describe('Incidents', () => {
  test('declares an incident and opens its page', async ({ gotoPage, page }) => {
    const title = `e2e: checkout errors ${Date.now()}`;
    await gotoPage('/incidents/new');
    await page.getByTestId(testIds.incidents.title).fill(title);
    await page.getByTestId(testIds.incidents.services).fill('demo-api');
    await page.getByTestId(testIds.incidents.submit).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText('Incident commander')).toBeVisible();
  });

  test('the declare form names the missing fields and declares nothing', async ({ gotoPage, page }) => {
    await gotoPage('/incidents/new');
    await page.getByTestId(testIds.incidents.submit).click();
    await expect(page.getByText('A title is required')).toBeVisible();
    await expect(page).toHaveURL(/\/incidents\/new/);
  });
});
