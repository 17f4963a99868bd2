/** Token data: signing keys and refresh tokens. JPA annotations only. */
package dev.hallpass.token.entity;
