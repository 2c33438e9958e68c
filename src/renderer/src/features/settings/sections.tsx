import type { ComponentType } from 'react';
import { DataLocationSection } from './DataLocationSection';
import { SelfEmailsSection } from './SelfEmailsSection';
import { GoalPrefsSection } from '../goals/GoalPrefsSection';
import { BackupsSection } from '../interop/BackupsSection';
import { ExportSection } from '../interop/ExportSection';
import { CadenceSection } from '../journal/CadenceSection';
import { RemindersSection } from '../reminders/RemindersSection';
import { StrengthSettings } from '../strength/StrengthSettings';

export interface SettingsSection {
  id: string;
  title: string;
  description?: string;
  component: ComponentType;
}

/** The settings page, in order. Other features append one line each. */
export const settingsSections: SettingsSection[] = [
  {
    id: 'self-emails',
    title: 'My email addresses',
    description: 'Calendar imports use these to recognise you.',
    component: SelfEmailsSection,
  },
  {
    id: 'keep-in-touch',
    title: 'Keep in touch',
    description: 'How often to reconnect with people in each circle.',
    component: CadenceSection,
  },
  {
    id: 'reminders',
    title: 'Daily reminder',
    description:
      'A morning notification of the follow-ups due, the catch-ups overdue, and the day’s birthdays and important dates.',
    component: RemindersSection,
  },
  {
    id: 'goals',
    title: 'Weeks and time zone',
    description: 'Goal periods start on this day of the week, at midnight in this time zone.',
    component: GoalPrefsSection,
  },
  {
    id: 'strength',
    title: 'Relationship strength',
    description: 'How the strength model weighs interactions; changes apply everywhere at once.',
    component: StrengthSettings,
  },
  {
    id: 'data',
    title: 'Data',
    description: 'Where Rapport keeps your network. Nothing leaves this computer.',
    component: DataLocationSection,
  },
  {
    id: 'backups',
    title: 'Backups',
    description: 'Automatic copies of your data, and restoring one.',
    component: BackupsSection,
  },
  {
    id: 'export',
    title: 'Export',
    description: 'Take your contacts and journal anywhere.',
    component: ExportSection,
  },
];
