/**
 * Entry points of the account feature: {@code AccountService} (the transaction boundary), the admin
 * REST resource, and the bootstrap of the first administrator.
 */
package dev.hallpass.account.boundary;
