/** Emails are compared and stored in this form: case-insensitive, so one mailbox is one account. */
export const normalizeEmail = (email: string): string => email.trim().normalize('NFC').toLowerCase();
