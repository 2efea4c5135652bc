import type { Deps } from '../../src/commands/index.js';
import { buttonSigner } from '../../src/core/walls.js';

/**
 * A button's data as the bot signs it for a member's private answer (src/core/walls.ts): for tests
 * whose subject is not the walls, a press of a button that member really got.
 */
export function memberButton(deps: Pick<Deps, 'memberKey'>, platform: string, userId: string, line: string): string {
  return buttonSigner(deps.memberKey).sign(line, { member: deps.memberKey(platform, userId) });
}

/** A button's data as the bot signs it for a post in a space (`telegram:-1001`, `slack:T1/C1`). */
export function spaceButton(deps: Pick<Deps, 'memberKey'>, space: string, line: string): string {
  return buttonSigner(deps.memberKey).sign(line, { space });
}
