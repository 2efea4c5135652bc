// The commands' one entry point for adapters: the list, the pipeline every command runs through, the types.
export { commands } from './list.js';

export { claimDelivery, errorReply, findCommand, handle, handleOnce, splitCommandLine, type Logger } from './pipeline/index.js';
export type { Actor, AnyCommand, Command, CommandGroup, Deps, Invocation, OptionSpec, Space } from './types.js';
