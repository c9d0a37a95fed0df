// A users row as the API shows it: the domain `User`, never the password hash.
import type { User } from '#domain/schemas/auth';
import type { UserRow } from './tokens';

export function toUserJson(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    spaceId: row.spaceId,
    locale: row.locale,
  };
}
