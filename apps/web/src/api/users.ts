import type { apiKey, user, userCreate, userListQuery, userUpdate } from '@aftercare/contracts';
import type { z } from 'zod';
import { restResource } from './resource.ts';

export type User = z.infer<typeof user>;
export type UserCreate = z.input<typeof userCreate>;
export type UserUpdate = z.input<typeof userUpdate>;
export type UserListQuery = Partial<z.infer<typeof userListQuery>>;
export type ApiKey = z.infer<typeof apiKey>;

export const users = restResource<User, UserCreate, UserUpdate, UserListQuery>('/users');
