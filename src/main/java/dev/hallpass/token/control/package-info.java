/** Token rules without I/O: key encryption at rest, and the signing-key repository port. */
package dev.hallpass.token.control;
