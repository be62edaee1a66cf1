import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Permission } from '../access/permissions.js';

@Entity('role')
export class Role {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'text', unique: true }) name: string;

  @Column({ type: 'text', default: '' }) description: string;

  /** Built-in roles are seeded by migration and cannot be deleted. */
  @Column({ type: 'boolean', default: false }) builtIn: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" }) permissions: Permission[];

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
