/**
 * Three kinds of failure, one base class. A `UserInputError` is safe to show: its code is the
 * message key and its params fill the message. Everything else is logged with context.
 */
export class ActionbotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Something the member or moderator typed or sent is wrong; `code` is a message key. */
export class UserInputError extends ActionbotError {
  constructor(
    code: string,
    readonly params: Record<string, string | number> = {},
    message?: string,
  ) {
    super(code, message ?? code);
  }
}

/** The environment is wrong; names the variable at fault. */
export class ConfigError extends ActionbotError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super('config', `${variable}: ${message}`);
  }
}

/**
 * The store is down or refused; shown to members as "try again", never as a reset count. A `stopped`
 * store (damaged, or reset empty) will not heal by itself: members are told the organisers know.
 */
export class StoreError extends ActionbotError {
  readonly stopped: boolean;
  /**
   * The write committed but did not reach the disk (a failed sync): it may or may not be there
   * after a power cut, so members are not told "nothing was recorded".
   */
  readonly unsynced: boolean;

  constructor(message: string, options?: { cause?: unknown; stopped?: boolean; unsynced?: boolean }) {
    super('store_unavailable', message, options);
    this.stopped = options?.stopped ?? false;
    this.unsynced = options?.unsynced ?? false;
  }
}

/** A platform SDK call failed; wraps the SDK's error. */
export class PlatformError extends ActionbotError {
  constructor(
    readonly platform: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('platform', `${platform}: ${message}`, options);
  }
}

/**
 * The platform says the bot can no longer post in a space: removed or kicked, the channel gone,
 * the app uninstalled. Retrying cannot help. `movedTo` is set when the space lives on under a new
 * id (a Telegram group upgraded to a supergroup).
 */
export class SpaceGoneError extends PlatformError {
  constructor(
    platform: string,
    readonly reason: string,
    readonly movedTo?: string,
    options?: { cause?: unknown },
  ) {
    super(platform, movedTo ? `the space moved to ${movedTo}` : `the bot can no longer post here (${reason})`, options);
  }
}

/**
 * The platform says this member cannot be messaged privately any more: they blocked the bot, left,
 * or deleted their account. Retrying cannot help; whatever was kept to reach them can go.
 */
export class MemberGoneError extends PlatformError {
  constructor(platform: string, reason: string, options?: { cause?: unknown }) {
    super(platform, `the member cannot be messaged (${reason})`, options);
  }
}

/**
 * The delivery was handled before (its claim is committed): a platform's redelivery, or the same
 * delivery in another process at the same moment. Nothing changed; the pipeline answers nothing.
 */
export class AlreadyHandled extends ActionbotError {
  constructor() {
    super('already_handled', 'this delivery was handled before');
  }
}
