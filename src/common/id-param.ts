import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundProblem } from './problem.js';

/** A malformed id names nothing that exists: 404, like an id that is well-formed but unknown. */
export const idParam = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundProblem(what) });
