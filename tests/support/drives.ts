import type { Drive } from '../../src/core/drive.js';

/**
 * A drive as the drive service would store it; open until the end of 2099 unless told otherwise. It
 * also carries `appealId`, its first case's appeal, so the ledger can take it as what it counts for.
 */
export function aDrive(overrides: Partial<Drive> & { appealId?: string } = {}): Drive & { appealId: string } {
  const { appealId = overrides.cases?.[0]?.appealId ?? 'ua-1-25', ...rest } = overrides;
  return {
    id: 'd1',
    cases: [{ appealId, goal: null, status: 'active' }],
    space: 'telegram:-100',
    title: null,
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
    ...rest,
    appealId,
  };
}
