// Per-request context (request id, client address) carried through async calls, so services deep
// in a transaction can stamp audit entries without every signature growing a parameter.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  requestId: string;
  ip: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const ClsRequest = {
  current: (): RequestContext | undefined => storage.getStore(),
  run: <T>(ctx: RequestContext, fn: () => T): T => storage.run(ctx, fn),
};

/** Express middleware; must run after the logger middleware that assigns `req.id`. */
export function requestContextMiddleware(req: Request & { id?: string | number }, _res: Response, next: NextFunction): void {
  storage.run({ requestId: String(req.id ?? ''), ip: req.ip ?? null }, next);
}
