import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundProblem } from '../common/problem.js';

/** Path ids that are not UUIDs name nothing that exists: 404, like any unknown id. */
export const idPipe = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundProblem(what) });
