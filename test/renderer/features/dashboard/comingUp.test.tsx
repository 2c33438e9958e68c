import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, test } from 'vitest';
import {
  ComingUp,
  comingUpEntries,
  soonestOccasions,
} from '../../../../src/renderer/src/features/dashboard/ComingUp';

const person = { photo: null };

describe("the dashboard's birthdays and dates", () => {
  test('are one list, soonest first, each saying what it is and what it marks', () => {
    const entries = comingUpEntries(
      [
        { ...person, contactId: 1, displayName: 'Ana Souza', date: '2026-12-24', daysUntil: 4, turns: 36 },
        { ...person, contactId: 2, displayName: 'Bo Chen', date: '2026-12-20', daysUntil: 0, turns: null },
      ],
      [
        {
          ...person,
          contactId: 1,
          displayName: 'Ana Souza',
          label: 'Work anniversary',
          date: '2026-12-21',
          daysUntil: 1,
          years: 7,
        },
        {
          ...person,
          contactId: 3,
          displayName: 'Cy Lee',
          label: 'Started as CTO',
          date: '2026-12-24',
          daysUntil: 4,
          years: 0,
        },
        {
          ...person,
          contactId: 4,
          displayName: 'Di Park',
          label: 'Anniversary',
          date: '2026-12-25',
          daysUntil: 5,
          years: 1,
        },
      ],
    );
    const day = (date: string) =>
      new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      });
    // Spaces inside the day and the years do not break, so "Sat 5 Dec" stays on one line.
    expect(entries.map((e) => [e.kind, e.displayName, e.what.replace(/\u00a0/g, ' ')])).toEqual([
      ['birthday', 'Bo Chen', `Birthday · ${day('2026-12-20')}`],
      ['date', 'Ana Souza', `Work anniversary · ${day('2026-12-21')} · 7 years`],
      ['birthday', 'Ana Souza', `Birthday · ${day('2026-12-24')} · turns 36`],
      // A date set this year marks no year yet.
      ['date', 'Cy Lee', `Started as CTO · ${day('2026-12-24')}`],
      ['date', 'Di Park', `Anniversary · ${day('2026-12-25')} · 1 year`],
    ]);
    expect(entries[1].what.split(' · ')).toEqual([
      'Work anniversary',
      day('2026-12-21').replace(/ /g, '\u00a0'),
      '7\u00a0years',
    ]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  test('give each person their soonest one, as a reason to get in touch', () => {
    const occasions = soonestOccasions(
      [
        { ...person, contactId: 1, displayName: 'Ana Souza', date: '2026-12-24', daysUntil: 4, turns: 36 },
        { ...person, contactId: 2, displayName: 'Bo Chen', date: '2026-12-20', daysUntil: 0, turns: null },
      ],
      [
        {
          ...person,
          contactId: 1,
          displayName: 'Ana Souza',
          label: 'Work anniversary',
          date: '2026-12-21',
          daysUntil: 1,
          years: 7,
        },
        {
          ...person,
          contactId: 3,
          displayName: 'Cy Lee',
          label: 'Anniversary',
          date: '2027-01-03',
          daysUntil: 14,
          years: null,
        },
      ],
    );
    expect([...occasions]).toEqual([
      [2, 'Birthday today'],
      [1, 'Work anniversary tomorrow'],
      [3, 'Anniversary in 14 days'],
    ]);
  });
});

describe('the Birthdays and dates card', () => {
  const birthdays = Array.from({ length: 8 }, (_, i) => ({
    ...person,
    contactId: i + 1,
    displayName: `Person ${i + 1}`,
    date: `2026-12-${String(21 + i).padStart(2, '0')}`,
    daysUntil: i + 1,
    turns: null,
  }));

  test('shows six, then all of them on "and N more", and six again on "Show fewer"', () => {
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter>
            <ComingUp birthdays={birthdays} dates={[]} onWish={() => {}} />
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>,
    );
    const names = () => screen.getAllByRole('link').map((a) => a.textContent);
    expect(screen.getByRole('heading', { name: 'Birthdays' })).toBeTruthy();
    expect(names()).toEqual(birthdays.slice(0, 6).map((b) => b.displayName));
    fireEvent.click(screen.getByRole('button', { name: 'and 2 more' }));
    expect(names()).toEqual(birthdays.map((b) => b.displayName));
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(names()).toHaveLength(6);
  });

  test('is not drawn when nothing comes round', () => {
    render(
      <MantineProvider>
        <ComingUp birthdays={[]} dates={[]} onWish={() => {}} />
      </MantineProvider>,
    );
    expect(screen.queryByRole('heading')).toBeNull();
  });

  test('offers to log a message on the day itself, named for the occasion as a sentence says it', () => {
    const wished: Array<string | null> = [];
    const today = { ...person, date: '2026-12-20', daysUntil: 0 };
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter>
            <ComingUp
              birthdays={[{ ...today, contactId: 1, displayName: 'Ana Souza', turns: 41 }]}
              dates={[
                { ...today, contactId: 2, displayName: 'Bo Chen', label: 'Work anniversary', years: 7 },
                { ...today, contactId: 3, displayName: 'Cy Lee', label: "Maya's birthday", years: null },
                {
                  ...person,
                  contactId: 4,
                  displayName: 'Di Park',
                  label: 'Anniversary',
                  date: '2026-12-21',
                  daysUntil: 1,
                  years: 3,
                },
              ]}
              onWish={(e) => wished.push(e.occasion)}
            />
          </MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>,
    );
    expect(
      screen.getAllByRole('button', { name: /^Log a message/ }).map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'Log a message to Ana Souza (Birthday)',
      'Log a message to Bo Chen (Work anniversary)',
      "Log a message to Cy Lee (Maya's birthday)",
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Log a message to Bo Chen (Work anniversary)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Log a message to Ana Souza (Birthday)' }));
    expect(wished).toEqual(['Work anniversary', null]);
  });
});
