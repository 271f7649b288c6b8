/** Roles a user may hold. Abilities are derived from roles in policy/, never checked ad hoc. */
export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  AGENCY_ADMIN = 'AGENCY_ADMIN',
  AGENCY_HEAD = 'AGENCY_HEAD',
  ENFORCEMENT_OFFICER = 'ENFORCEMENT_OFFICER',
  OFFICER = 'OFFICER',
  STEERING_MEMBER = 'STEERING_MEMBER',
  PROCURATOR = 'PROCURATOR',
}

/** The signed-in user as the policy sees it: identity, agency, roles and the areas their agency covers. */
export interface Viewer {
  userId: string;
  agencyId: string;
  agencyKind: string;
  roles: readonly Role[];
  /** Materialised paths of the areas the viewer's agency covers (e.g. `/VN/79/26734/`). */
  coveredAreaPaths: readonly string[];
  /** Access-token expiry (seconds since epoch); sockets close when it passes. */
  tokenExpiresAt: number;
  /** The sign-in session (refresh family) of the token; sign-out and reuse detection end it. */
  sessionId?: string;
}
