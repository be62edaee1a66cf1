import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MediaAsset } from '../media/media-asset.entity.js';
import { Article } from './article.entity.js';

/**
 * Which photos a story uses: `published = false` rows for the working copy, `true` for the live
 * version. Rewritten with every save and publish. The media library reads it to refuse deleting a
 * photo in use and to serve renditions only of photos in published stories.
 */
@Entity('article_media')
export class ArticleMedia {
  @PrimaryColumn({ type: 'uuid' }) articleId: string;
  @ManyToOne(() => Article, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'fk_article_media_article' })
  article?: Article;

  @Index('idx_article_media_media') @PrimaryColumn({ type: 'uuid' }) mediaId: string;
  // RESTRICT: a photo a story uses cannot vanish from under it (the library answers 409 first).
  @ManyToOne(() => MediaAsset, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'media_id', foreignKeyConstraintName: 'fk_article_media_media' })
  media?: MediaAsset;

  @PrimaryColumn({ type: 'boolean' }) published: boolean;
}
