import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A section of the paper (国际, 体育 › 足球): a tree ordered by `position` among siblings. */
@Entity('category')
export class Category {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'text' }) name: string;

  @Index('uq_category_slug', { unique: true }) @Column({ type: 'text' }) slug: string;

  @Index('idx_category_parent') @Column({ type: 'uuid', nullable: true }) parentId: string | null;

  // RESTRICT: a section with sub-sections is never deleted from under them.
  @ManyToOne(() => Category, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_category_parent' })
  parent?: Category | null;

  @Column({ type: 'text', nullable: true }) description: string | null;

  @Column({ type: 'integer', default: 0 }) position: number;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
