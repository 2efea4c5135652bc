// Walls between groups: roles, scopes, communities, and the signatures that bind buttons and links
// to a member or a space.
import { createHash, createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { MemberKeyer } from './member-key.js';
import type { Button, Reply } from './reply.js';

/**
 * Who may do what (docs/walls.md): the *operator* acts on the whole instance; a *moderator* on the
 * spaces of their own community; a *member* for themself. A private chat makes nobody a moderator.
 */
export type Role = 'operator' | 'moderator' | 'member';

/** What a command acts on, declared on its definition and enforced by the pipeline. */
export type Scope = 'member' | 'space' | 'instance';

/**
 * The community a space belongs to: a Discord server (`discord:<guild>`), a Slack workspace
 * (`slack:<team>`), a Telegram chat (the chat itself), the terminal. A direct message is its own.
 */
export function communityOf(spaceId: string): string {
  const match = /^(discord|slack):([^/]+)\//.exec(spaceId);
  if (!match || match[2] === 'dm') return spaceId;
  return `${match[1]}:${match[2]}`;
}

/** Whether a space lies in a community (a space id names its community first). */
export function inCommunity(spaceId: string, community: string): boolean {
  return communityOf(spaceId) === community;
}

/** Six hex characters naming a community in ids (`ua-34-25-3f9a1c`): not reversible to the platform id. */
export function communityTag(community: string): string {
  return createHash('sha256').update(`actionbot community\n${community}`).digest('hex').slice(0, 6);
}

/** Characters of a button's signature: 9 bytes of HMAC-SHA256 in base64url (72 bits). */
export const SIGNATURE_CHARS = 12;
/** `~` + the signature, appended to a button's command line. */
export const SIGNATURE_BYTES = SIGNATURE_CHARS + 1;
const SIGNED = new RegExp(`^([\\s\\S]*)~([A-Za-z0-9_-]{${SIGNATURE_CHARS}})$`);

/**
 * What a signature binds a button to: the member a private reply went to, or the space a public one
 * was posted in. The binding is not carried in the button: it is recomputed from who pressed where.
 */
export type Binding = { member: string } | { space: string };

const bindingText = (binding: Binding) => ('member' in binding ? `member\n${binding.member}` : `space\n${binding.space}`);

/** Signs and checks buttons' command lines; stateless, so any process holding the secret can check. */
export type ButtonSigner = {
  sign(line: string, binding: Binding): string;
  /** The line and the binding it was signed for, when the signature matches one of `bindings`. */
  verify(signed: string, bindings: readonly Binding[]): { line: string; binding: Binding } | undefined;
};

/** Whether a line carries a signature at all (a press, or a typed copy of one). */
export function isSigned(line: string): boolean {
  return SIGNED.test(line);
}

/**
 * The key is derived from the member-key secret through the member keyer itself (a "platform"
 * no member has), so there is no second secret to keep and no member key can equal it.
 */
export function buttonSigner(memberKey: MemberKeyer): ButtonSigner {
  let signer = signers.get(memberKey);
  if (!signer) signers.set(memberKey, (signer = makeSigner(memberKey)));
  return signer;
}

/** One signer per keyer: its key is an HMAC to derive, and every command's answer is signed. */
const signers = new WeakMap<MemberKeyer, ButtonSigner>();

function makeSigner(memberKey: MemberKeyer): ButtonSigner {
  const key = createSecretKey(Buffer.from(memberKey('actionbot-walls', 'button-signatures-v1'), 'utf8'));
  const mac = (line: string, binding: Binding) => createHmac('sha256', key).update(`button\n${bindingText(binding)}\n${line}`).digest().subarray(0, 9).toString('base64url');
  return {
    sign: (line, binding) => `${line}~${mac(line, binding)}`,
    verify(signed, bindings) {
      const match = SIGNED.exec(signed);
      if (!match) return undefined;
      const [, line, given] = match as unknown as [string, string, string];
      for (const binding of bindings) {
        // The text is compared in constant time: no character-by-character guessing.
        if (timingSafeEqual(Buffer.from(given), Buffer.from(mac(line, binding)))) return { line, binding };
      }
      return undefined;
    },
  };
}

/** The reply with every action and form button signed for `binding`. */
export function signReply(reply: Reply, signer: ButtonSigner, binding: Binding): Reply {
  if (reply.buttons.length === 0) return reply;
  const signed = (button: Button): Button => (button.type === 'link' || isSigned(button.command) ? button : { ...button, command: signer.sign(button.command, binding) });
  return { ...reply, buttons: reply.buttons.map(signed) };
}

/** Only the rows of one community's spaces (a moderator's report and CSV); all of them without one. */
export async function* rowsOfCommunity<R extends { space: string }>(rows: AsyncIterable<R>, community: string | undefined): AsyncIterable<R> {
  for await (const row of rows) if (community === undefined || inCommunity(row.space, community)) yield row;
}
