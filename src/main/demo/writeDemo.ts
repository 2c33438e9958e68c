import type { Store } from '../db/open';
import { writeDemoFollowUps } from './followUpsGenerator';
import { writeNetwork, type DemoNetwork } from './generator';
import { writeDemoJournal } from './journalGenerator';

/** Everything the demo shows: the network, years of journal, and next steps around today. Returns the contact ids. */
export function writeDemo(store: Store, network: DemoNetwork): number[] {
  const ids = writeNetwork(store, network);
  writeDemoJournal(store, network, ids);
  writeDemoFollowUps(store, network, ids);
  return ids;
}
