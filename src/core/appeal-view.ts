// The appeals one command may see and change: the shared catalog and its own community's, never
// another's.
import type { Appeal } from './appeal.js';
import type { AppealChange, ChangeBy, StagedOwner } from './appeal-scopes.js';
import { UserInputError } from './errors.js';
import { communityTag } from './walls.js';

/** Who looks at the appeals: the community a command came from, the member, whether they operate the instance. */
export type AppealViewer = { community: string; member: string; operator: boolean; where: string };

/**
 * The appeals as one command may see and change them. The whole catalog (`AppealCatalog`) is the
 * instance's own view, used by the operator's tools and by what runs a drive already started.
 */
export interface AppealBook {
  get(id: string): Promise<Appeal | undefined>;
  /** The appeal as the viewer's community reads it: its own copy of a shared appeal stands in (`appealWithOwnCopy`). */
  getWithOwnCopy(id: string): Promise<Appeal | undefined>;
  list(): Promise<Appeal[]>;
  /** Saves an appeal; with `by`, the change is recorded in the appeal's history. */
  save(appeal: Appeal, by: ChangeBy | undefined, now: Date, action?: AppealChange['action']): Promise<void>;
  stage(appeal: Appeal, owner?: StagedOwner): Promise<string>;
  restage(key: string, appeal: Appeal): Promise<void>;
  staged(key: string): Promise<Appeal | undefined>;
  /** The id this viewer's save of `appeal` is kept under (a community's own id unless operator). */
  idFor(appeal: Pick<Appeal, 'id'>): string;
  /** Whether this viewer's saves go to the shared catalog. */
  readonly shared: boolean;
  viewFor(viewer: AppealViewer): AppealBook;
}

/** What a view needs of the catalog (kept narrow so a table can replace the store behind it). */
export type CatalogParts = Pick<AppealBook, 'get' | 'list' | 'stage' | 'restage' | 'staged'> & {
  scopes: { scopeOf(id: string): Promise<string | undefined> };
  /** A community's own appeals; every community's without one. */
  ofCommunity(community?: string): Promise<Appeal[]>;
  stagedOwner(key: string): Promise<StagedOwner | undefined>;
  saveFor(community: string, appeal: Appeal, by: ChangeBy, now: Date, action?: AppealChange['action']): Promise<void>;
  saveShared(appeal: Appeal, by: ChangeBy, now: Date, action?: AppealChange['action']): Promise<void>;
  viewFor(viewer: AppealViewer): AppealBook;
};

/** `ua-34-25` saved by a community is `ua-34-25-3f9a1c`: never the shared appeal's id, nor another community's. */
export function communityAppealId(id: string, community: string): string {
  const tag = communityTag(community);
  return id.endsWith(`-${tag}`) ? id : `${id.slice(0, 40 - tag.length - 1)}-${tag}`;
}

/** What finding a community's own copy reads: appeals by id, and the community each was saved for. */
export type CopyReads = Pick<CatalogParts, 'get' | 'scopes'>;

/**
 * The appeal a community reads for `id`: its own copy of a shared appeal (an update it saved: new officials, a new
 * letter) stands in for the shared one, under the shared id its drives, rounds, counts and news keep. An appeal of
 * another community is unknown. The copy is `communityAppealId`'s, and only when saved for this very community (its
 * scope says so: six-hex tags can collide between communities). Its scope is read beside the appeal's, so a community
 * without a copy (the common case) pays one small scope read, never a second appeal read.
 */
export async function appealWithOwnCopy(catalog: CopyReads, id: string, community: string): Promise<Appeal | undefined> {
  const ownId = communityAppealId(id, community);
  const [scope, ownScope, appeal] = await Promise.all([catalog.scopes.scopeOf(id), ownId === id ? undefined : catalog.scopes.scopeOf(ownId), catalog.get(id)]);
  if (scope !== undefined && scope !== community) return undefined;
  const own = ownScope === community ? await catalog.get(ownId) : undefined;
  return own ? { ...own, id } : appeal;
}

/**
 * A community's view: the shared catalog plus the community's own appeals; another community's are
 * unknown (the same answer as an id that does not exist). A moderator's save goes to the community,
 * under the community's id. The operator sees and changes everything.
 */
export function appealView(catalog: CatalogParts, viewer: AppealViewer): AppealBook {
  return new AppealView(catalog, viewer);
}

/** A class, not an object of closures: one is made for every command, so its methods are shared, not made each time. */
class AppealView implements AppealBook {
  readonly shared: boolean;

  constructor(
    private readonly catalog: CatalogParts,
    private readonly viewer: AppealViewer,
  ) {
    this.shared = viewer.operator;
  }

  async get(id: string): Promise<Appeal | undefined> {
    // The scope and the appeal read together (one round trip on Redis, where every command asks
    // for its appeal): the appeal is dropped, never returned, when the wall says no.
    const [seen, appeal] = await Promise.all([this.visible(id), this.catalog.get(id)]);
    return seen ? appeal : undefined;
  }

  getWithOwnCopy(id: string): Promise<Appeal | undefined> {
    // The operator's saves are the shared appeals themselves: there is no copy to stand in.
    return this.viewer.operator ? this.get(id) : appealWithOwnCopy(this.catalog, id, this.viewer.community);
  }

  async list(): Promise<Appeal[]> {
    const { catalog, viewer } = this;
    // The operator sees every community's appeals beside the shared ones.
    const own = await catalog.ofCommunity(viewer.operator ? undefined : viewer.community);
    return [...(await catalog.list()), ...own].sort((a, b) => a.id.localeCompare(b.id));
  }

  async save(appeal: Appeal, by: ChangeBy | undefined, now: Date, action?: AppealChange['action']): Promise<void> {
    const { catalog, viewer } = this;
    const change = by ?? { who: viewer.operator ? 'operator' : viewer.member, where: viewer.where };
    if (viewer.operator) return catalog.saveShared(appeal, change, now, action);
    if (appeal.id !== communityAppealId(appeal.id, viewer.community)) throw new UserInputError('appeal_not_yours', { id: appeal.id });
    const scope = await catalog.scopes.scopeOf(appeal.id);
    if (scope !== undefined && scope !== viewer.community) throw new UserInputError('appeal_not_yours', { id: appeal.id });
    return catalog.saveFor(viewer.community, appeal, change, now, action);
  }

  stage(appeal: Appeal, owner?: StagedOwner): Promise<string> {
    return this.catalog.stage(appeal, owner ?? { member: this.viewer.member, community: this.viewer.community });
  }

  restage(key: string, appeal: Appeal): Promise<void> {
    return this.catalog.restage(key, appeal);
  }

  async staged(key: string): Promise<Appeal | undefined> {
    const owner = await this.catalog.stagedOwner(key);
    // Someone else's preview is as unknown as an expired one.
    if (!this.viewer.operator && owner !== undefined && owner.member !== this.viewer.member) return undefined;
    return this.catalog.staged(key);
  }

  idFor(appeal: Pick<Appeal, 'id'>): string {
    return this.viewer.operator ? appeal.id : communityAppealId(appeal.id, this.viewer.community);
  }

  viewFor(next: AppealViewer): AppealBook {
    return this.catalog.viewFor(next);
  }

  private async visible(id: string): Promise<boolean> {
    if (this.viewer.operator) return true;
    const scope = await this.catalog.scopes.scopeOf(id);
    return scope === undefined || scope === this.viewer.community;
  }
}
