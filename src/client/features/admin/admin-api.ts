// The admin API (/api/admin: users, units, topics, audit; docs/api.md), each answer checked against the
// domain schema. Mutations go through apiFetch, which adds the CSRF header.
import { z } from 'zod';
import {
  adminUserSchema,
  auditPageSchema,
  topicsListSchema,
  unitsListSchema,
  usersListSchema,
  type AdminUser,
  type AuditPage,
  type TopicCreateRequest,
  type TopicUpdateRequest,
  type UnitCreateRequest,
  type UnitUpdateRequest,
  type UserCreateRequest,
  type UserUpdateRequest,
} from '#domain/schemas/admin';
import { topicSchema, unitSchema, type Topic, type Unit } from '#domain/schemas/reference';
import { apiFetch } from '#client/sync/api.ts';

const userAnswer = z.object({ user: adminUserSchema });
const unitAnswer = z.object({ unit: unitSchema });
const topicAnswer = z.object({ topic: topicSchema });

export async function listUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  return (await apiFetch('/api/admin/users', { schema: usersListSchema, signal })).users;
}

export async function createUser(body: UserCreateRequest): Promise<AdminUser> {
  return (await apiFetch('/api/admin/users', { method: 'POST', body, schema: userAnswer })).user;
}

export async function updateUser(id: string, patch: UserUpdateRequest): Promise<AdminUser> {
  return (await apiFetch(`/api/admin/users/${id}`, { method: 'PATCH', body: patch, schema: userAnswer })).user;
}

export async function listUnits(signal?: AbortSignal): Promise<Unit[]> {
  return (await apiFetch('/api/admin/units', { schema: unitsListSchema, signal })).units;
}

export async function createUnit(body: UnitCreateRequest): Promise<Unit> {
  return (await apiFetch('/api/admin/units', { method: 'POST', body, schema: unitAnswer })).unit;
}

export async function updateUnit(id: string, patch: UnitUpdateRequest): Promise<Unit> {
  return (await apiFetch(`/api/admin/units/${id}`, { method: 'PATCH', body: patch, schema: unitAnswer })).unit;
}

export async function listTopics(signal?: AbortSignal): Promise<Topic[]> {
  return (await apiFetch('/api/admin/topics', { schema: topicsListSchema, signal })).topics;
}

export async function createTopic(body: TopicCreateRequest): Promise<Topic> {
  return (await apiFetch('/api/admin/topics', { method: 'POST', body, schema: topicAnswer })).topic;
}

export async function updateTopic(id: string, patch: TopicUpdateRequest): Promise<Topic> {
  return (await apiFetch(`/api/admin/topics/${id}`, { method: 'PATCH', body: patch, schema: topicAnswer })).topic;
}

export const AUDIT_PAGE_SIZE = 50;

export async function loadAuditPage(before: number | null, signal?: AbortSignal): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before) query.set('before', String(before));
  return apiFetch(`/api/admin/audit?${query.toString()}`, { schema: auditPageSchema, signal });
}
