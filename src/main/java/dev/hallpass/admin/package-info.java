/**
 * Faces backing beans of the admin console (dashboard, sessions, accounts, security events). They
 * call the services in the features' boundary packages with value objects, never repositories or
 * entities; web.xml lets only the {@code admin} role reach the pages.
 */
package dev.hallpass.admin;
