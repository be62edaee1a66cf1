// Bulk loader of published Chinese-language stories, for benchmarks (bench/content-api, and any
// other bench that needs a full newsroom). Writes with SQL, in batches, the rows the publish
// transaction writes (src/articles/editorial-store.service.ts): `article` (status published,
// revision 1 current and pinned), one `publish` revision in `article_revision` whose snapshot is the
// working copy, the reader's view in `published_article` (photos resolved, excerpt derived when the
// editor wrote none), and `article_media` rows for the photos used. Sections, reporters (user rows
// that cannot log in) and a library of photo records (rows only, no files) are created first.
//
//   import { loadPublishedArticles } from './bench/content-api/load-articles.mjs';
//   await loadPublishedArticles('postgres://postgres@127.0.0.1:5432/mydb', 100_000, { onProgress });
//
// The database must be migrated. Needs `npm run build` (the app's own slug, excerpt, photo and
// normalisation functions are used from dist/, so the rows are what the app would write). Search
// documents are not written: run the search reindexer afterwards when a bench needs them.
// Stories are deterministic for a given seed (ids and photo tokens are random).
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { editorialErrors, normaliseSnapshot } from '../../dist/src/articles/editorial-rules.js';
import { effectiveExcerpt } from '../../dist/src/articles/excerpt.js';
import { resolveBody, resolveFeaturedImage } from '../../dist/src/articles/photos.js';
import { slugify } from '../../dist/src/common/slug.js';
import { random } from '../support.mjs';
import { PHOTO_CREDITS, REPORTERS, SECTIONS, SHARED, TOPICS } from './vocabulary.mjs';

const SLUG_MAX = 80;
const LANGUAGE = 'zh-Hans';
/** Mean gap between two stories' first publication: about 96 stories a day, 100,000 in ~2.9 years. */
const MEAN_GAP_MS = 15 * 60 * 1000;
const FIELD_SEPARATOR = '\u001f';


const pick = (rand, list) => list[Math.floor(rand() * list.length)];
/** Earlier entries are much more frequent, as names and subjects are in real news. */
const pickSkewed = (rand, list) => list[Math.floor(list.length * rand() ** 2)];
const chance = (rand, p) => rand() < p;
const bytes = (text) => Buffer.byteLength(text, 'utf8');

/** Fills a pattern's slots from a topic's lists; records the names used (for tags). */
function fill(rand, pattern, topic, seen) {
  return pattern.replace(/\{([A-Z])\}/gu, (_, slot) => {
    switch (slot) {
      case 'P': {
        const person = pickSkewed(rand, topic.people);
        seen?.add(person);
        return person;
      }
      case 'L': {
        const place = pickSkewed(rand, topic.places);
        seen?.add(place);
        return place;
      }
      case 'O': {
        const org = pickSkewed(rand, topic.orgs);
        seen?.add(org);
        return org;
      }
      case 'S':
        return pickSkewed(rand, topic.subjects);
      case 'A':
        return pick(rand, topic.actions);
      case 'E':
        return pick(rand, topic.events);
      case 'T':
        return pick(rand, SHARED.times);
      case 'N':
        return String(chance(rand, 0.5) ? 2 + Math.floor(rand() * 98) : 100 + Math.floor(rand() * 4900));
      case 'U':
        return pick(rand, SHARED.units);
      case 'Q':
        return pick(rand, SHARED.quotes);
      case 'Y':
        return pick(rand, SHARED.says);
      case 'J':
        return pick(rand, SHARED.judgements);
      case 'C':
        return chance(rand, 0.4) ? pick(rand, SHARED.connectives) : '';
      default:
        return '';
    }
  });
}

function paragraph(rand, topic, seen) {
  const count = 2 + Math.floor(rand() * 3);
  let text = '';
  for (let i = 0; i < count; i++) text += fill(rand, pick(rand, SHARED.sentences), topic, seen);
  return text;
}

/** Weighted choice of a section. */
function sectionPicker(sections) {
  const total = sections.reduce((sum, s) => sum + s.weight, 0);
  return (rand) => {
    let u = rand() * total;
    for (const s of sections) if ((u -= s.weight) < 0) return s;
    return sections[sections.length - 1];
  };
}

/** ~`targetBytes` of body text (UTF-8): paragraphs, now and then a subheading, a quote, a list or a photo. */
function composeBody(rand, topic, targetBytes, photoIds, seen) {
  const body = [];
  let size = 0;
  let subheadings = 0;
  const add = (block, text) => {
    body.push(block);
    size += bytes(text);
  };
  const lead = paragraph(rand, topic, seen);
  add({ type: 'paragraph', text: lead }, lead);
  if (photoIds.length && chance(rand, 0.25)) {
    const caption = chance(rand, 0.5) ? fill(rand, pick(rand, SHARED.captions), topic, null) : null;
    add({ type: 'image', mediaId: pick(rand, photoIds), caption, credit: null, altText: null }, caption ?? '');
  }
  while (size < targetBytes) {
    const u = rand();
    if (u < 0.07 && subheadings < 3 && body.length > 2) {
      const text = pick(rand, SHARED.subheadings);
      subheadings++;
      add({ type: 'subheading', text }, text);
    } else if (u < 0.12) {
      const text = pick(rand, SHARED.quotes) + '。';
      add({ type: 'quote', text, attribution: pickSkewed(rand, topic.people) }, text);
    } else if (u < 0.14) {
      const items = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => fill(rand, pick(rand, SHARED.listItems), topic, null));
      add({ type: 'list', items }, items.join(''));
    } else {
      const text = paragraph(rand, topic, seen);
      add({ type: 'paragraph', text }, text);
    }
  }
  return body;
}

function datelineOf(place, at) {
  return `${place}${at.getUTCDate()}日讯`;
}

/** Sections (top-level first), created when missing; returns them with their ids. */
async function ensureSections(client) {
  const bySlug = new Map();
  for (const [position, section] of SECTIONS.entries()) {
    const parentId = section.parent ? bySlug.get(section.parent).id : null;
    await client.query(
      `INSERT INTO category (name, slug, parent_id, description, position) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO NOTHING`,
      [section.name, section.slug, parentId, section.description, position],
    );
    const { rows } = await client.query('SELECT id FROM category WHERE slug = $1', [section.slug]);
    bySlug.set(section.slug, { ...section, id: rows[0].id });
  }
  return [...bySlug.values()];
}

/** Reporters as user rows that cannot log in (no valid password hash), created when missing. */
async function ensureReporters(client) {
  const emails = REPORTERS.map((_, i) => `reporter-${String(i + 1).padStart(2, '0')}@bench.newsroom.test`);
  await client.query(
    `INSERT INTO "user" (email, display_name, password_hash)
     SELECT email, name, '!bench-no-login' FROM unnest($1::text[], $2::text[]) AS t(email, name)
     ON CONFLICT (email) DO NOTHING`,
    [emails, REPORTERS],
  );
  const { rows } = await client.query('SELECT id, display_name FROM "user" WHERE email = ANY($1::text[]) ORDER BY email', [emails]);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** A library of photo records (rows as an upload leaves them: original + 6 renditions, no files). */
async function createPhotoLibrary(client, count, rand) {
  const sizes = [
    [4000, 3000],
    [6000, 4000],
    [4032, 3024],
    [3000, 2000],
    [2400, 1600],
  ];
  const topics = Object.values(TOPICS);
  const assets = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const token = randomBytes(6).toString('hex');
    const [width, height] = pick(rand, sizes);
    const renditions = [];
    for (const [name, w] of [
      ['thumb', 320],
      ['medium', 800],
      ['large', 1600],
    ]) {
      const h = name === 'thumb' ? 320 : Math.round((w * height) / width);
      for (const format of ['webp', 'jpeg']) {
        renditions.push({
          name,
          format,
          width: w,
          height: h,
          bytes: Math.round(w * h * (format === 'webp' ? 0.12 : 0.2)),
          storageKey: `renditions/${id}/${token}/${name}.${format}`,
          sha256: randomBytes(32).toString('hex'),
        });
      }
    }
    assets.push({
      id,
      storageKey: `originals/${id}/${token}`,
      originalFilename: `IMG_${String(1000 + i)}.jpg`,
      bytes: Math.round(width * height * 0.25),
      width,
      height,
      sha256: randomBytes(32).toString('hex'),
      renditions,
      caption: fill(rand, pick(rand, SHARED.captions), pick(rand, topics), null),
      credit: pick(rand, PHOTO_CREDITS),
      altText: chance(rand, 0.4) ? '新闻现场照片' : null,
    });
  }
  await client.query(
    `INSERT INTO media_asset (id, kind, status, storage_key, original_filename, mime, bytes, width, height, sha256, renditions, caption, credit, alt_text, version)
     SELECT id, 'image', 'ready', storage_key, original_filename, 'image/jpeg', bytes, width, height, sha256, renditions, caption, credit, alt_text, 1
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[])
       AS t(id, storage_key, original_filename, bytes, width, height, sha256, renditions, caption, credit, alt_text)`,
    [
      assets.map((a) => a.id),
      assets.map((a) => a.storageKey),
      assets.map((a) => a.originalFilename),
      assets.map((a) => a.bytes),
      assets.map((a) => a.width),
      assets.map((a) => a.height),
      assets.map((a) => a.sha256),
      assets.map((a) => JSON.stringify(a.renditions)),
      assets.map((a) => a.caption),
      assets.map((a) => a.credit),
      assets.map((a) => a.altText),
    ],
  );
  return new Map(assets.map((a) => [a.id, a]));
}

/** One story: the normalised snapshot plus what the publish transaction derives from it. */
function composeStory(context, index) {
  const { rand, pickSection, reporters, photoIds, photos, slugs, now } = context;
  const section = pickSection(rand);
  const topic = TOPICS[section.topic];
  const seen = new Set();
  context.clock -= Math.max(1000, Math.round(-Math.log(1 - rand()) * MEAN_GAP_MS));
  const publishedAt = new Date(context.clock);
  const headline = fill(rand, pick(rand, topic.headlines), topic, seen);
  const body = composeBody(rand, topic, 2600 + Math.floor(rand() * 800), photoIds, seen);
  const wireStory = section.topic === 'world' && chance(rand, 0.4);
  const authors = wireStory ? [] : chance(rand, 0.8) ? [pick(rand, reporters)] : [pick(rand, reporters), pick(rand, reporters)];
  const byline = wireStory
    ? pick(rand, ['综合外电', '路透社', '法新社', '综合报道'])
    : `本报记者 ${[...new Set(authors.map((a) => a.displayName))].join('、')}`;
  const tags = [...seen].slice(0, 2 + Math.floor(rand() * 3));
  if (chance(rand, 0.3)) tags.push(section.name);
  const featuredImage =
    photoIds.length && chance(rand, 0.65)
      ? {
          mediaId: pick(rand, photoIds),
          caption: chance(rand, 0.3) ? fill(rand, pick(rand, SHARED.captions), topic, null) : null,
          credit: null,
          altText: null,
        }
      : null;

  let base = slugify(headline, SLUG_MAX) || `article-${index}`;
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) {
    const suffix = `-${n}`;
    slug = `${base.length + suffix.length > SLUG_MAX ? base.slice(0, SLUG_MAX - suffix.length).replace(/-[^-]*$/u, '') : base}${suffix}`;
  }
  slugs.add(slug);

  const snapshot = normaliseSnapshot({
    headline,
    subheadline: chance(rand, 0.4) ? fill(rand, pick(rand, SHARED.excerpts), topic, null) : null,
    slug,
    dateline: chance(rand, 0.85) ? datelineOf(pick(rand, topic.places), publishedAt) : null,
    language: LANGUAGE,
    body,
    excerpt: chance(rand, 0.25) ? fill(rand, pick(rand, SHARED.excerpts), topic, null) : null,
    featuredImage,
    categoryId: section.id,
    tags,
    authors: authors.map((a) => a.id),
    byline,
  });
  const errors = editorialErrors(snapshot);
  if (errors.length) throw new Error(`generated story ${index} is invalid: ${JSON.stringify(errors)}`);

  const resolvedBody = resolveBody(snapshot.body, photos);
  const hasBodyPhotos = snapshot.body.some((b) => b.type === 'image');
  const mediaIds = [
    ...new Set([snapshot.featuredImage?.mediaId, ...snapshot.body.filter((b) => b.type === 'image').map((b) => b.mediaId)].filter(Boolean)),
  ];
  const names = new Map(reporters.map((r) => [r.id, r.displayName]));
  return {
    id: randomUUID(),
    snapshot,
    publishedAt,
    createdAt: new Date(publishedAt.getTime() - Math.round((20 + rand() * 160) * 60_000)),
    createdBy: snapshot.authors[0] ?? null,
    // Null when it equals the working copy's body (no photos to resolve): taken from `article` in SQL.
    liveBody: hasBodyPhotos ? resolvedBody : null,
    excerpt: effectiveExcerpt(snapshot.excerpt, snapshot.body),
    liveFeaturedImage: resolveFeaturedImage(snapshot.featuredImage, photos),
    liveAuthors: snapshot.authors.filter((id) => names.has(id)).map((id) => ({ id, displayName: names.get(id) })),
    mediaIds,
  };
}

const json = (value) => (value === null || value === undefined ? null : JSON.stringify(value));

async function insertBatch(client, stories) {
  const s = (f) => stories.map(f);
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO article (id, slug, status, version, headline, subheadline, dateline, language, body, excerpt, featured_image, category_id,
         tags, author_ids, byline, current_revision, published_revision, published_at, live_updated_at, created_by_id, created_at, updated_at)
       SELECT id, slug, 'published', 1, headline, subheadline, dateline, language, body, excerpt, featured_image, category_id,
         string_to_array(tags, E'\\x1f'), string_to_array(author_ids, ',')::uuid[], byline, 1, 1, published_at, published_at, created_by, created_at, published_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::jsonb[], $10::uuid[],
                   $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::uuid[], $16::timestamptz[])
         AS t(id, slug, headline, subheadline, dateline, language, body, excerpt, featured_image, category_id,
              tags, author_ids, byline, published_at, created_by, created_at)`,
      [
        s((x) => x.id),
        s((x) => x.snapshot.slug),
        s((x) => x.snapshot.headline),
        s((x) => x.snapshot.subheadline),
        s((x) => x.snapshot.dateline),
        s((x) => x.snapshot.language),
        s((x) => json(x.snapshot.body)),
        s((x) => x.snapshot.excerpt),
        s((x) => json(x.snapshot.featuredImage)),
        s((x) => x.snapshot.categoryId),
        s((x) => x.snapshot.tags.join(FIELD_SEPARATOR)),
        s((x) => x.snapshot.authors.join(',')),
        s((x) => x.snapshot.byline),
        s((x) => x.publishedAt.toISOString()),
        s((x) => x.createdBy),
        s((x) => x.createdAt.toISOString()),
      ],
    );
    const ids = s((x) => x.id);
    // The snapshot is the working copy (snapshotOf in src/articles/snapshot.ts), built from the row just written.
    await client.query(
      `INSERT INTO article_revision (article_id, number, snapshot, reason, note, author_id, created_at)
       SELECT a.id, 1, jsonb_build_object('headline', a.headline, 'subheadline', a.subheadline, 'slug', a.slug, 'dateline', a.dateline,
         'language', a.language, 'body', a.body, 'excerpt', a.excerpt, 'featuredImage', a.featured_image, 'categoryId', a.category_id,
         'tags', to_jsonb(a.tags), 'authors', to_jsonb(a.author_ids), 'byline', a.byline), 'publish', NULL, a.created_by_id, a.published_at
       FROM article a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    await client.query(
      `INSERT INTO published_article (article_id, slug, headline, subheadline, dateline, language, body, excerpt, featured_image, category_id,
         tags, authors, byline, published_at, updated_at)
       SELECT a.id, a.slug, a.headline, a.subheadline, a.dateline, a.language, coalesce(t.body, a.body), t.excerpt, t.featured_image, a.category_id,
         a.tags, t.authors, a.byline, a.published_at, a.live_updated_at
       FROM unnest($1::uuid[], $2::jsonb[], $3::text[], $4::jsonb[], $5::jsonb[]) AS t(id, body, excerpt, featured_image, authors)
       JOIN article a ON a.id = t.id`,
      [ids, s((x) => json(x.liveBody)), s((x) => x.excerpt), s((x) => json(x.liveFeaturedImage)), s((x) => JSON.stringify(x.liveAuthors))],
    );
    const uses = stories.flatMap((x) => x.mediaIds.map((m) => [x.id, m]));
    if (uses.length)
      await client.query(
        `INSERT INTO article_media (article_id, media_id, published)
         SELECT t.a, t.m, v.p FROM unnest($1::uuid[], $2::uuid[]) AS t(a, m) CROSS JOIN (VALUES (false), (true)) AS v(p)`,
        [uses.map((u) => u[0]), uses.map((u) => u[1])],
      );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Inserts `count` published stories (newest published a few minutes before `now`, older ones at
 * ~15-minute gaps) into the migrated database at `databaseUrl`, then VACUUM ANALYZEs the tables.
 *
 * Options: onProgress({loaded, count, elapsedMs}) after each batch; batchSize (1000); seed;
 * now (ms, Date.now()); photos (size of the photo library, 400; 0 for stories without photos);
 * analyze (true).
 * Returns {count, sections, reporters, photos, elapsedMs, bodyBytes (mean UTF-8 body text size)}.
 */
export async function loadPublishedArticles(databaseUrl, count, options = {}) {
  const { onProgress, batchSize = 1000, seed = 20_240_601, now = Date.now(), photos: photoCount = 400, analyze = true } = options;
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'masthead-bench-loader' });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const rand = random(seed);
    const sections = await ensureSections(client);
    const reporters = await ensureReporters(client);
    const photos = photoCount > 0 ? await createPhotoLibrary(client, photoCount, rand) : new Map();
    const { rows: taken } = await client.query('SELECT slug FROM article WHERE deleted_at IS NULL');
    const context = {
      rand,
      pickSection: sectionPicker(sections),
      reporters,
      photos,
      photoIds: [...photos.keys()],
      slugs: new Set(taken.map((r) => r.slug)),
      clock: now - 5 * 60_000,
    };
    let bodyBytes = 0;
    let loaded = 0;
    let pending = null;
    // Composes the next batch while the previous one is being inserted.
    while (loaded < count) {
      const size = Math.min(batchSize, count - loaded);
      const stories = [];
      for (let i = 0; i < size; i++) {
        // Lets the previous batch's statements go out and come back meanwhile.
        if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
        const story = composeStory(context, loaded + i);
        for (const block of story.snapshot.body) bodyBytes += bytes(block.text ?? (block.items ?? []).join('') ?? '');
        stories.push(story);
      }
      if (pending) await pending;
      loaded += size;
      const done = loaded;
      pending = insertBatch(client, stories).then(() => onProgress?.({ loaded: done, count, elapsedMs: performance.now() - started }));
    }
    await pending;
    if (analyze) await client.query('VACUUM (ANALYZE) category, "user", media_asset, article, article_revision, published_article, article_media');
    return {
      count,
      sections: sections.map(({ id, name, slug, parent }) => ({ id, name, slug, parent: parent ?? null })),
      reporters,
      photos: photos.size,
      elapsedMs: performance.now() - started,
      bodyBytes: count ? Math.round(bodyBytes / count) : 0,
    };
  } finally {
    await client.end();
  }
}
