/** Token data: the signing keys. JPA annotations only. */
package dev.hallpass.token.entity;
