import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from './problem.js';
import { findUnstorableText, unstorableTextMessage } from './request-text.js';

/** Flattens class-validator's tree into `{field: 'body.2.text', message}` pairs. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^property /, '') }));
    return own.concat(toFieldErrors(e.children ?? [], field));
  });
}

/**
 * Bodies of every kind (JSON, form fields, multipart fields) are refused with 422 when they hold
 * text PostgreSQL cannot store, before class-transformer copies them.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const field = findUnstorableText(value, metadata.data ?? '');
      if (field !== null) throw new ValidationProblem([{ field, message: `${field || 'the body'} ${unstorableTextMessage}` }]);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are rejected, types converted, and failures answered with 422 problem+json. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
