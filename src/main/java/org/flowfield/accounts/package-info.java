/**
 * Accounts: signing up, looking accounts up and checking passwords ({@link
 * org.flowfield.accounts.AccountService}), with the rules a username and a password must follow
 * ({@link org.flowfield.accounts.AccountRules}, checked by {@link
 * org.flowfield.accounts.AccountValidator} with one message per problem).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Usernames are case-insensitive. Sign-up, log-in and look-up strip leading and trailing
 *       white space and turn the username to lower case, and the lower-case form is what is
 *       stored, so the database's unique constraint on {@code account.username} alone keeps
 *       "Alice" and "alice" from both existing, even when two sign-ups race.</li>
 *   <li>Usernames use ASCII letters, digits, '.', '_' and '-' only, so that lower-casing is the
 *       same in every locale and no two names look alike.</li>
 *   <li>Passwords are hashed with bcrypt, which ignores everything after a password's first 72
 *       UTF-8 bytes. Rather than silently ignore the rest (or pre-hash, which makes the stored
 *       hash depend on a second algorithm), sign-up rejects passwords longer than 72 bytes, and
 *       log-in never accepts one. Passwords are taken exactly as typed: never stripped or
 *       normalised.</li>
 *   <li>The password hash never leaves this package except through {@link
 *       org.flowfield.accounts.AccountService#credentialsOf}, meant for the security
 *       configuration's user look-up.</li>
 * </ul>
 */
package org.flowfield.accounts;
