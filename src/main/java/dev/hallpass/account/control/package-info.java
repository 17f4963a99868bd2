/**
 * Account rules: password hashing and policy, username and role formats, and the
 * {@code AccountRepository} port.
 */
package dev.hallpass.account.control;
