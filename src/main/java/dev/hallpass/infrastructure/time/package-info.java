/** Time as a dependency: the {@code Clock} producer. */
package dev.hallpass.infrastructure.time;
