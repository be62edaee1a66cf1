// The SQL of ending sessions. A session is one refresh-token family (one login and its rotations);
// access tokens carry its id as `sid`. A session has ended when a token of its family was revoked
// without being replaced (logout, a reused token, a password change, deactivation): rotation
// replaces, everything else ends. Each end is announced on commit, so every process hears it.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export const SESSION_ENDED_CHANNEL = 'masthead_session_ended';

interface FamilyRow {
  family_id: string;
}

@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ends the sessions of the live refresh tokens matched by `where`; returns the families ended. */
  private async end(manager: EntityManager, where: string, parameter: string): Promise<string[]> {
    const rows = await manager.query<FamilyRow[]>(
      `WITH ended AS (
         UPDATE refresh_token SET revoked_at = now() WHERE ${where} AND revoked_at IS NULL RETURNING family_id)
       SELECT family_id, pg_notify($2, family_id::text) FROM (SELECT DISTINCT family_id FROM ended) AS f`,
      [parameter, SESSION_ENDED_CHANNEL],
    );
    return rows.map((r) => r.family_id);
  }

  /** Logout, a reused refresh token, or a token whose user was deactivated: one session ends. */
  endFamily(manager: EntityManager, familyId: string): Promise<string[]> {
    return this.end(manager, 'family_id = $1', familyId);
  }

  /** A password change, deactivation, a role change or a password reset: every session of the user ends. */
  endAllForUser(manager: EntityManager, userId: string): Promise<string[]> {
    return this.end(manager, 'user_id = $1', userId);
  }

  /** Sessions that ended within the last `seconds` (their access tokens may not have expired yet). */
  async endedWithin(seconds: number): Promise<string[]> {
    const rows = await this.dataSource.query<FamilyRow[]>(
      `SELECT DISTINCT family_id FROM refresh_token
        WHERE replaced_by_id IS NULL AND revoked_at > now() - make_interval(secs => $1)`,
      [seconds],
    );
    return rows.map((r) => r.family_id);
  }

  async hasEnded(familyId: string): Promise<boolean> {
    const rows = await this.dataSource.query<Array<{ ended: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM refresh_token WHERE family_id = $1 AND revoked_at IS NOT NULL AND replaced_by_id IS NULL) AS ended`,
      [familyId],
    );
    return rows[0].ended;
  }
}
