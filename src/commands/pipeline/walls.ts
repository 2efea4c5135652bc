// The walls step of the pipeline: verifies signed buttons, settles who acts for which community,
// enforces each command's scope.
import { UserInputError } from '../../core/errors.js';
import { pickLocale } from '../../core/i18n/index.js';
import { pseudonymousSpace } from '../../core/member-key.js';
import { MAX_BUTTON_DATA, type Reply } from '../../core/reply.js';
import { buttonSigner, communityOf, isSigned, signReply, type Binding, type ButtonSigner, type Role } from '../../core/walls.js';
import { tokenize } from '../parse.js';
import { isGroup, type Command, type Deps, type Invocation } from '../types.js';
import { findCommand } from '../list.js';
import { splitCommandLine } from './lines.js';
import type { Call, Middleware, WallsState } from './types.js';

export type { WallsState } from './types.js';

/** How long a moderator's button in a private answer (an import preview's Save) acts for their group. */
export const GRANT_TTL_MS = 60 * 60 * 1000;

/** What the walls learnt about a call: who acts, for which community, on what authority. */

type Grant = { member: string; space: string };

/** MODERATOR_IDS and the terminal's operator act on the whole instance. */
export function isOperator(invocation: Invocation, deps: Pick<Deps, 'moderatorIds'>): boolean {
  return invocation.operator === true || deps.moderatorIds.includes(`${invocation.actor.platform}:${invocation.actor.userId}`);
}

/**
 * Nothing is taken on trust from the message: a signed button is checked against who pressed it
 * where (and its signature taken off), a drive named by id must be this space's, the appeals a
 * command sees are its community's and the shared ones, and every button of the answer is signed
 * for the member it goes to (private) or the space it is posted in (public).
 */
export const walls: Middleware = async (call, next) => {
  // Kept per member keyer (core/walls.ts): its key is derived once, not on the path of every /acted.
  const signer = buttonSigner(call.deps.memberKey);
  try {
    await checkCall(call, signer);
  } catch (error) {
    // Refused before the locale step: a platform that must be asked for the language (Slack) is asked here.
    const { actor, resolveLocale } = call.invocation;
    if (actor.locale === undefined && resolveLocale) call.locale = pickLocale(await resolveLocale().catch(() => undefined));
    throw error;
  }
  const reply = await next();
  return reply && signAnswer(call, reply, signer);
};

async function checkCall(call: Call, signer: ButtonSigner): Promise<void> {
  const { deps } = call;
  const operator = isOperator(call.invocation, deps);
  const state: WallsState = { operator, community: '' };
  const { line, fields } = signedPart([call.invocation.name, call.invocation.text ?? ''].join(' ').trim());
  if (isButtonLine(line)) {
    const verified = signer.verify(line, [{ member: call.member }, { space: call.invocation.space.id }]);
    if (!verified) throw new UserInputError('not_here');
    state.signed = verified.binding;
    const split = splitCommandLine(verified.line);
    call.invocation = { ...call.invocation, ...split, text: fields ? `${split.text} ${fields}`.trim() : split.text };
    if ('member' in verified.binding && call.invocation.space.kind === 'private') {
      const grant = await deps.shortLived.get<Grant>('walls-grant', line);
      if (grant?.member === call.member) {
        state.granted = grant.space;
        call.invocation = { ...call.invocation, space: { id: grant.space, kind: 'group' } };
      }
    }
  }
  // A form's fields are the member's own words: they never name a drive.
  if (call.invocation.options?.drive !== undefined) {
    const { drive: _dropped, ...options } = call.invocation.options;
    call.invocation = { ...call.invocation, options };
  }
  const space = pseudonymousSpace(call.invocation.space, call.invocation.actor, deps.memberKey);
  state.community = communityOf(space.id);
  call.walls = state;
  // A member's own button names a drive they were given for themself; a moderator's private
  // button acts beyond its space only through the grant of the group it was asked in.
  const signedLine = [call.invocation.name, call.invocation.text ?? ''].join(' ');
  const trusted = state.signed !== undefined && ('space' in state.signed || state.granted !== undefined || scopeOfLine(signedLine) === 'member');
  if (!trusted && !operator) await checkNamedDrive(call, space.id);
  call.deps = { ...deps, appeals: deps.appeals.viewFor({ community: state.community, member: call.member, operator, where: space.id }) };
}

/** A signed button's line: a signature at its end, and no longer than any button's data (a pasted text with a `~` is not one). */
function isButtonLine(line: string): boolean {
  return Buffer.byteLength(line, 'utf8') <= MAX_BUTTON_DATA && isSigned(line);
}

/** Options only a signed line may carry: what a button acts on, never a form's field. */
const SIGNED_ONLY = new Set(['drive', 'save', 'translate', 'edit', 'overwrite', 'step']);

/**
 * A form typed as a line (the terminal, a Telegram form too long for a button) is the signed command
 * and then the member's fields: `letter drive=X~Sig name="Ana"`. The fields never name what the
 * button acts on.
 */
function signedPart(full: string): { line: string; fields?: string } {
  const match = /^([\s\S]*?~[A-Za-z0-9_-]{12})\s+([\s\S]+)$/.exec(full);
  if (!match || isButtonLine(full) || !isButtonLine(match[1]!)) return { line: full };
  const fields = match[2]!;
  if (tokenize(fields).some((tk) => tk.key === undefined || SIGNED_ONLY.has(tk.key.toLowerCase()))) throw new UserInputError('not_here');
  return { line: match[1]!, fields };
}

/** A typed `drive=<id>` names this space's drive, or nothing: another space's gets the unknown id's answer. */
async function checkNamedDrive(call: Call, spaceId: string): Promise<void> {
  const id = tokenize(call.invocation.text ?? '').find((tk) => tk.key === 'drive')?.value;
  if (id === undefined) return;
  const drive = await call.deps.drives.get(id);
  if (!drive || drive.space !== spaceId) throw new UserInputError('not_here');
}

/**
 * Private answers' buttons are bound to their member; public ones to their space. A moderator's
 * button in a private answer also leaves a grant, so that pressed in a private chat (Telegram
 * sends private answers there) it acts for the group it was asked in, for an hour.
 */
async function signAnswer(call: Call, reply: Reply, signer: ButtonSigner): Promise<Reply> {
  const binding: Binding = reply.visibility === 'private' ? { member: call.member } : { space: call.invocation.space.id };
  const signed = signReply(reply, signer, binding);
  // Only a moderator's answer, given in their group, leaves grants (an operator needs none).
  if (reply.visibility !== 'private' || call.invocation.space.kind === 'private' || call.walls?.role !== 'moderator') return signed;
  for (const button of signed.buttons) {
    if (button.type === 'link' || scopeOfLine(button.command) === 'member') continue;
    await call.deps.shortLived.put('walls-grant', button.command, { member: call.member, space: call.invocation.space.id } satisfies Grant, GRANT_TTL_MS);
  }
  return signed;
}

/** The scope of the command a button's line runs (`remind schedule ...` is `remind`'s `schedule`). */
function scopeOfLine(signedLine: string): Command['scope'] | undefined {
  const { name, text } = splitCommandLine(signedLine);
  const found = findCommand(name);
  if (!found) return undefined;
  if (!isGroup(found)) return found.scope;
  const sub = text.split(/\s+/)[0]?.toLowerCase();
  return found.subcommands.find((s) => s.name === sub)?.scope;
}

/**
 * The permission check of every command, on this call: its declared scope against the caller's
 * role. A command that declares no scope is refused (it cannot be known what it may touch).
 */
export async function enforceScope(command: Command, path: string, call: Call, platformCheck: () => Promise<boolean>): Promise<Role> {
  const state = call.walls;
  if (!state) throw new Error('the walls step did not run');
  const role: Role = state.operator ? 'operator' : 'member';
  if (command.scope === 'member') return role;
  if (command.scope === 'instance') {
    if (state.operator) return 'operator';
    throw new UserInputError('operator_only', { command: path });
  }
  if (command.scope !== 'space') throw new UserInputError('operator_only', { command: path }, `command /${path} declares no scope`);
  if (state.operator) return 'operator';
  if (state.granted) return 'moderator';
  if (call.invocation.space.kind === 'private') throw new UserInputError('moderator_in_group', { command: path });
  if (!(await platformCheck())) throw new UserInputError('moderator_only', { command: path });
  return 'moderator';
}
