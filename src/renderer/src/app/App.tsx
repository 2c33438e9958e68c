import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { HashRouter } from 'react-router';
import { useDataChangedInvalidation } from '../api/hooks';
import { WindowDrop } from '../features/import/windowDrop';
import { NOTICE_WIDTH, Shell } from './Shell';
import { theme } from './theme';

function DataChangedInvalidation({ children }: { children: ReactNode }) {
  useDataChangedInvalidation();
  return children;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The data is local and main tells us when it changes (data:changed), so there is
      // no point refetching on focus or retrying: a failure is a real answer, not a flaky network.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Bottom left, over the sidebar's empty foot: rows keep their buttons (⋯, ×, ✎) on the right,
          where a notice would sit over the very next thing the user clicks. */}
      <Notifications position="bottom-left" containerWidth={NOTICE_WIDTH} />
      <QueryClientProvider client={queryClient}>
        <DataChangedInvalidation>
          {/* A hash router: the app is loaded from a file or custom protocol, not a web server. */}
          <HashRouter>
            <WindowDrop>
              <Shell />
            </WindowDrop>
          </HashRouter>
        </DataChangedInvalidation>
      </QueryClientProvider>
    </MantineProvider>
  );
}
