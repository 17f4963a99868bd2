/** Security events as stored. JPA annotations only. */
package dev.hallpass.audit.entity;
