import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from './role.entity.js';

@Entity('user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** Stored lower-cased: email is case-insensitive and unique. */
  @Column({ type: 'text', unique: true }) email: string;

  @Column({ type: 'text' }) displayName: string;

  /** argon2id; never leaves the service layer. */
  @Column({ type: 'text', select: false }) passwordHash: string;

  @Column({ type: 'boolean', default: true }) active: boolean;

  /** Bumped on deactivation, role change or password reset: access tokens carrying an older value stop working. */
  @Column({ type: 'integer', default: 0 }) tokenVersion: number;

  @ManyToMany(() => Role, { eager: false })
  @JoinTable({ name: 'user_role', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'role_id' } })
  roles: Role[];

  @Column({ type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
