import { test, expect } from './fixtures';
import { testIds } from '../src/components/testIds';

test('the config page saves the Loki service label', async ({ appConfigPage, page }) => {
  const label = page.getByTestId(testIds.appConfig.logLabel);
  await label.fill('service_name');

  const saveResponse = appConfigPage.waitForSettingsResponse();
  await page.getByTestId(testIds.appConfig.submit).click();
  await expect(saveResponse).toBeOK();
  await expect(page.getByText('Settings saved')).toBeVisible();
});

test('the config page refuses an invalid label name and saves nothing', async ({ appConfigPage, page }) => {
  await page.getByTestId(testIds.appConfig.logLabel).fill('1bad-label');
  await expect(page.getByText(/not a valid label name/)).toBeVisible();
  await expect(page.getByTestId(testIds.appConfig.submit)).toBeDisabled();
});
