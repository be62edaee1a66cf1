// A story's tsvector reaches PostgreSQL in two forms: binary when one story is indexed (every
// publish and save), text in bulk (search:reindex). Both must give PostgreSQL the same tsvector,
// or a story would match and rank differently depending on how it was last indexed.
import pg from 'pg';
import { getDefaultTokenizer } from '../../src/search/tokenizer.js';
import { Tsvector, type Weight } from '../../src/search/tsvector.js';
import { createTestDatabase } from '../support/databases.js';

describe('tsvector forms', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  /** What PostgreSQL makes of each form, as its text output. */
  async function read(document: Tsvector): Promise<{ binary: string; text: string }> {
    const { rows } = await client.query<{ binary: string; text: string }>('SELECT $1::tsvector::text AS binary, $2::text::tsvector::text AS text', [
      document.binary(),
      document.literal(),
    ]);
    return rows[0];
  }

  const part = (tokens: string[], weight: Weight) => ({ tokens, weight });

  it('reads a story the same in both forms', async () => {
    const tokenizer = getDefaultTokenizer();
    const document = Tsvector.of(
      [
        part(tokenizer.tokenize('布林肯与拉夫罗夫日内瓦会面'), 'A'),
        part(tokenizer.tokenize('北約東擴 NATO’s reply'), 'B'),
        part(tokenizer.tokenize('（日内瓦22日讯）美国国务卿布林肯与俄罗斯外长拉夫罗夫会面，讨论北约东扩与乌克兰局势。'), 'C'),
      ],
      ['@w1:2863', '@w4:715'],
    );
    const { binary, text } = await read(document);
    expect(binary).toBe(text);
    expect(binary).toContain("'布林肯':2A,20C");
    expect(binary).toContain("'@w1:2863'");
  });

  it('reads quotes, backslashes, capped positions and long position lists the same in both forms', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? '北约' : `w${i % 7}`));
    const document = Tsvector.of([part(["it's", 'a\\b', 'x'], 'A'), part(many, 'C'), part(['尾声'], 'B')], ['@w1:1']);
    const { binary, text } = await read(document);
    expect(binary).toBe(text);
    // PostgreSQL keeps 256 positions of a lexeme, and a word past position 16383 sits at 16383.
    expect(binary).toMatch(/'北约':4C(,\d+C){255} /u);
    expect(binary).toContain("'尾声':16383B");
    expect(binary).toContain("'it''s':1A");
  });
});
