// Swagger shapes of the problem+json error bodies, so /docs shows what an error looks like.
import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI extension on public routes (@Public()); the document builder turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-public';

export class ProblemResponse {
  @ApiProperty({ example: '/problems/not-found' }) type: string;
  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ example: 404 }) status: number;
  @ApiProperty({ example: 'User was not found.' }) detail: string;
  @ApiProperty({ required: false, example: '/api/admin/users/3f0c…' }) instance?: string;
  @ApiProperty({ required: false, description: 'Quote it when reporting a problem.' }) requestId?: string;
}

export class FieldErrorResponse {
  @ApiProperty({ example: 'password' }) field: string;
  @ApiProperty({ example: 'password must be at least 10 characters long' }) message: string;
}

export class ValidationProblemResponse extends ProblemResponse {
  @ApiProperty({ type: [FieldErrorResponse] }) errors: FieldErrorResponse[];
}
