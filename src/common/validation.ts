import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from './problem.js';

/** Flattens class-validator's tree into `{field: 'body.2.text', message}` pairs. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^property /, '') }));
    return own.concat(toFieldErrors(e.children ?? [], field));
  });
}

/** Unknown fields are rejected, types converted, and failures answered with 422 problem+json. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
