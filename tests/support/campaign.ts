import type { Deps } from '../../src/commands/index.js';

/**
 * Two more cases beside the bundled appeal, saved in the shared catalog: `ua-1-26` ("Second case") and
 * `ua-2-26` ("Third case"), copies of ua-34-25 under new ids, for campaigns of three.
 */
export async function addCampaignCases(deps: Pick<Deps, 'appeals'>, now: Date): Promise<void> {
  const base = (await deps.appeals.get('ua-34-25'))!;
  await deps.appeals.save({ ...base, id: 'ua-1-26', reference: 'UA 1.26', title: 'Second case' }, undefined, now);
  await deps.appeals.save({ ...base, id: 'ua-2-26', reference: 'UA 2.26', title: 'Third case' }, undefined, now);
}
