import { addMonths } from './periods';
import { noGoalFilter, type GoalFieldsInput, type GoalTemplate } from './schemas';

const conversations = ['meeting', 'coffee', 'video', 'call'] as const;

/**
 * One template per networking strategy: a goal pre-filled with a sensible measure and filter
 * that the user adjusts. `startDate` is today; dated templates run for a quarter.
 */
export function goalTemplates(todayDate: string): GoalTemplate[] {
  const quarterLater = addMonths(todayDate, 3);
  const t = (
    id: string,
    strategy: string,
    description: string,
    fields: Omit<GoalFieldsInput, 'startDate'>,
  ) => ({
    id,
    strategy,
    description,
    fields: { ...fields, startDate: todayDate, template: id },
  });
  return [
    t(
      'company-events',
      'Attend company events',
      'Counts company events you log or import from your calendar.',
      {
        title: 'Attend 3 company events this quarter',
        measure: 'count',
        target: 3,
        period: 'quarter',
        filter: { ...noGoalFilter, kinds: ['event'] },
      },
    ),
    t('team-projects', 'Participate in team projects', 'Counts team-project entries in your journal.', {
      title: 'Work on 2 team projects a quarter',
      measure: 'count',
      target: 2,
      period: 'quarter',
      filter: { ...noGoalFilter, kinds: ['project'] },
    }),
    t(
      'mentorship-program',
      'Join a mentorship program',
      'A checklist; the last step ticks itself when you log a meeting with a contact in your mentor circle you link to it.',
      {
        title: 'Join the mentorship program',
        measure: 'milestones',
        period: 'total',
        dueDate: quarterLater,
        milestones: [
          { title: 'Find out how the mentorship program works', keyword: 'mentorship program' },
          { title: 'Sign up for the program' },
          { title: 'First session with my program mentor', kinds: [...conversations] },
        ],
      },
    ),
    t('seek-mentors', 'Seek out mentors', 'Counts coffees or meals with people in your mentor circle.', {
      title: '2 coffees with mentors a month',
      measure: 'count',
      target: 2,
      period: 'month',
      filter: { ...noGoalFilter, kinds: ['coffee'], circles: ['mentor'] },
    }),
    t(
      'offer-value',
      'Offer value to mentors',
      'Counts interactions with mentors you tag "offered-value" (an intro, an article, help with something).',
      {
        title: 'Offer something useful to a mentor every month',
        measure: 'count',
        target: 1,
        period: 'month',
        filter: { ...noGoalFilter, circles: ['mentor'], tags: ['offered-value'] },
      },
    ),
    t(
      'identify-sponsors',
      'Identify potential sponsors',
      'Counts contacts you add to the sponsor circle or tag "prospect" while the goal runs.',
      {
        title: 'Identify 3 potential sponsors',
        measure: 'people',
        peopleSource: 'contacts',
        target: 3,
        period: 'total',
        dueDate: quarterLater,
        filter: { ...noGoalFilter, circles: ['sponsor'], tags: ['prospect'], mode: 'any' },
      },
    ),
    t(
      'sponsor-relationships',
      'Build relationships with sponsors',
      'Choose your sponsors; progress is how many reach the "active" layer of relationship strength.',
      {
        title: 'Build relationships with my sponsors',
        measure: 'relationship',
        targetLayer: 'active',
        period: 'month',
        dueDate: addMonths(todayDate, 6),
      },
    ),
    t(
      'career-goals-to-sponsors',
      'Communicate your career goals to sponsors',
      'Link each item to a sponsor; it ticks itself when you log a conversation with them that mentions "career".',
      {
        title: 'Tell my sponsors my career goals',
        measure: 'milestones',
        period: 'total',
        dueDate: quarterLater,
        milestones: [
          { title: 'Tell a sponsor my career goal', kinds: [...conversations], keyword: 'career' },
        ],
      },
    ),
    t(
      'online-communities',
      'Engage in online communities',
      'Counts journal entries tagged "community"; add check-ins for posts and comments the journal cannot see.',
      {
        title: 'Take part in online communities every week',
        measure: 'count',
        target: 2,
        period: 'week',
        filter: { ...noGoalFilter, tags: ['community'] },
      },
    ),
    t(
      'colleagues',
      'Stay connected with colleagues',
      'Counts different colleagues you meet, call or write to.',
      {
        title: 'Meet 5 different colleagues a month',
        measure: 'people',
        target: 5,
        period: 'month',
        filter: { ...noGoalFilter, circles: ['colleague'] },
      },
    ),
  ];
}
