// `npm run user:reset-password -- EMAIL`: for an operator at the server whose administrator (or any
// user) lost their password. Prints a new generated password once, ends the account's sessions,
// lifts a login lockout on it, and records both in the audit log. Exit status: 0 done, 1 no such
// user or the database could not be reached, 2 bad arguments.
import 'reflect-metadata';
import { LoginThrottleService } from '../auth/login-throttle.service.js';
import { NotFoundProblem } from '../common/problem.js';
import { loadConfig } from '../config/config.js';
import { UsersService } from '../users/users.service.js';
import { log, withAppContext } from './app-context.js';

const USAGE = 'usage: npm run user:reset-password -- EMAIL';

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    log(USAGE);
    return 2;
  }
  const email = args[0];
  return withAppContext(loadConfig(process.env), async (app) => {
    try {
      const reset = await app.get(UsersService).resetForgottenPassword(email);
      await app.get(LoginThrottleService).unlock(null, reset.id);
      process.stdout.write(`New password for ${reset.email}: ${reset.password}\n`);
      log('Every session of this account has ended. Sign in with the new password, then change it (POST /api/auth/password or the console).');
      if (!reset.active) log('Note: the account is deactivated; an administrator must reactivate it before it can sign in.');
      return 0;
    } catch (error) {
      if (error instanceof NotFoundProblem) {
        log(`No user has the email ${email}.`);
        return 1;
      }
      throw error;
    }
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`reset failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
