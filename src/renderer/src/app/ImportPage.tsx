import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ImportView } from '../features/import/ImportView';
import { ContactsImportView } from '../features/interop/ContactsImportView';

const tabs = { calendar: '/import', contacts: '/import/contacts' } as const;

/** One Import area with a tab per source: calendar files, and contacts from other tools. */
export function ImportPage({ tab }: { tab: keyof typeof tabs }) {
  const navigate = useNavigate();
  return (
    <Tabs
      value={tab}
      onChange={(value) => value && void navigate(tabs[value as keyof typeof tabs])}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="calendar">Calendar (.ics)</Tabs.Tab>
        <Tabs.Tab value="contacts">Contacts (LinkedIn, Google, Outlook, vCard)</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="calendar">
        <ImportView />
      </Tabs.Panel>
      <Tabs.Panel value="contacts">
        <ContactsImportView />
      </Tabs.Panel>
    </Tabs>
  );
}
