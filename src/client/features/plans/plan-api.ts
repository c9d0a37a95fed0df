// Saving a plan through the admin API: PATCH the targets of an existing plan, or POST (an upsert of the
// unit, year and topic) a new one. Targets are checked with the domain schema first, and each problem
// becomes a locale key the row shows under its field.
import { z } from 'zod';
import {
  planRecordSchema,
  planUpsertRequestSchema,
  type PlanRecord,
  type PlanUpsertRequest,
} from '#domain/schemas/admin';
import type { Plan } from '#domain/schemas/reference';
import { apiFetch } from '#client/sync/api.ts';

const planResponseSchema = z.object({ plan: planRecordSchema });

export async function savePlan(existing: Plan | undefined, request: PlanUpsertRequest): Promise<PlanRecord> {
  const targets = { targetSessions: request.targetSessions, targetParticipantTurns: request.targetParticipantTurns };
  const { plan } = existing
    ? await apiFetch(`/api/admin/plans/${existing.id}`, { method: 'PATCH', body: targets, schema: planResponseSchema })
    : await apiFetch('/api/admin/plans', { method: 'POST', body: request, schema: planResponseSchema });
  return plan;
}

export interface TargetInput {
  targetSessions: string;
  targetParticipantTurns: string;
}

export type TargetErrors = Partial<Record<keyof TargetInput, string>>;

/** The typed targets as a plan request, or a locale key (plans:errors.*) per field that is wrong. */
export function parseTargets(
  input: TargetInput,
  identity: Pick<PlanUpsertRequest, 'unitId' | 'year' | 'topicId'>,
): { request: PlanUpsertRequest } | { errors: TargetErrors } {
  const errors: TargetErrors = {};
  const numbers: Partial<Record<keyof TargetInput, number>> = {};
  for (const field of ['targetSessions', 'targetParticipantTurns'] as const) {
    const text = input[field].trim();
    if (!text) errors[field] = 'errors.required';
    else if (!/^-?\d+$/.test(text)) errors[field] = 'errors.notInteger';
    else numbers[field] = Number(text);
  }
  const parsed = planUpsertRequestSchema.safeParse({ ...identity, ...numbers });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'targetSessions' || field === 'targetParticipantTurns') && !errors[field]) {
        errors[field] =
          issue.code === 'too_small'
            ? 'errors.negative'
            : issue.code === 'too_big'
              ? 'errors.tooLarge'
              : 'errors.notInteger';
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { request: parsed.data };
}
