import { test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startApp } from '../harness';

test('debug', async () => {
  const app = await startApp({ viewport: { width: 1360, height: 900 } });
  await app.call('contacts:create', { displayName: 'Ana Souza', circles: ['mentor'] });
  await app.call('contacts:create', { displayName: 'Katharina Schmidt' });
  await app.call('contacts:create', { displayName: 'Katharina Schmitt' });
  const { page } = app;
  await app.goto('/journal');
  await page.getByRole('button', { name: 'Log an interaction' }).click();
  await page.waitForTimeout(1500);
  writeFileSync('/tmp/jb/dialog.html', await page.locator('[role=dialog]').innerHTML());
  await app.screenshot('dbg-dialog');
  await page.keyboard.press('Escape');
  await app.goto('/duplicates');
  await page.waitForTimeout(1500);
  await app.screenshot('dbg-dups');
  writeFileSync('/tmp/jb/errors.txt', app.pageErrors.join('\n'));
  await app.close();
});
