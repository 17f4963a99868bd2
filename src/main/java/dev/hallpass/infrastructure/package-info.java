/** Technology that the features plug into: web, persistence, time (later caches and messaging). */
package dev.hallpass.infrastructure;
