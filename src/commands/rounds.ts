// Rounds of an appeal as /progress and /report show them: each round's count apart, the total beside.
import { appealTally, type DriveTally, type RoundTally } from '../core/campaign.js';
import { roundsOf, type Drive } from '../core/drive.js';
import type { Tally } from '../core/ledger/ledger.js';
import { escapeMarkdown } from '../core/markdown.js';
import type { Block } from '../core/reply.js';
import type { Translate } from '../core/i18n/index.js';
import type { Deps } from './types.js';

/** A case (or an appeal) with its rounds, named for the reader. */
export type RoundedCase = { label: string; round: number; rounds: readonly RoundTally[] };

/**
 * One case or appeal: its rounds and their sum. In a drive, the case's own rounds; with no drive here,
 * every round any drive has opened (the appeal's whole count, as before rounds).
 */
export async function appealRounds(deps: Pick<Deps, 'ledger' | 'drives'>, appealId: string, drive: Drive | undefined): Promise<{ tally: Tally; round: number; rounds: RoundTally[] }> {
  const entry = drive?.cases.find((c) => c.appealId === appealId);
  const round = entry ? entry.round : roundsOf(await deps.drives.all(), appealId);
  return { round, ...(await appealTally(deps.ledger, appealId, round)) };
}

/**
 * What /progress and /report show rounds of: a drive's cases (named "2. UA 12/26" in a campaign), or
 * the one case or appeal named.
 */
export async function roundedCases(deps: Pick<Deps, 'appeals'>, campaign: DriveTally | undefined, named: { round: number; rounds: RoundTally[] } | undefined): Promise<RoundedCase[]> {
  if (!campaign) return [{ label: '', round: named!.round, rounds: named!.rounds }];
  const several = campaign.cases.length > 1;
  return Promise.all(
    campaign.cases.map(async (c) => ({ label: several ? `${c.number}. ${(await deps.appeals.get(c.appealId))?.reference ?? c.appealId}` : '', round: c.round, rounds: c.rounds })),
  );
}

/** "Rounds": one field a round (the open one marked), only for cases that had more than one. */
export function roundBlocks(t: Translate, cases: readonly RoundedCase[]): Block[] {
  const fields = cases
    .filter((c) => c.rounds.length > 1)
    .flatMap((c) =>
      c.rounds.map((r) => {
        const name = t('progress_round', { round: r.round });
        const value = [t('tally_actions', { count: r.tally.actions }), ...(r.round === c.round ? [t('progress_round_now')] : [])].join(' · ');
        return { label: c.label ? `${c.label}, ${name}` : name, value: escapeMarkdown(value) };
      }),
    );
  return fields.length === 0 ? [] : [{ type: 'text', text: `**${t('progress_rounds')}**` }, { type: 'fields', fields }];
}
