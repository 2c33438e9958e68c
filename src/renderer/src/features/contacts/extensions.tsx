import { Stack } from '@mantine/core';
import type { ComponentType } from 'react';
import { ContactJournal } from '../journal/ContactJournal';
import { ContactGoals } from '../goals/ContactGoals';
import { FollowUpsSection } from '../followUps/FollowUpsSection';
import { RelationshipsSection } from '../relationships/RelationshipsSection';
import { StrengthPanel } from '../strength/StrengthPanel';

/** A section other features add to the end of the contact page (timeline, strength, goals, ...). */
export interface ContactExtension {
  id: string;
  component: ComponentType<{ contactId: number }>;
}

/** One line per section, in the order they appear on the page. */
export const contactExtensions: ContactExtension[] = [
  { id: 'strength', component: StrengthPanel },
  { id: 'journal', component: ContactJournal },
  { id: 'followUps', component: FollowUpsSection },
  { id: 'relationships', component: RelationshipsSection },
  { id: 'goals', component: ContactGoals },
];

export function ContactExtensions({ contactId }: { contactId: number }) {
  if (contactExtensions.length === 0) return null;
  return (
    <Stack gap="lg">
      {contactExtensions.map(({ id, component: Section }) => (
        <Section key={id} contactId={contactId} />
      ))}
    </Stack>
  );
}
