import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StrengthPanel } from '../../../../src/renderer/src/features/strength/StrengthPanel';
import { buildRapportApi } from '../../../../src/shared/ipc/api';
import { channels } from '../../../../src/shared/ipc/contract';
import { eventNames } from '../../../../src/shared/ipc/events';
import {
  explainContact,
  formatGroups,
  formatReciprocity,
  strengthSeries,
} from '../../../../src/shared/strength/explain';
import { DAY_MS, type Layer, type StrengthInteraction } from '../../../../src/shared/strength/model';
import { defaultStrengthParams } from '../../../../src/shared/strength/params';
import type { StrengthDetail } from '../../../../src/shared/strength/schemas';

const NOW = Date.UTC(2026, 10, 25, 12);
const history: StrengthInteraction[] = [];
for (let k = 0; k < 6; k++) {
  history.push({
    id: k,
    kind: 'coffee',
    at: NOW - k * 20 * DAY_MS,
    minutes: 30,
    initiatedBy: 'me',
    participants: [7],
  });
}
for (let k = 0; k < 14; k++) {
  history.push({
    id: 100 + k,
    kind: 'meeting',
    at: NOW - k * 9 * DAY_MS,
    minutes: 60,
    initiatedBy: 'unknown',
    participants: [7, 8, 9, 10, 11, 12, 13],
  });
}

/**
 * The bridge the panel talks to, answering from the real shared model over an in-memory
 * journal (the main-process side is tested against SQLite in test/main/strength).
 */
function bridge(calls: Array<{ channel: string; input: unknown }>) {
  let pinned: Layer | null = null;
  const detail = (): StrengthDetail => {
    const e = explainContact(7, history, defaultStrengthParams, NOW);
    return {
      row: {
        contactId: 7,
        displayName: 'Ada',
        organisation: null,
        circles: [],
        tags: [],
        t: e.score.t,
        s: e.score.s,
        m: e.score.m,
        mPrev: e.score.mPrev,
        r: e.score.r,
        computedLayer: e.score.layer,
        pinnedLayer: pinned,
        layer: pinned ?? e.score.layer,
        trend: e.score.trend,
        lastAt: null,
        photo: null,
      },
      groups: e.groups,
      why: formatGroups(e.groups),
      reciprocity: formatReciprocity(e),
      startedByMe: e.startedByMe,
      startedByThem: e.startedByThem,
      startedUnknown: e.startedUnknown,
      series: strengthSeries(7, history, defaultStrengthParams, NOW).map((p) => ({
        at: new Date(p.at).toISOString(),
        t: p.t,
      })),
    };
  };
  return buildRapportApi(
    channels,
    eventNames,
    async (channel, input) => {
      calls.push({ channel, input });
      if (channel === 'strength:contact') return { ok: true, value: detail() };
      if (channel === 'strength:setPin') {
        pinned = (input as { layer: Layer | null }).layer;
        return { ok: true, value: { contactId: 7, pinnedLayer: pinned } };
      }
      return { ok: false, error: { code: 'NOT_FOUND', message: `not in this test: ${channel}` } };
    },
    () => () => {},
  );
}

describe('StrengthPanel', () => {
  it('shows the strength, layer, trend and why; pinning keeps the computed layer visible', async () => {
    const calls: Array<{ channel: string; input: unknown }> = [];
    (window as unknown as { rapport: unknown }).rapport = bridge(calls);
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <StrengthPanel contactId={7} />
        </QueryClientProvider>
      </MantineProvider>,
    );
    const e = explainContact(7, history, defaultStrengthParams, NOW);
    expect(await screen.findByTestId('strength-value')).toHaveProperty('textContent', e.score.t.toFixed(1));
    // One-sided (the user started every one-to-one): half of S, which puts Ada in the active layer.
    expect(e.score.layer).toBe('active');
    expect(screen.getByTestId('strength-layer').textContent).toBe('Active');
    expect(screen.getByText('6 one-to-ones')).toBeTruthy();
    expect(screen.getByText('14 team meetings of 8')).toBeTruthy();
    expect(screen.getByTestId('strength-reciprocity').textContent).toMatch(
      /^Reciprocity 0\.00 \(you started 6, they started 0\)/,
    );

    fireEvent.click(screen.getByRole('combobox', { name: /Layer/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Inner (about weekly)', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('strength-layer').textContent).toBe('Inner'));
    expect(screen.getByText('Pinned; computed: Active')).toBeTruthy();
    expect(calls.find((c) => c.channel === 'strength:setPin')?.input).toEqual({
      contactId: 7,
      layer: 'inner',
    });
  });
});
