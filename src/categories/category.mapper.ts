import type { Category } from './category.entity.js';
import type { CategoryResponseDto } from './dto/category.dto.js';

export function toCategoryResponse(c: Category): CategoryResponseDto {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    parentId: c.parentId,
    description: c.description,
    position: c.position,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
