/**
 * Faces backing beans of the pages every user has: the login page (shared with the console) and
 * "my devices". They call the session and account services, never repositories.
 */
package dev.hallpass.selfservice;
