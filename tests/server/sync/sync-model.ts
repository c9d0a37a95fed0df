// A small in-memory model of the server's mutators for the property test: the same rules, written plainly,
// over a handful of records. It answers the expected outcome code of each mutation ('applied' or the
// refusal's code) and keeps the state the database should end in.
export interface ModelSession {
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  deleted: boolean;
  title: string;
  topicIds: string[];
  placeName: string;
  startDate: string;
  endDate: string;
  attendanceMode: 'roster' | 'headcount';
  headcount: { total: number; women: number; ethnicMinority: number } | null;
  reviewComment: string | null;
}
export interface ModelPerson {
  fullName: string;
  gender: string;
  deleted: boolean;
}
export interface ModelAttendance {
  sessionId: string;
  participantId: string;
  deleted: boolean;
}
export interface ModelPhoto {
  sessionId: string;
  caption: string | null;
  deleted: boolean;
}

export type Outcome =
  | 'applied'
  | 'invalid'
  | 'not_found'
  | 'forbidden'
  | 'session_locked'
  | 'invalid_transition'
  | 'duplicate_attendance'
  | 'incomplete';

type Args = Record<string, unknown> & { id: string };

export class SyncModel {
  sessions = new Map<string, ModelSession>();
  people = new Map<string, ModelPerson>();
  attendance = new Map<string, ModelAttendance>();
  photos = new Map<string, ModelPhoto>();

  apply(role: 'trainer' | 'organiser', name: string, args: Args): Outcome {
    if (name === 'session.review') return this.review(role, args);
    if (role !== 'trainer') return 'forbidden';
    switch (name) {
      case 'session.put':
        return this.sessionPut(args);
      case 'session.submit':
        return this.submit(args.id);
      case 'session.delete':
        return this.sessionDelete(args.id);
      case 'participant.put':
        return this.personPut(args);
      case 'participant.delete':
        return this.gone(this.people, args.id);
      case 'attendance.put':
        return this.attendancePut(args);
      case 'attendance.delete':
        return this.childDelete(this.attendance, args.id);
      case 'photo.put':
        return this.photoPut(args);
      case 'photo.delete':
        return this.childDelete(this.photos, args.id);
      default:
        throw new Error(`model has no ${name}`);
    }
  }

  private sessionPut({ id, ...patch }: Args): Outcome {
    // The args schema checks a headcount on its own, before the record is looked at.
    const given = patch.headcount as ModelSession['headcount'] | undefined;
    if (given && (given.women > given.total || given.ethnicMinority > given.total)) return 'invalid';
    const row = this.sessions.get(id);
    if (row?.deleted) return 'not_found';
    if (row?.status === 'approved') return 'session_locked';
    const base = row ?? { title: '', topicIds: [], placeName: '', attendanceMode: 'roster', endDate: patch.startDate };
    const merged = { headcount: null, ...base, ...patch } as ModelSession & { format?: string; provinceCode?: string };
    if (!row && (!patch.format || !patch.provinceCode || !patch.startDate)) return 'invalid';
    if (!merged.endDate || merged.endDate < merged.startDate) return 'invalid';
    this.sessions.set(id, {
      status: row?.status ?? 'draft',
      deleted: false,
      reviewComment: row?.reviewComment ?? null,
      title: merged.title,
      topicIds: merged.topicIds,
      placeName: merged.placeName,
      startDate: merged.startDate,
      endDate: merged.endDate,
      attendanceMode: merged.attendanceMode,
      headcount: merged.headcount ?? null,
    });
    return 'applied';
  }

  private submit(id: string): Outcome {
    const row = this.sessions.get(id);
    if (!row || row.deleted) return 'not_found';
    if (row.status !== 'draft' && row.status !== 'returned') return 'invalid_transition';
    const live = [...this.attendance.values()].filter((a) => a.sessionId === id && !a.deleted).length;
    const hasPeople = row.attendanceMode === 'roster' ? live > 0 : (row.headcount?.total ?? 0) > 0;
    if (row.title.trim() === '' || row.topicIds.length === 0 || row.placeName.trim() === '' || !hasPeople)
      return 'incomplete';
    row.status = 'submitted';
    return 'applied';
  }

  private sessionDelete(id: string): Outcome {
    const row = this.sessions.get(id);
    if (!row || row.deleted) return 'not_found';
    if (row.status === 'approved') return 'session_locked';
    row.deleted = true;
    for (const child of [...this.attendance.values(), ...this.photos.values()])
      if (child.sessionId === id) child.deleted = true;
    return 'applied';
  }

  private review(role: string, { id, decision, comment }: Args): Outcome {
    if (decision === 'return' && !comment) return 'invalid';
    if (role !== 'organiser') return 'forbidden';
    const row = this.sessions.get(id);
    if (!row || row.deleted) return 'not_found';
    if (row.status !== 'submitted') return 'invalid_transition';
    row.status = decision === 'approve' ? 'approved' : 'returned';
    row.reviewComment = (comment as string | undefined) ?? null;
    return 'applied';
  }

  private personPut({ id, ...patch }: Args): Outcome {
    const row = this.people.get(id);
    if (row?.deleted) return 'not_found';
    const merged = { ...row, ...patch } as Partial<ModelPerson> & { consent?: unknown };
    if (!row && (!patch.fullName || !patch.gender || !patch.consent)) return 'invalid';
    this.people.set(id, { fullName: merged.fullName!, gender: merged.gender!, deleted: false });
    return 'applied';
  }

  private gone(table: Map<string, { deleted: boolean }>, id: string): Outcome {
    const row = table.get(id);
    if (!row || row.deleted) return 'not_found';
    row.deleted = true;
    return 'applied';
  }

  /** The session a child names, as the server checks it: live, then not approved. */
  private openSession(sessionId: string): Outcome | undefined {
    const session = this.sessions.get(sessionId);
    if (!session || session.deleted) return 'not_found';
    if (session.status === 'approved') return 'session_locked';
    return undefined;
  }

  private attendancePut({ id, sessionId, participantId }: Args): Outcome {
    const row = this.attendance.get(id);
    if (row?.deleted) return 'not_found';
    if (row && (row.sessionId !== sessionId || row.participantId !== participantId)) return 'invalid';
    const refused = this.openSession(sessionId as string);
    if (refused) return refused;
    const person = this.people.get(participantId as string);
    if (!person || person.deleted) return 'not_found';
    const twin = [...this.attendance].some(
      ([otherId, a]) => otherId !== id && !a.deleted && a.sessionId === sessionId && a.participantId === participantId,
    );
    if (twin) return 'duplicate_attendance';
    this.attendance.set(id, { sessionId: sessionId as string, participantId: participantId as string, deleted: false });
    return 'applied';
  }

  private childDelete(table: Map<string, { sessionId: string; deleted: boolean }>, id: string): Outcome {
    const row = table.get(id);
    if (!row || row.deleted) return 'not_found';
    const refused = this.openSession(row.sessionId);
    if (refused) return refused;
    row.deleted = true;
    return 'applied';
  }

  private photoPut({ id, sessionId, caption, ...image }: Args): Outcome {
    const row = this.photos.get(id);
    if (row?.deleted) return 'not_found';
    if (row && sessionId !== undefined && sessionId !== row.sessionId) return 'invalid';
    const target = (row?.sessionId ?? sessionId) as string | undefined;
    if (!row && (!target || Object.keys(image).length === 0)) return 'invalid';
    const refused = this.openSession(target!);
    if (refused) return refused;
    this.photos.set(id, {
      sessionId: target!,
      caption: caption === undefined ? (row?.caption ?? null) : (caption as string | null),
      deleted: false,
    });
    return 'applied';
  }
}
