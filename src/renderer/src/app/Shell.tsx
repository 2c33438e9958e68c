import { AppShell, Box, Button, Group, Kbd, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { useNotifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { useEffect } from 'react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { DueFollowUpsBadge } from '../features/followUps/DueFollowUpsBadge';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { EmptyState } from './EmptyState';
import { activeNavPath, navigation } from './navigation';
import { routes } from './routes';

/** Notices (App's <Notifications>) are this wide, at the window's bottom left. */
export const NOTICE_WIDTH = 360;
/** Room a notice takes in its stack: a one or two-line message, its button and the gap. */
const NOTICE_ROOM = 88;

/**
 * Room at the page's end while notices show, so the page scrolls on past them and nothing stays
 * stuck beneath one. Its own component: a notice coming or going renders it alone, not the page.
 */
function NoticeRoom() {
  const shown = useNotifications().notifications.length;
  return shown > 0 ? <Box h={shown * NOTICE_ROOM} aria-hidden /> : null;
}

/** The window: header with search, sidebar, and the routed screen. */
export function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  const os = useOs();
  const active = activeNavPath(location.pathname);
  // N starts a new contact; useHotkeys ignores it while the user is typing in a field.
  useHotkeys([['n', () => void navigate('/contacts/new')]]);
  // Main opens a page when the user clicks its notification; only the app's own paths.
  useEffect(
    () =>
      window.rapport.on('app:navigate', ({ path }) => {
        if (typeof path === 'string' && path.startsWith('/') && !path.startsWith('//')) void navigate(path);
      }),
    [navigate],
  );

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={3} fw={700}>
            Rapport
          </Title>
          <Button
            variant="default"
            size="sm"
            w={280}
            justify="space-between"
            rightSection={<Kbd size="xs">{os === 'macos' ? '⌘' : 'Ctrl'} K</Kbd>}
            onClick={() => spotlight.open()}
            aria-label="Search"
          >
            <Text c="dimmed" size="sm">
              Search…
            </Text>
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          {navigation.map((item) => (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={item.label}
              description={item.description}
              // The dashboard is where due follow-ups are ticked off: say how many wait there.
              rightSection={item.path === '/' ? <DueFollowUpsBadge /> : undefined}
              active={active === item.path}
              aria-current={active === item.path ? 'page' : undefined}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            Press <Kbd size="xs">N</Kbd> for a new contact
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Routes>
          {routes.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
          <Route
            path="*"
            element={<EmptyState title="Not found" text="There is nothing at this address." />}
          />
        </Routes>
        <NoticeRoom />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
