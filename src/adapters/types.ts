import type { Deps, Logger } from '../commands/index.js';
import type { Notifier } from '../core/notifier.js';

/** A running platform adapter: the transport port (start was the factory; stop ends it). */
export type PlatformAdapter = {
  platform: 'discord' | 'telegram' | 'slack' | 'shell';
  notifier: Notifier;
  stop(): Promise<void>;
};

export type AdapterContext = { deps: Deps; logger: Logger };
