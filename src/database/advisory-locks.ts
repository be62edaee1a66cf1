// Every fixed PostgreSQL advisory lock key Masthead takes, in one list, so no two uses can share one
// (a shared key would make unrelated work wait on each other, or skip each other). Locks keyed by a
// name (a section's, an import page's) use hashtext() of a prefixed text instead.
export const ADVISORY_LOCKS = {
  /** Applying migrations at start-up: one process at a time. */
  migrations: 7_264_201,
  /** Changes to users and roles that must keep an administrator. */
  userAdministration: 7_264_202,
  /** Creating the first administrator when several processes start together. */
  firstRun: 7_264_203,
  /** Housekeeping's row purges: one process at a time. */
  housekeeping: 7_264_204,
  /** Housekeeping's walk of the media store: one process at a time. */
  mediaSweep: 7_264_205,
} as const;
