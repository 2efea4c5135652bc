import { wireEvents, type Events } from '../../src/app/event-wiring.js';
import type { Notifier } from '../../src/core/notifier.js';
import type { TestApp } from './app.js';
import { RecordingLogger } from './logger.js';
import { FakeTimer } from './notifier.js';

export type TestEvents = Events & { timer: FakeTimer; logger: RecordingLogger; settle(): Promise<void> };

/**
 * The app's event relay as main.ts wires it, on a fake timer and without coalescing delay;
 * `settle` handles whatever the commands so far have raised.
 */
export function testEvents(app: TestApp, logger = new RecordingLogger()): TestEvents {
  const timer = new FakeTimer();
  const events = wireEvents(app, logger, { timer, coalesceMs: 0 });
  return { ...events, timer, logger, settle: () => events.relay.drain() };
}

/** Wired and started with these notifiers. */
export async function startedEvents(app: TestApp, notifiers: Notifier[], logger?: RecordingLogger): Promise<TestEvents> {
  const events = testEvents(app, logger);
  await events.start(notifiers);
  return events;
}
