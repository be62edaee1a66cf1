import type { Schemas } from '../api/client';

export type Permission = NonNullable<Schemas['UserResponse']['permissions']>[number];
