import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { NotesMarkdown } from '../../../../src/renderer/src/features/journal/NotesMarkdown';
import { ActivityHeatmap } from '../../../../src/renderer/src/features/dashboard/ActivityHeatmap';

function renderIn(node: React.ReactNode) {
  return render(
    <MantineProvider>
      <MemoryRouter>{node}</MemoryRouter>
    </MantineProvider>,
  );
}

describe('notes as Markdown', () => {
  it('renders Markdown and mentions as in-app links, and never raw HTML or script links', () => {
    const { container } = renderIn(
      <NotesMarkdown
        notes={
          'Met **Ana** and [@Bruno Lima](rapport://contact/7).\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>\n\n[click](javascript:alert(3))'
        }
      />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('Ana');
    const mention = container.querySelector('a[data-mention="7"]');
    expect(mention?.textContent).toBe('@Bruno Lima');
    expect(mention?.getAttribute('href')).toBe('/contacts/7');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.innerHTML).not.toContain('onerror');
    expect(container.innerHTML).not.toContain('javascript:');
  });
});

describe('activity heatmap', () => {
  it('draws one cell per day with the day’s count in its tooltip', () => {
    const { container } = renderIn(
      <ActivityHeatmap
        from="2025-06-02"
        to="2026-06-01"
        activity={[
          { date: '2026-05-20', count: 3 },
          { date: '2026-06-01', count: 1 },
        ]}
      />,
    );
    const cells = container.querySelectorAll('rect');
    expect(cells).toHaveLength(365);
    const titles = [...container.querySelectorAll('rect > title')].map((t) => t.textContent);
    expect(titles).toContain('2026-05-20: 3 interactions');
    expect(titles).toContain('2026-06-01: 1 interaction');
    const busy = [...cells].find((c) => c.querySelector('title')?.textContent?.startsWith('2026-05-20'));
    const quiet = [...cells].find((c) => c.querySelector('title')?.textContent?.startsWith('2026-05-19'));
    expect(busy?.getAttribute('fill')).not.toBe(quiet?.getAttribute('fill'));
  });
});
