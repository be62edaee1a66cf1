import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCategoryDto {
  @ApiProperty({ example: '国际', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'guo-ji', description: 'Made from the name (pinyin for Chinese) when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  slug?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Parent section; null for a top-level section.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ default: 0, description: 'Order among siblings, ascending.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: '国际新闻', maxLength: 100 })
  @ValidateIf((o: UpdateCategoryDto) => o.name !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'world', description: 'A new slug; the old URL stops working.' })
  @ValidateIf((o: UpdateCategoryDto) => o.slug !== undefined)
  @IsString()
  @MaxLength(80)
  slug?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateCategoryDto) => o.position !== undefined)
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}

export class DeleteCategoryQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Move the section's stories here first, in the same transaction." })
  @IsOptional()
  @IsUUID()
  moveTo?: string;
}

export class CategoryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '国际' }) name: string;
  @ApiProperty({ example: 'guo-ji' }) slug: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() position: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryResponseDto] }) items: CategoryResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: every section fits in one page.' }) nextCursor: null;
}
