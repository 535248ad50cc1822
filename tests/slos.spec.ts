import { test, expect } from './fixtures';
import { testIds } from '../src/components/testIds';

// Against the demo stack: provisioning/plugins/app.yaml provisions the SLOs of examples/slos.yaml.
test.describe('SLOs', () => {
  test('lists the provisioned SLOs and opens one', async ({ gotoPage, page }) => {
    await gotoPage('/slos');
    await expect(page.getByTestId(testIds.slos.table)).toBeVisible();
    await page.getByRole('link', { name: 'demo-api requests succeed' }).click();
    await expect(page.getByRole('heading', { name: 'demo-api requests succeed' })).toBeVisible();
    await expect(page.getByText(/Error-budget policy/)).toBeVisible();
  });

  test('the editor refuses an SLO with problems: Save stays disabled', async ({ gotoPage, page }) => {
    await gotoPage('/slos/new');
    await expect(page.getByTestId(testIds.sloEditor.save)).toBeDisabled();
    await expect(page.getByText(/problems? to fix/)).toBeVisible();
  });
});
