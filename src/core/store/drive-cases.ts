// The appeals a drive runs, as both stores index them (a drive of one appeal, or a campaign's cases).

/** Its cases' appeals in order (a campaign), or its one appeal: a drive stored by any release. */
export function appealsOf(drive: { appealId?: unknown; cases?: unknown }): string[] {
  if (Array.isArray(drive.cases) && drive.cases.length > 0) return (drive.cases as Array<{ appealId: string }>).map((c) => String(c.appealId));
  return typeof drive.appealId === 'string' ? [drive.appealId] : [];
}
