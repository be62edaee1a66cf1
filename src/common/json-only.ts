// Routes that take only JSON bodies. A browser form can post urlencoded, multipart or text/plain
// bodies to any site without asking (no CORS preflight); it cannot send application/json. Login,
// refresh and logout therefore refuse anything else, which closes login CSRF (a page logging its
// visitor into the attacker's account).
import { applyDecorators, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemResponse } from './openapi.js';
import { ProblemException } from './problem.js';

export class UnsupportedMediaTypeProblem extends ProblemException {
  constructor(received: string | undefined) {
    super(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      `This takes a JSON body only (Content-Type: application/json)${received ? `, not ${received.split(';')[0].trim()}` : ''}.`,
    );
  }
}

@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    // `is` answers null for a request without a body: that is not JSON either.
    if (!req.is('application/json')) throw new UnsupportedMediaTypeProblem(req.headers['content-type']);
    return true;
  }
}

/** The route answers 415 problem+json to any body that is not `application/json`. */
export const JsonOnly = () =>
  applyDecorators(
    UseGuards(JsonBodyGuard),
    ApiUnsupportedMediaTypeResponse({ type: ProblemResponse, description: 'The body is not application/json.' }),
  );
