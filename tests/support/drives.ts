import type { Drive } from '../../src/core/drive.js';

/** A drive as the drive service would store it; open until the end of 2099 unless told otherwise. */
export function aDrive(overrides: Partial<Drive> = {}): Drive {
  return {
    id: 'd1',
    appealId: 'ua-1-25',
    space: 'telegram:-100',
    goal: 100,
    deadline: '2099-12-31',
    timezone: 'UTC',
    status: 'active',
    startedAt: '2025-01-01T00:00:00.000Z',
    milestones: true,
    reminders: null,
    locale: 'en',
    page: false,
    pageId: null,
    ...overrides,
  };
}
