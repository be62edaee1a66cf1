import { QueryFailedError } from 'typeorm';

/** Whether a write failed on the named unique constraint or index (a lost race for a slug, say). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
