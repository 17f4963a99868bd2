/** Account data: who can log in, with which roles. JPA annotations only. */
package dev.hallpass.account.entity;
