// Tells "the database cannot be reached right now" (a restart, a failover, a network cut: retrying
// soon will work) from every other failure (a bug, a refused query: retrying will not). The first is
// answered 503 with Retry-After by the problem filter, the second 500.
import { ProblemException } from './problem.js';

/** Seconds a client should wait before retrying: about what a PostgreSQL restart or failover takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
]);

/**
 * SQLSTATEs of a server that is not serving: class 08 (connection exception), 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now (starting up, recovering), 57P05 idle session
 * timeout, 53300 too many connections.
 */
const SQLSTATE = /^(?:08[0-9A-Z]{3}|57P0[1235]|53300)$/;

/** What node-postgres and its pool say, without a code, when a connection ends or never comes. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection closed',
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => (e.message as string).startsWith(m))) return true;
  // TypeORM wraps the driver's error; Node reports each address tried (IPv4, IPv6) in an AggregateError.
  const inner: unknown[] = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return inner.some((cause) => cause !== error && isDatabaseUnavailable(cause, depth + 1));
}

export class DatabaseUnavailableProblem extends ProblemException {
  constructor() {
    super(
      503,
      'database-unavailable',
      'Service Unavailable',
      'The database cannot be reached at the moment. Try again shortly.',
      {},
      { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }
}
