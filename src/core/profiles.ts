// Remembered signatures: what a member chose to have kept for their letters.
import { z } from 'zod';
import { guarded } from './guard.js';
import { stripInvisibles } from './sanitize.js';

/** What a member chose to have remembered for their letters' signature. */
export const profileSchema = z.object({
  name: z.string().max(80).optional(),
  town: z.string().max(80).optional(),
  country: z.string().max(60).optional(),
  /** Start letters with "I am writing from <town, country>". */
  opening: z.boolean().optional(),
});

export type Profile = z.infer<typeof profileSchema>;

/** Where profiles are kept: a table on SQLite, a hash per member on Redis (src/core/store/). */
export interface ProfileRepository {
  get(member: string): Promise<Profile | undefined>;
  /** Replaces the member's profile with this one. */
  put(member: string, profile: Profile): Promise<void>;
  /** True when there was one. */
  delete(member: string): Promise<boolean>;
}

/**
 * Signatures members asked to be remembered, keyed by the pseudonymous member key only (never a
 * platform id). Opt-in by `remember=on`, deleted by `remember=off` and /forgetme.
 */
export class ProfileStore {
  constructor(private readonly repository: ProfileRepository) {}

  async get(member: string): Promise<Profile | undefined> {
    const stored = await this.guard(() => this.repository.get(member));
    if (stored === undefined) return undefined;
    const parsed = profileSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  /** Saves the profile; an empty one is not worth keeping and deletes instead. */
  async save(member: string, profile: Profile): Promise<Profile | undefined> {
    const entries = Object.entries(profile).map(([k, v]) => [k, typeof v === 'string' ? stripInvisibles(v).trim() : v] as const);
    const clean = profileSchema.parse(Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== '')));
    if (isEmpty(clean)) {
      await this.delete(member);
      return undefined;
    }
    await this.guard(() => this.repository.put(member, clean));
    return clean;
  }

  /** True when there was something to delete. */
  async delete(member: string): Promise<boolean> {
    return this.guard(() => this.repository.delete(member));
  }

  private guard<T>(fn: () => Promise<T>): Promise<T> {
    return guarded('profiles', fn);
  }
}

/** A profile with nothing in it (no name, town, country, and no opening line). */
export function isEmpty(profile: Profile): boolean {
  return !profile.name && !profile.town && !profile.country && !profile.opening;
}
