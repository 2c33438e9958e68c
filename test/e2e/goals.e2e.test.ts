import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/main/db/open';
import { generateNetwork } from '../../src/main/demo/generator';
import { writeDemo } from '../../src/main/demo/writeDemo';
import { goalTemplates } from '../../src/shared/goals/templates';
import { startApp, type RunningApp } from './harness';

/** "3 of 2 interactions in November 2026" -> 3 */
function valueOf(text: string | null): number {
  const m = /^(\d+) of (\d+)/.exec(text ?? '');
  if (!m) throw new Error(`No progress in ${JSON.stringify(text)}`);
  return Number(m[1]);
}

describe('goals, end to end in Chromium over the demo network', () => {
  let app: RunningApp;
  let dir: string;
  let mentor: { id: number; name: string };
  let sponsor: { id: number; name: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-goals-'));
    const dbPath = join(dir, 'rapport.sqlite');
    const store = await openStore(dbPath);
    const network = generateNetwork();
    writeDemo(store, network);
    await store.close();
    app = await startApp({ dbPath, viewport: { width: 1360, height: 1000 } });
    const first = async (circle: 'mentor' | 'sponsor') => {
      const c = (await app.call('contacts:list', { circle, limit: 1 })).items[0];
      return { id: c.id, name: c.displayName };
    };
    mentor = await first('mentor');
    sponsor = await first('sponsor');
  });

  afterAll(async () => {
    await app?.close({ keepData: true });
    rmSync(dir, { recursive: true, force: true });
  });

  test('creates "2 coffees with mentors a month" from its template and sees a logged coffee count', async () => {
    const { page } = app;
    await app.goto('/goals');
    await page.getByRole('heading', { name: 'Goals' }).waitFor();
    // With no goal yet, the page offers the strategies; one opens its template's form.
    const strategies = page.getByRole('group', { name: 'Strategies' });
    expect(await strategies.getByRole('button').count()).toBe(goalTemplates('2026-01-01').length);
    await strategies.getByRole('button', { name: 'Seek out mentors' }).click();
    const dialog = page.getByRole('dialog', { name: 'New goal' });
    expect(await dialog.getByLabel('Goal').inputValue()).toBe('2 coffees with mentors a month');
    await dialog.getByLabel('Why').fill('Find out what the staff level really takes');
    // Started a year ago, so the page has a history to chart.
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Start').fill(yearAgo);
    await dialog.getByRole('button', { name: 'Create goal' }).click();

    await page.getByTestId('goal-page').waitFor();
    await page.getByTestId('goal-history').waitFor();
    const progress = page.getByTestId('goal-page').getByTestId('goal-progress');
    const before = valueOf(await progress.textContent());

    // Log a coffee with a mentor, the way the journal's form does, and watch the goal follow.
    const coffee = await app.call('journal:create', {
      kind: 'coffee',
      title: `Coffee with ${mentor.name}`,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      durationMinutes: 45,
      participants: [{ contactId: mentor.id }],
    });
    await expect
      .poll(async () => valueOf(await progress.textContent()), { timeout: 15_000 })
      .toBe(before + 1);
    const counted = page.getByTestId('goal-interactions');
    await counted.getByRole('link', { name: `Coffee with ${mentor.name}` }).waitFor();
    expect(
      await counted.getByRole('link', { name: `Coffee with ${mentor.name}` }).getAttribute('href'),
    ).toContain(`entry=${coffee.id}`);
    await page.getByTestId('goal-people').getByRole('link', { name: mentor.name }).waitFor();
    await app.screenshot('goals-page');

    await app.goto('/goals');
    const card = page.getByTestId('goal-card').filter({ hasText: '2 coffees with mentors a month' });
    await expect
      .poll(async () => valueOf(await card.getByTestId('goal-progress').textContent()))
      .toBe(before + 1);
    expect(app.pageErrors).toEqual([]);
  });

  test('creates a milestones goal with a contact-linked item that the journal ticks', async () => {
    const { page } = app;
    await app.goto('/goals');
    await page.getByRole('button', { name: 'New goal' }).click();
    await page
      .getByRole('button', { name: 'Use template: Communicate your career goals to sponsors' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Milestone 1' }).fill(`Tell ${sponsor.name} my career goal`);
    const linked = dialog.getByRole('combobox', { name: 'Linked contact (optional)' });
    await linked.click();
    await linked.fill(sponsor.name.split(' ')[0]);
    await page.getByRole('option', { name: sponsor.name }).first().click();
    await dialog.getByRole('button', { name: 'Create goal' }).click();

    const milestones = page.getByTestId('goal-milestones');
    await milestones.waitFor();
    const item = milestones.getByTestId('milestone').first();
    await item.getByRole('link', { name: sponsor.name }).waitFor();

    await app.call('journal:create', {
      kind: 'meeting',
      title: 'Lunch',
      notes: 'Told them about my career plan: staff engineer within two years.',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      durationMinutes: 60,
      participants: [{ contactId: sponsor.id }],
    });
    await expect.poll(() => item.getAttribute('data-done'), { timeout: 15_000 }).toBe('true');
    await item.getByRole('link', { name: 'ticked by the journal' }).waitFor();
    await app.screenshot('goals-milestones');

    // The sponsor's own page lists the goal.
    await app.goto(`/contacts/${sponsor.id}`);
    await page.getByTestId('contact-goals').getByText('Tell my sponsors my career goals').waitFor();

    // Two more, so the overview shows its groups and a goal that is behind.
    const today = new Date().toISOString().slice(0, 10);
    await app.call('goals:create', {
      title: 'Attend 3 company events this quarter',
      startDate: today,
      measure: 'count',
      target: 3,
      period: 'quarter',
      filter: { kinds: ['event'], circles: ['sponsor'] },
    });
    const paused = await app.call('goals:create', {
      title: 'Identify 3 potential sponsors',
      startDate: today,
      measure: 'people',
      peopleSource: 'contacts',
      target: 3,
      period: 'total',
      filter: { circles: ['sponsor'], tags: ['prospect'], mode: 'any' },
    });
    await app.call('goals:setStatus', { id: paused.id, status: 'paused' });
    await app.goto('/goals');
    await page.getByTestId('goals-paused').getByTestId('goal-card').waitFor();
    await page.getByTestId('goal-card').nth(3).waitFor();
    await app.screenshot('goals-overview');
    expect(app.pageErrors).toEqual([]);
  });
});
