import { loadReference } from '../../datagen/reference.js';
import type { Identity } from './identity.js';

/**
 * Regional behörighet — the one region scoping policy: operational detail (patient flows,
 * staffing, prices) is visible to the regions it concerns and their sjukvårdsregion partners;
 * aggregates above them to everyone authenticated. Partners are the members of every
 * sjukvårdsregion a region belongs to — Halland (13) belongs to Södra AND Västra, so its partners
 * are both regions' members. Membership: data/reference/regions.json (`healthcareRegionsAll`,
 * `healthcareRegions[].members`; sources in that file's `source` block).
 */
export class RegionPolicy {
  private readonly partnersOf = new Map<string, Set<string>>();
  private readonly membersOf = new Map<string, readonly string[]>();

  constructor(
    healthcareRegions: ReadonlyArray<{ readonly id: string; readonly members: readonly string[] }>,
    /** A scope that sees every region's detail (national analysts), or null for none. */
    readonly nationalScope: string | null = 'vardnav:national',
  ) {
    for (const h of healthcareRegions) {
      this.membersOf.set(h.id, h.members);
      for (const member of h.members) {
        let set = this.partnersOf.get(member);
        if (!set) {
          set = new Set([member]);
          this.partnersOf.set(member, set);
        }
        for (const other of h.members) set.add(other);
      }
    }
  }

  static fromReference(nationalScope: string | null = 'vardnav:national'): RegionPolicy {
    return new RegionPolicy(loadReference().healthcareRegions, nationalScope);
  }

  /** The region itself and every member of its sjukvårdsregion(er). */
  partners(region: string): ReadonlySet<string> {
    return this.partnersOf.get(region) ?? new Set([region]);
  }

  /** Member regions (länskoder) of a sjukvårdsregion id ("sodra"). */
  members(healthcareRegion: string): readonly string[] {
    return this.membersOf.get(healthcareRegion) ?? [];
  }

  /** May the caller see detail concerning these regions (länskoder)? */
  mayView(identity: Identity, concerned: readonly string[]): boolean {
    if (!identity.authenticated) return false;
    if (this.nationalScope && identity.scopes.includes(this.nationalScope)) return true;
    const own = identity.region;
    if (!own) return false;
    return concerned.some((region) => this.partners(region).has(own));
  }
}
