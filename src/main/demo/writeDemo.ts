import type { Store } from '../db/open';
import { writeDemoFollowUps } from './followUpsGenerator';
import { writeNetwork, type DemoNetwork } from './generator';
import { writeDemoJobChanges } from './jobChangesGenerator';
import { writeDemoJournal } from './journalGenerator';

/**
 * Everything the demo shows: the network, years of journal, next steps around today and recent
 * moves. Returns the contact ids.
 */
export function writeDemo(store: Store, network: DemoNetwork): number[] {
  const ids = writeNetwork(store, network);
  writeDemoJournal(store, network, ids);
  writeDemoFollowUps(store, network, ids);
  writeDemoJobChanges(store, network, ids);
  return ids;
}
