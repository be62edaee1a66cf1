// The hostile requests bench/hostile sends: the reproductions of issue 11 (items 1-3) and others
// built the same way. Each is {name, method, path, headers, body (Buffer|undefined), auth, reference}.
// Bodies are built once; `auth` cases carry the administrator's token; `reference` cases are
// legitimate requests measured for comparison, left out of the attack and of the target.
import { gzipSync } from 'node:zlib';

const ID = '00000000-0000-4000-8000-000000000000';
const MB2 = 2 * 1024 * 1024 - 64;

const forged = (key) => Buffer.from(JSON.stringify(key)).toString('base64url');
const json = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

function wideLogin(keys) {
  const body = { email: 'a@b.test', password: 'x' };
  for (let i = 0; i < keys; i++) body[`k${i}`] = 1;
  return json(body);
}

/** `{"email":…,"password":[[[…]]]}` as deep as fits in `bytes`. */
function deepLogin(bytes) {
  const depth = Math.floor((bytes - 40) / 2);
  return json(`{"email":"a@b.test","password":${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

/** The largest body the budget lets through to validation: 1,000 blocks of 3 unknown fields each (4,000 values). */
function widestValidStory() {
  const body = Array.from({ length: 1000 }, (_, i) => ({ a: i, b: 'x', c: null }));
  return json({ headline: 'x', body });
}

const post = (name, path, body, extra = {}) => ({ name, method: 'POST', path, headers: { 'content-type': 'application/json' }, body, ...extra });
const get = (name, path, extra = {}) => ({ name, method: 'GET', path, headers: {}, body: undefined, ...extra });

export function hostileCases({ storyId }) {
  const cases = [
    // Item 1: many keys.
    post('login 150,000 keys (1.7 MB)', '/api/auth/login', wideLogin(150_000)),
    post('login 40,000 keys', '/api/auth/login', wideLogin(40_000)),
    post('login 1,000 keys (under 16 KB)', '/api/auth/login', wideLogin(1_000)),
    post('story 150,000 keys, no token', '/api/admin/articles', wideLogin(150_000)),
    // Item 2: deep nesting.
    post('login password 10,000 deep (20 KB)', '/api/auth/login', deepLogin(20_000)),
    post('login password 2 MB deep', '/api/auth/login', deepLogin(MB2)),
    post('login password 7,000 deep (14 KB)', '/api/auth/login', deepLogin(14_000)),
    post('story 2 MB deep, no token', '/api/admin/articles', deepLogin(MB2)),
    // Our own: wide arrays, compressed bodies, many query parameters, long search.
    post('login password of 1M zeros (2 MB)', '/api/auth/login', json(`{"email":"a@b.test","password":[${'0,'.repeat(MB2 / 2 - 40)}0]}`)),
    post('login gzip bomb (100 MB inflated)', '/api/auth/login', gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x20)), {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    }),
    get('list with 1,000 query parameters', `/api/content/articles?${Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&')}`),
    // For reference (measured alone, not sent in the attack): a legitimate search at the longest q,
    // and a login with a wrong password, whose argon2id verification is slow by design (off the
    // event loop, and limited by login throttling, which the bench turns off).
    get(
      'search 200 characters (reference: legitimate)',
      `/api/content/search?q=${encodeURIComponent('美国国务卿布林肯俄罗斯外长拉夫罗夫日内瓦会面'.repeat(10).slice(0, 200))}`,
      { reference: true },
    ),
    post(
      'login wrong password (reference: argon2id)',
      '/api/auth/login',
      json({ email: 'bench-admin@newsroom.test', password: 'not the password' }),
      {
        reference: true,
      },
    ),
    // Item 3: text PostgreSQL cannot store.
    get('search q with NUL', '/api/content/search?q=a%00b'),
    get('story slug with NUL', '/api/content/articles/a%00b'),
    get('list tag with NUL', '/api/content/articles?tag=a%00b'),
    post('login email with NUL', '/api/auth/login', json({ email: 'a\u0000@b.test', password: 'x' })),
    post('login email with lone surrogate', '/api/auth/login', json('{"email":"x\\ud800@b.test","password":"x"}')),
    // Item 3: cursors PostgreSQL refuses.
    ...['1', '2020-02-30', '0', '+275760-09-13T00:00:00.000Z'].map((p) =>
      get(`public list cursor p=${p}`, `/api/content/articles?cursor=${forged({ p, id: ID })}`),
    ),
    // Authenticated (an administrator's token).
    post('story headline with NUL', '/api/admin/articles', json({ headline: 'a\u0000b' }), { auth: true }),
    post('section name with lone surrogate', '/api/admin/categories', json('{"name":"a\\ud800"}'), { auth: true }),
    get('admin q with NUL', '/api/admin/articles?q=a%00b', { auth: true }),
    get('audit cursor beyond bigint', `/api/admin/audit?cursor=${forged({ id: '9999999999999999999' })}`, { auth: true }),
    get('revisions cursor beyond int4', `/api/admin/articles/${storyId}/revisions?cursor=${forged({ n: 2 ** 40 })}`, { auth: true }),
    get('users cursor with NUL', `/api/admin/users?cursor=${forged({ email: 'a\u0000' })}`, { auth: true }),
    post('story with 1,000 invalid blocks (widest body validated)', '/api/admin/articles', widestValidStory(), { auth: true }),
  ];
  return cases;
}
