import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { PreviewsController } from './previews/previews.controller.js';
import { PreviewsService } from './previews/previews.service.js';
import { SiteLinks } from './site-links.js';
import { SitemapRepository } from './sitemaps/sitemap.repository.js';
import { SitemapsService } from './sitemaps/sitemaps.service.js';
import { VariantConverters } from './variants/variant-converters.js';

/**
 * What leaves Masthead besides the JSON content API: reader-site links, script variants, sitemaps,
 * preview links (and, beside them, webhooks). The public routes that serve feeds, sitemaps and
 * previews live in content/, which owns the public response cache.
 */
@Module({
  imports: [ArticlesModule],
  controllers: [PreviewsController],
  providers: [SiteLinks, VariantConverters, SitemapRepository, SitemapsService, PreviewsService],
  exports: [SiteLinks, VariantConverters, SitemapsService, PreviewsService],
})
export class DistributionModule {}
