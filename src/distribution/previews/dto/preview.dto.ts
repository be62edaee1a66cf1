import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

export class CreatePreviewDto {
  @ApiPropertyOptional({
    minimum: 60,
    example: 3600,
    description: 'How long the link works, in seconds: default PREVIEW_TTL_SECONDS (an hour), at most PREVIEW_MAX_TTL_SECONDS (a week).',
  })
  @IsOptional()
  @IsInt()
  @Min(60)
  expiresInSeconds?: number;
}

export class PreviewGrantDto {
  @ApiProperty({ description: 'Opaque; use it as GET /api/content/preview/{token}.' }) token: string;
  @ApiProperty({ example: '2026-01-22T09:00:00.000Z' }) expiresAt: string;
}
