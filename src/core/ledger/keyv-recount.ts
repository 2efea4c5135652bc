import type Keyv from 'keyv';
import { platformOf, type Method } from '../drive.js';
import { adjustTally, emptyTally, type Tally } from './ledger.js';

/** What the keyv ledger stores per member of an appeal, and per appeal. */
export type MemberRecord = { chunk: number; acts: Partial<Record<Method, { at: string; space: string }>> };
export type TallyRecord = { tally: Tally; index: { chunk: number; size: number } };

export const tallyKey = (appealId: string) => `ledger:${appealId}:tally`;
export const memberKey = (appealId: string, member: string) => `ledger:${appealId}:m:${member}`;
export const chunkKey = (appealId: string, n: number) => `ledger:${appealId}:c:${n}`;
/** Set while a batch is being written; found set, it means the last batch did not finish. */
export const writingKey = (appealId: string) => `ledger:${appealId}:writing`;

/**
 * Rebuilds an appeal's tally from the member records, walking the index chunks. Used only when a
 * batch was interrupted between writing records and writing the tally (a crash, a store error):
 * the records are the truth, and the tally is made to match them.
 */
export async function recount(kv: Keyv, appealId: string): Promise<TallyRecord> {
  const tally = emptyTally(appealId);
  let chunk = 0;
  let size = 0;
  for (let n = 0; ; n++) {
    const members = (await kv.get(chunkKey(appealId, n))) as string[] | undefined;
    if (members === undefined) break;
    chunk = n;
    size = members.length;
    const records = members.length > 0 ? ((await kv.getMany(members.map((m) => memberKey(appealId, m)))) as Array<MemberRecord | undefined>) : [];
    for (const record of records) {
      const acts = Object.entries(record?.acts ?? {});
      acts.forEach(([method, act], i) => {
        adjustTally(tally, { method: method as Method, space: act.space, platform: platformOf(act.space), delta: 1, memberDelta: i === 0 ? 1 : 0 });
      });
    }
  }
  return { tally, index: { chunk, size } };
}
