// The admin bench's newsroom: editor accounts (rows with real argon2id hashes, made with the app's own
// hashing, and the built-in `editor` role), each logged in once through the API, each with a story of
// their own to work on; and the HTTP client the editors use (one keep-alive connection each).
import { Agent, request as httpRequest } from 'node:http';
import pg from 'pg';
import { hashPassword } from '../../dist/src/users/passwords.js';

const PASSWORD = 'a long bench passphrase for editors 9';
export const editorEmail = (i) => `bench-editor-${String(i + 1).padStart(2, '0')}@newsroom.test`;

/** Sentences an editor adds while revising (a fact checked, a quote added): each save changes a few words. */
const REVISIONS = [
  '记者今日再度向有关部门求证，对方表示将在稍后发表正式声明。',
  '据了解，相关单位已于昨晚召开紧急会议，商讨下一步的应对措施。',
  '多名受访民众表示，希望当局尽快公布详细资料，以免谣言四起。',
  '有关方面强调，一切将依照既定程序处理，并欢迎公众提供线索。',
  '截至本报截稿时，事件仍在发展中，本报将持续跟进报道。',
  '消息人士透露，最终决定预料将在下周内揭晓。',
  '该组织发言人在声明中指出，他们对调查结果表示尊重。',
];

/** Creates the editors when missing (one argon2id hash for all: hashing is not what is measured). */
export async function ensureEditors(databaseUrl, count) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'masthead-bench-setup' });
  await client.connect();
  try {
    const emails = Array.from({ length: count }, (_, i) => editorEmail(i));
    const hash = await hashPassword(PASSWORD);
    await client.query(
      `INSERT INTO "user" (email, display_name, password_hash)
       SELECT email, '编辑' || lpad(n::text, 2, '0'), $2 FROM unnest($1::text[]) WITH ORDINALITY AS t(email, n)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
      [emails, hash],
    );
    await client.query(
      `INSERT INTO user_role (user_id, role_id) SELECT u.id, r.id FROM "user" u, role r WHERE u.email = ANY($1::text[]) AND r.name = 'editor' ON CONFLICT DO NOTHING`,
      [emails],
    );
    return emails;
  } finally {
    await client.end();
  }
}

/**
 * `count` story bodies (~3 KB of Chinese text each) and headlines taken from the loaded stories,
 * the same ones for a given database, to start each editor's own story from.
 */
export async function sourceStories(databaseUrl, count) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'masthead-bench-setup' });
  await client.connect();
  try {
    await client.query('SELECT setseed(0.16)');
    const { rows } = await client.query(
      `SELECT headline, body, category_id FROM article
       WHERE deleted_at IS NULL AND status = 'published' AND jsonb_array_length(body) > 3
       ORDER BY random() LIMIT $1`,
      [count],
    );
    if (rows.length < count) throw new Error(`only ${rows.length} stories to start the editors' stories from`);
    return rows.map((r) => ({ headline: r.headline, body: r.body, categoryId: r.category_id }));
  } finally {
    await client.end();
  }
}

/** The body of an editor's `n`-th save: the story's first paragraphs with one of them revised. */
export function revisedBody(body, n) {
  const paragraphs = body.flatMap((block, i) => (block.type === 'paragraph' ? [i] : []));
  const at = paragraphs[n % Math.min(paragraphs.length, 3)];
  const extra = REVISIONS[n % REVISIONS.length];
  return body.map((block, i) => (i === at ? { ...block, text: block.text + extra } : block));
}

/** One editor's HTTP client: a single keep-alive connection, JSON in and out. */
export function editorClient(base) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { hostname, port } = new URL(base);
  let token = null;
  const send = (method, path, body, headers = {}, retry = true) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = httpRequest(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            accept: 'application/json',
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      // The server closes a connection idle for 5 s; a request sent on it just then is sent again
      // on a new one (Node's advice for keep-alive clients).
      req.on('error', (error) =>
        retry && req.reusedSocket && error.code === 'ECONNRESET' ? resolve(send(method, path, body, headers, false)) : reject(error),
      );
      req.end(payload);
    });
  return {
    send,
    setToken: (value) => (token = value),
    close: () => agent.destroy(),
  };
}

const versionOf = (res) => Number(/"(\d+)"/.exec(res.headers.etag ?? '')?.[1]);

/** Keeps the version the server last answered with (412 carries the current one): the next write uses it. */
function track(editor, res) {
  if (res.status === 200) editor.version = versionOf(res);
  else if (res.status === 412) editor.version = JSON.parse(res.text).currentVersion;
  return res;
}

/** Logs in once (as an editor does in the morning), then starts a draft of their own. */
export async function prepareEditor(base, email, source, index) {
  const client = editorClient(base);
  const login = await client.send('POST', '/api/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login of ${email} answered ${login.status}: ${login.text}`);
  client.setToken(JSON.parse(login.text).accessToken);
  const created = await client.send('POST', '/api/admin/articles', {
    headline: `${source.headline}（${index + 1}）`,
    body: source.body,
    categoryId: source.categoryId,
    language: 'zh-Hans',
  });
  if (created.status !== 201) throw new Error(`creating ${email}'s story answered ${created.status}: ${created.text}`);
  return { email, client, storyId: JSON.parse(created.text).id, version: versionOf(created), body: source.body, saves: 0 };
}

/** Saves the next revision of the editor's story (If-Match with the version last seen). */
export async function saveStory(editor) {
  editor.saves += 1;
  const res = await editor.client.send(
    'PATCH',
    `/api/admin/articles/${editor.storyId}`,
    { body: revisedBody(editor.body, editor.saves) },
    { 'if-match': `"${editor.version}"` },
  );
  return track(editor, res);
}

/** Publishes the story's newest revision (If-Match with the version last seen). */
export async function publishStory(editor) {
  const res = await editor.client.send('POST', `/api/admin/articles/${editor.storyId}/publish`, {}, { 'if-match': `"${editor.version}"` });
  return track(editor, res);
}
