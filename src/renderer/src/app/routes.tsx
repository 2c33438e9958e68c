import type { ReactNode } from 'react';
import { GoalPage } from '../features/goals/GoalPage';
import { GoalsView } from '../features/goals/GoalsView';
import { ContactPage } from '../features/contacts/ContactPage';
import { ContactsView } from '../features/contacts/ContactsView';
import { NewContactPage } from '../features/contacts/NewContactPage';
import { SettingsView } from '../features/settings/SettingsView';
import { DashboardView } from '../features/dashboard/DashboardView';
import { DuplicatesView } from '../features/duplicates/DuplicatesView';
import { JournalView } from '../features/journal/JournalView';
import { GraphView } from '../features/graph/GraphView';
import { ImportPage } from './ImportPage';

export interface AppRoute {
  path: string;
  element: ReactNode;
}

/**
 * Every screen, one line each. Areas not built yet say honestly what will be there.
 * Sidebar entries live in navigation.ts.
 */
export const routes: AppRoute[] = [
  { path: '/contacts', element: <ContactsView /> },
  { path: '/contacts/new', element: <NewContactPage /> },
  { path: '/contacts/:id', element: <ContactPage /> },
  { path: '/settings', element: <SettingsView /> },
  { path: '/', element: <DashboardView /> },
  { path: '/journal', element: <JournalView /> },
  { path: '/duplicates', element: <DuplicatesView /> },
  { path: '/import/contacts', element: <ImportPage tab="contacts" /> },
  { path: '/graph', element: <GraphView /> },
  { path: '/goals', element: <GoalsView /> },
  { path: '/goals/:id', element: <GoalPage /> },
  { path: '/import', element: <ImportPage tab="calendar" /> },
];
